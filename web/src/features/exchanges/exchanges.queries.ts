import { query } from '@solidjs/router';
import type { ExchangeKind, Subject } from '../../../../shared/enums';
import { call, client } from '../../lib/api';

export type PostingFilters = { kind?: ExchangeKind; subject?: Subject; schoolId?: string; open: boolean };
export type ApplicationScope = 'mine' | 'to_approve';

/** The postings page's filters as its address holds them: `all=1` turns "open only" off (it is on by default). */
export function postingFiltersFor(q: Record<string, string | string[] | undefined>): PostingFilters {
  const one = (v: string | string[] | undefined) => (typeof v === 'string' && v ? v : undefined);
  return {
    kind: one(q.kind) as ExchangeKind | undefined,
    subject: one(q.subject) as Subject | undefined,
    schoolId: one(q.school),
    open: q.all !== '1',
  };
}

/** The postings page's default filters (open only), as the home page asks for them too: one answer for both. */
export const openPostings: PostingFilters = { open: true };

/** Exchange openings, rural and supported schools first (the server's order). */
export const getPostings = query(
  (f: PostingFilters) =>
    call(
      client.exchanges.postings.$get({
        query: {
          ...(f.kind ? { kind: f.kind } : {}),
          ...(f.subject ? { subject: f.subject } : {}),
          ...(f.schoolId ? { schoolId: f.schoolId } : {}),
          ...(f.open ? { open: 'true' as const } : {}),
          limit: '100',
        },
      }),
    ),
  'exchangePostings',
);
/** One posting, and for a teacher whether they may apply (each rule that stops them). */
export const getPosting = query(
  (id: string) => call(client.exchanges.postings[':id'].$get({ param: { id } })),
  'exchangePosting',
);
/** The caller's own applications (and nominations), or those waiting for their approval. */
export const getApplications = query(
  (scope: ApplicationScope) => call(client.exchanges.applications.$get({ query: { scope } })),
  'exchangeApplications',
);
export const getApplication = query(
  (id: string) => call(client.exchanges.applications[':id'].$get({ param: { id } })),
  'exchangeApplication',
);
export const getProgrammes = query(() => call(client.exchanges.programmes.$get({ query: {} })), 'exchangeProgrammes');
/** One placement, its log (newest first), and the live lessons given in post that can be logged in one click. */
export const getPlacement = query(
  (id: string) => call(client.exchanges.placements[':id'].$get({ param: { id } })),
  'exchangePlacement',
);
