// The soak's mix (bench/soak.bench.ts): what the demo accounts do on an ordinary school day, as weighted
// operations. Four in five requests read (who am I, facilities and their free times, the library, lessons,
// notices, bookings); one in five writes (bookings on distinct slots, cancelling and approving some, a clash
// that must answer 409, comments, favourites, notices read). Each operation names the statuses it expects.
import { signIn } from './lib';

export const ACCOUNTS = {
  wang: 'wang@jhzx.demo',
  zhang: 'zhang@jhzx.demo',
  li: 'li@jhxx.demo',
  zhao: 'zhao@beishan.demo',
  chen: 'chen@nanhu.demo',
  admin: 'admin@jhzx.demo',
  leader: 'leader@jinghua.demo',
  xiling: 'admin@xiling.demo',
} as const;
export type Account = keyof typeof ACCOUNTS;

export interface Call {
  op: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  as: Account;
  body?: unknown;
  /** The statuses that are right for this call; any other is counted as unexpected. */
  expect: number[];
  /** Called with the parsed answer when the status was expected. */
  then?: (body: unknown) => void;
}

/** What the mix needs to know of the seeded data, and the bookings it has made so far. */
export interface MixState {
  cookies: Record<Account, string>;
  /** Facilities each account sees in GET /api/facilities. */
  facilities: Partial<Record<Account, string[]>>;
  /** Resources each account sees on the first page of GET /api/resources. */
  resources: Partial<Record<Account, string[]>>;
  /** The demo's dual-teacher lesson. */
  lessonId: string;
  /** The soak's two facilities, open around the clock: one books at once, one waits for approval. */
  openFacility: string;
  approvalFacility: string;
  /** Next free half-hour slot per facility (slot n starts n × 30 min after `firstSlot`). */
  nextSlot: Record<string, number>;
  firstSlot: number;
  /** Bookings made by the soak and still active, oldest first. */
  approved: { id: string; slot: number }[];
  pending: string[];
  favourites: Set<string>;
}

const SLOT_MS = 30 * 60_000;
const SEARCHES = ['分数', '古诗', '实验', '方程', '阅读', '课件', '教学设计', '光的折射', '口算', '英语'];
const SUBJECTS = ['math', 'chinese', 'english', 'physics', 'science'];
const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

export function pick<T>(rand: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rand() * xs.length)]!;
}

