// Recording without LiveKit Egress: the teacher's browser records what it publishes — the screen share large
// with the camera inset (the camera alone when nothing is shared), and the microphone — composed on a canvas
// and encoded by MediaRecorder (WebM). The file goes to the library when the lesson ends.

export interface Sources {
  camera?: MediaStreamTrack;
  screen?: MediaStreamTrack;
  mic?: MediaStreamTrack;
}

const WIDTH = 1280;
const HEIGHT = 720;
const FPS = 15;

export function canRecord(): boolean {
  return typeof MediaRecorder !== 'undefined' && typeof HTMLCanvasElement.prototype.captureStream === 'function';
}

const mimeType = () =>
  ['video/webm;codecs=vp8,opus', 'video/webm;codecs=vp9,opus', 'video/webm'].find((m) =>
    MediaRecorder.isTypeSupported(m),
  ) ?? '';

export function startRecording(sources: () => Sources) {
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('This browser cannot draw the recording (no 2D canvas)');
  /** Draws `v` as large as fits in the box (x, y, w, h), centred. */
  const drawFitted = (v: HTMLVideoElement, x: number, y: number, w: number, h: number) => {
    if (!v.videoWidth) return;
    const scale = Math.min(w / v.videoWidth, h / v.videoHeight);
    const dw = v.videoWidth * scale;
    const dh = v.videoHeight * scale;
    g.drawImage(v, x + (w - dw) / 2, y + (h - dh) / 2, dw, dh);
  };
  // One playing (unattached) video element per source track, to draw from.
  const players = new Map<string, HTMLVideoElement>();
  const player = (t: MediaStreamTrack | undefined) => {
    if (!t || t.readyState === 'ended') return undefined;
    let v = players.get(t.id);
    if (!v) {
      v = document.createElement('video');
      v.muted = true;
      v.playsInline = true;
      v.srcObject = new MediaStream([t]);
      void v.play().catch(() => {});
      players.set(t.id, v);
    }
    return v;
  };
  // A timer, not requestAnimationFrame: frames keep coming while the teacher looks at another window.
  const draw = setInterval(() => {
    const s = sources();
    const screen = player(s.screen);
    const camera = player(s.camera);
    g.fillStyle = '#000';
    g.fillRect(0, 0, WIDTH, HEIGHT);
    if (screen?.videoWidth) {
      drawFitted(screen, 0, 0, WIDTH, HEIGHT);
      if (camera) drawFitted(camera, WIDTH * 0.76, HEIGHT * 0.74, WIDTH * 0.22, HEIGHT * 0.24);
    } else if (camera) drawFitted(camera, 0, 0, WIDTH, HEIGHT);
  }, 1000 / FPS);
  const stream = canvas.captureStream(FPS);
  const mic = sources().mic;
  if (mic) stream.addTrack(mic.clone());
  const type = mimeType();
  const recorder = new MediaRecorder(stream, {
    ...(type ? { mimeType: type } : {}),
    videoBitsPerSecond: 1_200_000,
    audioBitsPerSecond: 64_000,
  });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => {
    if (e.data.size) chunks.push(e.data);
  };
  // A chunk every 5 s: a crash of the tab loses seconds, not the lesson.
  recorder.start(5000);
  const started = Date.now();
  return {
    started,
    /** Stops and hands back the whole recording as one WebM file. */
    stop(): Promise<Blob> {
      clearInterval(draw);
      for (const v of players.values()) v.srcObject = null;
      return new Promise((resolve) => {
        recorder.onstop = () => {
          for (const t of stream.getTracks()) t.stop();
          resolve(new Blob(chunks, { type: 'video/webm' }));
        };
        if (recorder.state === 'inactive') recorder.onstop(new Event('stop'));
        else recorder.stop();
      });
    },
  };
}

export type Recording = ReturnType<typeof startRecording>;
