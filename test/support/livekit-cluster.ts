// Several livekit-server nodes sharing the machine's Redis (LiveKit's own multi-node mode), for the two-node test and
// the capacity bench: the same keys, free loopback ports each, and every node registered before any room is placed.
import { type LocalLiveKit, startLocalLiveKit } from '../../server/lib/livekit-local';
import { freePorts } from './ports';
import { LIVEKIT_REDIS, redisCli } from './redis';

export async function startLiveKitCluster(count: number, opts: { webhookUrl?: string } = {}): Promise<LocalLiveKit[]> {
  // The nodes' own database: what a run that crashed left (nodes, rooms) must not be taken for live.
  redisCli('FLUSHDB');
  const nodes: LocalLiveKit[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const [port, tcpPort, udpPort] = await freePorts(3);
      nodes.push(
        await startLocalLiveKit({
          port: port!,
          tcpPort: tcpPort!,
          udpPort: udpPort!,
          redis: LIVEKIT_REDIS,
          apiSecret: nodes[0]?.apiSecret,
          webhookUrl: opts.webhookUrl,
        }),
      );
    }
    for (let waited = 0; redisCli('HLEN', 'nodes') !== String(count); waited += 100) {
      if (waited > 10_000) throw new Error(`only ${redisCli('HLEN', 'nodes')} of ${count} LiveKit nodes registered`);
      await new Promise((ok) => setTimeout(ok, 100));
    }
    return nodes;
  } catch (err) {
    await Promise.all(nodes.map((n) => n.stop()));
    throw err;
  }
}
