import { z } from 'zod';
import { licences, resourceKinds, resourceStatuses, scopes, subjects } from '../enums';
import { id, isoTime } from './common';

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
