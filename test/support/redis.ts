// The machine's Redis (127.0.0.1:6379) for the LiveKit clusters the tests and the capacity bench start: the nodes
// share one database of it, which nothing else here uses, and read through redis-cli (from Debian's redis-tools).
import { spawnSync } from 'node:child_process';

/** Where the nodes of a test or bench cluster meet. */
export const LIVEKIT_REDIS = { address: '127.0.0.1:6379', db: 9 };

/** Redis's answer to a command on that database, or null when there is no redis-cli or no Redis. */
export function redisCli(...args: string[]): string | null {
  const run = spawnSync('redis-cli', ['-h', '127.0.0.1', '-p', '6379', '-n', String(LIVEKIT_REDIS.db), ...args], {
    encoding: 'utf8',
  });
  return run.status === 0 ? run.stdout.trim() : null;
}

/** LiveKit's own record of which node hosts a room (its Redis router's room_node_map), or null. */
export const hostOfRoom = (room: string) => redisCli('HGET', 'room_node_map', room) || null;
