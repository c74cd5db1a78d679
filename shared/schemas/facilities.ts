// Shared facilities, their closed days and photos: what the API takes and answers, shared by the server's
// contract and the web.
import { z } from 'zod';
import { activeBookingStatuses, facilityKinds, scopes } from '../enums';
import { id, isoTime, page } from './common';

/** "HH:MM" on a 24-hour clock, Beijing time. */
export const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');
export const interval = z
  .object({ start: clock, end: clock })
  .refine((i) => i.start < i.end, 'start must be before end');
export const weekday = z.enum(['1', '2', '3', '4', '5', '6', '7']);
/** Weekday (1 = Monday … 7 = Sunday) → opening intervals. A missing weekday is closed. */
export const openingHours = z.partialRecord(weekday, z.array(interval).max(4));
export type OpeningHours = z.infer<typeof openingHours>;

export const facilityInput = z.object({
  name: z.string().trim().min(1).max(80),
  kind: z.enum(facilityKinds),
  capacity: z.number().int().min(1).max(100_000),
  location: z.string().trim().max(200).nullable().optional(),
  description: z.string().trim().max(2000).nullable().optional(),
  equipment: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
  provider: z.string().trim().max(120).nullable().optional(),
  providerAddress: z.string().trim().max(200).nullable().optional(),
  scope: z.enum(scopes).default('group'),
  approvalRequired: z.boolean().default(true),
  minNoticeHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 90)
    .default(0),
  maxLengthMinutes: z
    .number()
    .int()
    .min(15)
    .max(24 * 60 * 14)
    .nullable()
    .optional(),
  advanceDays: z.number().int().min(1).max(730).default(90),
  quotaHoursPerTerm: z.number().int().min(1).max(10_000).nullable().optional(),
  openingHours: openingHours,
  /** School admins create for their own school; a group leader names the school. */
  schoolId: id.optional(),
});
export const updateFacilityInput = facilityInput.omit({ schoolId: true }).partial();

/** A photo of a facility, as a URL the web app shows. */
export const photo = z.object({ id, url: z.string() });
export type Photo = z.infer<typeof photo>;

export const facility = z.object({
  id,
  schoolId: id,
  schoolName: z.string(),
  name: z.string(),
  kind: z.enum(facilityKinds),
  capacity: z.number().int(),
  location: z.string().nullable(),
  description: z.string().nullable(),
  equipment: z.array(z.string()),
  provider: z.string().nullable(),
  providerAddress: z.string().nullable(),
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
  q: z.string().max(100).optional(),
  schoolId: id.optional(),
  capacity: z.coerce.number().int().min(1).optional(),
  includeRetired: z.enum(['0', '1']).optional(),
  /** Only facilities open and free for the whole of [freeFrom, freeTo). */
  freeFrom: isoTime.optional(),
  freeTo: isoTime.optional(),
});
export type FacilityListQuery = z.infer<typeof facilityListQuery>;
export const facilityPage = page(facility);

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
  capacity: z.coerce.number().int().min(1).optional(),
});
export const groupAvailabilityPage = page(z.object({ facility, busy: z.array(busySlot) }));

/** Days a school (or one facility) is closed: holidays, term breaks. */
export const closure = z.object({
  id,
  schoolId: id,
  facilityId: id.nullable(),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  reason: z.string(),
});
export const closureAnswer = z.object({ closure });
export const closurePage = page(closure);
export const closureListQuery = z.object({ schoolId: id });
export const closureInput = z
  .object({
    schoolId: id,
    facilityId: id.nullable().optional(),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    reason: z.string().trim().min(1).max(120),
  })
  .refine((v) => v.endsOn >= v.startsOn, { message: 'must not be before startsOn', path: ['endsOn'] });
export type ClosureInput = z.infer<typeof closureInput>;

export const photoAnswer = z.object({ photo });
export const photoParams = z.object({ id, photoId: id });
