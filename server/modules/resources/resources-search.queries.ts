// Finding things in the library: text search with filters and facet counts, and browsing like the textbook.
import { and, asc, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Subject } from '../../../shared/enums';
import type { ResourceSearch, ResourceSearchQuery, ResourceTree } from '../../../shared/schemas/resources';
import { searchTerms } from '../../../shared/search-text';
import { resources } from '../../db/schema';
import { decodeCount, encodeCursor } from '../../lib/cursor';
import type { Queryable } from '../../lib/db';
import type { Actor } from '../../lib/policy';
import {
  currentVersions,
  owner,
  type ResourceRow,
  resourceOut,
  selectResources,
  visibleResourcesWhere,
} from './resources.queries';

const PAGE = 20;

/** The text condition of a query and the rank to sort by; neither for an empty query. */
function textMatch(q: string | undefined): { where: SQL; rank: SQL } | undefined {
  const terms = searchTerms(q ?? '');
  if (!terms.length) return undefined;
  const query = sql`plainto_tsquery('simple', ${terms.join(' ')})`;
  const rank = sql`ts_rank(${resources.search}, ${query})`;
  // Terms of one character cannot use the bigram index; such rare queries scan titles and summaries.
  if (terms.every((t) => [...t].length === 1 && /\p{Script=Han}/u.test(t))) {
    const like = `%${(q ?? '').trim()}%`;
    return { where: or(ilike(resources.title, like), ilike(resources.summary, like)) as SQL, rank };
  }
  return { where: sql`${resources.search} @@ ${query}`, rank };
}

/** One page of what the caller may see matching the query, all matches' count, and the facets' counts. */
export async function searchResources(db: Queryable, actor: Actor, p: ResourceSearchQuery): Promise<ResourceSearch> {
  const text = textMatch(p.q);
  const base = and(
    visibleResourcesWhere(actor),
    text?.where,
    p.mine ? eq(resources.authorId, actor.user.id) : undefined,
    p.status === 'in_review' ? eq(resources.status, 'in_review') : undefined,
  );
  const dims = [
    { key: 'subject', col: resources.subject, own: p.subject ? eq(resources.subject, p.subject) : undefined },
    { key: 'grade', col: resources.grade, own: p.grade ? eq(resources.grade, p.grade) : undefined },
    { key: 'kind', col: resources.kind, own: p.kind ? eq(resources.kind, p.kind) : undefined },
    { key: 'edition', col: resources.edition, own: p.edition ? eq(resources.edition, p.edition) : undefined },
    {
      key: 'school',
      col: owner.id,
      label: owner.name,
      own: p.schoolId ? eq(resources.schoolId, p.schoolId) : undefined,
    },
  ] as const;
  const rest = [
    p.licence ? eq(resources.licence, p.licence) : undefined,
    p.unit ? eq(resources.unit, p.unit) : undefined,
  ];
  const all = [...dims.map((d) => d.own), ...rest];
  const filters = and(...all);
  const offset = p.cursor ? decodeCount(p.cursor) : 0;
  const rows = (await selectResources(db)
    .where(and(base, filters))
    .orderBy(...(text ? [desc(text.rank)] : []), desc(resources.publishedAt), asc(resources.id))
    .limit(PAGE + 1)
    .offset(offset)) as ResourceRow[];
  const page = rows.slice(0, PAGE);
  const versions = await currentVersions(
    db,
    page.map((r) => r.r.id),
  );
  const { facets, total } = await facetCounts(db, base, dims, all);
  const [subject = [], grade = [], kind = [], edition = [], school = []] = dims.map((d) => facets[d.key] ?? []);
  const plain = (xs: Facet[]) => xs.map(({ value, count }) => ({ value, count }));
  return {
    items: page.map((r) => resourceOut(r, actor, versions.get(r.r.id))),
    nextCursor: rows.length > PAGE ? encodeCursor(String(offset + PAGE)) : null,
    total,
    facets: { subject: plain(subject), grade: plain(grade), kind: plain(kind), edition: plain(edition), school },
  };
}

type Facet = { value: string; label: string; count: number };
type Dim = { key: string; col: AnyPgColumn; label?: AnyPgColumn; own?: SQL };