/** A small seeded PRNG (mulberry32), so every run sends the same mix in the same order. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function bookSlot(s: MixState, facilityId: string) {
  const slot = s.nextSlot[facilityId]!;
  s.nextSlot[facilityId] = slot + 1;
  const startsAt = s.firstSlot + slot * SLOT_MS;
  return {
    slot,
    body: { facilityId, startsAt: iso(startsAt), endsAt: iso(startsAt + SLOT_MS), purpose: '压测：社团活动' },
  };
}

const bookingIdOf = (body: unknown) => (body as { booking: { id: string } }).booking.id;

type Op = [weight: number, make: (s: MixState, rand: () => number) => Call | null];

/** Weights add up to 100. An operation whose precondition is not met (nothing to cancel yet) answers null. */
const OPS: Op[] = [
  [13, (_, r) => ({ op: 'me', method: 'GET', path: '/api/me', as: pick(r, accounts), expect: [200] })],
  [8, (_, r) => ({ op: 'facilities', method: 'GET', path: '/api/facilities', as: pick(r, bookers), expect: [200] })],
  [
    10,
    (s, r) => {
      const as = pick(r, bookers);
      const from = Date.now();
      const q = `from=${encodeURIComponent(iso(from))}&to=${encodeURIComponent(iso(from + 7 * 86400_000))}`;
      const facility = pick(r, s.facilities[as]!);
      return {
        op: 'availability',
        method: 'GET',
        path: `/api/facilities/${facility}/availability?${q}`,
        as,
        expect: [200],
      };
    },
  ],
  [
    4,
    (_, r) => {
      const from = Date.now();
      const q = `from=${encodeURIComponent(iso(from))}&to=${encodeURIComponent(iso(from + 7 * 86400_000))}`;
      return {
        op: 'group calendar',
        method: 'GET',
        path: `/api/facility-availability?${q}`,
        as: pick(r, bookers),
        expect: [200],
      };
    },
  ],
  [
    12,
    (_, r) => ({
      op: 'library search',
      method: 'GET',
      path: `/api/resources?q=${encodeURIComponent(pick(r, SEARCHES))}`,
      as: pick(r, teachers),
      expect: [200],
    }),
  ],
  [
    4,
    (_, r) => ({
      op: 'library browse',
      method: 'GET',
      path: `/api/resources?subject=${pick(r, SUBJECTS)}`,
      as: pick(r, teachers),
      expect: [200],
    }),
  ],
  [
    3,
    (s, r) => {
      const as = pick(r, teachers);
      return {
        op: 'comments',
        method: 'GET',
        path: `/api/resources/${pick(r, s.resources[as]!)}/comments`,
        as,
        expect: [200],
      };
    },
  ],
  [
    8,
    (_, r) => {
      const as = pick(r, ['wang', 'zhao', 'chen', 'li'] as const);
      const scope = as === 'li' ? 'mine' : 'upcoming';
      return { op: 'lessons', method: 'GET', path: `/api/lessons?scope=${scope}`, as, expect: [200] };
    },
  ],
  [
    3,
    (s, r) => ({
      op: 'lesson',
      method: 'GET',
      path: `/api/lessons/${s.lessonId}`,
      as: pick(r, ['wang', 'zhao', 'chen'] as const),
      expect: [200],
    }),
  ],
  // Another group's admin asks for the lesson: not visible to them, so 404 (never 403).
  [
    1,
    (s) => ({
      op: 'lesson (other group)',
      method: 'GET',
      path: `/api/lessons/${s.lessonId}`,
      as: 'xiling',
      expect: [404],
    }),
  ],
  [
    8,
    (_, r) => ({
      op: 'notifications',
      method: 'GET',
      path: '/api/notifications',
      as: pick(r, accounts),
      expect: [200],
    }),
  ],
  [
    4,
    (_, r) => ({
      op: 'my bookings',
      method: 'GET',
      path: '/api/bookings?scope=mine',
      as: pick(r, ['wang', 'li'] as const),
      expect: [200],
    }),
  ],
  [2, () => ({ op: 'to approve', method: 'GET', path: '/api/bookings?scope=to_approve', as: 'admin', expect: [200] })],
  // Writes.
  [
    6,
    (s) => {
      const { slot, body } = bookSlot(s, s.openFacility);
      const then = (b: unknown) => s.approved.push({ id: bookingIdOf(b), slot });
      return { op: 'book', method: 'POST', path: '/api/bookings', as: 'wang', body, expect: [201], then };
    },
  ],
  [
    3,
    (s) => {
      const { body } = bookSlot(s, s.approvalFacility);
      const then = (b: unknown) => s.pending.push(bookingIdOf(b));
      return { op: 'book (to approve)', method: 'POST', path: '/api/bookings', as: 'li', body, expect: [201], then };
    },
  ],
  // A colleague tries the newest booked slot: the exclusion constraint must answer 409 booking_conflict.
  [
    1,
    (s) => {
      const newest = s.approved.at(-1);
      if (!newest || s.approved.length < 5) return null;
      const startsAt = s.firstSlot + newest.slot * SLOT_MS;
      const body = {
        facilityId: s.openFacility,
        startsAt: iso(startsAt),
        endsAt: iso(startsAt + SLOT_MS),
        purpose: '压测',
      };
      return { op: 'book (clash)', method: 'POST', path: '/api/bookings', as: 'zhang', body, expect: [409] };
    },
  ],
  // The oldest of the soak's bookings are cancelled, so the newest stays free to clash with.
  [
    2,
    (s) => {
      if (s.approved.length < 5) return null;
      const { id } = s.approved.shift()!;
      return {
        op: 'cancel',
        method: 'POST',
        path: `/api/bookings/${id}/cancel`,
        as: 'wang',
        body: { reason: '压测' },
        expect: [200],
      };
    },
  ],
  [
    2,
    (s) => {
      const id = s.pending.shift();
      return id
        ? { op: 'approve', method: 'POST', path: `/api/bookings/${id}/approve`, as: 'admin', expect: [200] }
        : null;
    },
  ],
  [
    1,
    (s) => {
      const id = s.pending.shift();
      return id
        ? { op: 'cancel (pending)', method: 'POST', path: `/api/bookings/${id}/cancel`, as: 'li', expect: [200] }
        : null;
    },
  ],
  [
    2,
    (s, r) => {
      const as = pick(r, teachers);
      const body = { body: `压测评论：这份资源的第 ${Math.floor(r() * 10) + 1} 部分很适合课堂使用。` };
      return {
        op: 'comment',
        method: 'POST',
        path: `/api/resources/${pick(r, s.resources[as]!)}/comments`,
        as,
        body,
        expect: [201],
      };
    },
  ],
  [
    2,
    (s, r) => {
      const id = pick(r, s.resources.li!);
      const on = !s.favourites.has(id);
      if (on) s.favourites.add(id);
      else s.favourites.delete(id);
      const method = on ? 'PUT' : 'DELETE';
      return { op: 'favourite', method, path: `/api/resources/${id}/favourite`, as: 'li', expect: [204] };
    },
  ],
  [
    1,
    (_, r) => ({
      op: 'notifications read',
      method: 'POST',
      path: '/api/notifications/read',
      as: pick(r, ['admin', 'li'] as const),
      body: {},
      expect: [200],
    }),
  ],
];

