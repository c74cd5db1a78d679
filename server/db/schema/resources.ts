import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { licences, resourceKinds, resourceStatuses, subjects } from '../../../shared/enums';
import { scope } from './facilities';
import { orgs, users } from './orgs';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const subject = pgEnum('subject', subjects);
export const resourceKind = pgEnum('resource_kind', resourceKinds);
export const licence = pgEnum('licence', licences);
export const resourceStatus = pgEnum('resource_status', resourceStatuses);

/** Lesson plans, courseware, exercises, recorded lessons, school-based courses. Files live in resource_versions. */
export const resources = pgTable(
  'resources',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid()
      .notNull()
      .references(() => orgs.id),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    title: text().notNull(),
    summary: text(),
    subject: subject().notNull(),
    grade: integer().notNull(),
    kind: resourceKind().notNull(),
    /** Textbook edition (人教版, 北师大版 …), volume (上册/下册) and unit, for browsing like the textbook. */
    edition: text(),
    volume: text(),
    unit: text(),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    licence: licence().notNull().default('group_only'),
    visibility: scope().notNull(),
    status: resourceStatus().notNull(),
    reviewComment: text(),
    reviewedBy: uuid().references(() => users.id),
    reviewedAt: timestamp({ withTimezone: true }),
    publishedAt: timestamp({ withTimezone: true }),
    downloads: integer().notNull().default(0),
    /** Chinese bigrams of title (weight A), tags (B) and summary (C): see shared/search-text.ts. */
    search: tsvector().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('resources_search_idx').using('gin', t.search),
    index('resources_school_idx').on(t.schoolId),
    index('resources_browse_idx').on(t.subject, t.grade, t.edition),
    check('resources_grade_range', sql`${t.grade} BETWEEN 1 AND 12`),
  ],
);

/** Every uploaded file of a resource; the newest is the current one. Old versions are kept. */
export const resourceVersions = pgTable(
  'resource_versions',
  {
    id: uuid().primaryKey().defaultRandom(),
    resourceId: uuid()
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    number: integer().notNull(),
    /** The name the file was uploaded with, shown and offered on download (never used as a path). */
    fileName: text().notNull(),
    /** Where the bytes are in storage: generated, never derived from the file name. */
    storageKey: text().notNull(),
    contentType: text().notNull(),
    size: bigint({ mode: 'number' }).notNull(),
    sha256: text().notNull(),
    uploadedBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('resource_versions_number_key').on(t.resourceId, t.number),
    index('resource_versions_sha256_idx').on(t.sha256),
  ],
);

/** Each download or use by a person of a school: usage counts, "used by others", what reached rural schools. */
export const resourceUses = pgTable(
  'resource_uses',
  {
    id: uuid().primaryKey().defaultRandom(),
    resourceId: uuid()
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    schoolId: uuid().references(() => orgs.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('resource_uses_resource_idx').on(t.resourceId),
    index('resource_uses_school_at_idx').on(t.schoolId, t.at),
  ],
);

export const favourites = pgTable(
  'favourites',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    resourceId: uuid()
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.resourceId] })],
);

export const resourceComments = pgTable(
  'resource_comments',
  {
    id: uuid().primaryKey().defaultRandom(),
    resourceId: uuid()
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    authorId: uuid()
      .notNull()
      .references(() => users.id),
    body: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('resource_comments_resource_idx').on(t.resourceId, t.createdAt)],
);

/** A teacher's gathering of resources (for a unit, a theme), shared like a resource. */
export const collections = pgTable(
  'collections',
  {
    id: uuid().primaryKey().defaultRandom(),
    ownerId: uuid()
      .notNull()
      .references(() => users.id),
    schoolId: uuid()
      .notNull()
      .references(() => orgs.id),
    title: text().notNull(),
    description: text(),
    visibility: scope().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('collections_owner_idx').on(t.ownerId)],
);

export const collectionItems = pgTable(
  'collection_items',
  {
    collectionId: uuid()
      .notNull()
      .references(() => collections.id, { onDelete: 'cascade' }),
    resourceId: uuid()
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.collectionId, t.resourceId] })],
);
