// The fuzzer's callers: the group leader, a school admin, a teacher, an assistant, 西岭's admin, a script with a
// bearer token, and nobody. Each has a session (or token) of its own and its own client address.
import { eq } from 'drizzle-orm';
import { users } from '../../../server/db/schema';
import { createCredential } from '../../../server/modules/auth/auth.service';
import { Client, type Harness } from '../harness';

interface CallerSpec {
  role: string;
  email?: string;
  kind: 'session' | 'bearer' | 'anonymous';
}
export const CALLERS: CallerSpec[] = [
  { role: 'group leader', email: 'leader@jinghua.demo', kind: 'session' },
  { role: 'school admin', email: 'admin@jhzx.demo', kind: 'session' },
  { role: 'teacher', email: 'wang@jhzx.demo', kind: 'session' },
  { role: 'assistant', email: 'zhao@beishan.demo', kind: 'session' },
  { role: '西岭 admin', email: 'admin@xiling.demo', kind: 'session' },
  { role: 'bearer token', email: 'li@jhxx.demo', kind: 'bearer' },
  { role: 'anonymous', kind: 'anonymous' },
];

export interface Caller extends CallerSpec {
  client: Client;
  userId?: string;
  /** Where its requests come from. */
  ip: string;
  renewing?: Promise<void>;
}

/** The fuzzer's callers, each with a session (the bearer with a token) of its own. */
export async function openCallers(h: Harness): Promise<Caller[]> {
  const db = h.deps.database.db;
  const callers: Caller[] = [];
  for (const [i, spec] of CALLERS.entries()) {
    const email = spec.email ?? '';
    const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
    const caller: Caller = { ...spec, client: h.anon, userId: user?.id, ip: `203.0.113.${20 + i}` };
    await establish(h, caller);
    callers.push(caller);
  }
  return callers;
}

/**
 * A new session or token for the caller, made the way sign-in makes one but without the password: sign-ins are
 * fuzzed as requests, and a caller whose session its own request ended (logout, sign-in, password change) simply
 * gets another without paying for a password hash each time.
 */
async function establish(h: Harness, c: Caller): Promise<void> {
  if (c.kind === 'anonymous' || !c.userId) {
    c.client = new Client(h.app, {}, c.ip);
    return;
  }
  const kind = c.kind === 'bearer' ? 'api_token' : 'session';
  const expiresAt = new Date(Date.now() + 86_400_000);
  const { token } = await createCredential(h.deps.database.db, { userId: c.userId, kind, name: 'fuzz', expiresAt });
  c.client = new Client(h.app, kind === 'session' ? { cookie: `tz_session=${token}` } : { bearer: token }, c.ip);
}

/** Signs the caller in again after its session or token was ended by one of its own requests. */
export async function renew(h: Harness, c: Caller, used: Client) {
  if (c.client !== used) return;
  c.renewing ??= establish(h, c).finally(() => {
    c.renewing = undefined;
  });
  await c.renewing;
}
