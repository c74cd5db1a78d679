import { problemDetails } from '../../../shared/problems';
import type { Occurrence } from '../../../shared/series';
import { iso, toLocal } from '../../../shared/time';
import { AppError } from '../../lib/errors';
import { dbOf, requestMeta, type SignedInHandler } from '../../lib/router';
import { busyOf, facilityAvailability, searchFree } from './availability.queries';
import type * as contract from './facilities.contract';
import {
  type FacilityRow,
  facilityOut,
  facilityWithBusy,
  getManagedFacility,
  getVisibleFacility,
  listingSchool,
  listVisibleFacilities,
} from './facilities.queries';
import { createFacility, retireFacility, updateFacility } from './facilities.service';
import { photosOf } from './photos.queries';

const MAX_RANGE_DAYS = 62;
const MAX_GROUP_RANGE_DAYS = 31;

const idsOf = (rows: FacilityRow[]) => rows.map((r) => r.facility.id);
const spanOut = (o: Occurrence) => ({ startsAt: iso(o.startsAt), endsAt: iso(o.endsAt) });

export const list: SignedInHandler<typeof contract.list> = async (c) => {
  const actor = c.get('actor');
  const q = c.req.valid('query');
  const db = dbOf(c);
  const filters = { kind: q.kind, q: q.q, schoolId: q.schoolId, minCapacity: q.capacity };
  const listed = await listVisibleFacilities(db, actor, { ...filters, includeRetired: q.includeRetired === '1' });
  const window = freeWindow(q.freeFrom, q.freeTo);
  const found = window
    ? await searchFree(db, listed, window, q.partly === '1')
    : listed.map((row) => ({ row, times: undefined }));
  const photos = await photosOf(db, idsOf(found.map((f) => f.row)));
  const items = found.map(({ row, times }) => ({
    ...facilityOut(row, actor, photos.get(row.facility.id)),
    ...(times ? { free: times.free.map(spanOut), nextFree: times.nextFree && spanOut(times.nextFree) } : {}),
  }));
  return c.json({ items, nextCursor: null }, 200);
};

/**
 * "Free for [freeFrom, freeTo)" needs both, the second after the first, at most 31 days later: every visible
 * facility's open hours are worked out day by day over the window (a window of decades held the server for seconds).
 */
function freeWindow(freeFrom: string | undefined, freeTo: string | undefined): Occurrence | undefined {
  if (!freeFrom && !freeTo) return undefined;
  if (!freeFrom || !freeTo || !(new Date(freeTo) > new Date(freeFrom)))
    throw new AppError(
      'validation_failed',
      'Give both freeFrom and freeTo, the second after the first',
      problemDetails([{ field: 'freeTo', code: freeFrom && freeTo ? 'ends_before_start' : 'required' }]),
    );
  const window = { startsAt: new Date(freeFrom), endsAt: new Date(freeTo) };
  if (window.endsAt.getTime() - window.startsAt.getTime() > MAX_GROUP_RANGE_DAYS * 86400_000)
    throw new AppError(
      'validation_failed',
      `A free window lasts at most ${MAX_GROUP_RANGE_DAYS} days`,
      problemDetails([{ field: 'freeTo', code: 'too_large', max: MAX_GROUP_RANGE_DAYS }]),
    );
  return window;
}

export const groupAvailability: SignedInHandler<typeof contract.groupAvailability> = async (c) => {
  const actor = c.get('actor');
  const q = c.req.valid('query');
  const { from, to } = groupRange(q.from, q.to);
  const rows = await listVisibleFacilities(dbOf(c), actor, {
    kind: q.kind,
    schoolId: q.schoolId,
    minCapacity: q.capacity,
  });
  const busy = await busyOf(dbOf(c), idsOf(rows), from, to);
  const items = rows.map((r) => ({ facility: facilityOut(r, actor), busy: busy.get(r.facility.id) ?? [] }));
  return c.json({ items, nextCursor: null }, 200);
};

function groupRange(fromS: string, toS: string): { from: Date; to: Date } {
  const from = new Date(fromS);
  const to = new Date(toS);
  if (!(to > from) || to.getTime() - from.getTime() > MAX_GROUP_RANGE_DAYS * 86400_000)
    throw new AppError('validation_failed', '`to` must follow `from`, at most 31 days later', {
      fields: { to: ['bad range'] },
    });
  return { from, to };
}

export const create: SignedInHandler<typeof contract.create> = async (c) => {
  const actor = c.get('actor');
  const { schoolId, ...input } = c.req.valid('json');
  const school = await listingSchool(dbOf(c), actor, schoolId);
  const row = await createFacility(dbOf(c), actor, { school, input }, requestMeta(c));
  return c.json({ facility: facilityOut(row, actor) }, 201);
};

export const get: SignedInHandler<typeof contract.get> = async (c) => {
  const actor = c.get('actor');
  const row = await getVisibleFacility(dbOf(c), actor, c.req.valid('param').id);
  const photos = await photosOf(dbOf(c), [row.facility.id]);
  return c.json({ facility: facilityOut(row, actor, photos.get(row.facility.id)) }, 200);
};

export const update: SignedInHandler<typeof contract.update> = async (c) => {
  const actor = c.get('actor');
  const refusal = 'Only the facility’s managers edit it';
  const facility = await getManagedFacility(dbOf(c), actor, c.req.valid('param').id, refusal);
  const row = await updateFacility(dbOf(c), actor, { facility, input: c.req.valid('json') }, requestMeta(c));
  return c.json({ facility: facilityOut(row, actor) }, 200);
};

export const retire: SignedInHandler<typeof contract.retire> = async (c) => {
  const actor = c.get('actor');
  const refusal = 'Only the facility’s managers retire it';
  const facility = await getManagedFacility(dbOf(c), actor, c.req.valid('param').id, refusal);
  const row = await retireFacility(dbOf(c), actor, { facility }, requestMeta(c));
  return c.json({ facility: facilityOut(row, actor) }, 200);
};

export const availabilityOf: SignedInHandler<typeof contract.availabilityOf> = async (c) => {
  // The range is checked before the facility: a bad range is 400 whichever facility it names.
  const { from, to } = facilityRange(c.req.valid('query').from, c.req.valid('query').to);
  const range = { from, to, fromDay: toLocal(from).date, toDay: toLocal(to).date };
  const row = await facilityWithBusy(dbOf(c), c.get('actor'), c.req.valid('param').id, range);
  return c.json(facilityAvailability(row, from, to), 200);
};

function facilityRange(fromS: string, toS: string): { from: Date; to: Date } {
  const from = new Date(fromS);
  const to = new Date(toS);
  if (!(to > from))
    throw new AppError('validation_failed', '`to` must be after `from`', { fields: { to: ['must be after from'] } });
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86400_000)
    throw new AppError('validation_failed', `At most ${MAX_RANGE_DAYS} days at a time`, {
      fields: { to: ['range too long'] },
    });
  return { from, to };
}
