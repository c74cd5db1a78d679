// A real LiveKit participant in Node (@livekit/rtc-node), for the server tests of live lessons: it connects with the
// token the app hands out, over loopback only (no STUN, no TURN).
import { ContinualGatheringPolicy, IceTransportType, Room } from '@livekit/rtc-node';

/** Connects to `url` (the node a load balancer would send them to) with `token`; `dynacast` as the browser sets it. */
export async function connectParticipant(url: string, token: string, opts: { dynacast?: boolean } = {}) {
  const room = new Room();
  await room.connect(url, token, {
    autoSubscribe: true,
    dynacast: opts.dynacast ?? false,
    rtcConfig: {
      iceServers: [],
      iceTransportType: IceTransportType.TRANSPORT_ALL,
      continualGatheringPolicy: ContinualGatheringPolicy.GATHER_ONCE,
    },
  });
  return room;
}