/**
 * Each facet counts with every filter but its own, so choosing 三年级 still shows the other grades' counts.
 * The facets whose own filter is unset share one WHERE: one GROUPING SETS pass counts them all and the total;
 * only a facet that is itself filtered needs a pass of its own.
 */
async function facetCounts(
  db: Queryable,
  base: SQL | undefined,
  dims: readonly Dim[],
  all: (SQL | undefined)[],
): Promise<{ facets: Record<string, Facet[]>; total: number }> {
  const filtersExcept = (own?: SQL) => and(...all.filter((f) => f !== own || own === undefined));
  const shared = dims.filter((d) => !d.own);
  const sets = shared.map((d) => (d.label ? sql`(${d.col}, ${d.label})` : sql`(${d.col})`));
  const grouped = (await db
    .select({
      ...Object.fromEntries(shared.map((d) => [d.key, d.col])),
      ...(shared.some((d) => d.key === 'school') ? { schoolName: owner.name } : {}),
      ...Object.fromEntries(shared.map((d) => [`g_${d.key}`, sql<number>`GROUPING(${d.col})::int`])),
      n: sql<number>`count(*)::int`,
    })
    .from(resources)
    .innerJoin(owner, eq(owner.id, resources.schoolId))
    .where(and(base, and(...all)))
    .groupBy(sql`GROUPING SETS (${sql.join([...sets, sql`()`], sql`, `)})`)) as Record<string, unknown>[];
  const inSet = (row: Record<string, unknown>, key: string | null) =>
    shared.every((d) => Number(row[`g_${d.key}`]) === (d.key === key ? 0 : 1));
  const facets: Record<string, Facet[]> = {};
  for (const d of shared) {
    facets[d.key] = grouped
      .filter((r) => inSet(r, d.key) && r[d.key] !== null)
      .map((r) => ({
        value: String(r[d.key]),
        label: String(d.key === 'school' ? r.schoolName : r[d.key]),
        count: Number(r.n),
      }))
      .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  }
  const totalRow = grouped.find((r) => inSet(r, null));
  await Promise.all(
    dims
      .filter((d) => d.own)
      .map(async (d) => {
        const rows = await db
          .select({ value: d.col, label: d.label ?? d.col, n: sql<number>`count(*)::int` })
          .from(resources)
          .innerJoin(owner, eq(owner.id, resources.schoolId))
          .where(and(base, filtersExcept(d.own)))
          .groupBy(d.col, ...(d.label ? [d.label] : []))
          .orderBy(d.col);
        facets[d.key] = rows
          .filter((r) => r.value !== null)
          .map((r) => ({ value: String(r.value), label: String(r.label), count: Number(r.n) }));
      }),
  );
  return { facets, total: Number(totalRow?.n ?? 0) };
}

/** Published resources of a subject the caller may see, counted by edition → grade → unit. */
export async function resourceTree(db: Queryable, actor: Actor, subject: Subject): Promise<ResourceTree> {
  const rows = await db
    .select({
      edition: resources.edition,
      grade: resources.grade,
      unit: resources.unit,
      n: sql<number>`count(*)::int`,
    })
    .from(resources)
    .innerJoin(owner, eq(owner.id, resources.schoolId))
    .where(and(visibleResourcesWhere(actor), eq(resources.status, 'published'), eq(resources.subject, subject)))
    .groupBy(resources.edition, resources.grade, resources.unit)
    .orderBy(resources.edition, resources.grade, resources.unit);
  type Grade = ResourceTree['editions'][number]['grades'][number];
  const editions = new Map<string, { edition: string; count: number; grades: Map<number, Grade> }>();
  for (const r of rows) {
    const e = editions.get(r.edition ?? '') ?? { edition: r.edition ?? '', count: 0, grades: new Map() };
    const g = e.grades.get(r.grade) ?? { grade: r.grade, count: 0, units: [] };
    const n = Number(r.n);
    e.count += n;
    g.count += n;
    g.units.push({ unit: r.unit ?? '', count: n });
    e.grades.set(r.grade, g);
    editions.set(e.edition, e);
  }
  return {
    editions: [...editions.values()].map((e) => ({
      edition: e.edition,
      count: e.count,
      grades: [...e.grades.values()],
    })),
  };
}
