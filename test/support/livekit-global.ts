// One real livekit-server per test run (vitest globalSetup), on free loopback ports. Its webhooks go to a small
// relay here, which passes each delivery, byte for byte with its signature, to every app a test file has
// subscribed (POST /subscribe {url}); apps ignore rooms they do not know. Without the binary: skipped locally
// with a message, a failure in CI.
import { createServer as createHttpServer } from 'node:http';
import type { TestProject } from 'vitest/node';
import { livekitBinary, startLocalLiveKit } from '../../server/lib/livekit-local';
import { freePorts } from './ports';

export interface SharedLiveKit {
  url: string;
  apiKey: string;
  apiSecret: string;
  /** POST {url} here to receive the server's webhooks at that URL. */
  relay: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    livekit: SharedLiveKit | null;
    livekitMissing: string | null;
  }
}

export default async function setup(project: TestProject) {
  if (!livekitBinary()) {
    const reason = 'livekit-server not built: run "npm run livekit:install"';
    if (process.env.CI) throw new Error(`${reason}. CI must run the LiveKit tests.`);
    project.provide('livekit', null);
    project.provide('livekitMissing', reason);
    return;
  }
  const targets = new Set<string>();
  const relay = createHttpServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    if (req.url === '/subscribe') {
      targets.add(JSON.parse(body.toString()).url);
      res.writeHead(204).end();
      return;
    }
    if (req.url === '/unsubscribe') {
      targets.delete(JSON.parse(body.toString()).url);
      res.writeHead(204).end();
      return;
    }
    const headers = {
      'content-type': req.headers['content-type'] ?? 'application/webhook+json',
      authorization: req.headers.authorization ?? '',
    };
    await Promise.allSettled(
      [...targets].map((t) => fetch(t, { method: 'POST', headers, body, signal: AbortSignal.timeout(5000) })),
    );
    res.writeHead(200).end();
  });
  await new Promise<void>((ok) => relay.listen(0, '127.0.0.1', () => ok()));
  const relayPort = (relay.address() as { port: number }).port;
  const [port, tcpPort, udpPort] = await freePorts(3);
  const lk = await startLocalLiveKit({
    port: port!,
    tcpPort: tcpPort!,
    udpPort: udpPort!,
    webhookUrl: `http://127.0.0.1:${relayPort}/hook`,
  });
  project.provide('livekit', {
    url: lk.url,
    apiKey: lk.apiKey,
    apiSecret: lk.apiSecret,
    relay: `http://127.0.0.1:${relayPort}`,
  });
  project.provide('livekitMissing', null);
  return async () => {
    await lk.stop();
    relay.close();
  };
}
