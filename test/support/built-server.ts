// The built server (dist/server/node.mjs) as `npm start` runs it — package.json's start flags — in a process of its
// own, for the tests of what a newcomer's first start does.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIfStale, startFlags } from '../../scripts/build.mjs';

export interface BuiltServer {
  child: ChildProcess;
  url: string;
  /** Everything it has printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts it with `env` over this process's and resolves once it says where it serves. */
export async function startBuilt(env: NodeJS.ProcessEnv): Promise<BuiltServer> {
  await buildIfStale();
  const child = spawn(process.execPath, [...startFlags(), 'dist/server/node.mjs'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((ok) => child.once('exit', ok));
    child.kill('SIGTERM');
    await exited;
  };
  return new Promise((ok, fail) => {
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const url = out.match(/serving on (http:\/\/\S+)/)?.[1];
      if (url) ok({ child, url: url.replace('localhost', '127.0.0.1'), output: () => out, stop });
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.on('exit', (code) => fail(new Error(`the server exited (${code}): ${out}`)));
  });
}

/** VmRSS of a process, in MB. */
export const rssMb = (pid: number) =>
  Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m)?.[1] ?? Number.NaN) / 1024;

/**
 * A folder for PATH whose `go` stands in for Go: it answers `go version`, prints a module download as Go does, and
 * "builds" LiveKit by copying the real livekit-server into $GOBIN — after `seconds`, or once the file `until` exists.
 * The real build takes minutes; what is tested is what npm start does around it.
 */
export function standInGo(dir: string, realBinary: string, wait: { seconds: number } | { until: string }): string {
  mkdirSync(dir, { recursive: true });
  const pause =
    'seconds' in wait ? `/bin/sleep ${wait.seconds}` : `while [ ! -f "${wait.until}" ]; do /bin/sleep 0.2; done`;
  writeFileSync(
    join(dir, 'go'),
    `#!/bin/sh
if [ "$1" = version ]; then echo "go version go1.26.8 linux/amd64"; exit 0; fi
echo "go: downloading github.com/livekit/protocol v1.44.0" >&2
${pause}
/bin/cp "${realBinary}" "$GOBIN/server"
`,
  );
  chmodSync(join(dir, 'go'), 0o755);
  return dir;
}
