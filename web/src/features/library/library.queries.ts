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

/** The library's search as the address holds it (?q=分数&grade=4…): the page and its preload ask alike. */
export function libraryQueryFor(search: Partial<Record<string, string | string[]>>): LibraryQuery {
  const str = (k: string) => (search[k] ? String(search[k]) : undefined);
  return {
    q: str('q'),
    subject: str('subject') as Subject | undefined,
    grade: str('grade') ? Number(str('grade')) : undefined,
    kind: str('kind') as ResourceKind | undefined,
    edition: str('edition'),
    unit: str('unit'),
  };
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
