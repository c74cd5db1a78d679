// Writing to the library: a shared file and its first version, new versions, review decisions, and uses.
// An upload lands in temporary storage first and takes its final place inside the transaction that writes its
// rows; whatever fails, its bytes are removed again, so storage never holds a file no row points to.

import { and, eq, sql } from 'drizzle-orm';
import { problemDetails } from '../../../shared/problems';
import { type Resource, type ResourceMeta, resourceMeta } from '../../../shared/schemas/resources';
import { searchDocument } from '../../../shared/search-text';
import { resources, resourceUses, resourceVersions } from '../../db/schema';
import { audit } from '../../lib/audit';
import type { RequestMeta } from '../../lib/context';
import type { Db, Queryable } from '../../lib/db';
import { AppError, notFound } from '../../lib/errors';
import type { Actor } from '../../lib/policy';
import { fieldErrors } from '../../lib/router';
import { currentVersions, duplicateOf, ownerSchool, type ResourceRow, resourceOut } from './resources.queries';
import { statusOnUpload } from './resources.rules';
import type { Storage } from './storage';
import { type Received, receiveUpload, type UploadRequest } from './upload';

/** The search vector: Chinese bigrams of the title (weight A), tags (B) and summary (C). */
const searchVector = (title: string, tags: string[], summary: string | null | undefined) =>
  sql`setweight(to_tsvector('simple', ${searchDocument(title)}), 'A')
    || setweight(to_tsvector('simple', ${searchDocument(tags.join(' '))}), 'B')
    || setweight(to_tsvector('simple', ${searchDocument(summary ?? '')}), 'C')`;

export interface StoredFile {
  fileName: string;
  storageKey: string;
  contentType: string;
  size: number;
  sha256: string;
}

export interface InsertResourceParams {
  schoolId: string;
  authorId: string;
  meta: ResourceMeta;
  status: 'published' | 'in_review';
  file: StoredFile;
  at?: Date;
}

/** A resource and its first version, for a file already in storage (uploads, recordings and the demo data). */
export async function insertResource(tx: Queryable, p: InsertResourceParams) {
  const tags = p.meta.tags ?? [];
  const [row] = await tx
    .insert(resources)
    .values({
      schoolId: p.schoolId,
      authorId: p.authorId,
      title: p.meta.title,
      summary: p.meta.summary ?? null,
      subject: p.meta.subject,
      grade: p.meta.grade,
      kind: p.meta.kind,
      edition: p.meta.edition ?? null,
      volume: p.meta.volume ?? null,
      unit: p.meta.unit ?? null,
      tags,
      licence: p.meta.licence ?? 'group_only',
      visibility: p.meta.visibility,
      status: p.status,
      publishedAt: p.status === 'published' ? (p.at ?? new Date()) : null,
      search: searchVector(p.meta.title, tags, p.meta.summary) as unknown as string,
      ...(p.at ? { createdAt: p.at, updatedAt: p.at } : {}),
    })
    .returning();
  if (!row) throw new Error('INSERT … RETURNING gave no row');
  const [version] = await tx
    .insert(resourceVersions)
    .values({ resourceId: row.id, number: 1, uploadedBy: p.authorId, ...p.file })
    .returning();
  if (!version) throw new Error('INSERT … RETURNING gave no row');
  return { row, version };
}

/**
 * Rows for an uploaded file, written in one transaction in which the file takes its final place in storage;
 * if the transaction fails the file is removed again, so storage never holds a file no row points to.
 */
async function commitWithFile<T>(
  db: Db,
  storage: Storage,
  tempKey: string,
  work: (tx: Queryable, storageKey: string) => Promise<T>,
): Promise<T> {
  let finalKey: string | undefined;
  try {
    return await db.transaction(async (tx) => {
      finalKey = await storage.promote(tempKey);
      return work(tx, finalKey);
    });
  } catch (err) {
    if (finalKey) await storage.remove(finalKey);
    throw err;
  }
}

/** A request whose body is a multipart upload, where its file is stored, and how large it may be. */
export interface Upload {
  request: UploadRequest;
  storage: Storage;
  maxBytes: number;
}

/** Receives a file; whatever fails afterwards, its temporary bytes are removed again. */
async function withUpload<T>(upload: Upload, use: (received: Received) => Promise<T>): Promise<T> {
  const received = await receiveUpload(upload.request, upload.storage, upload.maxBytes);
  try {
    return await use(received);
  } finally {
    await upload.storage.remove(received.file.tempKey);
  }
}

function parseMeta(raw: string | undefined): ResourceMeta {
  let value: unknown;
  try {
    value = JSON.parse(raw ?? '');
  } catch {
    throw new AppError(
      'validation_failed',
      'The `meta` field must be JSON',
      problemDetails([{ field: 'meta', code: 'meta_not_json' }]),
    );
  }
  const parsed = resourceMeta.safeParse(value);
  if (!parsed.success)
    throw new AppError('validation_failed', 'Some fields are missing or invalid', fieldErrors(parsed.error));
  return parsed.data;
}

