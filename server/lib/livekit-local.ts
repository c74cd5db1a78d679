// Runs a LiveKit server on loopback (Node only): for `npm start` when no LIVEKIT_URL is configured (the binary
// built by `npm run livekit:install` or by npm start itself, or one on PATH), and for the tests (one per run). A
// config file, not --dev, so the keys are real secrets and the ports are ours; no external IP lookup (offline
// machines).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LIVEKIT_BINARY =
  process.env.LIVEKIT_SERVER_BIN ??
  resolve(fileURLToPath(new URL('../../', import.meta.url)), '.livekit/bin/livekit-server');

export interface LocalLiveKit {
  url: string;
  /** The server's process id (benches read its CPU time). */
  pid: number;
  apiKey: string;
  apiSecret: string;
  /** A cluster node's id, as LiveKit's Redis router names it (which rooms it hosts); none for a lone server. */
  nodeId?: string;
  /** Ends the server and waits for it to exit: SIGTERM (SIGKILL 3 s later), or SIGKILL at once to play a crash. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

/** The built LiveKit server (npm run livekit:install, or npm start's background build), else one on PATH. */
export function livekitBinary(): string | null {
  if (existsSync(LIVEKIT_BINARY)) return LIVEKIT_BINARY;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = dir && join(dir, 'livekit-server');
    try {
      if (candidate) {
        accessSync(candidate, constants.X_OK);
        return candidate;
      }
    } catch {
      /* not here */
    }
  }
  return null;
}

/**
 * Starts livekit-server on the given ports (HTTP/WebSocket, ICE/TCP, one muxed UDP port) and waits until it answers.
 */
export async function startLocalLiveKit(opts: {
  port: number;
  tcpPort: number;
  udpPort: number;
  webhookUrl?: string;
  /** The key's secret; a server started again on the same ports takes the same one, so issued tokens still work. */
  apiSecret?: string;
  /**
   * One node of a cluster: the nodes that share this Redis (address host:port, and a database number of their own)
   * place each room on one of them and relay every participant's connection to it, whichever node they reach.
   */
  redis?: { address: string; db: number };
  /**
   * Another address of this machine to listen on besides loopback, given to clients as the server's own (ICE
   * candidates): where computers of a network reach it (bench/live-network.bench.ts: a classroom's namespace).
   */
  address?: string;
  /**
   * LiveKit's own TURN server over TLS, for networks that let only HTTPS out: browsers are offered
   * `turns:<domain>:443` (LiveKit always names port 443), so it listens on 443 unless a load balancer forwards 443 to
   * `tlsPort`. The certificate must be valid for the domain. It relays to this server's own address, which is private
   * on a school's network (LiveKit refuses to relay to private addresses unless allowed: this one is).
   */
  turn?: { domain: string; certFile: string; keyFile: string; tlsPort?: number };
  /** Logs at debug level, pion's ICE and DTLS included (to `log`). */
  debug?: boolean;
  log?: (line: string) => void;
}): Promise<LocalLiveKit> {
  const binary = livekitBinary();
  if (!binary) throw new Error(`livekit-server not found at ${LIVEKIT_BINARY}: run "npm run livekit:install"`);
  const apiKey = 'tongzhou';
  const apiSecret = opts.apiSecret ?? randomBytes(32).toString('base64url');
  const dir = mkdtempSync(join(tmpdir(), 'tz-livekit-'));
  const config = [
    `port: ${opts.port}`,
    `bind_addresses: [${['127.0.0.1', ...(opts.address ? [opts.address] : [])].map((a) => `"${a}"`).join(', ')}]`,
    `keys: { ${apiKey}: "${apiSecret}" }`,
    'rtc:',
    `  tcp_port: ${opts.tcpPort}`,
    `  udp_port: ${opts.udpPort}`,
    '  use_external_ip: false',
    `  node_ip: ${opts.address ?? '127.0.0.1'}`,
    // With an address of its own, that address alone: a candidate on loopback or another interface, paired with a
    // classroom's, would be tried from a socket that cannot reach it.
    ...(opts.address ? [`  ips: { includes: ["${opts.address}/32"] }`] : []),
    `  enable_loopback_candidate: ${!opts.address}`,
    ...(opts.turn
      ? [
          'turn:',
          '  enabled: true',
          `  domain: "${opts.turn.domain}"`,
          `  tls_port: ${opts.turn.tlsPort ?? 443}`,
          `  cert_file: "${opts.turn.certFile}"`,
          `  key_file: "${opts.turn.keyFile}"`,
          ...(opts.address ? [`  bind_addresses: ["${opts.address}"]`] : []),
          `  allow_restricted_peer_cidrs: ["${opts.address ?? '127.0.0.1'}/32"]`,
        ]
      : []),
    'room: { auto_create: true, empty_timeout: 300, departure_timeout: 20 }',
    ...(opts.webhookUrl ? [`webhook: { api_key: ${apiKey}, urls: ["${opts.webhookUrl}"] }`] : []),
    // LiveKit's default node selector places each new room on one of the live nodes at random.
    ...(opts.redis ? [`redis: { address: "${opts.redis.address}", db: ${opts.redis.db} }`] : []),
    // A cluster node logs its id at info level as it starts (read below); otherwise only what goes wrong.
    `logging: { level: ${opts.debug ? 'debug' : opts.redis ? 'info' : 'warn'}, pion_level: ${opts.debug ? 'debug' : 'error'} }`,
  ].join('\n');
  const file = join(dir, 'livekit.yaml');
  writeFileSync(file, config);
  const child: ChildProcess = spawn(binary, ['--config', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let nodeId: string | undefined;
  const keep = (b: Buffer) => {
    for (const l of b.toString().split('\n')) {
      if (!l.trim()) continue;
      nodeId ??= l.match(/"nodeID": "([^"]+)"/)?.[1];
      if (opts.log) opts.log(l);
      else if (lines.push(l) > 50) lines.shift();
    }
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `ws://127.0.0.1:${opts.port}`;
  const stop = (signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') =>
    new Promise<void>((ok) => {
      if (child.exitCode !== null || child.signalCode !== null) return ok();
      child.once('exit', () => ok());
      child.kill(signal);
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  // Ready when GET / answers 200 (406 while starting).
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`livekit-server exited: ${lines.slice(-5).join(' | ')}`);
    try {
      const res = await fetch(`http://127.0.0.1:${opts.port}/`, { signal: AbortSignal.timeout(500) });
      if (res.status === 200 && child.pid !== undefined && (nodeId || !opts.redis))
        return { url, pid: child.pid, apiKey, apiSecret, nodeId, stop };
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`livekit-server did not answer on ${opts.port}: ${lines.slice(-5).join(' | ')}`);
}
