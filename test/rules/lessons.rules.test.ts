import { describe, expect, it } from 'vitest';
import { usualSubjectAndGrade } from '../../server/modules/lessons/lessons.rules';

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
