import { describe, expect, it } from 'vitest';
import { usualSubjectAndGrade } from '../../server/modules/lessons/lessons.rules';
import { joinOpen, OVERRUN_MS } from '../../shared/lessons';

describe('lessons: what a teacher usually teaches', () => {
  it('is the most frequent subject of their latest lessons, with the grade most frequent in it', () => {
    expect(
      usualSubjectAndGrade([
        { subject: 'math', grade: 5 },
        { subject: 'science', grade: 4 },
        { subject: 'math', grade: 4 },
        { subject: 'math', grade: 4 },
      ]),
    ).toEqual({ subject: 'math', grade: 4 });
  });

  it('on a tie, the newer wins (the list is newest first)', () => {
    expect(
      usualSubjectAndGrade([
        { subject: 'physics', grade: 8 },
        { subject: 'chemistry', grade: 9 },
      ]),
    ).toEqual({ subject: 'physics', grade: 8 });
  });

  it('is nothing when there is nothing to go on', () => {
    expect(usualSubjectAndGrade([])).toBeNull();
  });
});

describe('lessons: when a lesson may be joined', () => {
  const start = Date.parse('2026-12-07T10:00:00+08:00');
  const lesson = (status: string) => ({
    startsAt: new Date(start),
    endsAt: new Date(start + 40 * 60_000),
    status,
  });
  const at = (minutes: number) => start + minutes * 60_000;

  it('from a quarter hour before its start to its end; a lesson under way half an hour more', () => {
    expect(joinOpen(lesson('scheduled'), at(-16))).toBe(false);
    expect(joinOpen(lesson('scheduled'), at(-15))).toBe(true);
    expect(joinOpen(lesson('scheduled'), at(40))).toBe(true);
    // Nobody came: its time is over.
    expect(joinOpen(lesson('scheduled'), at(41))).toBe(false);
    // Under way and running over, or a classroom's link dropped in its last minutes: back in.
    expect(joinOpen(lesson('live'), at(41))).toBe(true);
    expect(joinOpen(lesson('live'), at(40) + OVERRUN_MS)).toBe(true);
    expect(joinOpen(lesson('live'), at(41) + OVERRUN_MS)).toBe(false);
    expect(joinOpen(lesson('ended'), at(20))).toBe(false);
    expect(joinOpen(lesson('cancelled'), at(20))).toBe(false);
  });
});
