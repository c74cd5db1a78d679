// The classroom network the live-lesson bench runs a big screen in (test/support/netns.ts, bench/netwire): what it
// does to each direction must be what it is told — a round trip of the delay asked for, no UDP when blocked, and the
// link as it was once the conditions are lifted. Runs on no database; needs root, ethtool and Go (.ci/run has them).
import { execFile, execFileSync } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { createServer, type Server } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClassroomNet, makeClassroomNet, netnsUnavailable } from '../support/netns';

const unavailable = netnsUnavailable();
if (unavailable) {
  if (process.env.CI) throw new Error(`CI must run the classroom network's test: ${unavailable}`);
  console.warn(`Skipping the classroom network's test: ${unavailable}`);
}

describe.skipIf(!!unavailable)('a classroom network: a namespace behind an emulated link', () => {
  let net: ClassroomNet;
  let tcp: Server;
  let other: Server;
  let port = 0;
  let otherPort = 0;
  const listen = async (server: Server) => {
    await new Promise<void>((ok) => server.listen(0, net.hostIp, () => ok()));
    return (server.address() as { port: number }).port;
  };
  beforeAll(async () => {
    net = await makeClassroomNet(7);
    tcp = createServer((s) => s.end());
    other = createServer((s) => s.end());
    port = await listen(tcp);
    otherPort = await listen(other);
  }, 120_000);
  afterAll(() => {
    tcp?.close();
    other?.close();
    net?.remove();
  });

  /** A TCP connection's set-up time from inside the classroom: one round trip (NaN: no answer within 2 s). */
  const roundTrip = (to = port) =>
    Number(
      execFileSync('ip', [
        'netns',
        'exec',
        net.name,
        process.execPath,
        '-e',
        `const t = performance.now(); const c = require('net').connect(${to}, '${net.hostIp}', function () { ` +
          'console.log(Math.round(performance.now() - t)); this.destroy(); }); ' +
          "c.setTimeout(2000, () => { console.log('NaN'); c.destroy(); });",
      ]).toString(),
    );

  /** How many of `n` UDP datagrams sent from inside the classroom arrive. */
  async function udpArriving(n: number) {
    const sock = createSocket({ type: 'udp4', recvBufferSize: 8 << 20 });
    let got = 0;
    sock.on('message', () => got++);
    await new Promise<void>((ok) => sock.bind(0, net.hostIp, () => ok()));
    const to = sock.address().port;
    // Sent while this process reads them (a synchronous call would leave them to overflow the socket's buffer).
    await promisify(execFile)('ip', [
      'netns',
      'exec',
      net.name,
      process.execPath,
      '-e',
      `const s = require('dgram').createSocket('udp4'); let left = ${n}; ` +
        `for (let i = 0; i < ${n}; i++) s.send('x', ${to}, '${net.hostIp}', () => --left || s.close());`,
    ]);
    await new Promise((r) => setTimeout(r, 500));
    sock.close();
    return got;
  }

  it('carries TCP and UDP as they are until told otherwise', async () => {
    expect(roundTrip()).toBeLessThan(60);
    expect(await udpArriving(20)).toBe(20);
  });

  it('delays each direction by half the round trip asked for, and drops every UDP datagram when blocked', async () => {
    await net.shape({ down: { delayMs: 100 }, up: { delayMs: 100 } });
    const rtt = roundTrip();
    expect(rtt).toBeGreaterThanOrEqual(195);
    expect(rtt).toBeLessThan(400);
    await net.shape({ down: {}, up: {}, udpBlocked: true });
    expect(await udpArriving(20)).toBe(0);
    expect(roundTrip()).toBeLessThan(60);
    await net.shape({ down: {}, up: {} });
    expect(await udpArriving(20)).toBe(20);
  });

  it('loses about the share of packets asked for', async () => {
    await net.shape({ down: { lossPct: 30 }, up: {} });
    // Datagrams from the classroom go up, unharmed by the way down's loss.
    expect(await udpArriving(400)).toBe(400);
    await net.shape({ down: {}, up: { lossPct: 30 } });
    const through = await udpArriving(400);
    expect(through).toBeGreaterThan(400 * 0.55);
    expect(through).toBeLessThan(400 * 0.85);
    await net.shape({ down: {}, up: {} });
  });

  it('behind a firewall that opens only some TCP ports, reaches those and nothing else', async () => {
    await net.shape({ down: {}, up: {}, tcpOnly: [port] });
    expect(roundTrip()).toBeLessThan(60);
    expect(roundTrip(otherPort)).toBeNaN();
    expect(await udpArriving(20)).toBe(0);
    await net.shape({ down: {}, up: {} });
    expect(roundTrip(otherPort)).toBeLessThan(60);
  });
});
