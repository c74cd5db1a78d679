// The big screen's modes while the teacher shares a screen (link-mode.ts): which readings say the link is short, and
// how the modes step — two short readings down, half a minute of good ones up, one step at a time.
import { describe, expect, it } from 'vitest';
import {
  judgeReading,
  type ModeState,
  nextMode,
  startMode,
  transportOf,
} from '../../web/src/features/lessons/link-mode';

const UP_AFTER = 15;
const clean = { concealed: 0, poor: false, shareHeight: 1080 };

describe('link mode: what a reading says', () => {
  it('sound made up for 1 % of the time, LiveKit’s poor verdict, or a shared screen too small to read: short', () => {
    expect(judgeReading(clean)).toBe('good');
    expect(judgeReading({ ...clean, concealed: 0.01 })).toBe('short');
    expect(judgeReading({ ...clean, poor: true })).toBe('short');
    expect(judgeReading({ ...clean, shareHeight: 360 })).toBe('short');
    // Nothing of the screen yet is not a small screen.
    expect(judgeReading({ ...clean, shareHeight: 0 })).toBe('good');
    // A little made-up sound is neither good nor short: it holds the mode and resets both counts.
    expect(judgeReading({ ...clean, concealed: 0.005 })).toBe('fair');
  });

  it('with the camera already paused, only the sound suffering is short: the screen alone does not go to stills', () => {
    expect(judgeReading({ ...clean, poor: true }, 'content')).toBe('good');
    expect(judgeReading({ ...clean, shareHeight: 360 }, 'content')).toBe('good');
    expect(judgeReading({ ...clean, concealed: 0.02 }, 'content')).toBe('short');
  });
});

describe('link mode: the steps', () => {
  const run = (verdicts: ('short' | 'good' | 'fair')[], from: ModeState = startMode()) =>
    verdicts.reduce((s, v) => nextMode(s, v, UP_AFTER), from);
  /** The reading just after a step down: not counted, whatever it says (here the worst). */
  const SETTLING = 'short' as const;
  const good = (n: number) => Array(n).fill('good') as 'good'[];

  it('one short reading changes nothing; two of three pause the camera; two more keep only stills of the screen', () => {
    expect(run(['short']).mode).toBe('full');
    expect(run(['short', 'good', 'good', 'short']).mode).toBe('full');
    expect(run(['short', 'short']).mode).toBe('content');
    // A link that suffers every other reading is short too.
    expect(run(['short', 'good', 'short']).mode).toBe('content');
    expect(run(['short', 'fair', 'short']).mode).toBe('content');
    // Just after the step, the link still drains what the camera sent: that reading is not counted.
    expect(run(['short', 'short', SETTLING, 'short']).mode).toBe('content');
    expect(run(['short', 'short', SETTLING, 'short', 'short']).mode).toBe('stills');
    // There is nothing below stills.
    expect(run(Array(10).fill('short')).mode).toBe('stills');
  });

  const stills = run(['short', 'short', SETTLING, 'short', 'short']);

  it('comes back one step after half a minute of good readings, and a fair one starts the count again', () => {
    expect(stills.mode).toBe('stills');
    expect(run([SETTLING, ...good(UP_AFTER - 1)], stills).mode).toBe('stills');
    expect(run([SETTLING, ...good(UP_AFTER)], stills).mode).toBe('content');
    expect(run([SETTLING, ...good(UP_AFTER - 1), 'fair', 'good'], stills).mode).toBe('stills');
    expect(run([SETTLING, ...good(2 * UP_AFTER)], stills).mode).toBe('full');
  });

  it('a step up that fails at once waits twice as long for the next, up to eight times; one that holds clears it', () => {
    const triedUp = run([SETTLING, ...good(UP_AFTER)], stills);
    expect(triedUp.mode).toBe('content');
    // Short again within seconds of the step up (no settling after a step up: a failed try is seen at once): back
    // down, and the next try waits a minute, not half.
    const failed = run(['short', 'short'], triedUp);
    expect(failed.mode).toBe('stills');
    expect(failed.backoff).toBe(2);
    expect(run([SETTLING, ...good(2 * UP_AFTER - 1)], failed).mode).toBe('stills');
    expect(run([SETTLING, ...good(2 * UP_AFTER)], failed).mode).toBe('content');
    // Failing every time, the wait stops growing at eight half-minutes.
    let s: ModeState = stills;
    for (let i = 0; i < 6; i++) s = run([SETTLING, ...good(UP_AFTER * s.backoff), 'short', 'short'], s);
    expect(s.mode).toBe('stills');
    expect(s.backoff).toBe(8);
    // A step up that holds for half a minute clears the wait: the next fall is no failed step up.
    const held = run(good(UP_AFTER), run([SETTLING, ...good(2 * UP_AFTER)], failed));
    expect(held.mode).toBe('full');
    expect(run(['short', 'short'], run(Array(UP_AFTER).fill('fair'), held)).backoff).toBe(1);
  });

  it('a fall from full that was never a step up (the lesson’s start) is no failure', () => {
    expect(run(['short', 'short']).mode).toBe('content');
    expect(run(['short', 'short']).backoff).toBe(1);
  });
});

describe('link mode: how the media arrives', () => {
  const report = (local: Record<string, unknown>) => {
    const entries = [
      { id: 'T', type: 'transport', selectedCandidatePairId: 'P' },
      { id: 'P', type: 'candidate-pair', localCandidateId: 'L' },
      { id: 'L', type: 'local-candidate', ...local },
    ];
    return { forEach: (f: (r: unknown) => void) => entries.forEach(f) } as unknown as RTCStatsReport;
  };
  it('names UDP, TCP (UDP blocked) or a TURN relay from the selected pair', () => {
    expect(transportOf(report({ protocol: 'udp', candidateType: 'host' }))).toBe('udp');
    expect(transportOf(report({ protocol: 'tcp', candidateType: 'host' }))).toBe('tcp');
    expect(transportOf(report({ protocol: 'udp', candidateType: 'relay' }))).toBe('relay');
  });
});
