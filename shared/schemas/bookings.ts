// Bookings of shared facilities: what the API takes and answers, shared by the server's contract and the web.
import { z } from 'zod';
import { bookingStatuses } from '../enums';
import { id, isoTime, page } from './common';

export const recurrence = z
  .object({
    /** Weekly on these weekdays (1 = Monday … 7 = Sunday); defaults to the first date's weekday. */
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
    /** Every n weeks. */
    interval: z.number().int().min(1).max(4).default(1),
    until: z.iso.date().optional(),
    count: z.number().int().min(1).max(60).optional(),
  })
  .refine((r) => !!r.until !== !!r.count, 'give either until or count');

export const createBookingInput = z
  .object({
    facilityId: id,
    startsAt: isoTime,
    endsAt: isoTime,
    purpose: z.string().trim().min(1).max(200),
    attendees: z.number().int().min(1).max(100_000).optional(),
    recurrence: recurrence.optional(),
    /** For a series: `all` books every date or nothing; `available` books the dates that are free. */
    conflicts: z.enum(['all', 'available']).default('all'),
    /** A group leader books for a school of the group; defaults to the booker's own school. */
    forSchoolId: id.optional(),
  })
  .refine((b) => new Date(b.endsAt) > new Date(b.startsAt), {
    message: 'endsAt must be after startsAt',
    path: ['endsAt'],
  });

export const booking = z.object({
  id,
  facilityId: id,
  facilityName: z.string(),
  schoolId: id,
  schoolName: z.string(),
  seriesId: id.nullable(),
  kind: z.enum(['booking', 'block']),
  status: z.enum(bookingStatuses),
  bookerId: id,
  bookerName: z.string(),
  borrowerSchoolId: id,
  borrowerSchoolName: z.string(),
  onBehalf: z.boolean(),
  purpose: z.string(),
  attendees: z.number().int().nullable(),
  startsAt: isoTime,
  endsAt: isoTime,
  decisionReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  createdAt: isoTime,
});
export type Booking = z.infer<typeof booking>;

/** A reason given with a decision or a cancellation; may be left out. */
export const reasonInput = z.object({ reason: z.string().trim().max(300).optional() });

export const bookingListQuery = z.object({
  scope: z.enum(['mine', 'to_approve', 'facility']).default('mine'),
  facilityId: id.optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
  status: z.enum(bookingStatuses).optional(),
  cursor: z.string().max(200).optional(),
});
export type BookingListQuery = z.infer<typeof bookingListQuery>;

export const bulkDecisionInput = z.object({
  action: z.enum(['approve', 'decline']),
  ids: z.array(id).min(1).max(200),
  reason: z.string().trim().max(300).optional(),
});

export const blockInput = z
  .object({ startsAt: isoTime, endsAt: isoTime, reason: z.string().trim().min(1).max(200) })
  .refine((b) => new Date(b.endsAt) > new Date(b.startsAt), {
    message: 'endsAt must be after startsAt',
    path: ['endsAt'],
  });

const span = z.object({ startsAt: isoTime, endsAt: isoTime });

export const createBookingAnswer = z.object({
  booking,
  /** Every booking of a series (one for a single date). */
  bookings: z.array(booking),
  /** Dates of a series left out because the facility is closed then. */
  skipped: z.array(span.extend({ reason: z.string() })),
  /** Dates of a series (conflicts: available) left out because they clash. */
  clashed: z.array(span),
});
export const bookingAnswer = z.object({ booking });
export const bookingPage = page(booking);
export const bookingDefaults = z.object({ purpose: z.string().nullable() });
export const bulkDecisionAnswer = z.object({
  results: z.array(
    z.object({
      id,
      ok: z.boolean(),
      booking: booking.optional(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
});
export const blockAnswer = z.object({ booking, declined: z.array(booking) });
