import { query } from '@solidjs/router';
import { call, client } from '../../lib/api';

/** One page of the activity log (of one organisation, or of all the caller manages); '' for the first page. */
export const getAudit = query(
  (orgId: string, cursor: string) =>
    call(client.audit.$get({ query: { ...(orgId ? { orgId } : {}), ...(cursor ? { cursor } : {}) } })),
  'audit',
);
