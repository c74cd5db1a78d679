import { dbOf, type PublicHandler } from '../../lib/router';
import { configuredLiveKit } from './livekit';
import type * as contract from './webhooks.contract';
import { applyEvent, fileIfRecordingEnded, verifiedEvent } from './webhooks.service';

// Public: LiveKit calls it, and the signature over the raw body is what lets it in.
export const receive: PublicHandler<typeof contract.receive> = async (c) => {
  const deps = c.get('deps');
  const lk = configuredLiveKit(deps.config.livekit);
  const event = await verifiedEvent(lk, await c.req.text(), c.req.header('authorization'));
  await fileIfRecordingEnded(dbOf(c), deps, event);
  return c.json({ ok: true, applied: await applyEvent(dbOf(c), event) }, 200);
};
