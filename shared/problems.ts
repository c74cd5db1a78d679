// Why a request cannot be done, as codes with their figures. The API sends them in an error's `details.problems`,
// each with the field it is about (and, in a series, the date it concerns), beside the English `details.fields`
// that the contract promises; the web app says each one in the reader's language (web/src/lib/problems.ts), next
// to its field or as a sentence of its own — never "see the fields marked red" when nothing is marked.
import type { ZodError } from 'zod';

export type Problem =
  // Any field, from input validation.
  | { code: 'required' }
  | { code: 'too_short'; min: number }
  | { code: 'too_long_text'; max: number }
  | { code: 'too_small'; min: number }
  | { code: 'too_large'; max: number }
  | { code: 'too_few'; min: number }
  | { code: 'too_many'; max: number }
  | { code: 'invalid_email' }
  | { code: 'invalid_time' }
  | { code: 'not_storable' }
  | { code: 'out_of_years' }
  | { code: 'nothing_to_change' }
  | { code: 'ends_before_start' }
  | { code: 'invalid' }
  // Booking a facility.
  | { code: 'in_past' }
  | { code: 'too_short_notice'; hours: number }
  | { code: 'too_far_ahead'; days: number }
  | { code: 'too_long'; minutes: number }
  | { code: 'outside_opening_hours' }
  | { code: 'closed'; reason: string }
  | { code: 'over_capacity'; capacity: number }
  | { code: 'quota_exceeded'; quota: number; held: number; requested: number }
  | { code: 'series_too_many'; max: number }
  | { code: 'series_empty' }
  | { code: 'series_all_closed' }
  | { code: 'repeat_until_or_count' }
  | { code: 'block_too_long'; days: number }
  // Live lessons.
  | { code: 'lesson_too_long'; hours: number }
  | { code: 'lesson_out_of_range' }
  // Rural-service honour thresholds.
  | { code: 'honours_none' }
  | { code: 'honours_ascending' }
  // Uploads.
  | { code: 'file_missing' }
  | { code: 'file_empty' }
  | { code: 'file_cut_off' }
  | { code: 'meta_not_json' };

export type ProblemCode = Problem['code'];

/** A problem of one request, the field it is about (`_` for the request as a whole), and for a series its date. */
export type FieldProblem = Problem & { field: string; startsAt?: string };

/** The English sentence of a problem, for the API's `details.fields` (API clients read English). */
export function englishOf(p: Problem): string {
  switch (p.code) {
    case 'required':
      return 'required';
    case 'too_short':
      return `at least ${p.min} characters`;
    case 'too_long_text':
      return `at most ${p.max} characters`;
    case 'too_small':
      return `at least ${p.min}`;
    case 'too_large':
      return `at most ${p.max}`;
    case 'too_few':
      return `at least ${p.min} item(s)`;
    case 'too_many':
      return `at most ${p.max} item(s)`;
    case 'invalid_email':
      return 'not an email address';
    case 'invalid_time':
      return 'not a date and time with an offset';
    case 'not_storable':
      return 'must not contain NUL or unpaired surrogate characters';
    case 'out_of_years':
      return 'must be between the years 2000 and 2099';
    case 'nothing_to_change':
      return 'nothing to change: give at least one field';
    case 'ends_before_start':
      return 'the end must be after the start';
    case 'invalid':
      return 'invalid';
    case 'in_past':
      return 'the time has passed';
    case 'too_short_notice':
      return `must be booked at least ${p.hours} h ahead`;
    case 'too_far_ahead':
      return `can be booked at most ${p.days} days ahead`;
    case 'too_long':
      return `at most ${p.minutes} minutes at a time`;
    case 'outside_opening_hours':
      return 'outside the opening hours';
    case 'closed':
      return `closed: ${p.reason}`;
    case 'over_capacity':
      return `more people than its capacity of ${p.capacity}`;
    case 'quota_exceeded':
      return `quota of ${p.quota} h per term exceeded (${p.held} h already held, ${p.requested} h asked)`;
    case 'series_too_many':
      return `a series may have at most ${p.max} dates`;
    case 'series_empty':
      return 'no dates between the start and the end';
    case 'series_all_closed':
      return 'every date of the series falls on a closed day';
    case 'repeat_until_or_count':
      return 'give either an end date or a number of weeks';
    case 'block_too_long':
      return `a block-out lasts at most ${p.days} days`;
    case 'lesson_too_long':
      return `a live lesson lasts at most ${p.hours} hours`;
    case 'lesson_out_of_range':
      return 'between yesterday and two years ahead';
    case 'honours_none':
      return 'give at least one honour';
    case 'honours_ascending':
      return 'a higher honour must ask more years than a lower one';
    case 'file_missing':
      return 'attach the file';
    case 'file_empty':
      return 'the file is empty';
    case 'file_cut_off':
      return 'the upload was cut off';
    case 'meta_not_json':
      return 'not JSON';
  }
}

/** The contract's `details` of a validation error: the fields in English, and the problems for the web app. */
export function problemDetails(problems: FieldProblem[]): {
  fields: Record<string, string[]>;
  problems: FieldProblem[];
} {
  const fields: Record<string, string[]> = {};
  for (const p of problems) {
    fields[p.field] ??= [];
    fields[p.field]?.push(englishOf(p));
  }
  return { fields, problems };
}

const isProblemCode = (v: unknown): v is ProblemCode => typeof v === 'string' && v.length > 0;

/** Zod's issues as problems: the issue's own kind and bound, or a refinement's `params.problem`. */
export function problemsOfZod(error: ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.join('.') : '_';
    const bound = (n: unknown) => (typeof n === 'bigint' ? Number(n) : Number(n));
    switch (issue.code) {
      case 'invalid_type':
        return /received undefined/.test(issue.message) ? { field, code: 'required' } : { field, code: 'invalid' };
      case 'too_small':
        if (issue.origin === 'string') return { field, code: 'too_short', min: bound(issue.minimum) };
        if (issue.origin === 'array' || issue.origin === 'set')
          return { field, code: 'too_few', min: bound(issue.minimum) };
        return { field, code: 'too_small', min: bound(issue.minimum) };
      case 'too_big':
        if (issue.origin === 'string') return { field, code: 'too_long_text', max: bound(issue.maximum) };
        if (issue.origin === 'array' || issue.origin === 'set')
          return { field, code: 'too_many', max: bound(issue.maximum) };
        return { field, code: 'too_large', max: bound(issue.maximum) };
      case 'invalid_format':
        if (issue.format === 'email') return { field, code: 'invalid_email' };
        if (issue.format === 'datetime' || issue.format === 'date') return { field, code: 'invalid_time' };
        return { field, code: 'invalid' };
      case 'custom': {
        const code = issue.params?.problem;
        return isProblemCode(code) ? ({ field, ...issue.params, code } as FieldProblem) : { field, code: 'invalid' };
      }
      default:
        return { field, code: 'invalid' };
    }
  });
}
