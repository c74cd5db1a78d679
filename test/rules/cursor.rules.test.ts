// List cursors: what a list hands out decodes to the same key; anything else is bad input (400), never a value
// the database refuses.
import { describe, expect, it } from 'vitest';
import { decodeCount, decodeTimeKey, encodeCursor, encodeTimeKey } from '../../server/lib/cursor';
import { AppError } from '../../server/lib/errors';

const badCursor = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError && err.code === 'validation_failed';
  }
  return false;
};

describe('cursors', () => {
  it('a time-and-id cursor comes back as the same time and id', () => {
    const at = new Date('2030-03-05T08:30:00.123Z');
    const id = '6f1c1d5e-8a8e-4b39-9a51-2c3b4d5e6f70';
    expect(decodeTimeKey(encodeTimeKey(at, id))).toEqual({ at, id });
  });

  it('a forged time-and-id cursor is bad input', () => {
    const id = '6f1c1d5e-8a8e-4b39-9a51-2c3b4d5e6f70';
    for (const parts of [
      ['0000-01-01T00:00:00.000Z', id],
      ['9999-12-31T23:59:59.999Z', id],
      ['not a time', id],
      ['2030-03-05T08:30:00.000Z', '-'.repeat(36)],
      ['2030-03-05T08:30:00.000Z'],
      ['2030-03-05T08:30:00.000Z', id, 'more'],
    ])
      expect(
        badCursor(() => decodeTimeKey(encodeCursor(...parts))),
        parts.join('|'),
      ).toBe(true);
  });

  it('a count cursor is a non-negative safe integer', () => {
    expect(decodeCount(encodeCursor('40'))).toBe(40);
    for (const forged of ['-1', '1.5', '1e308', '', 'abc'])
      expect(
        badCursor(() => decodeCount(encodeCursor(forged))),
        forged,
      ).toBe(true);
  });
});
