// Writes of the lessons domain. Each names the queries its change shows in; the live-room ones (speak, mute,
// recording on the server) change nothing a query holds: LiveKit's own events carry them to the pages.
import { action, json } from '@solidjs/router';
import type { z } from 'zod';
import type {
  cancelLessonInput,
  createLessonInput,
  feedbackInput,
  updateLessonInput,
} from '../../../../shared/schemas/lessons';
import type { ResourceMeta } from '../../../../shared/schemas/resources';
import { call, client } from '../../lib/api';
import { getResources } from '../library/library.queries';
import { sendFile } from '../library/upload-request';
import { getAttendance, getFeedback, getLesson, getLessons } from './lessons.queries';

/** A master teacher schedules a lesson or a weekly series; a clash answers 409 with the clashes in its details. */
export const scheduleLesson = action(async (input: z.input<typeof createLessonInput>) => {
  const res = await call(client.lessons.$post({ json: input as z.infer<typeof createLessonInput> }));
  return json(res, { revalidate: [getLessons.key] });
}, 'scheduleLesson');

/** Moves a lesson (and, with `series`, the rest of its series by the same amount). */
export const moveLesson = action(async (id: string, input: z.input<typeof updateLessonInput>) => {
  const res = await call(
    client.lessons[':id'].$patch({ param: { id }, json: input as z.infer<typeof updateLessonInput> }),
  );
  return json(res, { revalidate: [getLesson.key, getLessons.key] });
}, 'moveLesson');

/** Whether the lesson is recorded: the teacher's choice, remembered with the lesson (also while it is live). */
export const chooseRecording = action(async (id: string, record: boolean) => {
  const res = await call(
    client.lessons[':id'].$patch({ param: { id }, json: { record, series: false, allowClashes: false } }),
  );
  return json(res, { revalidate: [getLesson.key] });
}, 'chooseRecording');

export const cancelLesson = action(async (id: string, input: z.input<typeof cancelLessonInput>) => {
  const res = await call(
    client.lessons[':id'].cancel.$post({ param: { id }, json: input as z.infer<typeof cancelLessonInput> }),
  );
  return json(res, { revalidate: [getLesson.key, getLessons.key] });
}, 'cancelLesson');

/** An assistant's feedback or an observer's evaluation (one per person, saved again as it changes). */
export const saveFeedback = action(async (id: string, input: z.input<typeof feedbackInput>) => {
  const res = await call(
    client.lessons[':id'].feedback.$put({ param: { id }, json: input as z.infer<typeof feedbackInput> }),
  );
  return json(res, { revalidate: [getFeedback.key] });
}, 'saveFeedback');

/** The teacher lets a connected classroom speak (its camera and microphone), or stops it. */
export const allowSpeaking = action(async (id: string, identity: string, allowed: boolean) => {
  const res = await call(
    client.lessons[':id'].participants[':identity'].speak.$post({ param: { id, identity }, json: { allowed } }),
  );
  return json(res, { revalidate: [] });
}, 'allowSpeaking');

export const muteClassroom = action(async (id: string, identity: string) => {
  const res = await call(
    client.lessons[':id'].participants[':identity'].mute.$post({
      param: { id, identity },
      json: { source: 'microphone' },
    }),
  );
  return json(res, { revalidate: [] });
}, 'muteClassroom');

export const endLesson = action(async (id: string) => {
  const res = await call(client.lessons[':id'].end.$post({ param: { id } }));
  return json(res, { revalidate: [getLesson.key, getLessons.key, getAttendance.key] });
}, 'endLesson');

/** LiveKit Egress records on the server where it is configured; elsewhere this answers 503. */
export const startServerRecording = action(async (id: string) => {
  const res = await call(client.lessons[':id'].recording.start.$post({ param: { id } }));
  return json(res, { revalidate: [] });
}, 'startServerRecording');

export const stopServerRecording = action(async (id: string) => {
  const res = await call(client.lessons[':id'].recording.stop.$post({ param: { id } }));
  return json(res, { revalidate: [] });
}, 'stopServerRecording');

/**
 * A recording made in the teacher's browser goes to the library (with `onProgress` 0–1 as bytes leave) and is filed
 * with the lesson.
 */
export const fileRecording = action(
  async (id: string, file: File, meta: ResourceMeta, onProgress: (fraction: number) => void) => {
    const resource = await sendFile('/api/resources', file, meta, onProgress).done;
    const res = await call(client.lessons[':id'].recording.$post({ param: { id }, json: { resourceId: resource.id } }));
    return json(res, { revalidate: [getLesson.key, getResources.key] });
  },
  'fileRecording',
);
