// In the live room: joining (a token with the grants of the caller's role, once the lesson is open) and the
// teacher letting a classroom speak. The LiveKit calls themselves are in livekit.ts.
import { JOIN_OPENS_MS, joinOpen } from '../../../shared/lessons';
import { audit } from '../../lib/audit';
import type { Config, Deps, RequestMeta } from '../../lib/context';
import type { Queryable } from '../../lib/db';
import { AppError, livekitUnavailable } from '../../lib/errors';
import type { Actor } from '../../lib/policy';
import type { ClassroomInLesson, LessonFor } from './lessons.queries';
import { configuredLiveKit, ensureRoom, type LiveKitConfig, setSpeaking, tokenFor } from './livekit';

/** What joining needs of the deployment: the LiveKit server, and whether it answers right now. */
export interface JoinDeps {
  livekit: Config['livekit'];
  livekitStatus: Deps['livekitStatus'];
}

/**
 * The LiveKit URL and a short-lived token for the caller's part in the lesson, from 15 minutes before its start
 * to its end (half an hour more while it is under way: joinOpen). The lesson's room is made on the first join.
 */
export async function joinLesson(actor: Actor, found: LessonFor, deps: JoinDeps) {
  const { row, rooms, part } = found;
  if (row.status === 'cancelled') throw new AppError('invalid_state', 'This lesson was cancelled');
  const now = Date.now();
  if (now < row.startsAt.getTime() - JOIN_OPENS_MS)
    throw new AppError('invalid_state', 'The lesson opens 15 minutes before it starts', {
      opensAt: new Date(row.startsAt.getTime() - JOIN_OPENS_MS).toISOString(),
    });
  if (!joinOpen(row, now)) throw new AppError('invalid_state', 'This lesson has ended');
  const status = deps.livekitStatus ? await deps.livekitStatus() : null;
  // npm start is still building its LiveKit server: the live pages say so and try again by themselves.
  if (status === 'starting')
    throw livekitUnavailable('The live lesson server is being prepared; the lesson opens as soon as it is ready', {
      reason: 'starting',
    });
  const lk = configuredLiveKit(deps.livekit);
  if (status === 'down') throw livekitUnavailable();
  await ensureRoom(lk, row.roomName, rooms.length + 60);
  const classroom = part.role === 'classroom' ? part : null;
  const token = await tokenFor(lk, {
    identity: classroom ? `classroom:${classroom.classroomId}` : `user:${actor.user.id}`,
    name: classroom ? classroom.classroomName : actor.user.name,
    role: part.role,
    room: row.roomName,
    metadata: { role: part.role, ...(classroom ? { classroomId: classroom.classroomId } : {}), lessonId: row.id },
  });
  return { url: lk.url, token, role: part.role };
}

export interface LetSpeakParams {
  /** The classroom as the teacher's gate (teacherOver) found it. */
  target: ClassroomInLesson;
  allowed: boolean;
}

/** Lets a connected classroom publish its camera and microphone, or stops it; the change is audited. */
export async function letSpeak(
  db: Queryable,
  actor: Actor,
  params: LetSpeakParams,
  meta: RequestMeta,
  lk: LiveKitConfig,
) {
  const { target, allowed } = params;
  const p = await setSpeaking(lk, target.lesson.roomName, target.identity, allowed);
  await audit(db, actor, meta, {
    action: allowed ? 'lesson.speak.allow' : 'lesson.speak.stop',
    entityType: 'lesson',
    entityId: target.lesson.id,
    orgId: target.lesson.schoolId,
    after: { identity: target.identity },
  });
  return { identity: target.identity, name: p.name || target.classroomName, canPublish: p.canPublish };
}
