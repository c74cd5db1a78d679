// The run's shared LiveKit server (see livekit-global.ts), for test files that need real media.
import { inject } from 'vitest';
import type { SharedLiveKit } from './livekit-global';

/** The shared server, or null with a message printed (locally only: CI fails in the global setup instead). */
export function sharedLiveKit(): SharedLiveKit | null {
  const lk = inject('livekit');
  if (!lk) console.warn(`Skipping LiveKit tests: ${inject('livekitMissing')}`);
  return lk;
}

/** Sends the server's webhooks to `url` too (until the returned function is called). */
export async function receiveWebhooks(lk: SharedLiveKit, url: string): Promise<() => Promise<void>> {
  const send = (path: string) => fetch(`${lk.relay}${path}`, { method: 'POST', body: JSON.stringify({ url }) });
  await send('/subscribe');
  return async () => {
    await send('/unsubscribe');
  };
}
