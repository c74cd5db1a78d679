// A school's public page (信息公开, seed clause 13): the sections its admins write, each in Chinese and English, and
// what the editor reads back — every section with when it was last updated and whether that is past the school's
// review period. The page itself is HTML (GET /s/{schoolCode}); this is the API that edits it.
import { z } from 'zod';
import { feePeriods, type PublicSection } from '../enums';
import { id, isoDay, isoTime, nothingToChange, someChange, text } from './common';

/**
 * The same words in both languages. Chinese is the page's own; English may be left empty, and the English page then
 * shows the Chinese, marked as Chinese.
 */
const bilingual = (max: number, required = false) =>
  z.object({
    zh: required ? text().trim().min(1).max(max) : text().trim().max(max),
    en: text().trim().max(max).default(''),
  });
export type Bilingual = z.infer<ReturnType<typeof bilingual>>;

/** A telephone number as people write it: digits, spaces, +, -, brackets. */
export const phone = text()
  .trim()
  .regex(/^[0-9+()\- ]{3,30}$/, 'digits, spaces, + - ( ) (3–30)');
const headcount = z.number().int().min(0).max(100_000).nullable().default(null);

/** A line of a list: a course, a time of the school day, a step of enrolment, a facility, a resource. */
const entry = z.object({ name: bilingual(100, true), detail: bilingual(500) });

export const basicContent = z.object({
  intro: bilingual(2000),
  /** 学段: 小学, 初中, 九年一贯制 … */
  stage: bilingual(60),
  founded: z.number().int().min(1800).max(2100).nullable().default(null),
  students: headcount,
  classes: headcount,
  staff: headcount,
  phone: phone.nullable().default(null),
});

/** Courses, the timetable, enrolment, facilities, resources: a paragraph and a list. */
export const listContent = z.object({
  intro: bilingual(3000),
  items: z.array(entry).max(40).default([]),
});

/** A fee and its standard, as clause 13 asks them published: what, how much, on what basis, who approved it. */
export const fee = z.object({
  name: bilingual(100, true),
  /** Yuan, to the fen. */
  amount: z.number().min(0).max(1_000_000).multipleOf(0.01),
  per: z.enum(feePeriods),
  /** 收费依据: the document that allows it. */
  basis: bilingual(300, true),
  /** 审批机关: who approved the standard. */
  authority: bilingual(200, true),
  /** 投诉电话: where a parent complains about it. */
  complaintsPhone: phone,
});
export const feesContent = z.object({
  intro: bilingual(2000),
  items: z.array(fee).max(30).default([]),
});

/** Each section's content schema. */
export const sectionContent = {
  basic: basicContent,
  courses: listContent,
  timetable: listContent,
  enrolment: listContent,
  fees: feesContent,
  facilities: listContent,
  resources: listContent,
} as const satisfies Record<PublicSection, z.ZodType>;
export type SectionContents = { [K in PublicSection]: z.infer<(typeof sectionContent)[K]> };
export type BasicContent = SectionContents['basic'];
export type ListContent = SectionContents['courses'];
export type FeesContent = SectionContents['fees'];

/** Working days (Monday to Friday) a section may go without an update: the disclosure deadline's default. */
export const DEFAULT_REVIEW_WORKING_DAYS = 20;

/**
 * A change to the page: the sections given are replaced (and dated today, even when unchanged: the admin has checked
 * them), all together or none; the review period, when given, is the school's new one.
 */
export const updatePublicPageInput = z
  .object({
    reviewWorkingDays: z.number().int().min(1).max(120).optional(),
    sections: z.object(sectionContent).partial().refine(someChange, nothingToChange).optional(),
  })
  .refine(someChange, nothingToChange);
export type UpdatePublicPageInput = z.infer<typeof updatePublicPageInput>;

/**
 * missing: never written; current: updated within the review period; overdue: its last update is more working days
 * ago than the review period allows.
 */
export const sectionStates = ['missing', 'current', 'overdue'] as const;
export type SectionState = (typeof sectionStates)[number];

const sectionOf = <C extends z.ZodType>(content: C) =>
  z.object({
    content: content.nullable(),
    updatedAt: isoTime.nullable(),
    updatedBy: text().nullable(),
    state: z.enum(sectionStates),
    /** The last day an update is due by (Beijing), counted in working days from the last update. */
    dueOn: isoDay.nullable(),
  });

const listed = z.object({ id, title: text() });

export const publicPage = z.object({
  schoolId: id,
  schoolName: text(),
  code: text().nullable(),
  /** Where anyone reads the page, on this site (`/s/JHZX`); null while the school has no code. */
  path: text().nullable(),
  reviewWorkingDays: z.number().int(),
  sections: z.object({
    basic: sectionOf(basicContent),
    courses: sectionOf(listContent),
    timetable: sectionOf(listContent),
    enrolment: sectionOf(listContent),
    fees: sectionOf(feesContent),
    facilities: sectionOf(listContent),
    resources: sectionOf(listContent),
  }),
  /** What the page lists by itself: 校本课程 and other resources the school shares publicly, its public facilities. */
  listed: z.object({
    courses: z.array(listed),
    resources: z.array(listed),
    facilities: z.array(listed),
  }),
});
export type PublicPage = z.infer<typeof publicPage>;
export const publicPageAnswer = z.object({ publicPage });

/** The public page's address: a school's code (letters, digits, - and _). */
export const publicPageParams = z.object({ schoolCode: z.string() });

/** Where anyone reads a school's public page: `/s/JHZX` in Chinese, `/s/JHZX/en` in English. */
export const publicPagePath = (code: string, lang: 'zh' | 'en' = 'zh') =>
  `/s/${encodeURIComponent(code)}${lang === 'en' ? '/en' : ''}`;
