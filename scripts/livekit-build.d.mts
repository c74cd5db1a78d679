// Types of scripts/livekit-build.mjs, for the server (npm start's background build).
/** The pinned LiveKit server release. */
export const LIVEKIT_VERSION: string;
/** Go's version line, or null when there is no Go here. */
export function goVersion(): string | null;
/** Builds livekit-server into `target`; `stop()` ends the build. */
export function buildLiveKit(
  target: string,
  opts?: { onLine?: (line: string) => void },
): Promise<string> & { stop(): void };
