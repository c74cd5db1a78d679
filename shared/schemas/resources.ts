// The curriculum library: what the API takes and answers, shared by the server's contract and the web.
import { z } from 'zod';
import { licences, resourceKinds, resourceStatuses, scopes, subjects } from '../enums';
import { id, isoTime, page, queryInt, text } from './common';

/** The `meta` part of an upload (multipart/form-data), as JSON. */
export const resourceMeta = z.object({
  title: text().trim().min(1).max(120),
  summary: text().trim().max(2000).optional(),
  subject: z.enum(subjects),
  grade: z.coerce.number().int().min(1).max(12),
  kind: z.enum(resourceKinds),
  visibility: z.enum(scopes),
  edition: text().trim().max(40).optional(),
  volume: text().trim().max(20).optional(),
  unit: text().trim().max(80).optional(),
  tags: z.array(text().trim().min(1).max(30)).max(20).optional(),
  licence: z.enum(licences).optional(),
  /** A group leader uploads for a school of the group; defaults to the uploader's own school. */
  schoolId: id.optional(),
});
export type ResourceMeta = z.infer<typeof resourceMeta>;

export const resourceVersion = z.object({
  id,
  number: z.number().int(),
  fileName: text(),
  contentType: text(),
  size: z.number().int(),
  sha256: text(),
  uploadedBy: text(),
  createdAt: isoTime,
});
export type ResourceVersion = z.infer<typeof resourceVersion>;

export const resource = z.object({
  id,
  schoolId: id,
  schoolName: text(),
  authorId: id,
  authorName: text(),
  title: text(),
  summary: text().nullable(),
  subject: z.enum(subjects),
  grade: z.number().int(),
  kind: z.enum(resourceKinds),
  edition: text().nullable(),
  volume: text().nullable(),
  unit: text().nullable(),
  tags: z.array(text()),
  licence: z.enum(licences),
  visibility: z.enum(scopes),
  status: z.enum(resourceStatuses),
  reviewComment: text().nullable(),
  downloads: z.number().int(),
  /** Distinct colleagues who downloaded it. */
  users: z.number().int(),
  file: resourceVersion.nullable(),
  createdAt: isoTime,
  publishedAt: isoTime.nullable(),
  canManage: z.boolean(),
  canReview: z.boolean(),
});
export type Resource = z.infer<typeof resource>;

export const resourceAnswer = z.object({ resource });
export const resourceDetail = z.object({ resource, versions: z.array(resourceVersion) });
export const resourcePage = page(resource);

export const resourceSearchQuery = z.object({
  q: text().max(100).optional(),
  subject: z.enum(subjects).optional(),
  grade: z.coerce.number().int().min(1).max(12).optional(),
  kind: z.enum(resourceKinds).optional(),
  edition: text().max(40).optional(),
  schoolId: id.optional(),
  licence: z.enum(licences).optional(),
  unit: text().max(80).optional(),
  mine: z.enum(['1']).optional(),
  status: z.enum(['in_review']).optional(),
  cursor: text().max(20).optional(),
});
export type ResourceSearchQuery = z.infer<typeof resourceSearchQuery>;

export const facetCount = z.object({ value: text(), count: z.number().int() });
export const resourceSearch = z.object({
  items: z.array(resource),
  nextCursor: text().nullable(),
  /** All matches, across pages. */
  total: z.number().int(),
  facets: z.object({
    subject: z.array(facetCount),
    grade: z.array(facetCount),
    kind: z.array(facetCount),
    edition: z.array(facetCount),
    school: z.array(facetCount.extend({ label: text() })),
  }),
});
export type ResourceSearch = z.infer<typeof resourceSearch>;

export const uploadLimits = z.object({ maxUploadBytes: z.number().int(), accepted: z.array(text()) });

export const resourceTreeQuery = z.object({ subject: z.enum(subjects) });
export const resourceTree = z.object({
  editions: z.array(
    z.object({
      edition: text(),
      count: z.number().int(),
      grades: z.array(
        z.object({
          grade: z.number().int(),
          count: z.number().int(),
          units: z.array(z.object({ unit: text(), count: z.number().int() })),
        }),
      ),
    }),
  ),
});
export type ResourceTree = z.infer<typeof resourceTree>;

export const reviewInput = z.object({
  decision: z.enum(['publish', 'return']),
  comment: text().trim().max(1000).optional(),
});

export const downloadQuery = z.object({
  version: queryInt(1).optional(),
  inline: z.enum(['1']).optional(),
});

// Using the library together: favourites, comments and collections.

export const resourceComment = z.object({
  id,
  authorId: id,
  authorName: text(),
  schoolName: text().nullable(),
  body: text(),
  createdAt: isoTime,
});
export type ResourceComment = z.infer<typeof resourceComment>;
export const commentPage = page(resourceComment);
export const commentInput = z.object({ body: text().trim().min(1).max(2000) });
export const commentAnswer = z.object({ comment: resourceComment });

export const collection = z.object({
  id,
  title: text(),
  description: text().nullable(),
  visibility: z.enum(scopes),
  ownerId: id,
  ownerName: text(),
  schoolId: id,
  schoolName: text(),
  resources: z.array(resource),
  canManage: z.boolean(),
  createdAt: isoTime,
});
export type Collection = z.infer<typeof collection>;
export const collectionAnswer = z.object({ collection });

/** A collection in a list: how many resources it holds, not which. */
export const collectionSummary = collection.omit({ resources: true }).extend({ count: z.number().int() });
export type CollectionSummary = z.infer<typeof collectionSummary>;
export const collectionPage = page(collectionSummary);
export const collectionListQuery = z.object({ mine: z.enum(['1']).optional() });

export const createCollectionInput = z.object({
  title: text().trim().min(1).max(120),
  description: text().trim().max(2000).optional(),
  visibility: z.enum(scopes).default('group'),
});
export type CreateCollectionInput = z.infer<typeof createCollectionInput>;
export const collectionItemInput = z.object({ resourceId: id });
export const collectionItemParam = z.object({ id, resourceId: id });
