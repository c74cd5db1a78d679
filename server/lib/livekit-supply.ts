// The live-lesson server of `npm start` when no LIVEKIT_URL is configured (Node only): a LiveKit server on loopback
// (and on the school's network at LIVEKIT_ADDRESS, with TURN over TLS where LIVEKIT_TURN_* are set) —
// the one built here before, or one on PATH; on a machine with Go and neither, built in the background while the
// platform already serves (health says "starting" and joins answer 503 with reason "starting", which the live pages
// show as 直播服务正在准备… and retry by themselves); with neither Go nor a binary, one line saying what to do.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildLiveKit, goVersion, LIVEKIT_VERSION } from '../../scripts/livekit-build.mjs';
import type { NodeEnv } from '../config';
import type { Deps } from './context';
import { LIVEKIT_BINARY, type LocalLiveKit, livekitBinary, startLocalLiveKit } from './livekit-local';
import { livekitProbe } from './livekit-probe';

/** How often the console hears how the background build is going. */
const PROGRESS_EVERY_MS = 15_000;

/** Where browsers are sent: the school network's address when there is one (this machine's browsers reach it too). */
const offeredUrl = (env: NodeEnv) => `ws://${env.LIVEKIT_ADDRESS ?? '127.0.0.1'}:${env.LIVEKIT_PORT}`;

export async function supplyLiveKit(env: NodeEnv, deps: Deps): Promise<{ stop(): Promise<void> }> {
  const { log, config } = deps;
  let running: LocalLiveKit | null = null;
  let building: ReturnType<typeof buildLiveKit> | null = null;
  let stopped = false;
  const start = async () => {
    const lk = await startLocalLiveKit({
      port: env.LIVEKIT_PORT,
      tcpPort: env.LIVEKIT_PORT + 1,
      udpPort: env.LIVEKIT_PORT + 2,
      // Attendance comes from LiveKit's own events, sent to this app.
      ...(env.PORT ? { webhookUrl: `http://127.0.0.1:${env.PORT}/api/livekit/webhook` } : {}),
      ...(env.LIVEKIT_ADDRESS ? { address: env.LIVEKIT_ADDRESS } : {}),
      ...(env.LIVEKIT_TURN_DOMAIN && env.LIVEKIT_TURN_CERT && env.LIVEKIT_TURN_KEY
        ? {
            turn: {
              domain: env.LIVEKIT_TURN_DOMAIN,
              certFile: env.LIVEKIT_TURN_CERT,
              keyFile: env.LIVEKIT_TURN_KEY,
              tlsPort: env.LIVEKIT_TURN_PORT,
            },
          }
        : {}),
    });
    if (stopped) return lk.stop();
    running = lk;
    const url = offeredUrl(env);
    config.livekitUrl = url;
    config.livekit = { url, apiKey: lk.apiKey, apiSecret: lk.apiSecret };
    deps.livekitStatus = livekitProbe(lk.url);
    log.log('info', env.LIVEKIT_ADDRESS ? 'LiveKit server started' : 'LiveKit server started on loopback', {
      url,
      ...(env.LIVEKIT_TURN_DOMAIN ? { turn: `turns:${env.LIVEKIT_TURN_DOMAIN}:443` } : {}),
    });
  };
  const stop = async () => {
    stopped = true;
    building?.stop();
    await running?.stop();
  };
  const unavailable = (err: unknown) => {
    deps.livekitStatus = undefined;
    log.log('warn', 'LiveKit server could not start; live lessons are unavailable', { err: String(err) });
  };

  if (livekitBinary()) {
    await start().catch(unavailable);
    return { stop };
  }
  const go = goVersion();
  if (!go) {
    console.log(
      'Live lessons need a LiveKit server: install Go 1.26+ and start again (it is then built for you), put ' +
        'livekit-server on PATH, or set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET.',
    );
    return { stop };
  }
  // The address it will have is known now: the pages' Content-Security-Policy allows it from the first request.
  config.livekitUrl = offeredUrl(env);
  deps.livekitStatus = async () => 'starting';
  console.log(
    `Building the LiveKit server ${LIVEKIT_VERSION} in the background with ${go} (a few minutes the first time); ` +
      'live lessons open by themselves when it is ready.',
  );
  mkdirSync(dirname(LIVEKIT_BINARY), { recursive: true });
  const began = Date.now();
  let modules = 0;
  const progress = setInterval(
    () => console.log(`LiveKit server: still building (${modules} Go modules fetched so far)…`),
    PROGRESS_EVERY_MS,
  ).unref();
  building = buildLiveKit(LIVEKIT_BINARY, {
    onLine: (line) => {
      if (/downloading/.test(line)) modules++;
    },
  });
  building
    .then(async () => {
      building = null;
      console.log(`LiveKit server built in ${Math.round((Date.now() - began) / 1000)} s: ${LIVEKIT_BINARY}`);
      if (!stopped) await start();
    })
    .catch((err) => (stopped ? undefined : unavailable(err)))
    .finally(() => clearInterval(progress));
  return { stop };
}
