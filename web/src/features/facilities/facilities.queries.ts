import { query } from '@solidjs/router';
import type { FacilityKind } from '../../../../shared/enums';
import type { ParsedSearch } from '../../../../shared/facility-search';
import { call, client } from '../../lib/api';
import { isoOf } from '../../lib/beijing';

export interface FacilityQuery {
  q?: string;
  kind?: FacilityKind;
  capacity?: number;
  freeFrom?: string;
  freeTo?: string;
}

/** The listing's query for what was typed ("实验室 周四下午 40人", already parsed) and the kind chip. */
export const facilitiesQueryFor = (parsed: ParsedSearch, kind: FacilityKind | undefined): FacilityQuery => ({
  q: parsed.q,
  kind,
  capacity: parsed.capacity,
  ...(parsed.window
    ? { freeFrom: isoOf(parsed.window.date, parsed.window.start), freeTo: isoOf(parsed.window.date, parsed.window.end) }
    : {}),
});

export const getFacilities = query(
  (p: FacilityQuery) =>
    call(
      client.facilities.$get({
        query: {
          ...(p.q ? { q: p.q } : {}),
          ...(p.kind ? { kind: p.kind } : {}),
          ...(p.capacity ? { capacity: String(p.capacity) as unknown as number } : {}),
          // A searched window also finds what is free for part of it, and the nearest day it is free.
          ...(p.freeFrom && p.freeTo ? { freeFrom: p.freeFrom, freeTo: p.freeTo, partly: '1' as const } : {}),
        },
      }),
    ),
  'facilities',
);
export const getFacility = query((id: string) => call(client.facilities[':id'].$get({ param: { id } })), 'facility');
export const getAvailability = query(
  (id: string, from: string, to: string) =>
    call(client.facilities[':id'].availability.$get({ param: { id }, query: { from, to } })),
  'availability',
);

export interface GroupAvailabilityQuery {
  from: string;
  to: string;
  kind?: FacilityKind;
  schoolId?: string;
  capacity?: number;
}

/** Every facility the caller may book with its busy times in [from, to), for the group calendar. */
export const getGroupAvailability = query(
  (p: GroupAvailabilityQuery) =>
    call(
      client['facility-availability'].$get({
        query: {
          from: p.from,
          to: p.to,
          ...(p.kind ? { kind: p.kind } : {}),
          ...(p.schoolId ? { schoolId: p.schoolId } : {}),
          ...(p.capacity ? { capacity: String(p.capacity) as unknown as number } : {}),
        },
      }),
    ),
  'groupAvailability',
);

/** Closed days of a school and its facilities (holidays, exams, term breaks). */
export const getClosures = query((schoolId: string) => call(client.closures.$get({ query: { schoolId } })), 'closures');
