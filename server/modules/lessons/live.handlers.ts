import { dbOf, requestMeta, type SignedInHandler } from '../../lib/router';
import { getLessonFor, getTaughtLesson, lessonAnswerFor, teacherOver } from './lessons.queries';
import { endLesson } from './lessons.service';
import type * as contract from './live.contract';
import { joinLesson, letSpeak } from './live.service';
import { configuredLiveKit, muteTracks } from './livekit';
import { fileUploadedRecording, startServerRecording, stopServerRecording } from './recording.service';

const recorders = 'Only the lesson’s teacher records it';

export const join: SignedInHandler<typeof contract.join> = async (c) => {
  const actor = c.get('actor');
  const { config, livekitStatus } = c.get('deps');
  const found = await getLessonFor(dbOf(c), actor, c.req.valid('param').id);
  return c.json(await joinLesson(actor, found, { livekit: config.livekit, livekitStatus }), 200);
};

export const speak: SignedInHandler<typeof contract.speak> = async (c) => {
  const actor = c.get('actor');
  const { id, identity } = c.req.valid('param');
  const target = await teacherOver(dbOf(c), actor, id, identity);
  const lk = configuredLiveKit(c.get('deps').config.livekit);
  const params = { target, allowed: c.req.valid('json').allowed };
  return c.json({ participant: await letSpeak(dbOf(c), actor, params, requestMeta(c), lk) }, 200);
};

export const mute: SignedInHandler<typeof contract.mute> = async (c) => {
  const { id, identity } = c.req.valid('param');
  const target = await teacherOver(dbOf(c), c.get('actor'), id, identity);
  const lk = configuredLiveKit(c.get('deps').config.livekit);
  return c.json({ muted: await muteTracks(lk, target.lesson.roomName, identity, c.req.valid('json').source) }, 200);
};

export const end: SignedInHandler<typeof contract.end> = async (c) => {
  const actor = c.get('actor');
  const { config, log } = c.get('deps');
  const { row } = await getTaughtLesson(dbOf(c), actor, c.req.valid('param').id, 'Only the lesson’s teacher ends it');
  await endLesson(dbOf(c), actor, { lesson: row }, requestMeta(c), { livekit: config.livekit, log });
  return c.json({ lesson: await lessonAnswerFor(dbOf(c), actor, row.id) }, 200);
};

export const fileRecording: SignedInHandler<typeof contract.fileRecording> = async (c) => {
  const actor = c.get('actor');
  const refusal = 'Only the lesson’s teacher files its recording';
  const { row } = await getTaughtLesson(dbOf(c), actor, c.req.valid('param').id, refusal);
  const params = { lesson: row, resourceId: c.req.valid('json').resourceId };
  await fileUploadedRecording(dbOf(c), actor, params, requestMeta(c));
  return c.json({ lesson: await lessonAnswerFor(dbOf(c), actor, row.id) }, 200);
};

export const startRecording: SignedInHandler<typeof contract.startRecording> = async (c) => {
  const actor = c.get('actor');
  const { livekit, egress } = c.get('deps').config;
  const { row } = await getTaughtLesson(dbOf(c), actor, c.req.valid('param').id, recorders);
  const egressId = await startServerRecording(dbOf(c), actor, { lesson: row }, requestMeta(c), { livekit, egress });
  return c.json({ recording: { mode: 'egress' as const, egressId } }, 200);
};

export const stopRecording: SignedInHandler<typeof contract.stopRecording> = async (c) => {
  const { row } = await getTaughtLesson(dbOf(c), c.get('actor'), c.req.valid('param').id, recorders);
  await stopServerRecording(row, c.get('deps').config.livekit);
  return c.body(null, 204);
};
