import { sql } from 'drizzle-orm';
import type { ResourceMeta } from '../../../shared/schemas/resources';
import { searchDocument } from '../../../shared/search-text';
import { resources, resourceVersions } from '../../db/schema';
import type { Db, Queryable } from '../../lib/db';
import type { Storage } from './storage';

/** The search vector: Chinese bigrams of the title (weight A), tags (B) and summary (C). */
export const searchVector = (title: string, tags: string[], summary: string | null | undefined) =>
  sql`setweight(to_tsvector('simple', ${searchDocument(title)}), 'A') || setweight(to_tsvector('simple', ${searchDocument(tags.join(' '))}), 'B') || setweight(to_tsvector('simple', ${searchDocument(summary ?? '')}), 'C')`;

export interface StoredFile {
  fileName: string;
  storageKey: string;
  contentType: string;
  size: number;
  sha256: string;
}

/** A resource and its first version, for a file already in storage (the upload route and the demo data). */
export async function insertResource(
  tx: Queryable,
  p: {
    schoolId: string;
    authorId: string;
    meta: ResourceMeta;
    status: 'published' | 'in_review';
    file: StoredFile;
    at?: Date;
  },
) {
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
  const [version] = await tx
    .insert(resourceVersions)
    .values({ resourceId: row!.id, number: 1, uploadedBy: p.authorId, ...p.file })
    .returning();
  return { row: row!, version: version! };
}

/**
 * Rows for an uploaded file, written in one transaction in which the file takes its final place in storage;
 * if the transaction fails the file is removed again, so storage never holds a file no row points to.
 */
export async function commitWithFile<T>(
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
