import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { bookingKinds, bookingStatuses, facilityKinds, scopes } from '../../../shared/enums';
import type { OpeningHours } from '../../../shared/schemas/facilities';
import { orgs, users } from './orgs';

export const facilityKind = pgEnum('facility_kind', facilityKinds);
export const scope = pgEnum('scope', scopes);
export const bookingKind = pgEnum('booking_kind', bookingKinds);
export const bookingStatus = pgEnum('booking_status', bookingStatuses);

export const facilities = pgTable(
  'facilities',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid()
      .notNull()
      .references(() => orgs.id),
    name: text().notNull(),
    kind: facilityKind().notNull(),
    capacity: integer().notNull(),
    location: text(),
    description: text(),
    equipment: text().array().notNull().default(sql`'{}'::text[]`),
    /** For 社会大课堂 practice sites: who runs the site and where it is. */
    provider: text(),
    providerAddress: text(),
    scope: scope().notNull().default('group'),
    approvalRequired: boolean().notNull().default(true),
    /** Hours between booking and start. */
    minNoticeHours: integer().notNull().default(0),
    /** Longest booking, minutes; null = no limit beyond opening hours. */
    maxLengthMinutes: integer(),
    /** How many days ahead a slot may be booked. */
    advanceDays: integer().notNull().default(90),
    /** Hours each borrowing school may hold per term; null = no quota. The owner school has none. */
    quotaHoursPerTerm: integer(),
    /** Weekday (1 = Monday … 7 = Sunday) → opening intervals in Beijing time. */
    openingHours: jsonb().$type<OpeningHours>().notNull(),
    retiredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('facilities_school_idx').on(t.schoolId),
    uniqueIndex('facilities_school_name_key').on(t.schoolId, t.name),
    check('facilities_capacity_positive', sql`${t.capacity} > 0`),
  ],
);

/** Whole days a school or one facility is closed (holidays, term breaks); recurring bookings skip them. */
export const closures = pgTable(
  'closures',
  {
    id: uuid().primaryKey().defaultRandom(),
    schoolId: uuid()
      .notNull()
      .references(() => orgs.id),
    /** Null: every facility of the school. */
    facilityId: uuid().references(() => facilities.id),
    startsOn: date().notNull(),
    endsOn: date().notNull(),
    reason: text().notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('closures_school_idx').on(t.schoolId, t.startsOn),
    check('closures_order', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

export const bookingSeries = pgTable('booking_series', {
  id: uuid().primaryKey().defaultRandom(),
  facilityId: uuid()
    .notNull()
    .references(() => facilities.id),
  /** RFC 5545 RRULE (DTSTART in Beijing time) the series was expanded from. */
  rule: text().notNull(),
  createdBy: uuid()
    .notNull()
    .references(() => users.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/**
 * Bookings and block-outs. The exclusion constraint (custom migration) guarantees that no two pending or
 * approved rows of one facility overlap; intervals are half-open [startsAt, endsAt).
 */
export const bookings = pgTable(
  'bookings',
  {
    id: uuid().primaryKey().defaultRandom(),
    facilityId: uuid()
      .notNull()
      .references(() => facilities.id),
    seriesId: uuid().references(() => bookingSeries.id),
    kind: bookingKind().notNull().default('booking'),
    status: bookingStatus().notNull(),
    /** Who made it; for a group leader acting for a school, `onBehalf` is true. */
    bookerId: uuid()
      .notNull()
      .references(() => users.id),
    /** The school the booking is for (whose quota it uses). */
    borrowerSchoolId: uuid()
      .notNull()
      .references(() => orgs.id),
    onBehalf: boolean().notNull().default(false),
    purpose: text().notNull(),
    attendees: integer(),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    decidedBy: uuid().references(() => users.id),
    decidedAt: timestamp({ withTimezone: true }),
    decisionReason: text(),
    cancelledBy: uuid().references(() => users.id),
    cancelledAt: timestamp({ withTimezone: true }),
    cancelReason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('bookings_facility_starts_idx').on(t.facilityId, t.startsAt),
    index('bookings_booker_idx').on(t.bookerId, t.startsAt),
    index('bookings_borrower_idx').on(t.borrowerSchoolId, t.startsAt),
    index('bookings_status_idx').on(t.status),
    check('bookings_order', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** In-app notices: a booking decided, declined by a block-out, cancelled. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    /** Values the web app fills into its localised message. */
    data: jsonb().$type<Record<string, unknown>>().notNull(),
    bookingId: uuid().references(() => bookings.id),
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/** Secret iCalendar feed URLs: per person or per facility. Only the token's hash is stored. */
export const calendarFeeds = pgTable('calendar_feeds', {
  id: uuid().primaryKey().defaultRandom(),
  tokenHash: text().notNull().unique('calendar_feeds_token_hash_key'),
  userId: uuid()
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  facilityId: uuid().references(() => facilities.id),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp({ withTimezone: true }),
});

/** Photos of a facility, shown on its card and page. The bytes live in storage like library files. */
export const facilityPhotos = pgTable(
  'facility_photos',
  {
    id: uuid().primaryKey().defaultRandom(),
    facilityId: uuid()
      .notNull()
      .references(() => facilities.id, { onDelete: 'cascade' }),
    storageKey: text().notNull(),
    contentType: text().notNull(),
    size: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('facility_photos_facility_idx').on(t.facilityId, t.createdAt)],
);
