// Tokens and rooms on the LiveKit server. Grants by role (CONTRACT): the teacher publishes camera, microphone
// and screen share and is room admin; a classroom subscribes and sends data (raise hand, chat) and publishes
// media only once `speak` allows it; an observer subscribes only, hidden.
import {
  AccessToken,
  EgressClient,
  EncodedFileOutput,
  EncodedFileType,
  RoomServiceClient,
  S3Upload,
  TrackSource,
  type VideoGrant,
} from 'livekit-server-sdk';
import type { LessonRole } from '../../../shared/enums';
import type { Config } from '../../lib/context';
import { AppError, livekitUnavailable } from '../../lib/errors';
import type { Logger } from '../../lib/log';

export type LiveKitConfig = NonNullable<Config['livekit']>;
type EgressConfig = NonNullable<Config['egress']>;

/** The configured LiveKit server; none configured here answers 503. */
export function configuredLiveKit(cfg: Config['livekit']): LiveKitConfig {
  if (!cfg) throw livekitUnavailable('No live lesson server is configured here');
  return cfg;
}

/** Short-lived: a token only opens the door; LiveKit refreshes the session of a connected participant itself. */
const TOKEN_TTL = '15m';

function grantsFor(role: LessonRole, room: string): VideoGrant {
  const base = { roomJoin: true, room, canSubscribe: true };
  if (role === 'teacher') {
    return {
      ...base,
      canPublish: true,
      canPublishData: true,
      roomAdmin: true,
      canPublishSources: [
        TrackSource.CAMERA,
        TrackSource.MICROPHONE,
        TrackSource.SCREEN_SHARE,
        TrackSource.SCREEN_SHARE_AUDIO,
      ],
    };
  }
  if (role === 'classroom') return { ...base, canPublish: false, canPublishData: true };
  return { ...base, canPublish: false, canPublishData: false, hidden: true };
}

export async function tokenFor(
  cfg: LiveKitConfig,
  p: { identity: string; name: string; role: LessonRole; room: string; metadata: Record<string, unknown> },
) {
  const token = new AccessToken(cfg.apiKey, cfg.apiSecret, {
    identity: p.identity,
    name: p.name,
    ttl: TOKEN_TTL,
    metadata: JSON.stringify(p.metadata),
  });
  token.addGrant(grantsFor(p.role, p.room));
  return token.toJwt();
}

const httpUrl = (url: string) => url.replace(/^ws/, 'http');
const roomService = (cfg: LiveKitConfig) => new RoomServiceClient(httpUrl(cfg.url), cfg.apiKey, cfg.apiSecret);

/**
 * LiveKit's "no such participant or room" becomes ours (409: the classroom is not in the lesson now); anything else
 * means the server is unwell.
 */
function fromLiveKit(err: unknown): AppError {
  const e = err as { status?: number; code?: string; message?: string };
  if (e?.status === 404 || e?.code === 'not_found')
    return new AppError('invalid_state', 'That classroom is not connected to the lesson right now');
  return livekitUnavailable(undefined, { reason: String(e?.message ?? err).slice(0, 200) });
}

/** Rooms created in the last minute (per process): classrooms joining together need not each ask LiveKit again. */
const ensured = new Map<string, number>();
const ENSURED_MS = 60_000;

/** Creates the lesson's room if it does not exist yet (createRoom is idempotent), with its limits. */
export async function ensureRoom(cfg: LiveKitConfig, name: string, maxParticipants: number) {
  const key = `${cfg.url} ${name}`;
  if ((ensured.get(key) ?? 0) > Date.now()) return;
  try {
    await roomService(cfg).createRoom({ name, emptyTimeout: 10 * 60, departureTimeout: 60, maxParticipants });
  } catch (err) {
    throw fromLiveKit(err);
  }
  if (ensured.size > 1000) ensured.clear();
  ensured.set(key, Date.now() + ENSURED_MS);
}

/**
 * Lets a classroom publish its camera and microphone, or stops it. UpdateParticipant replaces every permission,
 * so the classroom's own (subscribe, send data) go along unchanged; revoking makes the server unpublish its tracks.
 */
