// Shared facilities, their closed days and photos: what the API takes and answers, shared by the server's
// contract and the web.
import { z } from 'zod';
import { activeBookingStatuses, facilityKinds, scopes } from '../enums';
import { id, isoDay, isoTime, nothingToChange, page, queryInt, someChange, text } from './common';

/** "HH:MM" on a 24-hour clock, Beijing time. */
export const clock = text().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');
export const interval = z
  .object({ start: clock, end: clock })
  .refine((i) => i.start < i.end, { message: 'start must be before end', params: { problem: 'ends_before_start' } });
export const weekday = z.enum(['1', '2', '3', '4', '5', '6', '7']);
/** Weekday (1 = Monday … 7 = Sunday) → opening intervals. A missing weekday is closed. */
export const openingHours = z.partialRecord(weekday, z.array(interval).max(4));
export type OpeningHours = z.infer<typeof openingHours>;

/** A facility's fields, without defaults: a change (PATCH) names only what it changes. */
const facilityFields = z.object({
  name: text().trim().min(1).max(80),
  kind: z.enum(facilityKinds),
  capacity: z.number().int().min(1).max(100_000),
  location: text().trim().max(200).nullable().optional(),
  description: text().trim().max(2000).nullable().optional(),
  equipment: z.array(text().trim().min(1).max(60)).max(50).optional(),
  provider: text().trim().max(120).nullable().optional(),
  providerAddress: text().trim().max(200).nullable().optional(),
  scope: z.enum(scopes),
  approvalRequired: z.boolean(),
  minNoticeHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 90),
  maxLengthMinutes: z
    .number()
    .int()
    .min(15)
    .max(24 * 60 * 14)
    .nullable()
    .optional(),
  advanceDays: z.number().int().min(1).max(730),
  quotaHoursPerTerm: z.number().int().min(1).max(10_000).nullable().optional(),
  openingHours: openingHours,
});

/** A new facility: what is not given takes its default. */
export const facilityInput = facilityFields.extend({
  scope: facilityFields.shape.scope.default('group'),
  approvalRequired: facilityFields.shape.approvalRequired.default(true),
  minNoticeHours: facilityFields.shape.minNoticeHours.default(0),
  advanceDays: facilityFields.shape.advanceDays.default(90),
  /** School admins create for their own school; a group leader names the school. */
  schoolId: id.optional(),
});

/**
 * A change to a facility: only the fields given change. (Derived from facilityInput, `.partial()` would keep its
 * defaults, and renaming a facility would quietly reset its scope, approval, notice and advance window.)
 */
export const updateFacilityInput = facilityFields.partial().refine(someChange, nothingToChange);

/** A photo of a facility, as a URL the web app shows. */
export const photo = z.object({ id, url: text() });
export type Photo = z.infer<typeof photo>;

export const facility = z.object({
  id,
  schoolId: id,
  schoolName: text(),
  name: text(),
  kind: z.enum(facilityKinds),
  capacity: z.number().int(),
  location: text().nullable(),
  description: text().nullable(),
  equipment: z.array(text()),
  provider: text().nullable(),
  providerAddress: text().nullable(),
  scope: z.enum(scopes),
  approvalRequired: z.boolean(),
  minNoticeHours: z.number().int(),
  maxLengthMinutes: z.number().int().nullable(),
  advanceDays: z.number().int(),
  quotaHoursPerTerm: z.number().int().nullable(),
  openingHours,
  retired: z.boolean(),
  canManage: z.boolean(),
  photos: z.array(photo),
});
export type Facility = z.infer<typeof facility>;
export const facilityAnswer = z.object({ facility });

export const facilityListQuery = z.object({
  kind: z.enum(facilityKinds).optional(),
  q: text().max(100).optional(),
  schoolId: id.optional(),
  capacity: queryInt(1).optional(),
  includeRetired: z.enum(['0', '1']).optional(),
  /** Only facilities open and free for the whole of [freeFrom, freeTo). */
  freeFrom: isoTime.optional(),
  freeTo: isoTime.optional(),
  /**
   * With freeFrom/freeTo, `1` also lists facilities free for part of the window (with their free times) and, after
   * them, those free at the same hours on one of the next 7 days (with that time).
   */
  partly: z.enum(['0', '1']).optional(),
});
export type FacilityListQuery = z.infer<typeof facilityListQuery>;
const span = z.object({ startsAt: isoTime, endsAt: isoTime });
/** A facility in a list; searched for a window, how free it is then. */
export const facilityListItem = facility.extend({
  /** The free parts of the searched window, in time order (empty: not free then). */
  free: z.array(span).optional(),
  /** When nothing of the window is free: the same hours on the nearest later day it is free. */
  nextFree: span.nullable().optional(),
});
export type FacilityListItem = z.infer<typeof facilityListItem>;
export const facilityPage = page(facilityListItem);

export const busySlot = z.object({
  startsAt: isoTime,
  endsAt: isoTime,
  status: z.enum([...activeBookingStatuses, 'blocked', 'closed']),
});
export type BusySlot = z.infer<typeof busySlot>;
export const availability = z.object({
  busy: z.array(busySlot),
  open: z.array(z.object({ startsAt: isoTime, endsAt: isoTime })),
});
export const availabilityQuery = z.object({ from: isoTime, to: isoTime });

/** The group-wide calendar: busy times of every facility the caller may book, with the list's filters. */
export const groupAvailabilityQuery = z.object({
  from: isoTime,
  to: isoTime,
  kind: z.enum(facilityKinds).optional(),
  schoolId: id.optional(),
  capacity: queryInt(1).optional(),
});
export const groupAvailabilityPage = page(z.object({ facility, busy: z.array(busySlot) }));

/** Days a school (or one facility) is closed: holidays, term breaks. */
export const closure = z.object({
  id,
  schoolId: id,
  facilityId: id.nullable(),
  startsOn: isoDay,
  endsOn: isoDay,
  reason: text(),
});
export const closureAnswer = z.object({ closure });
export const closurePage = page(closure);
export const closureListQuery = z.object({ schoolId: id });
export const closureInput = z
  .object({
    schoolId: id,
    facilityId: id.nullable().optional(),
    startsOn: isoDay,
    endsOn: isoDay,
    reason: text().trim().min(1).max(120),
  })
  .refine((v) => v.endsOn >= v.startsOn, {
    message: 'must not be before startsOn',
    path: ['endsOn'],
    params: { problem: 'ends_before_start' },
  });
export type ClosureInput = z.infer<typeof closureInput>;

export const photoAnswer = z.object({ photo });
export const photoParams = z.object({ id, photoId: id });
