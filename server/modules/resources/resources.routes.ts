import { Buffer } from 'node:buffer';
import { createRoute } from '@hono/zod-openapi';
import contentDisposition from 'content-disposition';
import { and, asc, desc, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { z } from 'zod';
import { licences, resourceKinds, subjects } from '../../../shared/enums';
import { id, idParam } from '../../../shared/schemas/common';
import { resource, resourceMeta, resourceSearch, resourceVersion } from '../../../shared/schemas/resources';
import { searchTerms } from '../../../shared/search-text';
import { orgs, resources, resourceVersions } from '../../db/schema';
import { audit } from '../../lib/audit';
import type { AppEnv } from '../../lib/context';
import type { Queryable } from '../../lib/db';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { type Actor, canManageOrg, canSeeOrg } from '../../lib/policy';
import { commonErrors, fieldErrors, json, jsonBody, newRouter, requestMeta } from '../../lib/router';
import { requireActor } from '../auth/auth.middleware';
import {
  canManageResource,
  canReview,
  currentVersions,
  getVisibleResource,
  owner,
  type ResourceRow,
  recordUse,
  resourceOut,
  selectResources,
  versionOut,
  visibleResourcesWhere,
} from './resources.queries';
import { commitWithFile, insertResource } from './resources.service';
import { ACCEPTED_LABELS, type Received, receiveUpload } from './upload';

const PAGE = 20;
const errors = {
  409: json(
    z.object({ error: z.any() }),
    'The same file is already in the library (`already_exists`, details.resourceId) or wrong state',
  ),
  413: json(z.object({ error: z.any() }), 'Larger than the upload limit'),
  415: json(z.object({ error: z.any() }), 'Not an accepted type, judged by the bytes'),
  503: json(z.object({ error: z.any() }), 'No file storage here'),
};

function storageOf(c: Context<AppEnv>) {
  const { storage, config } = c.get('deps');
  if (!storage) throw new AppError('service_unavailable', 'File storage is not configured on this server');
  return { storage, maxBytes: config.maxUploadBytes ?? 500 * 1024 * 1024 };
}

/** The school a resource belongs to: the named one (its admins or leaders) or the uploader's own. */
async function ownerSchool(db: Queryable, actor: Actor, schoolId?: string) {
  const own = actor.memberships.filter((m) => m.orgKind === 'school');
  const wanted = schoolId ?? own[0]?.orgId;
  if (!wanted)
    throw new AppError('validation_failed', 'Choose the school the resource belongs to', {
      fields: { schoolId: ['required'] },
    });
  const [school] = await db
    .select({ id: orgs.id, name: orgs.name, kind: orgs.kind, groupId: orgs.groupId, districtId: orgs.districtId })
    .from(orgs)
    .where(eq(orgs.id, wanted));
  if (!school || school.kind !== 'school' || !canSeeOrg(actor, school))
    throw new AppError('validation_failed', 'No such school', { fields: { schoolId: ['not a school you can see'] } });
  if (!own.some((m) => m.orgId === school.id) && !canManageOrg(actor, school))
    throw forbidden('You can only share resources of your own school');
  return school;
}

/** A file already in the library (same SHA-256) that the uploader can see. */
async function duplicateOf(db: Queryable, actor: Actor, sha256: string): Promise<ResourceRow | undefined> {
  const rows = (await selectResources(db)
    .innerJoin(resourceVersions, eq(resourceVersions.resourceId, resources.id))
    .where(and(eq(resourceVersions.sha256, sha256), visibleResourcesWhere(actor)))
    .limit(1)) as ResourceRow[];
  return rows[0];
}

function parseMeta(raw: string | undefined) {
  let value: unknown;
  try {
    value = JSON.parse(raw ?? '');
  } catch {
    throw new AppError('validation_failed', 'The `meta` field must be JSON', { fields: { meta: ['not JSON'] } });
  }
  const parsed = resourceMeta.safeParse(value);
  if (!parsed.success)
    throw new AppError('validation_failed', 'Some fields are missing or invalid', fieldErrors(parsed.error));
  return parsed.data;
}

/** Receives a file; whatever fails afterwards, its bytes are removed again (no file without a row). */
async function withUpload<T>(c: Context<AppEnv>, use: (received: Received) => Promise<T>): Promise<T> {
  const { storage, maxBytes } = storageOf(c);
  const received = await receiveUpload(c.req.raw, storage, maxBytes);
  try {
    return await use(received);
  } finally {
    await storage.remove(received.file.tempKey);
  }
}

export const resourcesRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/resources',
      tags: ['resources'],
      summary: 'Share a file: lesson plan, courseware, exercise, recorded lesson, school-based course',
      // The body is read as a stream by receiveUpload, not by a validator (which would buffer it whole).
      description:
        'Body: multipart/form-data with `meta` (JSON: title, summary?, subject, grade, kind, visibility, edition?, volume?, unit?, tags?, licence?, schoolId?) and `file`. The type is judged by the bytes. Shared with the school only, it is published at once; wider, it goes to review.',
      responses: { 201: json(z.object({ resource })), ...commonErrors, ...errors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.get('deps').database;
      const { storage } = storageOf(c);
      const out = await withUpload(c, async ({ meta: rawMeta, file }) => {
        const meta = parseMeta(rawMeta);
        const school = await ownerSchool(db, actor, meta.schoolId);
        const dup = await duplicateOf(db, actor, file.sha256);
        if (dup)
          throw new AppError('already_exists', `This file is already in the library: ${dup.r.title}`, {
            resourceId: dup.r.id,
            title: dup.r.title,
          });
        const status = meta.visibility === 'school' ? 'published' : 'in_review';
        return commitWithFile(db, storage, file.tempKey, async (tx, storageKey) => {
          const { row, version } = await insertResource(tx, {
            schoolId: school.id,
            authorId: actor.user.id,
            meta,
            status,
            file: { ...file, storageKey },
          });
          await audit(tx, c.get('actor'), requestMeta(c), {
            action: 'resource.create',
            entityType: 'resource',
            entityId: row.id,
            orgId: school.id,
            after: { title: meta.title, visibility: meta.visibility, status, file: file.fileName, size: file.size },
          });
          return resourceOut({ r: row, school, authorName: actor.user.name, users: 0 }, actor, version);
        });
      });
      return c.json({ resource: out }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/resources',
      tags: ['resources'],
      summary: 'Search the library (Chinese text), with filters and facet counts',
      request: {
        query: z.object({
          q: z.string().max(100).optional(),
          subject: z.enum(subjects).optional(),
          grade: z.coerce.number().int().min(1).max(12).optional(),
          kind: z.enum(resourceKinds).optional(),
          edition: z.string().max(40).optional(),
          schoolId: id.optional(),
          licence: z.enum(licences).optional(),
          unit: z.string().max(80).optional(),
          mine: z.enum(['1']).optional(),
          status: z.enum(['in_review']).optional(),
          cursor: z.string().max(20).optional(),
        }),
      },
      responses: { 200: json(resourceSearch), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const p = c.req.valid('query');
      const { db } = c.get('deps').database;
      const terms = searchTerms(p.q ?? '');
      const query = sql`plainto_tsquery('simple', ${terms.join(' ')})`;
      // Terms of one character cannot use the bigram index; such rare queries scan titles and summaries.
      const textWhere: SQL | undefined = !terms.length
        ? undefined
        : terms.every((t) => [...t].length === 1 && /\p{Script=Han}/u.test(t))
          ? or(ilike(resources.title, `%${p.q!.trim()}%`), ilike(resources.summary, `%${p.q!.trim()}%`))
          : sql`${resources.search} @@ ${query}`;
      const base = and(
        visibleResourcesWhere(actor),
        textWhere,
        p.mine ? eq(resources.authorId, actor.user.id) : undefined,
        p.status === 'in_review' ? eq(resources.status, 'in_review') : undefined,
      )!;
      const subjectF = p.subject ? eq(resources.subject, p.subject) : undefined;
      const gradeF = p.grade ? eq(resources.grade, p.grade) : undefined;
      const kindF = p.kind ? eq(resources.kind, p.kind) : undefined;
      const editionF = p.edition ? eq(resources.edition, p.edition) : undefined;
      const schoolF = p.schoolId ? eq(resources.schoolId, p.schoolId) : undefined;
      const rest = [
        p.licence ? eq(resources.licence, p.licence) : undefined,
        p.unit ? eq(resources.unit, p.unit) : undefined,
      ];
      const all = [subjectF, gradeF, kindF, editionF, schoolF, ...rest];
      const filtersExcept = (own?: SQL) => and(...all.filter((f) => f !== own || own === undefined));
      const filters = and(...all);
      const offset = p.cursor ? Number(Buffer.from(p.cursor, 'base64url').toString()) || 0 : 0;
      const rows = (await selectResources(db)
        .where(and(base, filters))
        .orderBy(
          ...(textWhere ? [desc(sql`ts_rank(${resources.search}, ${query})`)] : []),
          desc(resources.publishedAt),
          asc(resources.id),
        )
        .limit(PAGE + 1)
        .offset(offset)) as ResourceRow[];
      const page = rows.slice(0, PAGE);
      const versions = await currentVersions(
        db,
        page.map((r) => r.r.id),
      );
      // Each facet counts with every filter but its own, so choosing 三年级 still shows the other grades' counts.
      // The facets whose own filter is unset share one WHERE: one GROUPING SETS pass counts them all and the total;
      // only a facet that is itself filtered needs a pass of its own.
      type Facet = { value: string; label: string; count: number };
      const dims = [
        { key: 'subject', col: resources.subject, own: subjectF },
        { key: 'grade', col: resources.grade, own: gradeF },
        { key: 'kind', col: resources.kind, own: kindF },
        { key: 'edition', col: resources.edition, own: editionF },
        { key: 'school', col: owner.id, label: owner.name, own: schoolF },
      ] as const;
      const shared = dims.filter((d) => !d.own);
      const grouped = (await db
        .select({
          ...Object.fromEntries(shared.map((d) => [d.key, d.col])),
          ...('label' in (shared.find((d) => d.key === 'school') ?? {}) ? { schoolName: owner.name } : {}),
          ...Object.fromEntries(shared.map((d) => [`g_${d.key}`, sql<number>`GROUPING(${d.col})::int`])),
          n: sql<number>`count(*)::int`,
        })
        .from(resources)
        .innerJoin(owner, eq(owner.id, resources.schoolId))
        .where(and(base, filters))
        .groupBy(
          sql`GROUPING SETS (${sql.join([...shared.map((d) => ('label' in d ? sql`(${d.col}, ${d.label})` : sql`(${d.col})`)), sql`()`], sql`, `)})`,
        )) as Record<string, unknown>[];
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
            const label = 'label' in d ? d.label : d.col;
            const rows = await db
              .select({ value: d.col, label, n: sql<number>`count(*)::int` })
              .from(resources)
              .innerJoin(owner, eq(owner.id, resources.schoolId))
              .where(and(base, filtersExcept(d.own)))
              .groupBy(d.col, ...('label' in d ? [d.label] : []))
              .orderBy(d.col);
            facets[d.key] = rows
              .filter((r) => r.value !== null)
              .map((r) => ({ value: String(r.value), label: String(r.label), count: Number(r.n) }));
          }),
      );
      const [subject = [], grade = [], kind = [], edition = [], school = []] = dims.map((d) => facets[d.key] ?? []);
      const total = { n: Number(totalRow?.n ?? 0) };
      const plain = (xs: { value: string; count: number }[]) => xs.map(({ value, count }) => ({ value, count }));
      return c.json(
        {
          items: page.map((r) => resourceOut(r, actor, versions.get(r.r.id))),
          nextCursor: rows.length > PAGE ? Buffer.from(String(offset + PAGE)).toString('base64url') : null,
          total: Number(total?.n ?? 0),
          facets: { subject: plain(subject), grade: plain(grade), kind: plain(kind), edition: plain(edition), school },
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/resource-limits',
      tags: ['resources'],
      summary: 'What an upload may be: the size limit and the accepted kinds of file',
      responses: {
        200: json(z.object({ maxUploadBytes: z.number().int(), accepted: z.array(z.string()) })),
        ...commonErrors,
      },
    }),
    (c) => {
      requireActor(c);
      const { storage, config } = c.get('deps');
      return c.json(
        {
          maxUploadBytes: storage ? (config.maxUploadBytes ?? 500 * 1024 * 1024) : 0,
          accepted: Object.values(ACCEPTED_LABELS),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/resource-tree',
      tags: ['resources'],
      summary: 'Browse like the textbook: edition → grade → unit, with counts, for one subject',
      request: { query: z.object({ subject: z.enum(subjects) }) },
      responses: {
        200: json(
          z.object({
            editions: z.array(
              z.object({
                edition: z.string(),
                count: z.number().int(),
                grades: z.array(
                  z.object({
                    grade: z.number().int(),
                    count: z.number().int(),
                    units: z.array(z.object({ unit: z.string(), count: z.number().int() })),
                  }),
                ),
              }),
            ),
          }),
        ),
        ...commonErrors,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.get('deps').database;
      const rows = await db
        .select({
          edition: resources.edition,
          grade: resources.grade,
          unit: resources.unit,
          n: sql<number>`count(*)::int`,
        })
        .from(resources)
        .innerJoin(owner, eq(owner.id, resources.schoolId))
        .where(
          and(
            visibleResourcesWhere(actor),
            eq(resources.status, 'published'),
            eq(resources.subject, c.req.valid('query').subject),
          ),
        )
        .groupBy(resources.edition, resources.grade, resources.unit)
        .orderBy(resources.edition, resources.grade, resources.unit);
      const editions = new Map<
        string,
        {
          edition: string;
          count: number;
          grades: Map<number, { grade: number; count: number; units: { unit: string; count: number }[] }>;
        }
      >();
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
      return c.json(
        {
          editions: [...editions.values()].map((e) => ({
            edition: e.edition,
            count: e.count,
            grades: [...e.grades.values()],
          })),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/resources/{id}',
      tags: ['resources'],
      summary: 'A resource with its versions',
      request: { params: idParam },
      responses: { 200: json(z.object({ resource, versions: z.array(resourceVersion) })), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.get('deps').database;
      const row = await getVisibleResource(db, actor, c.req.valid('param').id);
      const versions = await db
        .select()
        .from(resourceVersions)
        .where(eq(resourceVersions.resourceId, row.r.id))
        .orderBy(desc(resourceVersions.number));
      return c.json({ resource: resourceOut(row, actor, versions[0]), versions: versions.map(versionOut) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/resources/{id}/versions',
      tags: ['resources'],
      summary: 'Upload a new version; the old ones are kept',
      description: 'Body: multipart/form-data with `file`.',
      request: { params: idParam },
      responses: { 201: json(z.object({ resource })), ...commonErrors, ...errors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.get('deps').database;
      const { storage } = storageOf(c);
      const row = await getVisibleResource(db, actor, c.req.valid('param').id);
      if (!canManageResource(actor, row)) throw forbidden('Only the author or the school’s admins add versions');
      const out = await withUpload(c, async ({ file }) => {
        return commitWithFile(db, storage, file.tempKey, async (tx, storageKey) => {
          const [{ next }] = (await tx
            .select({ next: sql<number>`COALESCE(max(${resourceVersions.number}), 0)::int + 1` })
            .from(resourceVersions)
            .where(eq(resourceVersions.resourceId, row.r.id))) as [{ next: number }];
          const [version] = await tx
            .insert(resourceVersions)
            .values({
              resourceId: row.r.id,
              number: next,
              fileName: file.fileName,
              storageKey,
              contentType: file.contentType,
              size: file.size,
              sha256: file.sha256,
              uploadedBy: actor.user.id,
            })
            .returning();
          // A new file for a wider audience goes back to review; for the school only it stays published.
          const status = row.r.visibility === 'school' ? 'published' : 'in_review';
          const [updated] = await tx
            .update(resources)
            .set({ status, updatedAt: new Date() })
            .where(eq(resources.id, row.r.id))
            .returning();
          await audit(tx, c.get('actor'), requestMeta(c), {
            action: 'resource.version',
            entityType: 'resource',
            entityId: row.r.id,
            orgId: row.school.id,
            after: { version: next, file: file.fileName, status },
          });
          return resourceOut({ ...row, r: updated! }, actor, version);
        });
      });
      return c.json({ resource: out }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/resources/{id}/review',
      tags: ['resources'],
      summary: 'Publish a resource in review, or return it with comments (group/district admins)',
      request: {
        params: idParam,
        body: jsonBody(
          z.object({ decision: z.enum(['publish', 'return']), comment: z.string().trim().max(1000).optional() }),
        ),
      },
      responses: { 200: json(z.object({ resource })), ...commonErrors, 409: errors[409] },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { decision, comment } = c.req.valid('json');
      const { db } = c.get('deps').database;
      const row = await getVisibleResource(db, actor, c.req.valid('param').id);
      if (!canReview(actor, row))
        throw forbidden(
          'Only the group’s or district’s admins, or the reviewers they named, review resources shared this widely',
        );
      if (decision === 'return' && !comment)
        throw new AppError('validation_failed', 'Say what should change', {
          fields: { comment: ['required when returning'] },
        });
      const out = await db.transaction(async (tx) => {
        const [updated] = await tx
          .update(resources)
          .set({
            status: decision === 'publish' ? 'published' : 'returned',
            reviewComment: comment ?? null,
            reviewedBy: actor.user.id,
            reviewedAt: new Date(),
            ...(decision === 'publish' ? { publishedAt: new Date() } : {}),
            updatedAt: new Date(),
          })
          .where(and(eq(resources.id, row.r.id), eq(resources.status, 'in_review')))
          .returning();
        if (!updated) throw new AppError('invalid_state', `This resource is ${row.r.status}, not in review`);
        await audit(tx, c.get('actor'), requestMeta(c), {
          action: `resource.${decision}`,
          entityType: 'resource',
          entityId: row.r.id,
          orgId: row.school.id,
          before: { status: 'in_review' },
          after: { status: updated.status, comment },
        });
        return resourceOut({ ...row, r: updated }, actor, (await currentVersions(tx, [row.r.id])).get(row.r.id));
      });
      return c.json({ resource: out }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/resources/{id}/download',
      tags: ['resources'],
      summary: 'The file, with its content type, a safe Content-Disposition and range requests',
      request: {
        params: idParam,
        query: z.object({ version: z.coerce.number().int().min(1).optional(), inline: z.enum(['1']).optional() }),
      },
      responses: {
        200: { description: 'The file' },
        206: { description: 'Part of the file (Range)' },
        416: json(z.object({ error: z.any() }), 'Range not satisfiable'),
        ...commonErrors,
        503: errors[503],
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { version: number, inline } = c.req.valid('query');
      const { db } = c.get('deps').database;
      const { storage } = storageOf(c);
      const row = await getVisibleResource(db, actor, c.req.valid('param').id);
      const [v] = await db
        .select()
        .from(resourceVersions)
        .where(and(eq(resourceVersions.resourceId, row.r.id), number ? eq(resourceVersions.number, number) : undefined))
        .orderBy(desc(resourceVersions.number))
        .limit(1);
      if (!v) throw notFound('version');
      const size = v.size;
      const range = parseRange(c.req.header('range'), size);
      if (range === 'invalid') {
        c.header('Content-Range', `bytes */${size}`);
        return c.json({ error: { code: 'bad_request', message: 'Range not satisfiable' } }, 416);
      }
      // A use is a download by someone other than the author: not a preview in the page, not a player seeking.
      if (!inline && (!range || range.start === 0) && row.r.authorId !== actor.user.id)
        await recordUse(db, row.r.id, actor);
      const previewable = /^(application\/pdf|image\/|video\/|audio\/)/.test(v.contentType);
      const headers: Record<string, string> = {
        'Content-Type': v.contentType,
        'Content-Disposition': contentDisposition(v.fileName, {
          type: inline && previewable ? 'inline' : 'attachment',
        }),
        'Accept-Ranges': 'bytes',
        'Cache-Control': 'private, max-age=0, must-revalidate',
        'X-Content-Type-Options': 'nosniff',
        // The preview page embeds PDFs from here: same origin only.
        'Content-Security-Policy': "default-src 'none'; frame-ancestors 'self'; sandbox",
      };
      const stream = await storage.read(v.storageKey, range ?? undefined);
      if (range) {
        headers['Content-Range'] = `bytes ${range.start}-${range.end}/${size}`;
        headers['Content-Length'] = String(range.end - range.start + 1);
        return c.body(stream, 206, headers);
      }
      headers['Content-Length'] = String(size);
      return c.body(stream, 200, headers);
    },
  );

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` (one range). Null when absent; 'invalid' when unsatisfiable. */
function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | 'invalid' {
  if (!header) return null;
  const m = header.match(/^bytes=(\d*)-(\d*)$/);
  if (!m || (!m[1] && !m[2])) return 'invalid';
  let start: number;
  let end: number;
  if (!m[1]) {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
  }
  return start > end || start >= size ? 'invalid' : { start, end };
}
