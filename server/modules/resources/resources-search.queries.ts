// Finding things in the library: text search with filters and facet counts, and browsing like the textbook.
import { and, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Subject } from '../../../shared/enums';
import type { ResourceSearch, ResourceSearchQuery, ResourceTree } from '../../../shared/schemas/resources';
import { searchTerms } from '../../../shared/search-text';
import { resources } from '../../db/schema';
import { decodeCount, encodeCursor } from '../../lib/cursor';
import { type Queryable, rowsOf } from '../../lib/db';
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

type Dim = 'subject' | 'grade' | 'kind' | 'edition' | 'school';
const DIMS: readonly Dim[] = ['subject', 'grade', 'kind', 'edition', 'school'];
type Facet = { value: string; label: string; count: number };
/** A row of the GROUPING SETS pass: the grouped values, which sets it belongs to, its count. */
type Grouped = Partial<Record<Dim | 'label', string | number | null>> & { g: Record<string, number>; n: number };
type Counted = { value: string | number; label: string | number; n: number };
type Found = { ids: string[]; shared: Grouped[] } & Partial<Record<Dim, Counted[]>>;

/**
 * One page of what the caller may see matching the query, all matches' count, and the facets' counts. The matching
 * rows are found once (the text index, the visibility condition, each row's rank) and kept by PostgreSQL as a
 * common table: the page, the total and every facet are read from it in the same statement, so a broad word (课件, a
 * tenth of the library) is scanned and ranked once, not once for the page and again for the counts. Each facet
 * counts with every filter but its own, so choosing 三年级 still shows the other grades' counts; the facets whose own
 * filter is unset share one GROUPING SETS pass with the total. Then the page's rows and their files, by id.
 */
export async function searchResources(db: Queryable, actor: Actor, p: ResourceSearchQuery): Promise<ResourceSearch> {
  const text = textMatch(p.q);
  const base = and(
    visibleResourcesWhere(actor),
    text?.where,
    p.mine ? eq(resources.authorId, actor.user.id) : undefined,
    p.status === 'in_review' ? eq(resources.status, 'in_review') : undefined,
  );
  const matching = db
    .select({
      id: resources.id,
      rank: text ? text.rank : sql`0`,
      publishedAt: resources.publishedAt,
      subject: resources.subject,
      grade: resources.grade,
      kind: resources.kind,
      edition: resources.edition,
      school: owner.id,
      schoolName: owner.name,
      licence: resources.licence,
      unit: resources.unit,
    })
    .from(resources)
    .innerJoin(owner, eq(owner.id, resources.schoolId))
    .where(base);
  const chosen: Record<Dim, unknown> = {
    subject: p.subject,
    grade: p.grade,
    kind: p.kind,
    edition: p.edition,
    school: p.schoolId,
  };
  const col = (d: Dim | 'licence' | 'unit') => sql.raw(`m.${d}`);
  const filters = (except?: Dim) =>
    sql.join(
      [
        sql`true`,
        ...DIMS.filter((d) => d !== except && chosen[d] !== undefined).map((d) => sql`${col(d)} = ${chosen[d]}`),
        ...(p.licence ? [sql`m.licence = ${p.licence}`] : []),
        ...(p.unit ? [sql`m.unit = ${p.unit}`] : []),
      ],
      sql` AND `,
    );
  const shared = DIMS.filter((d) => chosen[d] === undefined);
  const sets = [...shared.map((d) => (d === 'school' ? sql`(m.school, m.school_name)` : sql`(${col(d)})`)), sql`()`];
  const grouping = shared.map((d) => sql`'${sql.raw(d)}', GROUPING(${col(d)})`);
  const offset = p.cursor ? decodeCount(p.cursor) : 0;
  const counts = (d: Dim) => sql`(SELECT coalesce(json_agg(x ORDER BY x.value), '[]') FROM (
      SELECT ${col(d)} AS value, ${d === 'school' ? sql`min(m.school_name)` : col(d)} AS label, count(*)::int AS n
      FROM m WHERE ${filters(d)} AND ${col(d)} IS NOT NULL GROUP BY ${col(d)}) x)`;
  const [found] = rowsOf<Found>(
    await db.execute(sql`
      WITH m (id, rank, published_at, subject, grade, kind, edition, school, school_name, licence, unit) AS (${matching})
      SELECT
        (SELECT coalesce(json_agg(id ORDER BY rank DESC, published_at DESC, id), '[]') FROM (
          SELECT id, rank, published_at FROM m WHERE ${filters()}
          ORDER BY rank DESC, published_at DESC, id LIMIT ${PAGE + 1} OFFSET ${offset}) page) AS ids,
        (SELECT coalesce(json_agg(s), '[]') FROM (
          SELECT ${sql.join(
            shared.map((d) => (d === 'school' ? sql`m.school, min(m.school_name) AS label` : col(d))),
            sql`, `,
          )}${shared.length ? sql`, ` : sql``}json_build_object(${sql.join(grouping, sql`, `)}) AS g, count(*)::int AS n
          FROM m WHERE ${filters()} GROUP BY GROUPING SETS (${sql.join(sets, sql`, `)})) s) AS shared
        ${sql.join(
          DIMS.filter((d) => chosen[d] !== undefined).map((d) => sql`, ${counts(d)} AS ${sql.identifier(d)}`),
          sql``,
        )}`),
  );
  if (!found) throw new Error('search: the statement answered no row');
  const ids = found.ids.slice(0, PAGE);
  const [rows, versions] = await Promise.all([
    ids.length ? (selectResources(db).where(inArray(resources.id, ids)) as Promise<ResourceRow[]>) : [],
    currentVersions(db, ids),
  ]);
  const byId = new Map(rows.map((r) => [r.r.id, r]));
  const page = ids.map((id) => byId.get(id)).filter((r): r is ResourceRow => r !== undefined);
  const inSet = (g: Record<string, number>, key: Dim | null) => shared.every((d) => g[d] === (d === key ? 0 : 1));
  const facets = {} as Record<Dim, Facet[]>;
  for (const d of shared)
    facets[d] = found.shared
      .filter((r) => inSet(r.g, d) && r[d] !== null && r[d] !== undefined)
      .map((r) => ({ value: String(r[d]), label: String(d === 'school' ? r.label : r[d]), count: r.n, raw: r[d] }))
      // As a chosen facet's values come (ORDER BY value): grades as numbers (2 before 10), the rest as text.
      .sort((a, b) =>
        typeof a.raw === 'number' && typeof b.raw === 'number' ? a.raw - b.raw : byText(a.value, b.value),
      )
      .map(({ raw: _, ...f }) => f);
  for (const d of DIMS.filter((x) => chosen[x] !== undefined))
    facets[d] = (found[d] ?? []).map((r) => ({ value: String(r.value), label: String(r.label), count: r.n }));
  const plain = (xs: Facet[]) => xs.map(({ value, count }) => ({ value, count }));
  return {
    items: page.map((r) => resourceOut(r, actor, versions.get(r.r.id))),
    nextCursor: found.ids.length > PAGE ? encodeCursor(String(offset + PAGE)) : null,
    total: found.shared.find((r) => inSet(r.g, null))?.n ?? 0,
    facets: {
      subject: plain(facets.subject),
      grade: plain(facets.grade),
      kind: plain(facets.kind),
      edition: plain(facets.edition),
      school: facets.school,
    },
  };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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