export interface ShareResourceParams {
  /** The form: `meta` (JSON, see resourceMeta) and `file`. */
  upload: Upload;
}

/**
 * Shares a file: its `meta` names the school (checked once the form has been read) and the audience; a file the
 * uploader can already see in the library is refused (409 `already_exists`, naming it).
 */
export async function shareResource(
  db: Db,
  actor: Actor,
  params: ShareResourceParams,
  meta: RequestMeta,
): Promise<Resource> {
  const { upload } = params;
  return withUpload(upload, async ({ meta: rawMeta, file }) => {
    const input = parseMeta(rawMeta);
    const school = await ownerSchool(db, actor, input.schoolId);
    const dup = await duplicateOf(db, actor, file.sha256);
    if (dup)
      throw new AppError('already_exists', `This file is already in the library: ${dup.r.title}`, {
        resourceId: dup.r.id,
        title: dup.r.title,
      });
    const status = statusOnUpload(input.visibility);
    return commitWithFile(db, upload.storage, file.tempKey, async (tx, storageKey) => {
      const { row, version } = await insertResource(tx, {
        schoolId: school.id,
        authorId: actor.user.id,
        meta: input,
        status,
        file: { ...file, storageKey },
      });
      await audit(tx, actor, meta, {
        action: 'resource.create',
        entityType: 'resource',
        entityId: row.id,
        orgId: school.id,
        after: { title: input.title, visibility: input.visibility, status, file: file.fileName, size: file.size },
      });
      return resourceOut({ r: row, school, authorName: actor.user.name, users: 0 }, actor, version);
    });
  });
}

export interface AddVersionParams {
  /** The resource, as the caller's gate (getManagedResource) returned it. */
  resource: ResourceRow;
  upload: Upload;
}

/** A new file for a resource; the old versions are kept. */
export async function addVersion(db: Db, actor: Actor, params: AddVersionParams, meta: RequestMeta) {
  const { resource: row, upload } = params;
  return withUpload(upload, ({ file }) =>
    commitWithFile(db, upload.storage, file.tempKey, async (tx, storageKey): Promise<Resource> => {
      // The resource's row locked: two new versions sent at once are numbered one after the other.
      await tx.select({ id: resources.id }).from(resources).where(eq(resources.id, row.r.id)).for('no key update');
      const [last] = await tx
        .select({ next: sql<number>`COALESCE(max(${resourceVersions.number}), 0)::int + 1` })
        .from(resourceVersions)
        .where(eq(resourceVersions.resourceId, row.r.id));
      const next = last?.next ?? 1;
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
      const status = statusOnUpload(row.r.visibility);
      const [updated] = await tx
        .update(resources)
        .set({ status, updatedAt: new Date() })
        .where(eq(resources.id, row.r.id))
        .returning();
      if (!updated) throw notFound('resource');
      await audit(tx, actor, meta, {
        action: 'resource.version',
        entityType: 'resource',
        entityId: row.r.id,
        orgId: row.school.id,
        after: { version: next, file: file.fileName, status },
      });
      return resourceOut({ ...row, r: updated }, actor, version);
    }),
  );
}

export interface ReviewParams {
  /** The resource, as the caller's gate (getReviewableResource) returned it. */
  resource: ResourceRow;
  decision: 'publish' | 'return';
  /** Required when returning: what should change. */
  comment?: string;
}

/** Publishes a resource in review or returns it; guarded by its status, so two reviewers decide once. */
export async function reviewResource(db: Db, actor: Actor, params: ReviewParams, meta: RequestMeta) {
  const { resource: row, decision, comment } = params;
  if (decision === 'return' && !comment)
    throw new AppError('validation_failed', 'Say what should change', {
      fields: { comment: ['required when returning'] },
    });
  return db.transaction(async (tx): Promise<Resource> => {
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
    await audit(tx, actor, meta, {
      action: `resource.${decision}`,
      entityType: 'resource',
      entityId: row.r.id,
      orgId: row.school.id,
      before: { status: 'in_review' },
      after: { status: updated.status, comment },
    });
    return resourceOut({ ...row, r: updated }, actor, (await currentVersions(tx, [row.r.id])).get(row.r.id));
  });
}

/** Counts a download (see countsAsUse): who took it, for which school, and the resource's running total. */
export async function recordUse(db: Queryable, actor: Actor, row: ResourceRow): Promise<void> {
  const schoolId = actor.memberships.find((m) => m.orgKind === 'school')?.orgId ?? null;
  await db.insert(resourceUses).values({ resourceId: row.r.id, userId: actor.user.id, schoolId });
  await db
    .update(resources)
    .set({ downloads: sql`${resources.downloads} + 1` })
    .where(eq(resources.id, row.r.id));
}
