// Each school's public page (信息公开, seed clause 13): what its admins wrote in each section, and when. The page also
// lists what the school shares publicly elsewhere (library resources, facilities); those are read from their tables.
import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgEnum, pgTable, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { publicSections } from '../../../shared/enums';
import type { SectionContents } from '../../../shared/schemas/public-pages';
import { orgs, users } from './orgs';

export const publicSection = pgEnum('public_section', publicSections);

/** A school's page settings; made with the school's first edit of it (until then the defaults hold). */
export const publicPages = pgTable(
  'public_pages',
  {
    schoolId: uuid()
      .primaryKey()
      .references(() => orgs.id),
    /** Working days (Monday–Friday) a section may go without an update before the editor flags it. */
    reviewWorkingDays: integer().notNull().default(20),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('public_pages_review_days', sql`${t.reviewWorkingDays} BETWEEN 1 AND 120`)],
);

/** One section of a school's page, as last saved: its content (checked by shared/schemas/public-pages.ts) and date. */
export const publicPageSections = pgTable(
  'public_page_sections',
  {
    schoolId: uuid()
      .notNull()
      .references(() => publicPages.schoolId),
    section: publicSection().notNull(),
    content: jsonb().$type<SectionContents[keyof SectionContents]>().notNull(),
    /** Saved, or checked and saved unchanged: the date the page shows and the review period counts from. */
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid().references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.section] })],
);
