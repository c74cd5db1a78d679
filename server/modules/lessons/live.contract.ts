import { createRoute } from '@hono/zod-openapi';
import { idParam } from '../../../shared/schemas/common';
import {
  fileRecordingInput,
  joinAnswer,
  lessonAnswer,
  muteAnswer,
  muteInput,
  participantParam,
  recordingAnswer,
  speakInput,
  speakingAnswer,
} from '../../../shared/schemas/lessons';
import { commonErrors, errorAnswers, json, jsonBody } from '../../lib/router';

export const join = createRoute({
  method: 'post',
  path: '/lessons/{id}/join',
  tags: ['lessons'],
  summary: 'A LiveKit URL and a short-lived token with the grants of the caller’s role',
  request: { params: idParam },
  responses: {
    200: json(joinAnswer),
    ...commonErrors,
    ...errorAnswers({
      409: 'Not open now (more than 15 minutes before, after the end, or cancelled)',
      503: '`livekit_unavailable`, with Retry-After',
    }),
  },
});

export const speak = createRoute({
  method: 'post',
  path: '/lessons/{id}/participants/{identity}/speak',
  tags: ['lessons'],
  summary:
    'The lesson’s teacher lets a connected classroom publish its camera and microphone, ' +
    'or stops it (its tracks are removed)',
  request: { params: participantParam, body: jsonBody(speakInput) },
  responses: {
    200: json(speakingAnswer),
    ...commonErrors,
    ...errorAnswers({
      409: 'The classroom is not connected, or the lesson is not running',
      503: '`livekit_unavailable`, with Retry-After',
    }),
  },
});

export const mute = createRoute({
  method: 'post',
  path: '/lessons/{id}/participants/{identity}/mute',
  tags: ['lessons'],
  summary:
    'The lesson’s teacher mutes a classroom’s microphone or camera ' +
    '(the classroom may unmute itself while it may speak)',
  request: { params: participantParam, body: jsonBody(muteInput) },
  responses: {
    200: json(muteAnswer),
    ...commonErrors,
    ...errorAnswers({ 409: 'The classroom is not connected', 503: '`livekit_unavailable`, with Retry-After' }),
  },
});

export const end = createRoute({
  method: 'post',
  path: '/lessons/{id}/end',
  tags: ['lessons'],
  summary: 'The lesson’s teacher ends the lesson: its room closes and everyone in it leaves',
  request: { params: idParam },
  responses: { 200: json(lessonAnswer), ...commonErrors, ...errorAnswers({ 409: 'Already ended or cancelled' }) },
});

export const fileRecording = createRoute({
  method: 'post',
  path: '/lessons/{id}/recording',
  tags: ['lessons'],
  summary: 'The teacher files the lesson’s recording (a library resource they uploaded) with the lesson’s materials',
  request: { params: idParam, body: jsonBody(fileRecordingInput) },
  responses: { 200: json(lessonAnswer), ...commonErrors },
});

export const startRecording = createRoute({
  method: 'post',
  path: '/lessons/{id}/recording/start',
  tags: ['lessons'],
  summary:
    'Where LiveKit Egress is configured, the teacher starts a room-composite recording; ' +
    'it becomes a library resource when it ends (503 otherwise: the browser records)',
  request: { params: idParam },
  responses: { 200: json(recordingAnswer), ...commonErrors, ...errorAnswers({ 503: 'No Egress here' }) },
});

export const stopRecording = createRoute({
  method: 'post',
  path: '/lessons/{id}/recording/stop',
  tags: ['lessons'],
  summary: 'The teacher stops the server-side recording (the file is filed when LiveKit reports it done)',
  request: { params: idParam },
  responses: { 204: { description: 'Stopped' }, ...commonErrors, ...errorAnswers({ 503: 'No Egress here' }) },
});