export async function setSpeaking(cfg: LiveKitConfig, room: string, identity: string, allowed: boolean) {
  try {
    const p = await roomService(cfg).updateParticipant(room, identity, {
      permission: {
        canSubscribe: true,
        canPublishData: true,
        canPublish: allowed,
        canPublishSources: allowed ? [TrackSource.CAMERA, TrackSource.MICROPHONE] : [],
        hidden: false,
      },
    });
    return { identity: p.identity, name: p.name, canPublish: !!p.permission?.canPublish };
  } catch (err) {
    throw fromLiveKit(err);
  }
}

/**
 * Mutes a classroom's published tracks of one kind (the classroom unmutes itself; the teacher can stop it speaking).
 */
export async function muteTracks(cfg: LiveKitConfig, room: string, identity: string, source: 'microphone' | 'camera') {
  const svc = roomService(cfg);
  try {
    const p = await svc.getParticipant(room, identity);
    const want = source === 'microphone' ? TrackSource.MICROPHONE : TrackSource.CAMERA;
    const tracks = p.tracks.filter((t) => t.source === want && !t.muted);
    for (const t of tracks) await svc.mutePublishedTrack(room, identity, t.sid, true);
    return tracks.length;
  } catch (err) {
    throw fromLiveKit(err);
  }
}

/** Ends the lesson's room: everyone in it is disconnected. A room that is already gone is fine. */
async function closeRoom(cfg: LiveKitConfig, room: string) {
  ensured.delete(`${cfg.url} ${room}`);
  try {
    await roomService(cfg).deleteRoom(room);
  } catch (err) {
    const e = fromLiveKit(err);
    if (e.code !== 'invalid_state') throw e;
  }
}

/** What closing a lesson's room needs: the server (none configured: nothing to close) and where to log a failure. */
export interface RoomDeps {
  livekit: Config['livekit'];
  log: Logger;
}

/**
 * Closes a lesson's room once its new state is saved; a failure is logged, not answered (the room times out by
 * itself).
 */
export async function closeRoomQuietly(deps: RoomDeps, lesson: { id: string; roomName: string }) {
  if (deps.livekit)
    await closeRoom(deps.livekit, lesson.roomName).catch((err) =>
      deps.log.log('warn', 'livekit.close_room_failed', { lessonId: lesson.id, error: String(err) }),
    );
}

const egressUnavailable = (err: unknown) =>
  new AppError(
    'service_unavailable',
    'Recording on the live server is not available; the teacher’s browser records instead',
    { reason: String((err as Error)?.message ?? err).slice(0, 200) },
  );

/** Starts a room-composite recording (speaker layout) written as MP4 to `key` in our bucket; returns its egress id. */
export async function startEgress(
  cfg: LiveKitConfig,
  egress: EgressConfig,
  room: string,
  key: string,
): Promise<string> {
  const s3 = egress.s3;
  const file = new EncodedFileOutput({
    fileType: EncodedFileType.MP4,
    filepath: key,
    output: {
      case: 's3',
      value: new S3Upload({
        accessKey: s3.accessKey,
        secret: s3.secret,
        region: s3.region,
        endpoint: s3.endpoint,
        bucket: s3.bucket,
        forcePathStyle: true,
      }),
    },
  });
  try {
    // LiveKit waits for an Egress worker to accept; with none attached it answers only at its timeout.
    const info = await new EgressClient(httpUrl(cfg.url), cfg.apiKey, cfg.apiSecret, {
      requestTimeout: 6,
    }).startRoomCompositeEgress(room, file, { layout: 'speaker' });
    return info.egressId;
  } catch (err) {
    throw egressUnavailable(err);
  }
}

export async function stopEgress(cfg: LiveKitConfig, egressId: string) {
  try {
    await new EgressClient(httpUrl(cfg.url), cfg.apiKey, cfg.apiSecret).stopEgress(egressId);
  } catch (err) {
    const e = err as { status?: number; code?: string };
    if (e?.status === 404 || e?.code === 'not_found' || e?.status === 412) return; // already over
    throw egressUnavailable(err);
  }
}
