// Compile-time proof that the harness checks calls against AppType: `npx tsc --noEmit` fails if any line
// marked @ts-expect-error compiles (the harness stopped checking) or any unmarked line does not (it checks
// too much). Never run; only type-checked.
import type { ErrorCode } from '../../shared/errors';
import { type Client, detailsOf, type Reply } from './harness';

export async function harnessTypes(c: Client, id: string) {
  const slot = { startsAt: '2030-03-05T08:00:00+08:00', endsAt: '2030-03-05T09:00:00+08:00' };

  // A right body compiles, and the answer is typed by the route.
  const booked = await c.post('/api/bookings', { facilityId: id, ...slot, purpose: '科学课', attendees: 40 });
  const status: 'pending' | 'approved' | 'declined' | 'cancelled' = booked.body.booking.status;
  // A missing required field.
  // @ts-expect-error purpose is required
  await c.post('/api/bookings', { facilityId: id, ...slot });
  // A field of the wrong type.
  // @ts-expect-error attendees is a number
  await c.post('/api/bookings', { facilityId: id, ...slot, purpose: 'x', attendees: '40' });
  // A field the route does not know (a typo).
  // @ts-expect-error attendee is not a field
  await c.post('/api/bookings', { facilityId: id, ...slot, purpose: 'x', attendee: 40 });
  // No body where one is required.
  // @ts-expect-error the booking's fields are required
  await c.post('/api/bookings');

  // Ids and query strings in a template literal match the route's pattern.
  const approved = await c.post(`/api/bookings/${id}/approve`, { reason: '同意' });
  const facilityName: string = approved.body.booking.facilityName;
  await c.post(`/api/bookings/${id}/approve`); // the reason may be left out
  // @ts-expect-error reason is a string
  await c.post(`/api/bookings/${id}/approve`, { reason: 42 });
  // @ts-expect-error not one of the review's decisions
  await c.post(`/api/resources/${id}/review`, { decision: 'maybe' });
  const mine = await c.get(`/api/bookings?scope=mine&from=${encodeURIComponent(slot.startsAt)}`);
  const firstId: string | undefined = mine.body.items[0]?.id;
  // A route that takes no body.
  // @ts-expect-error join takes no body
  await c.post(`/api/lessons/${id}/join`, { classroomId: id });

  // Wrong paths: unknown, one segment too many, a method the path does not have.
  // @ts-expect-error no such route
  await c.get('/api/bookingz');
  // @ts-expect-error no such route
  await c.get(`/api/bookings/${id}/nope`);
  // @ts-expect-error bookings cannot be deleted
  await c.delete(`/api/bookings/${id}`);
  // @ts-expect-error health is read only
  await c.post('/api/health');
  // @ts-expect-error a path computed at run time goes through raw
  await c.get(String(booked.body.booking.id));

  // The answer's fields are checked too.
  // @ts-expect-error the answer has booking, not bookin
  booked.body.bookin;

  // Error answers: the contract's error shape, codes from shared/errors.ts, details through detailsOf.
  const code: ErrorCode = booked.body.error.code;
  // @ts-expect-error not an error code of the contract
  if (booked.body.error.code === 'no_such_code') return;
  // @ts-expect-error details is unknown: read it with detailsOf
  booked.body.error.details.fields;
  const fields: Record<string, string[]> = detailsOf(booked, 'fields');
  const conflictStarts: string[] = detailsOf(booked, 'conflicts').map((conflict) => conflict.startsAt);
  // @ts-expect-error not a key of ErrorDetails
  detailsOf(booked, 'no_such_key');

  // The escape hatch takes anything, and types the answer when the path names a route.
  const upload = await c.raw('POST', '/api/resources', new FormData());
  const resourceTitle: string = upload.body.resource.title;
  const unknownRoute: Reply = await c.raw('GET', '/api/no/such/route');
  // @ts-expect-error an unknown path's body is unknown
  unknownRoute.body.error;

  return { status, facilityName, firstId, code, fields, conflictStarts, resourceTitle };
}
