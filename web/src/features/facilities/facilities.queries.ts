import { query } from '@solidjs/router';
import type { FacilityKind } from '../../../../shared/enums';
import { call, client } from '../../lib/api';

export interface FacilityQuery {
  q?: string;
  kind?: FacilityKind;
  capacity?: number;
  freeFrom?: string;
  freeTo?: string;
}

export const getFacilities = query(
  (p: FacilityQuery) =>
    call(
      client.facilities.$get({
        query: {
          ...(p.q ? { q: p.q } : {}),
          ...(p.kind ? { kind: p.kind } : {}),
          ...(p.capacity ? { capacity: String(p.capacity) as unknown as number } : {}),
          ...(p.freeFrom && p.freeTo ? { freeFrom: p.freeFrom, freeTo: p.freeTo } : {}),
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
