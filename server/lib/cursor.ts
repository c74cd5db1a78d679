// Opaque list cursors (CONTRACT: `nextCursor`, then `?cursor=` with the same filters): the parts of the last
// row's sort key, base64url-encoded. A cursor that does not decode to what the list expects is bad input (400).
import { Buffer } from 'node:buffer';
import { isoTime, id as uuid } from '../../shared/schemas/common';
import { AppError } from './errors';

export const encodeCursor = (...parts: string[]): string => Buffer.from(parts.join('|')).toString('base64url');

export const badCursor = () =>
  new AppError('validation_failed', 'Bad cursor', { fields: { cursor: ['not a cursor from this list'] } });

/** The cursor's parts; `parse` turns them into the list's key and throws badCursor() when they are not one. */
export function decodeCursor<T>(cursor: string, parse: (parts: string[]) => T): T {
  return parse(Buffer.from(cursor, 'base64url').toString().split('|'));
}

/** A cursor of one non-negative integer (a sequence number or an offset). */
export function decodeCount(cursor: string): number {
  return decodeCursor(cursor, (parts) => {
    const [part] = parts;
    const n = Number(part);
    if (parts.length !== 1 || !part || !Number.isSafeInteger(n) || n < 0) throw badCursor();
    return n;
  });
}

/** A cursor of a row's time and id, for lists in time order. */
export const encodeTimeKey = (at: Date, id: string): string => encodeCursor(at.toISOString(), id);

/**
 * The time and id of a cursor from encodeTimeKey, each checked as the API checks them in input (a time within
 * YEARS, a UUID): a forged one is a 400, never a date or an id the database refuses.
 */
export function decodeTimeKey(cursor: string): { at: Date; id: string } {
  return decodeCursor(cursor, (parts) => {
    const [time, id] = parts;
    if (parts.length !== 2 || !isoTime.safeParse(time).success || !uuid.safeParse(id).success) throw badCursor();
    return { at: new Date(time as string), id: id as string };
  });
}
