// The harness's client (typed by the API's routes) speaking real HTTP to a running server — a built Node server, a
// proxy in front of several, or `wrangler dev` — instead of calling the app in-process.
import { DEMO_PASSWORD } from '../../server/db/seed';
import { Client, expectStatus } from './harness';

/** What Client needs of an app, answered by fetch against `base` (http://host:port). */
export const over = (base: string) =>
  ({
    request: (url: string, init: RequestInit) => {
      const u = new URL(url);
      return fetch(`${base}${u.pathname}${u.search}`, init);
    },
  }) as unknown as ConstructorParameters<typeof Client>[0];

/** A person signed in through `base`; `at(url)` speaks with their session to any address. */
export async function signInAt(base: string, email: string) {
  const res = await new Client(over(base)).post('/api/auth/login', { email, password: DEMO_PASSWORD });
  expectStatus(res, 200);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  return { cookie, at: (url: string) => new Client(over(url), { cookie }) };
}
