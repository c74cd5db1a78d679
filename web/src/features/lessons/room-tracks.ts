// Tracks of a live room for the pages: the teacher's, a classroom's, this page's own; each read again whenever a
// track comes or goes (the room's `tracks` signal).
import { type RemoteTrack, Track } from 'livekit-client';
import { type LiveRoom, roleOf } from './live-room';

/** The teacher's publications, found by role, for the big screen: screen share large and camera inset. */
export function teacherTracks(live: LiveRoom) {
  live.tracks();
  const teacher = [...live.room.remoteParticipants.values()].find((p) => roleOf(p) === 'teacher');
  const pick = (source: Track.Source) => {
    const pub = teacher?.getTrackPublication(source);
    return pub?.track && !pub.isMuted ? (pub.track as RemoteTrack) : undefined;
  };
  return { teacher, screen: pick(Track.Source.ScreenShare), camera: pick(Track.Source.Camera) };
}

/** A participant's track of one source, if it is publishing it unmuted (reactive to tracks coming and going). */
function trackOf(live: LiveRoom, identity: string, source: Track.Source) {
  live.tracks();
  const pub = live.room.remoteParticipants.get(identity)?.getTrackPublication(source);
  return pub?.track && !pub.isMuted ? (pub.track as RemoteTrack) : undefined;
}
export const cameraOf = (live: LiveRoom, identity: string) => trackOf(live, identity, Track.Source.Camera);
export const micOf = (live: LiveRoom, identity: string) => trackOf(live, identity, Track.Source.Microphone);

/** This page's own camera, while it publishes one. */
export function myCamera(live: LiveRoom) {
  live.tracks();
  return live.room.localParticipant.getTrackPublication(Track.Source.Camera)?.track;
}
