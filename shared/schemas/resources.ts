// The curriculum library: what the API takes and answers, shared by the server's contract and the web.
import { z } from 'zod';
import { licences, resourceKinds, resourceStatuses, scopes, subjects } from '../enums';
import { id, isoTime, page } from './common';

/** The `meta` part of an upload (multipart/form-data), as JSON. */
export const resourceMeta = z.object({
  title: z.string().trim().min(1).max(120),
  summary: z.string().trim().max(2000).optional(),
  subject: z.enum(subjects),
  grade: z.coerce.number().int().min(1).max(12),
  kind: z.enum(resourceKinds),
  visibility: z.enum(scopes),
  edition: z.string().trim().max(40).optional(),
  volume: z.string().trim().max(20).optional(),
  unit: z.string().trim().max(80).optional(),
  tags: z.array(z.string().trim().min(1).max(30)).max(20).optional(),
  licence: z.enum(licences).optional(),
  /** A group leader uploads for a school of the group; defaults to the uploader's own school. */
  schoolId: id.optional(),
});
export type ResourceMeta = z.infer<typeof resourceMeta>;

export const resourceVersion = z.object({
  id,
  number: z.number().int(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  createdAt: isoTime,
});
export type ResourceVersion = z.infer<typeof resourceVersion>;

export const resource = z.object({
  id,
  schoolId: id,
  schoolName: z.string(),
  authorId: id,
  authorName: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  subject: z.enum(subjects),
  grade: z.number().int(),
  kind: z.enum(resourceKinds),
  edition: z.string().nullable(),
  volume: z.string().nullable(),
  unit: z.string().nullable(),
  tags: z.array(z.string()),
  licence: z.enum(licences),
  visibility: z.enum(scopes),
  status: z.enum(resourceStatuses),
  reviewComment: z.string().nullable(),
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
});
export type ResourceSearchQuery = z.infer<typeof resourceSearchQuery>;

export const facetCount = z.object({ value: z.string(), count: z.number().int() });
export const resourceSearch = z.object({
  items: z.array(resource),
  nextCursor: z.string().nullable(),
  /** All matches, across pages. */
  total: z.number().int(),
  facets: z.object({
    subject: z.array(facetCount),
    grade: z.array(facetCount),
    kind: z.array(facetCount),
    edition: z.array(facetCount),
    school: z.array(facetCount.extend({ label: z.string() })),
  }),
});
export type ResourceSearch = z.infer<typeof resourceSearch>;

export const uploadLimits = z.object({ maxUploadBytes: z.number().int(), accepted: z.array(z.string()) });

export const resourceTreeQuery = z.object({ subject: z.enum(subjects) });
export const resourceTree = z.object({
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
});
export type ResourceTree = z.infer<typeof resourceTree>;

export const reviewInput = z.object({
  decision: z.enum(['publish', 'return']),
  comment: z.string().trim().max(1000).optional(),
});

export const downloadQuery = z.object({
  version: z.coerce.number().int().min(1).optional(),
  inline: z.enum(['1']).optional(),
});

// Using the library together: favourites, comments and collections.

export const resourceComment = z.object({
  id,
  authorId: id,
  authorName: z.string(),
  schoolName: z.string().nullable(),
  body: z.string(),
  createdAt: isoTime,
});
export type ResourceComment = z.infer<typeof resourceComment>;
export const commentPage = page(resourceComment);
export const commentInput = z.object({ body: z.string().trim().min(1).max(2000) });
export const commentAnswer = z.object({ comment: resourceComment });

export const collection = z.object({
  id,
  title: z.string(),
  description: z.string().nullable(),
  visibility: z.enum(scopes),
  ownerId: id,
  ownerName: z.string(),
  schoolId: id,
  schoolName: z.string(),
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
  title: z.string().trim().min(1).max(120),
  description: z.string().trim().max(2000).optional(),
  visibility: z.enum(scopes).default('group'),
});
export type CreateCollectionInput = z.infer<typeof createCollectionInput>;
export const collectionItemInput = z.object({ resourceId: id });
export const collectionItemParam = z.object({ id, resourceId: id });
