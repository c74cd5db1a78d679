// The classroom PC's camera and microphone, chosen and allowed before the lesson (the device check on the classroom
// home page) and remembered in this browser, so that when the teacher lets the class speak the big screen goes on
// air at once with them — never a permission prompt in front of the class. No livekit-client here: the home page
// loads this.

/** A device as remembered: its id in this browser, and its name to find it again if the id changed. */
export interface ChosenDevice {
  id: string;
  label: string;
}

export interface RememberedDevices {
  camera?: ChosenDevice;
  microphone?: ChosenDevice;
  /** When the check last worked (ISO). */
  checkedAt: string;
}

const KEY = 'tz.devices';

export function rememberedDevices(): RememberedDevices | null {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as RememberedDevices | null;
    return saved && typeof saved.checkedAt === 'string' ? saved : null;
  } catch {
    return null;
  }
}

export function rememberDevices(devices: RememberedDevices) {
  localStorage.setItem(KEY, JSON.stringify(devices));
}

/** The remembered device among those present now: by id, else by name (ids change when site data is cleared). */
export function findChosen(list: MediaDeviceInfo[], chosen: ChosenDevice | undefined): MediaDeviceInfo | undefined {
  if (!chosen) return undefined;
  return list.find((d) => d.deviceId === chosen.id) ?? list.find((d) => !!chosen.label && d.label === chosen.label);
}

/** Why this computer cannot go on air: never allowed, blocked, no device, or the device is held by another program. */
export type DeviceProblem = 'prompt' | 'denied' | 'missing' | 'busy';

/** What the browser would do if asked for camera and microphone now; 'unknown' where it does not say (Firefox). */
export async function mediaPermission(): Promise<'granted' | 'prompt' | 'denied' | 'unknown'> {
  try {
    const ask = (name: string) => navigator.permissions.query({ name: name as PermissionName });
    const [cam, mic] = await Promise.all([ask('camera'), ask('microphone')]);
    if (cam.state === 'denied' || mic.state === 'denied') return 'denied';
    if (cam.state === 'prompt' || mic.state === 'prompt') return 'prompt';
    return 'granted';
  } catch {
    return 'unknown';
  }
}

/** The problem a failed getUserMedia names, or undefined for anything else. */
export function problemOf(err: unknown): Exclude<DeviceProblem, 'prompt'> | undefined {
  const name = (err as { name?: string } | null)?.name;
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'missing';
  if (name === 'NotReadableError' || name === 'AbortError') return 'busy';
  return undefined;
}

/** The remembered devices among those present now (their ids now); none where the browser may not name them yet. */
export async function presentChoice(saved = rememberedDevices()): Promise<{ camera?: string; microphone?: string }> {
  const all = await navigator.mediaDevices.enumerateDevices().catch(() => [] as MediaDeviceInfo[]);
  return {
    camera: findChosen(
      all.filter((d) => d.kind === 'videoinput'),
      saved?.camera,
    )?.deviceId,
    microphone: findChosen(
      all.filter((d) => d.kind === 'audioinput'),
      saved?.microphone,
    )?.deviceId,
  };
}

/**
 * Capture constraints for a device known to be present: exactly it (Chrome takes an `ideal` device id as a hint
 * and may open the default one instead); none to let the browser choose.
 */
export const exactly = (deviceId: string | undefined) => (deviceId ? { deviceId: { exact: deviceId } } : {});
