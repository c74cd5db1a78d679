// Free loopback ports for the servers tests and benches start (LiveKit, gofakes3, the app).
import { createServer } from 'node:net';

/** A port that was free on 127.0.0.1 a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => ok(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** `n` distinct free ports (LiveKit wants three: HTTP/WebSocket, ICE/TCP, ICE/UDP). */
export async function freePorts(n: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < n) {
    const p = await freePort();
    if (!ports.includes(p)) ports.push(p);
  }
  return ports;
}

/** Whether a port is free on 127.0.0.1 now. */
function isFree(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const srv = createServer();
    srv.once('error', () => ok(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => ok(true)));
  });
}

/** A run of `n` consecutive free ports (the app's LIVEKIT_PORT takes the next two for ICE/TCP and ICE/UDP). */
export async function freeRun(n: number): Promise<number> {
  for (;;) {
    const base = await freePort();
    if (base + n > 65535) continue;
    let all = true;
    for (let i = 1; i < n && all; i++) all = await isFree(base + i);
    if (all) return base;
  }
}
