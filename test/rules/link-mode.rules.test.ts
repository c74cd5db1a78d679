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

  it('one short reading changes nothing; two in a row pause the camera; two more keep only stills of the screen', () => {
    expect(run(['short']).mode).toBe('full');
    expect(run(['short', 'good', 'short']).mode).toBe('full');
    expect(run(['short', 'short']).mode).toBe('content');
    expect(run(['short', 'short', 'short', 'short']).mode).toBe('stills');
    // There is nothing below stills.
    expect(run(Array(10).fill('short')).mode).toBe('stills');
  });

  it('comes back one step after half a minute of good readings, and a fair one starts the count again', () => {
    const stills = run(['short', 'short', 'short', 'short']);
    expect(run(Array(UP_AFTER - 1).fill('good'), stills).mode).toBe('stills');
    expect(run(Array(UP_AFTER).fill('good'), stills).mode).toBe('content');
    expect(run([...Array(UP_AFTER - 1).fill('good'), 'fair', 'good'], stills).mode).toBe('stills');
    expect(run(Array(2 * UP_AFTER).fill('good'), stills).mode).toBe('full');
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
