// Teacher exchanges: the eligibility rules an application is checked against, as codes with their figures. The API
// names every rule that failed in an error's `details.rules` (400 not_eligible); the web says each in the reader's
// language. The figures are the programme's own settings, never constants (the policy differs by province).
import type { Role } from './enums';

/**
 * Who the host school may name as a teacher in post's mentor: its teachers, the assistant teachers of its classrooms
 * (辅导教师) among them — at a village school they are most of its teachers, and the ones who know its classes.
 */
export const MENTOR_ROLES = ['teacher', 'assistant'] as const satisfies readonly Role[];

export type EligibilityFailure =
  /** Fewer consecutive years at the home school than the programme asks (Beijing 2021: 6). */
  | { rule: 'years_at_school'; required: number; years: number }
  /** Within the programme's margin of retirement when the post starts (Beijing 2021: 5 years). */
  | { rule: 'near_retirement'; marginYears: number; retiresOn: string }
  /** Already in an active placement that overlaps this one. */
  | { rule: 'already_placed'; until: string }
  /** The post is at the teacher's own school. */
  | { rule: 'own_school' }
  /** The teacher's school is not in the programme's group or district. */
  | { rule: 'outside_programme' }
  /** Only teachers take part (an assistant or an admin account is nominated as a teacher of a school). */
  | { rule: 'not_a_teacher' }
  /** The posting no longer takes applications, or its programme is closed. */
  | { rule: 'posting_closed' }
  /** An application to this posting is already waiting. */
  | { rule: 'already_applied' };

export type EligibilityRule = EligibilityFailure['rule'];

/** Every rule's name, for the API's schema; the type check keeps it and the union above the same. */
export const eligibilityRules = [
  'years_at_school',
  'near_retirement',
  'already_placed',
  'own_school',
  'outside_programme',
  'not_a_teacher',
  'posting_closed',
  'already_applied',
] as const satisfies readonly EligibilityRule[];
type Unlisted = Exclude<EligibilityRule, (typeof eligibilityRules)[number]>;
const everyRuleListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyRuleListed;

/** The English sentence of a failed rule, for API clients. */
export function englishOfRule(f: EligibilityFailure): string {
  switch (f.rule) {
    case 'years_at_school':
      return `needs ${f.required} consecutive years at the home school; has ${f.years}`;
    case 'near_retirement':
      return `retires on ${f.retiresOn}, within ${f.marginYears} years of the post's start`;
    case 'already_placed':
      return `already in an exchange post until ${f.until}`;
    case 'own_school':
      return 'the post is at the teacher’s own school';
    case 'outside_programme':
      return 'the teacher’s school is not in this programme’s group or district';
    case 'not_a_teacher':
      return 'only teachers of a school take part';
    case 'posting_closed':
      return 'the posting no longer takes applications';
    case 'already_applied':
      return 'an application to this posting is already waiting';
  }
}

/** The honours, lowest first (seed clause 9 names 20 and 30 years; the county's 10 is common practice). */
export const honourLevels = ['county', 'provincial', 'national'] as const;
export type HonourLevel = (typeof honourLevels)[number];

/** The years each honour asks; null where a group or district does not give that honour. */
export type HonourYears = Record<HonourLevel, number | null>;

/** The published thresholds: national certificate at 30 years, provincial at 20, county at 10. */
export const PUBLISHED_HONOURS: HonourYears = { county: 10, provincial: 20, national: 30 };

/** The honours given, lowest first, each with its years. */
export const honoursOf = (y: HonourYears): { level: HonourLevel; years: number }[] =>
  honourLevels.flatMap((level) => {
    const years = y[level];
    return years === null ? [] : [{ level, years }];
  });
