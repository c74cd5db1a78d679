// The API test harness: one database and one app per test file, the demo tenants seeded, and
// `as(email)` clients that sign in once and then speak HTTP to the app like a browser would.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../server/app';
import { DEMO_PASSWORD, type DemoIds, seedDemo } from '../../server/db/seed';
import type { Deps } from '../../server/lib/context';
import { createLogger } from '../../server/lib/log';
import { LocalStorage } from '../../server/modules/resources/storage';
import { openTestDatabase } from './db';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export class Client {
  constructor(
    private readonly app: ReturnType<typeof createApp>,
    private readonly auth: { cookie?: string; bearer?: string } = {},
    private readonly ip = '203.0.113.7',
  ) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const h: Record<string, string> = { 'x-forwarded-for': this.ip, ...headers };
    if (this.auth.cookie) h.cookie = this.auth.cookie;
    if (this.auth.bearer) h.authorization = `Bearer ${this.auth.bearer}`;
    let payload: BodyInit | undefined;
    if (typeof body === 'string' || body instanceof FormData || body instanceof Uint8Array) payload = body as BodyInit;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await this.app.request(`http://localhost${path}`, { method, headers: h, body: payload });
    // Text stays text (UTF-8); a binary body is kept byte for byte as Latin-1 so its length is its byte count.
    const type = res.headers.get('content-type') ?? '';
    const text =
      !type || /^(application\/json|text\/)/.test(type)
        ? await res.text()
        : Buffer.from(await res.arrayBuffer()).toString('latin1');
    let parsed: any = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {}
    return { status: res.status, body: parsed, headers: res.headers, text };
  }
  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body, headers);
  }
  patch<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', path, body, headers);
  }
  put<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', path, body, headers);
  }
  delete<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', path, undefined, headers);
  }
}

export interface Harness {
  app: ReturnType<typeof createApp>;
  deps: Deps;
  ids: DemoIds;
  anon: Client;
  /** A signed-in client for a demo (or invited) account; sessions are reused within the file. */
  as(email: string, password?: string): Promise<Client>;
  /** Sign in afresh and return the raw reply (to inspect cookies). */
  login(email: string, password?: string, ip?: string): Promise<Reply>;
}

/** Registers beforeAll/afterAll for the file and returns the harness once ready. */
export function useHarness(): Harness {
  const h = {} as Harness;
  let dispose: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const database = await openTestDatabase();
    dispose = database.dispose;
    const filesDir = mkdtempSync(join(tmpdir(), 'tz-files-'));
    const previous = dispose;
    dispose = async () => {
      await previous();
      rmSync(filesDir, { recursive: true, force: true });
    };
    const storage = new LocalStorage(filesDir);
    h.ids = await seedDemo(database.db, storage);
    h.deps = {
      database,
      storage,
      log: createLogger((process.env.LOG_LEVEL as any) ?? 'silent'),
      // Tests pretend to be behind a proxy so each client can have its own address.
      config: {
        allowedOrigins: [],
        trustProxy: true,
        livekitUrl: null,
        version: 'test',
        maxUploadBytes: 5 * 1024 * 1024,
      },
    };
    h.app = createApp(h.deps);
    h.anon = new Client(h.app);
    const sessions = new Map<string, Client>();
    h.login = async (email, password = DEMO_PASSWORD, ip) =>
      new Client(h.app, {}, ip).post('/api/auth/login', { email, password });
    h.as = async (email, password = DEMO_PASSWORD) => {
      const key = `${email}\n${password}`;
      const cached = sessions.get(key);
      if (cached) return cached;
      const res = await h.login(email, password);
      if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${res.text}`);
      const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
      const client = new Client(h.app, { cookie });
      sessions.set(key, client);
      return client;
    };
  }, 120_000);
  afterAll(async () => dispose(), 60_000);
  return h;
}

/** Expect a status, printing the reply when it differs so a failure explains itself. */
export function expectStatus(res: Reply, status: number): void {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${res.text.slice(0, 800)}`);
}
