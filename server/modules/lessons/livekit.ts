// Tokens and rooms on the LiveKit server. Grants by role (CONTRACT): the teacher publishes camera, microphone
// and screen share and is room admin; a classroom subscribes and sends data (raise hand, chat) and publishes
// media only once `speak` allows it; an observer subscribes only, hidden.
import { AccessToken, RoomServiceClient, TrackSource, type VideoGrant } from 'livekit-server-sdk';
import type { LessonRole } from '../../../shared/enums';
import { AppError } from '../../lib/errors';

export interface LiveKitConfig {
  url: string;
  apiKey: string;
  apiSecret: string;
}

/** Short-lived: a token only opens the door; LiveKit refreshes the session of a connected participant itself. */
export const TOKEN_TTL = '15m';

export function grantsFor(role: LessonRole, room: string): VideoGrant {
  const base = { roomJoin: true, room, canSubscribe: true };
  if (role === 'teacher') {
    return { ...base, canPublish: true, canPublishData: true, roomAdmin: true, canPublishSources: [TrackSource.CAMERA, TrackSource.MICROPHONE, TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO] };
  }
  if (role === 'classroom') return { ...base, canPublish: false, canPublishData: true };
  return { ...base, canPublish: false, canPublishData: false, hidden: true };
}

export async function tokenFor(cfg: LiveKitConfig, p: { identity: string; name: string; role: LessonRole; room: string; metadata: Record<string, unknown> }) {
  const token = new AccessToken(cfg.apiKey, cfg.apiSecret, { identity: p.identity, name: p.name, ttl: TOKEN_TTL, metadata: JSON.stringify(p.metadata) });
  token.addGrant(grantsFor(p.role, p.room));
  return token.toJwt();
}

const httpUrl = (url: string) => url.replace(/^ws/, 'http');

/** Creates the lesson's room if it does not exist yet (createRoom is idempotent), with its limits. */
export async function ensureRoom(cfg: LiveKitConfig, name: string, maxParticipants: number) {
  const rooms = new RoomServiceClient(httpUrl(cfg.url), cfg.apiKey, cfg.apiSecret);
  try {
    await rooms.createRoom({ name, emptyTimeout: 10 * 60, departureTimeout: 60, maxParticipants });
  } catch (err) {
    throw new AppError('livekit_unavailable', 'The live lesson server does not answer; try again in a moment', { reason: String((err as Error)?.message ?? err).slice(0, 200) });
  }
}
