// What a teacher shares in a lesson: slides. Headless Chromium's own screen capture is a test pattern that changes
// every pixel of every frame (a video, to an encoder: the worst case for a short link); this script, added to the
// teacher's page, makes the console's "share screen" capture a 1280×720 canvas of lesson slides instead — text and a
// figure that change every 8 s, and the teacher's pointer moving over them at 15 frames a second, as a real screen
// capture of a slide show with a moving mouse gives.
export const SLIDES_CAPTURE = `(() => {
  const slides = [
    { title: '分数的初步认识', lines: ['把一个整体平均分成几份，', '其中的一份就是它的几分之一。', '例：一块月饼平均分成 4 份，每份是它的 1/4。'], parts: 4, filled: 1 },
    { title: '读一读，写一写', lines: ['1/2 读作：二分之一', '3/4 读作：四分之三', '分母表示平均分的份数，分子表示取的份数。'], parts: 2, filled: 1 },
    { title: '比一比大小', lines: ['分子相同的分数，分母越大，分数越小。', '1/3 ○ 1/5', '2/7 ○ 2/9'], parts: 3, filled: 2 },
    { title: '课堂练习', lines: ['1. 涂色表示 3/8。', '2. 把一张纸对折两次，每份是它的几分之几？', '3. 生活中哪里用到分数？'], parts: 8, filled: 3 },
  ];
  const draw = (ctx, at) => {
    const s = slides[Math.floor(at / 8000) % slides.length];
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, 1280, 720);
    ctx.fillStyle = '#1f4e79';
    ctx.fillRect(0, 0, 1280, 96);
    ctx.fillStyle = '#ffffff';
    ctx.font = 'bold 44px "Noto Sans CJK SC", sans-serif';
    ctx.fillText(s.title, 48, 64);
    ctx.fillStyle = '#222222';
    ctx.font = '34px "Noto Sans CJK SC", sans-serif';
    s.lines.forEach((l, i) => ctx.fillText(l, 64, 190 + i * 72));
    const cx = 1020, cy = 470, r = 150;
    for (let i = 0; i < s.parts; i++) {
      ctx.beginPath();
      ctx.moveTo(cx, cy);
      ctx.arc(cx, cy, r, (i / s.parts) * 2 * Math.PI, ((i + 1) / s.parts) * 2 * Math.PI);
      ctx.closePath();
      ctx.fillStyle = i < s.filled ? '#f4b183' : '#ffffff';
      ctx.fill();
      ctx.strokeStyle = '#333333';
      ctx.lineWidth = 3;
      ctx.stroke();
    }
    ctx.fillStyle = '#888888';
    ctx.font = '24px sans-serif';
    ctx.fillText(String(Math.floor(at / 8000) % slides.length + 1) + ' / ' + slides.length, 1180, 700);
    // The pointer, moving along the lines being read.
    const t = (at % 8000) / 8000;
    const px = 64 + t * 700, py = 180 + Math.floor(t * 3) * 72 + 10 * Math.sin(at / 200);
    ctx.beginPath();
    ctx.arc(px, py, 9, 0, 2 * Math.PI);
    ctx.fillStyle = '#e02020';
    ctx.fill();
  };
  navigator.mediaDevices.getDisplayMedia = async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 1280;
    canvas.height = 720;
    const ctx = canvas.getContext('2d');
    const t0 = performance.now();
    draw(ctx, 0);
    const timer = setInterval(() => draw(ctx, performance.now() - t0), 1000 / 15);
    const stream = canvas.captureStream(15);
    const track = stream.getVideoTracks()[0];
    const stop = track.stop.bind(track);
    track.stop = () => { clearInterval(timer); stop(); };
    return stream;
  };
})();`;
