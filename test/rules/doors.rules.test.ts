import { describe, expect, it } from 'vitest';
import { commonEnv, configFrom, parseConfigEnv, parseEnv } from '../../server/config';
import { isDatabaseUnavailable } from '../../server/lib/errors';

describe('config: one reading of the environment for both doors', () => {
  const livekit = { LIVEKIT_URL: 'ws://127.0.0.1:7880', LIVEKIT_API_KEY: 'k', LIVEKIT_API_SECRET: 's' };

  it('the Node door: defaults, LiveKit only with all three variables, egress only with S3, uploads in bytes', () => {
    const bare = configFrom(parseEnv({}), { version: '1' });
    expect(bare).toMatchObject({ allowedOrigins: [], trustProxy: false, livekit: null, egress: null });
    expect(bare.maxUploadBytes).toBe(500 * 1024 * 1024);
    expect(configFrom(parseEnv({ LIVEKIT_URL: livekit.LIVEKIT_URL }), { version: '1' }).livekit).toBeNull();
    const full = configFrom(
      parseEnv({ ...livekit, LIVEKIT_EGRESS: '1', S3_ENDPOINT: 'http://127.0.0.1:9000', ALLOWED_ORIGINS: 'a, b,' }),
      { version: '1' },
    );
    expect(full.livekit).toEqual({ url: livekit.LIVEKIT_URL, apiKey: 'k', apiSecret: 's' });
    expect(full.egress?.s3).toMatchObject({ bucket: 'tongzhou', region: 'us-east-1' });
    expect(full.allowedOrigins).toEqual(['a', 'b']);
    expect(configFrom(parseEnv({ LIVEKIT_EGRESS: '1' }), { version: '1' }).egress).toBeNull();
  });

  it('the Worker door reads the same variables the same way, and always trusts its edge for the address', () => {
    const worker = configFrom(parseConfigEnv(commonEnv, { ...livekit, ALLOWED_ORIGINS: 'x' }), {
      version: '2',
      trustProxy: true,
    });
    expect(worker).toMatchObject({ trustProxy: true, version: '2', allowedOrigins: ['x'], egress: null });
    expect(worker.livekit?.url).toBe(livekit.LIVEKIT_URL);
  });

  it('names every bad variable, and an empty one counts as unset', () => {
    expect(() => parseEnv({ PORT: 'x', DATABASE_URL: 'mysql://' })).toThrow(/PORT[\s\S]*DATABASE_URL/);
    expect(parseEnv({ PORT: '' }).PORT).toBe(8787);
  });

  it('takes the local LiveKit server’s school address and its TURN settings only whole', () => {
    expect(() => parseEnv({ LIVEKIT_ADDRESS: 'school-server' })).toThrow(/LIVEKIT_ADDRESS/);
    expect(parseEnv({ LIVEKIT_ADDRESS: '192.168.1.10' }).LIVEKIT_ADDRESS).toBe('192.168.1.10');
    expect(() => parseEnv({ LIVEKIT_TURN_DOMAIN: 'turn.school.cn' })).toThrow(
      /LIVEKIT_TURN_DOMAIN, LIVEKIT_TURN_CERT and LIVEKIT_TURN_KEY go together/,
    );
    expect(() => parseEnv({ LIVEKIT_TURN_CERT: '/c.pem', LIVEKIT_TURN_KEY: '/k.pem' })).toThrow(/go together/);
    const turn = { LIVEKIT_TURN_DOMAIN: 'turn.school.cn', LIVEKIT_TURN_CERT: '/c.pem', LIVEKIT_TURN_KEY: '/k.pem' };
    expect(parseEnv(turn).LIVEKIT_TURN_PORT).toBe(443);
    expect(() => parseEnv({ ...turn, LIVEKIT_TURN_DOMAIN: 'turn school' })).toThrow(/must be a host name/);
  });
});

describe('errors: what counts as the database being down', () => {
  const net = (code: string, syscall?: string) => Object.assign(new Error(`${code} x`), { code, syscall });
  it('its connection refused, dropped mid-query, timed out, shutting down: yes', () => {
    expect(isDatabaseUnavailable(net('ECONNREFUSED', 'connect'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Failed query: select 1', { cause: net('ECONNRESET') }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: 'CONNECT_TIMEOUT' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: '08006' }))).toBe(true);
  });
  it('object storage or LiveKit unreachable, a client hanging up, a constraint: no', () => {
    expect(isDatabaseUnavailable(new TypeError('fetch failed', { cause: net('ECONNREFUSED', 'connect') }))).toBe(false);
    expect(isDatabaseUnavailable(net('ECONNRESET'))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: '23P01' }))).toBe(false);
  });
});
