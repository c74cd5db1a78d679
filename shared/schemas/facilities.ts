import { z } from 'zod';
import { activeBookingStatuses, facilityKinds, scopes } from '../enums';
import { id, isoTime } from './common';

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
  photos: z.array(z.object({ id, url: z.string() })),
});
export type Facility = z.infer<typeof facility>;

export const busySlot = z.object({
  startsAt: isoTime,
  endsAt: isoTime,
  status: z.enum([...activeBookingStatuses, 'blocked', 'closed']),
});
export const availability = z.object({
  busy: z.array(busySlot),
  open: z.array(z.object({ startsAt: isoTime, endsAt: isoTime })),
});
