// The built server (dist/server/node.mjs) as `npm start` runs it — package.json's start flags — in a process of its
// own, for the tests of what a newcomer's first start does.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { buildAll, isStale } from '../../scripts/build.mjs';

export interface BuiltServer {
  child: ChildProcess;
  url: string;
  /** Everything it has printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts it with `env` over this process's and resolves once it says where it serves. */
export async function startBuilt(env: NodeJS.ProcessEnv): Promise<BuiltServer> {
  if (isStale()) await buildAll({ quiet: true });
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } };
  const flags = pkg.scripts.start.split(/\s+/).filter((w) => w.startsWith('--'));
  const child = spawn(process.execPath, [...flags, 'dist/server/node.mjs'], {
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
