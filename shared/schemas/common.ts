import { z } from 'zod';

/** Unpaired UTF-16 surrogates: a string holding one cannot be encoded as UTF-8, so nothing could store it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text a database can store: no NUL (PostgreSQL refuses it) and no unpaired surrogates. */
export const isStorableText = (s: string) => !s.includes('\u0000') && !LONE_SURROGATE.test(s);

/**
 * Every piece of text the API takes: a string refused with 400 when it holds NUL or an unpaired surrogate,
 * rather than a 500 from the database later.
 */
export const text = () =>
  z.string().refine(isStorableText, {
    message: 'must not contain NUL or unpaired surrogate characters',
    params: { problem: 'not_storable' },
  });

/** For PATCH bodies: at least one field is given (an empty change is bad input, not a silent no-op). */
export const someChange = (v: object) => Object.values(v).some((x) => x !== undefined);
export const nothingToChange = {
  message: 'nothing to change: give at least one field',
  params: { problem: 'nothing_to_change' },
};

export const id = z.string().uuid();

/** The largest PostgreSQL `integer`: a whole number past it fails in the database (22003), so it is bad input. */
export const INT_MAX = 2_147_483_647;
/** A whole number from a query string, from `min` up to what an `integer` column holds. */
export const queryInt = (min: number) => z.coerce.number().int().min(min).max(INT_MAX);

/** The years a school's records live in; a date outside them is a typo or a probe, refused as bad input. */
export const YEARS = { from: 2000, to: 2099 } as const;
const yearOf = (isoText: string) => Number(isoText.slice(0, 4));
const inYears = (isoText: string) => yearOf(isoText) >= YEARS.from && yearOf(isoText) <= YEARS.to;
const inYearsRule = {
  message: `must be between the years ${YEARS.from} and ${YEARS.to}`,
  params: { problem: 'out_of_years' },
};

/** ISO 8601 with an offset, as the contract requires (e.g. 2026-12-01T08:00:00+08:00), within YEARS. */
export const isoTime = z.iso.datetime({ offset: true }).refine(inYears, inYearsRule);
/** A calendar day (YYYY-MM-DD), within YEARS. */
export const isoDay = z.iso.date().refine(inYears, inYearsRule);

export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const listQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const page = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const idParam = z.object({ id });
