import { publicRouter, signedInRouter } from '../../lib/router';
import * as lessons from './lessons.contract';
import * as lessonHandlers from './lessons.handlers';
import * as live from './live.contract';
import * as liveHandlers from './live.handlers';
import * as webhooks from './webhooks.contract';
import * as webhookHandlers from './webhooks.handlers';

// In the order they were always registered (openapi.json lists them so).
export const lessonsRoutes = signedInRouter()
  .openapi(lessons.create, lessonHandlers.create)
  .openapi(lessons.list, lessonHandlers.list)
  // Before `/lessons/{id}`, which would take "defaults" for an id.
  .openapi(lessons.defaults, lessonHandlers.defaults)
  .openapi(lessons.get, lessonHandlers.get)
  .openapi(live.join, liveHandlers.join)
  .openapi(live.speak, liveHandlers.speak)
  .openapi(live.mute, liveHandlers.mute)
  .openapi(live.end, liveHandlers.end)
  .openapi(lessons.getAttendance, lessonHandlers.getAttendance)
  .openapi(lessons.update, lessonHandlers.update)
  .openapi(lessons.cancel, lessonHandlers.cancel)
  .openapi(lessons.putFeedback, lessonHandlers.putFeedback)
  .openapi(lessons.getFeedback, lessonHandlers.getFeedback)
  .openapi(live.fileRecording, liveHandlers.fileRecording)
  .openapi(live.startRecording, liveHandlers.startRecording)
  .openapi(live.stopRecording, liveHandlers.stopRecording);

/** LiveKit's webhooks: public, let in by their signature. */
export const webhooksRoutes = publicRouter().openapi(webhooks.receive, webhookHandlers.receive);
