import { relations, sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { locales, orgKinds, roles } from '../../../shared/enums';

export const orgKind = pgEnum('org_kind', orgKinds);
export const role = pgEnum('role', roles);
export const locale = pgEnum('locale', locales);

/** Education groups, school districts and schools in one table: a school points at its group and district. */
export const orgs = pgTable(
  'orgs',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: orgKind().notNull(),
    name: text().notNull(),
    /** School code used by imports; unique among schools. */
    code: text(),
    groupId: uuid().references((): AnyPgColumn => orgs.id),
    districtId: uuid().references((): AnyPgColumn => orgs.id),
    rural: boolean().notNull().default(false),
    supported: boolean().notNull().default(false),
    /** The lead school (龙头校) of its group. */
    lead: boolean().notNull().default(false),
    address: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('orgs_code_key').on(t.code),
    index('orgs_group_idx').on(t.groupId),
    index('orgs_district_idx').on(t.districtId),
    // Only schools belong to a group or district; a school belongs to at most one of each.
    check(
      'orgs_parent_only_for_schools',
      sql`${t.kind} = 'school' OR (${t.groupId} IS NULL AND ${t.districtId} IS NULL)`,
    ),
  ],
);

export const classrooms = pgTable(
  'classrooms',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid()
      .notNull()
      .references(() => orgs.id),
    name: text().notNull(),
    grade: integer(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('classrooms_school_name_key').on(t.schoolId, t.name)],
);

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Stored lower-cased; the unique index makes one account per address. */
    email: text().notNull(),
    name: text().notNull(),
    /** Null until an invited person sets a password. */
    passwordHash: text(),
    locale: locale().notNull().default('zh'),
    /** When the person retires, as their school records it (exchange eligibility: not within 5 years of it). */
    retiresOn: date(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);

export const memberships = pgTable(
  'memberships',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    orgId: uuid()
      .notNull()
      .references(() => orgs.id),
    role: role().notNull(),
    masterTeacher: boolean().notNull().default(false),
    /** A teacher the group's leaders named to review resources shared with the group or district. */
    reviewer: boolean().notNull().default(false),
    /** For assistants: the classroom whose screen they operate. */
    classroomId: uuid().references(() => classrooms.id, { onDelete: 'set null' }),
    /** Teaching at this school since (exchange eligibility counts consecutive years here). */
    since: date().notNull().default(sql`(now() AT TIME ZONE 'Asia/Shanghai')::date`),
    /** A key teacher (骨干教师): the quota counts how many of those rotated are key teachers. */
    keyTeacher: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('memberships_user_org_role_key').on(t.userId, t.orgId, t.role),
    index('memberships_org_idx').on(t.orgId),
  ],
);

export const orgsRelations = relations(orgs, ({ many }) => ({
  classrooms: many(classrooms),
  memberships: many(memberships),
}));
export const classroomsRelations = relations(classrooms, ({ one }) => ({
  school: one(orgs, { fields: [classrooms.schoolId], references: [orgs.id] }),
}));
export const membershipsRelations = relations(memberships, ({ one }) => ({
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
  org: one(orgs, { fields: [memberships.orgId], references: [orgs.id] }),
}));
