// Reads of the public page: the school by its code (for anyone), its sections as saved, and what the school shares
// publicly elsewhere — library resources (校本课程 among them) and facilities — that the page lists by itself.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { publicSections } from '../../../shared/enums';
import type { OpeningHours } from '../../../shared/schemas/facilities';
import {
  DEFAULT_REVIEW_WORKING_DAYS,
  type PublicPage,
  publicPagePath,
  type SectionContents,
} from '../../../shared/schemas/public-pages';
import { iso } from '../../../shared/time';
import { facilities, orgs, publicPageSections, publicPages, resources, users } from '../../db/schema';
import type { Queryable } from '../../lib/db';
import { byName } from '../orgs/orgs.queries';
import { reviewOf } from './public-pages.rules';

export interface SavedSection<K extends keyof SectionContents = keyof SectionContents> {
  content: SectionContents[K];
  updatedAt: Date;
  updatedBy: string | null;
}
export type SavedSections = { [K in keyof SectionContents]?: SavedSection<K> };

/** A school's page settings and saved sections (the defaults when it has none yet). */
export async function savedPage(db: Queryable, schoolId: string) {
  const [page] = await db.select().from(publicPages).where(eq(publicPages.schoolId, schoolId));
  const rows = await db
    .select({
      section: publicPageSections.section,
      content: publicPageSections.content,
      updatedAt: publicPageSections.updatedAt,
      updatedBy: users.name,
    })
    .from(publicPageSections)
    .leftJoin(users, eq(users.id, publicPageSections.updatedBy))
    .where(eq(publicPageSections.schoolId, schoolId));
  const sections: SavedSections = {};
  for (const { section, ...saved } of rows) Object.assign(sections, { [section]: saved });
  return { reviewWorkingDays: page?.reviewWorkingDays ?? DEFAULT_REVIEW_WORKING_DAYS, sections };
}

/** Resources the school shares with the public, published: 校本课程 first, then the rest, each by title. */
export async function publicResourcesOf(db: Queryable, schoolId: string) {
  return db
    .select({
      id: resources.id,
      title: resources.title,
      summary: resources.summary,
      kind: resources.kind,
      subject: resources.subject,
      grade: resources.grade,
      updatedAt: resources.updatedAt,
    })
    .from(resources)
    .where(and(eq(resources.schoolId, schoolId), eq(resources.visibility, 'public'), eq(resources.status, 'published')))
    .orderBy(sql`${resources.kind} <> 'school_course'`, byName(resources.title));
}
export type PublicResource = Awaited<ReturnType<typeof publicResourcesOf>>[number];

/** Facilities in use that the school opens to the public, by name. */
export async function publicFacilitiesOf(db: Queryable, schoolId: string) {
  return db
    .select({
      id: facilities.id,
      name: facilities.name,
      kind: facilities.kind,
      capacity: facilities.capacity,
      location: facilities.location,
      description: facilities.description,
      openingHours: facilities.openingHours,
      updatedAt: facilities.updatedAt,
    })
    .from(facilities)
    .where(and(eq(facilities.schoolId, schoolId), eq(facilities.scope, 'public'), isNull(facilities.retiredAt)))
    .orderBy(byName(facilities.name), asc(facilities.id));
}
export type PublicFacility = Awaited<ReturnType<typeof publicFacilitiesOf>>[number] & { openingHours: OpeningHours };

const groups = alias(orgs, 'group_org');
const districts = alias(orgs, 'district_org');

/**
 * The school whose code this is: the exact code, else the one code that differs only in case (the page then
 * redirects to the exact address). Null when no school has it.
 */
export async function schoolByCode(db: Queryable, code: string) {
  const rows = await db
    .select({
      id: orgs.id,
      code: orgs.code,
      name: orgs.name,
      address: orgs.address,
      rural: orgs.rural,
      lead: orgs.lead,
      groupName: groups.name,
      districtName: districts.name,
      updatedAt: orgs.updatedAt,
    })
    .from(orgs)
    .leftJoin(groups, eq(groups.id, orgs.groupId))
    .leftJoin(districts, eq(districts.id, orgs.districtId))
    .where(and(eq(orgs.kind, 'school'), sql`lower(${orgs.code}) = lower(${code})`))
    .limit(2);
  const exact = rows.find((r) => r.code === code);
  return exact ?? (rows.length === 1 ? (rows[0] ?? null) : null);
}
export type PublicSchool = NonNullable<Awaited<ReturnType<typeof schoolByCode>>> & { code: string };

/** Everything the public page of the school with this code shows; null when there is no such school. */
export async function readPublicPage(db: Queryable, code: string) {
  const school = await schoolByCode(db, code);
  if (!school?.code) return null;
  const [saved, resourceRows, facilityRows] = await Promise.all([
    savedPage(db, school.id),
    publicResourcesOf(db, school.id),
    publicFacilitiesOf(db, school.id),
  ]);
  return {
    school: school as PublicSchool,
    sections: saved.sections,
    resources: resourceRows,
    facilities: facilityRows as PublicFacility[],
  };
}
export type PublicPageData = NonNullable<Awaited<ReturnType<typeof readPublicPage>>>;

/** The page as its editor reads it: every section with its state against the school's review period. */
export async function editorView(db: Queryable, school: { id: string; name: string; code: string | null }) {
  const [saved, resourceRows, facilityRows] = await Promise.all([
    savedPage(db, school.id),
    publicResourcesOf(db, school.id),
    publicFacilitiesOf(db, school.id),
  ]);
  const now = new Date();
  const sectionOut = (s: SavedSection | undefined) => ({
    content: s?.content ?? null,
    updatedAt: s ? iso(s.updatedAt) : null,
    updatedBy: s?.updatedBy ?? null,
    ...reviewOf(s?.updatedAt ?? null, now, saved.reviewWorkingDays),
  });
  const sections = Object.fromEntries(publicSections.map((k) => [k, sectionOut(saved.sections[k])]));
  const isCourse = (r: PublicResource) => r.kind === 'school_course';
  return {
    schoolId: school.id,
    schoolName: school.name,
    code: school.code,
    path: school.code ? publicPagePath(school.code) : null,
    reviewWorkingDays: saved.reviewWorkingDays,
    sections: sections as PublicPage['sections'],
    listed: {
      courses: resourceRows.filter(isCourse).map((r) => ({ id: r.id, title: r.title })),
      resources: resourceRows.filter((r) => !isCourse(r)).map((r) => ({ id: r.id, title: r.title })),
      facilities: facilityRows.map((f) => ({ id: f.id, title: f.name })),
    },
  } satisfies PublicPage;
}
