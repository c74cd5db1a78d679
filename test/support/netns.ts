// A classroom's network, made on this machine: the classroom in a network namespace, joined to the host through a
// wire that does to each direction what a rural school's link does — a rate, a delay, loss, a firewall that lets no
// UDP through (or only TCP to a few ports). This kernel has no tc netem (nor prio, fq_codel or tc's drop action: only
// tbf, htb and pfifo), so the wire is bench/netwire, a small Go program in a namespace of its own that copies Ethernet
// frames between two veth pairs. Programs run inside the classroom through `ip netns exec`; the host side's address
// is where they reach the app and LiveKit (bound to it as well as loopback). Only the namespaces and pairs made here
// are ever touched: their names carry this process's id, and `remove` deletes exactly them (the pairs go with their
// namespaces).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** One direction's link: rate in kbit/s, one-way delay in ms, loss in percent. Absent fields are not limited. */
export interface Link {
  kbit?: number;
  delayMs?: number;
  lossPct?: number;
}

/**
 * What the classroom's network does: each direction's link, whether UDP passes at all, and — a firewall that lets
 * only HTTPS out — the host's TCP ports that alone may be reached (nothing else over IP passes).
 */
export interface Conditions {
  down: Link;
  up: Link;
  udpBlocked?: boolean;
  tcpOnly?: number[];
}

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();

/** Why no classroom network can be made here (not root, no iproute2, ethtool or Go), or null. */
export function netnsUnavailable(): string | null {
  for (const [tool, pkg] of [
    ['ethtool', 'apt-get install -y ethtool'],
    ['go', 'Go (to build bench/netwire)'],
  ] as const) {
    try {
      execFileSync(tool, ['--version'], { stdio: 'ignore' });
    } catch (err) {
      if ((err as { code?: string }).code === 'ENOENT') return `${tool} is not installed: ${pkg}`;
    }
  }
  const probe = `tzprobe${process.pid}`;
  try {
    ip('netns', 'add', probe);
    ip('netns', 'del', probe);
    return null;
  } catch (err) {
    return `cannot make a network namespace here (needs root and CAP_NET_ADMIN): ${(err as Error).message.split('\n')[0]}`;
  }
}

export interface ClassroomNet {
  /** The namespace's name, for `ip netns exec`. */
  name: string;
  /** The host side's address: the app and LiveKit listen there for the classroom. */
  hostIp: string;
  /** The classroom's own address inside the namespace. */
  innerIp: string;
  /** An executable that runs Chromium (or `command`) inside the namespace with the arguments it is given. */
  wrapper(command: string): string;
  /** Replaces the network's conditions (links of `{}`: as fast as the machine copies). */
  shape(c: Conditions): Promise<void>;
  remove(): void;
}

/** bench/netwire built (with Go) into .cache/bin when missing or older than its source. */
function netwireBinary(): string {
  const src = fileURLToPath(new URL('../../bench/netwire/', import.meta.url));
  const bin = fileURLToPath(new URL('../../.cache/bin/netwire', import.meta.url));
  const stale = !existsSync(bin) || statSync(bin).mtimeMs < statSync(join(src, 'main.go')).mtimeMs;
  if (stale) execFileSync('go', ['build', '-o', bin, '.'], { cwd: src, stdio: ['ignore', 'pipe', 'pipe'] });
  return bin;
}

/** The four ends of the two pairs carry ordinary frames only, which the wire can copy as they are. */
function noOffloads(dev: string, ns?: string) {
  const args = ['-K', dev, 'tx', 'off', 'tso', 'off', 'gso', 'off', 'gro', 'off'];
  execFileSync(ns ? 'ip' : 'ethtool', ns ? ['netns', 'exec', ns, 'ethtool', ...args] : args, { stdio: 'ignore' });
}

/**
 * Makes the classroom's namespace and the wire between it and the host: host ⟷ veth ⟷ [netwire, in a namespace of
 * its own] ⟷ veth ⟷ classroom. `slot` (0–63) picks the addresses, so several may coexist.
 */
export async function makeClassroomNet(slot = 0): Promise<ClassroomNet> {
  const id = `${process.pid % 100_000}${slot}`;
  const name = `tzclass${id}`;
  const wire = `tzwire${id}`;
  const hostDev = `tzh${id}`;
  const innerDev = `tzc${id}`;
  const subnet = `10.213.${(process.pid % 200) + 1}`;
  const hostIp = `${subnet}.${4 * slot + 1}`;
  const innerIp = `${subnet}.${4 * slot + 2}`;
  const binary = netwireBinary();
  const dir = mkdtempSync(join(tmpdir(), 'tz-netns-'));
  const inWire = (...args: string[]) => ip('netns', 'exec', wire, 'ip', ...args);
  const inClass = (...args: string[]) => ip('netns', 'exec', name, 'ip', ...args);
  let proc: ChildProcess | undefined;
  const remove = () => {
    proc?.kill('SIGKILL');
    for (const ns of [name, wire]) {
      try {
        ip('netns', 'del', ns);
      } catch {
        // not made
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    ip('netns', 'add', name);
    ip('netns', 'add', wire);
    ip('link', 'add', hostDev, 'type', 'veth', 'peer', 'name', 'w0', 'netns', wire);
    ip('link', 'add', innerDev, 'netns', name, 'type', 'veth', 'peer', 'name', 'w1', 'netns', wire);
    ip('addr', 'add', `${hostIp}/30`, 'dev', hostDev);
    ip('link', 'set', hostDev, 'up');
    noOffloads(hostDev);
    for (const dev of ['w0', 'w1']) {
      inWire('link', 'set', dev, 'promisc', 'on', 'up');
      noOffloads(dev, wire);
    }
    inClass('addr', 'add', `${innerIp}/30`, 'dev', innerDev);
    inClass('link', 'set', innerDev, 'up');
    inClass('link', 'set', 'lo', 'up');
    noOffloads(innerDev, name);
    proc = spawn('ip', ['netns', 'exec', wire, binary, 'w0', 'w1'], { stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (err) {
    remove();
    throw err;
  }
  const wireProc = proc;
  const lines: string[] = [];
  const waiters: ((line: string) => void)[] = [];
  let errors = '';
  wireProc.stderr?.on('data', (d: Buffer) => {
    errors += d.toString();
  });
  createInterface({ input: wireProc.stdout! }).on('line', (line) => {
    const waiter = waiters.shift();
    if (waiter) waiter(line);
    else lines.push(line);
  });
  const next = () =>
    new Promise<string>((ok, fail) => {
      const ready = lines.shift();
      if (ready !== undefined) return ok(ready);
      const timer = setTimeout(() => fail(new Error(`netwire did not answer: ${errors}`)), 10_000);
      waiters.push((line) => {
        clearTimeout(timer);
        ok(line);
      });
    });
  try {
    const first = await next();
    if (first !== 'ready') throw new Error(`netwire: ${first} ${errors}`);
  } catch (err) {
    remove();
    throw err;
  }
  return {
    name,
    hostIp,
    innerIp,
    wrapper(command) {
      const file = join(dir, `in-${name}.sh`);
      writeFileSync(file, `#!/bin/sh\nexec ip netns exec ${name} ${command} "$@"\n`);
      chmodSync(file, 0o755);
      return file;
    },
    async shape(c) {
      wireProc.stdin?.write(`${JSON.stringify(c)}\n`);
      const answer = await next();
      if (answer !== 'shaped') throw new Error(`netwire: ${answer} ${errors}`);
    },
    remove,
  };
}
