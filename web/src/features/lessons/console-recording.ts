// Recording the lesson from the console, when the teacher chose it (the lesson's `record`, ticked when scheduling
// or on the console before going live; never on unasked). LiveKit Egress records on the server where it is
// configured; otherwise (503) the teacher's browser records what it publishes and, when the lesson ends, files it
// in the library with a progress bar. A failed upload offers to retry or to save the file.
import { useAction } from '@solidjs/router';
import { Track } from 'livekit-client';
import { createMemo, createSignal, onCleanup } from 'solid-js';
import type { Lesson } from '../../../../shared/schemas/lessons';
import { useI18n } from '../../lib/i18n';
import { chooseRecording, fileRecording, startServerRecording, stopServerRecording } from './lessons.actions';
import type { LiveRoom } from './live-room';
import type { LocalMedia } from './local-media';
import { canRecord, type Recording, startRecording } from './recorder';

/** A recording file on its way to the library: how far, and what went wrong if it did. */
export interface RecordingUpload {
  fraction: number;
  file: File;
  failed?: unknown;
}

export function createConsoleRecording(opts: {
  lessonId: string;
  lesson: () => Lesson | undefined;
  live: LiveRoom;
  media: LocalMedia;
  onError: (err: unknown) => void;
}) {
  const { t } = useI18n();
  const startOnServer = useAction(startServerRecording);
  const stopOnServer = useAction(stopServerRecording);
  const fileOne = useAction(fileRecording);
  const choose = useAction(chooseRecording);
  // The choice just made, until the lesson read afresh carries it.
  const [chosen, setChosen] = createSignal<boolean | undefined>();
  const wanted = () => chosen() ?? opts.lesson()?.record ?? false;
  const setWanted = async (record: boolean) => {
    setChosen(record);
    try {
      await choose(opts.lessonId, record);
    } catch (err) {
      setChosen(!record);
      opts.onError(err);
    }
  };
  const [inBrowser, setInBrowser] = createSignal<Recording | null>(null);
  const [onServer, setOnServer] = createSignal(false);
  const [upload, setUpload] = createSignal<RecordingUpload | null>(null);

  /** After every connect: starts recording, unless it already runs. */
  const startIfWanted = async () => {
    if (!wanted() || inBrowser() || onServer()) return;
    try {
      await startOnServer(opts.lessonId);
      setOnServer(true);
    } catch {
      // No Egress here and a browser that cannot record (the console then offers no choice to record).
      if (!canRecord()) return;
      const screen = () =>
        opts.live.room.localParticipant.getTrackPublication(Track.Source.ScreenShare)?.track?.mediaStreamTrack;
      setInBrowser(
        startRecording(() => ({
          camera: opts.media.video()?.mediaStreamTrack,
          mic: opts.media.audio()?.mediaStreamTrack,
          screen: screen(),
        })),
      );
    }
  };

  /** Uploads a recording file and files it with the lesson; false (with the error shown) when that failed. */
  const send = async (file: File): Promise<boolean> => {
    const lesson = opts.lesson();
    if (!lesson) return false;
    setUpload({ fraction: 0, file });
    try {
      const meta = {
        title: `${lesson.title}（${t('lessons.recordingSuffix')}）`,
        subject: lesson.subject,
        grade: lesson.grade,
        kind: 'video' as const,
        visibility: 'group' as const,
      };
      await fileOne(lesson.id, file, meta, (fraction) => setUpload({ fraction, file }));
      setUpload(null);
      return true;
    } catch (err) {
      setUpload({ fraction: 0, failed: err, file });
      return false;
    }
  };

  /** Before the lesson ends: the server's recording stops (a failure here does not keep the lesson going). */
  const stopOnServerIfRunning = async () => {
    if (onServer()) await stopOnServer(opts.lessonId).catch(() => {});
  };

  /** After the lesson ended: the browser's recording is filed. False when filing failed (and says so). */
  const fileInBrowserRecording = async (): Promise<boolean> => {
    const rec = inBrowser();
    const lesson = opts.lesson();
    if (!rec || !lesson) return true;
    setInBrowser(null);
    const file = new File([await rec.stop()], `${lesson.title}-课堂实录.webm`, { type: 'video/webm' });
    return send(file);
  };

  /** Tries the failed upload again. */
  const retry = async (): Promise<boolean> => {
    const file = upload()?.file;
    return file ? send(file) : true;
  };

  // One object URL per recording file, released when it is no longer offered.
  const savedUrl = createMemo(() => {
    const file = upload()?.file;
    if (!file) return undefined;
    const url = URL.createObjectURL(file);
    onCleanup(() => URL.revokeObjectURL(url));
    return url;
  });

  // Leaving the page mid-lesson stops a browser recording (the tab's close is guarded by the page).
  onCleanup(() => void inBrowser()?.stop());

  return {
    wanted,
    setWanted,
    /** Whether a recording runs, in this browser or on the server. */
    running: () => !!inBrowser() || onServer(),
    inBrowser: () => !!inBrowser(),
    onServer,
    upload,
    savedUrl,
    startIfWanted,
    stopOnServerIfRunning,
    fileInBrowserRecording,
    retry,
  };
}

export type ConsoleRecording = ReturnType<typeof createConsoleRecording>;