const accounts = Object.keys(ACCOUNTS).filter((a) => a !== 'xiling') as Account[];
const bookers = ['wang', 'li', 'admin', 'leader'] as const;
const teachers = ['wang', 'zhang', 'li', 'zhao', 'chen'] as const;
/** The accounts whose facilities and resources the setup reads. */
export const READERS: Account[] = [...new Set<Account>([...bookers, ...teachers])];

const total = OPS.reduce((n, [w]) => n + w, 0);

/** The next call of the mix (operations whose precondition is not met are drawn again). */
export function nextCall(s: MixState, rand: () => number): Call {
  for (;;) {
    let x = rand() * total;
    let op = OPS[0]!;
    for (op of OPS) {
      x -= op[0];
      if (x < 0) break;
    }
    const call = op[1](s, rand);
    if (call) return call;
  }
}

/** Sends one call; answers its status, or 0 when no answer came within 30 s. */
export async function send(base: string, s: MixState, call: Call): Promise<number> {
  const headers: Record<string, string> = { cookie: s.cookies[call.as] };
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  try {
    const res = await fetch(`${base}${call.path}`, {
      method: call.method,
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    if (call.then && call.expect.includes(res.status)) call.then(JSON.parse(text));
    return res.status;
  } catch {
    return 0;
  }
}

const allDay = Object.fromEntries(
  ['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [{ start: '00:00', end: '24:00' }]]),
);

/**
 * Signs every account in, creates the soak's two facilities as the school admin (through the API), and reads
 * what each account sees: its facilities, the first page of the library, the demo lesson.
 */
export async function prepareMix(base: string): Promise<MixState> {
  const entries = await Promise.all(
    Object.entries(ACCOUNTS).map(async ([a, email]) => [a, (await signIn(base, email)).cookie] as const),
  );
  const cookies = Object.fromEntries(entries) as Record<Account, string>;
  const call = async <T>(as: Account, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${base}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { cookie: cookies[as], 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path} as ${as} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  };
  const facility = async (name: string, approvalRequired: boolean) =>
    (
      await call<{ facility: { id: string } }>('admin', '/api/facilities', {
        name,
        kind: 'other',
        capacity: 100,
        scope: 'group',
        approvalRequired,
        advanceDays: 730,
        openingHours: allDay,
      })
    ).facility.id;
  const openFacility = await facility('压测活动室（免审批）', false);
  const approvalFacility = await facility('压测活动室（需审批）', true);
  const ids = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);
  const facilities: MixState['facilities'] = {};
  const resources: MixState['resources'] = {};
  for (const a of READERS) {
    facilities[a] = ids(await call(a, '/api/facilities'));
    resources[a] = ids(await call(a, '/api/resources'));
    if (!facilities[a]!.length || !resources[a]!.length) throw new Error(`${a} sees no facilities or no resources`);
  }
  const lessons = ids(await call('wang', '/api/lessons?scope=upcoming'));
  if (!lessons[0]) throw new Error('wang@jhzx.demo has no upcoming lesson');
  // Slots from the day after tomorrow, Beijing midnight, on: never too soon, whatever the hour.
  const firstSlot = Math.ceil((Date.now() + 8 * 3600_000) / 86400_000) * 86400_000 - 8 * 3600_000 + 86400_000;
  return {
    cookies,
    facilities,
    resources,
    lessonId: lessons[0],
    openFacility,
    approvalFacility,
    nextSlot: { [openFacility]: 0, [approvalFacility]: 0 },
    firstSlot,
    approved: [],
    pending: [],
    favourites: new Set(),
  };
}
