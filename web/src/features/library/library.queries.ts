import { query } from '@solidjs/router';
import type { ResourceKind, Subject } from '../../../../shared/enums';
import { call, client } from '../../lib/api';

export interface LibraryQuery {
  q?: string;
  subject?: Subject;
  grade?: number;
  kind?: ResourceKind;
  edition?: string;
  unit?: string;
  status?: 'in_review';
  cursor?: string;
}

/** Only the filters that are set travel; the grade goes as text (the server coerces it). */
export const getResources = query(
  (p: LibraryQuery) =>
    call(
      client.resources.$get({
        query: {
          ...(p.q ? { q: p.q } : {}),
          ...(p.subject ? { subject: p.subject } : {}),
          ...(p.grade ? { grade: String(p.grade) as unknown as number } : {}),
          ...(p.kind ? { kind: p.kind } : {}),
          ...(p.edition ? { edition: p.edition } : {}),
          ...(p.unit ? { unit: p.unit } : {}),
          ...(p.status ? { status: p.status } : {}),
          ...(p.cursor ? { cursor: p.cursor } : {}),
        },
      }),
    ),
  'resources',
);

export const getResource = query((id: string) => call(client.resources[':id'].$get({ param: { id } })), 'resource');

export const getResourceTree = query(
  (subject: Subject) => call(client['resource-tree'].$get({ query: { subject } })),
  'resourceTree',
);
export const getUploadLimits = query(() => call(client['resource-limits'].$get()), 'uploadLimits');
