// Bookings of shared facilities: what the API takes and answers, shared by the server's contract and the web.
import { z } from 'zod';
import { bookingStatuses } from '../enums';
import { id, isoDay, isoTime, page, text } from './common';

export const recurrence = z
  .object({
    /** Weekly on these weekdays (1 = Monday … 7 = Sunday); defaults to the first date's weekday. */
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7).optional(),
    /** Every n weeks. */
    interval: z.number().int().min(1).max(4).default(1),
    until: isoDay.optional(),
    count: z.number().int().min(1).max(60).optional(),
  })
  .refine((r) => !!r.until !== !!r.count, {
    message: 'give either until or count',
    params: { problem: 'repeat_until_or_count' },
  });

export const createBookingInput = z
  .object({
    facilityId: id,
    startsAt: isoTime,
    endsAt: isoTime,
    purpose: text().trim().min(1).max(200),
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
    params: { problem: 'ends_before_start' },
  });

export const booking = z.object({
  id,
  facilityId: id,
  facilityName: text(),
  schoolId: id,
  schoolName: text(),
  seriesId: id.nullable(),
  kind: z.enum(['booking', 'block']),
  status: z.enum(bookingStatuses),
  bookerId: id,
  bookerName: text(),
  borrowerSchoolId: id,
  borrowerSchoolName: text(),
  onBehalf: z.boolean(),
  purpose: text(),
  attendees: z.number().int().nullable(),
  startsAt: isoTime,
  endsAt: isoTime,
  decisionReason: text().nullable(),
  cancelReason: text().nullable(),
  createdAt: isoTime,
});
export type Booking = z.infer<typeof booking>;

/** A reason given with a decision or a cancellation; may be left out. */
export const reasonInput = z.object({ reason: text().trim().max(300).optional() });

export const bookingListQuery = z.object({
  scope: z.enum(['mine', 'to_approve', 'facility']).default('mine'),
  facilityId: id.optional(),
  from: isoTime.optional(),
  to: isoTime.optional(),
  status: z.enum(bookingStatuses).optional(),
  cursor: text().max(200).optional(),
});
export type BookingListQuery = z.infer<typeof bookingListQuery>;

export const bulkDecisionInput = z.object({
  action: z.enum(['approve', 'decline']),
  ids: z.array(id).min(1).max(200),
  reason: text().trim().max(300).optional(),
});

/**
 * The longest block-out, in days. Blocking takes a lock per day of the facility (bookings.locks.ts); decades of
 * days held one transaction for seconds and ran out of lock space (500). Longer closures are what school
 * closures and retiring a facility are for.
 */
export const MAX_BLOCK_DAYS = 366;

export const blockInput = z
  .object({ startsAt: isoTime, endsAt: isoTime, reason: text().trim().min(1).max(200) })
  .refine((b) => new Date(b.endsAt) > new Date(b.startsAt), {
    message: 'endsAt must be after startsAt',
    path: ['endsAt'],
    params: { problem: 'ends_before_start' },
  })
  .refine((b) => new Date(b.endsAt).getTime() - new Date(b.startsAt).getTime() <= MAX_BLOCK_DAYS * 86_400_000, {
    message: `a block-out lasts at most ${MAX_BLOCK_DAYS} days`,
    path: ['endsAt'],
    params: { problem: 'block_too_long', days: MAX_BLOCK_DAYS },
  });

const span = z.object({ startsAt: isoTime, endsAt: isoTime });

export const createBookingAnswer = z.object({
  booking,
  /** Every booking of a series (one for a single date). */
  bookings: z.array(booking),
  /** Dates of a series left out because the facility is closed then. */
  skipped: z.array(span.extend({ reason: text() })),
  /** Dates of a series (conflicts: available) left out because they clash. */
  clashed: z.array(span),
});
/** One asked time of a 409 booking_conflict: what is already there (details only for what the caller may read). */
export const bookingClash = span.extend({
  with: z.array(span.extend({ status: text(), purpose: text().optional() })),
});
export type BookingClash = z.infer<typeof bookingClash>;
/** `details` of a 409 booking_conflict: the clashes, free slots near a single time, and closed dates skipped. */
export const bookingConflictDetails = z.object({
  conflicts: z.array(bookingClash),
  suggestions: z.array(span).optional(),
  skipped: z.array(span.extend({ reason: text() })).optional(),
});
export type BookingConflictDetails = z.infer<typeof bookingConflictDetails>;

export const bookingAnswer = z.object({ booking });
export const bookingPage = page(booking);
export const bookingDefaults = z.object({ purpose: text().nullable() });
/** Pre-fill for booking this facility: from the caller's last booking of it, else of one of its kind. */
export const bookingDefaultsQuery = z.object({ facilityId: id.optional() });
export const bulkDecisionAnswer = z.object({
  results: z.array(
    z.object({
      id,
      ok: z.boolean(),
      booking: booking.optional(),
      error: z.object({ code: text(), message: text() }).optional(),
    }),
  ),
});
export const blockAnswer = z.object({ booking, declined: z.array(booking) });
