// Pure rules of the library: who manages, reviews and sees a resource; the status a shared file starts in;
// which downloads count as a use; the byte range a download asks for and the headers the file is served with.
// No database here; visibleResourcesWhere (resources.queries.ts) is the SQL twin of canSeeResource.
import contentDisposition from 'content-disposition';
import type { ResourceStatus, Scope } from '../../../shared/enums';
import { AppError } from '../../lib/errors';
import { type Actor, adminOf, canManageOrg, canSeeScoped, type OrgPlace } from '../../lib/policy';

/** What the rules read of a resource: its author, audience and state, and the place of its school. */
export interface ResourceFacts {
  r: { authorId: string; visibility: Scope; status: ResourceStatus };
  school: OrgPlace;
}

/**
 * Groups and districts whose shared resources the person was named to review (as a teacher of one of their schools).
 */
export function reviewerOf(actor: Actor): { groupIds: string[]; districtIds: string[] } {
  const named = actor.memberships.filter((m) => m.reviewer && m.orgKind === 'school');
  return {
    groupIds: named.flatMap((m) => (m.groupId ? [m.groupId] : [])),
    districtIds: named.flatMap((m) => (m.districtId ? [m.districtId] : [])),
  };
}

/**
 * Reviewers of a resource shared beyond its school: admins of its group (group scope and wider) or district (district
 * and wider), and the teachers they named — never its author, whose sharing the review is there to check.
 */
export function canReview(actor: Actor, row: ResourceFacts): boolean {
  if (row.r.authorId === actor.user.id) return false;
  const a = adminOf(actor);
  const v = row.r.visibility;
  const g = reviewerOf(actor);
  return (
    (v !== 'school' &&
      row.school.groupId !== null &&
      (a.groupIds.includes(row.school.groupId) || g.groupIds.includes(row.school.groupId))) ||
    ((v === 'district' || v === 'public') &&
      row.school.districtId !== null &&
      (a.districtIds.includes(row.school.districtId) || g.districtIds.includes(row.school.districtId)))
  );
}

/** Editing, new versions, retiring: the author, and the admins of the owner school (and above). */
export function canManageResource(actor: Actor, row: ResourceFacts): boolean {
  return row.r.authorId === actor.user.id || canManageOrg(actor, row.school);
}

/**
 * Who sees a resource: published ones by their visibility; unpublished ones only by the author, the owner
 * school's admins and the reviewers.
 */
export function canSeeResource(actor: Actor, row: ResourceFacts): boolean {
  if (row.r.status === 'published')
    return canSeeScoped(actor, row.school, row.r.visibility) || canManageResource(actor, row);
  return canManageResource(actor, row) || (row.r.status === 'in_review' && canReview(actor, row));
}

/** A file shared with the school only is published at once; shared wider, it (and each new version) goes to review. */
export const statusOnUpload = (visibility: Scope): 'published' | 'in_review' =>
  visibility === 'school' ? 'published' : 'in_review';

export interface ByteRange {
  /** First and last byte, inclusive. */
  start: number;
  end: number;
}

/** `bytes=a-b`, `bytes=a-`, `bytes=-n` (one range). Null when absent; 'invalid' when unsatisfiable. */
export function parseRange(header: string | undefined, size: number): ByteRange | null | 'invalid' {
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

/** The range a download asks for, or null for the whole file; one that cannot be served is a 416. */
export function requestedRange(header: string | undefined, size: number): ByteRange | null {
  const range = parseRange(header, size);
  if (range === 'invalid')
    throw new AppError('range_not_satisfiable', 'Range not satisfiable', undefined, {
      'Content-Range': `bytes */${size}`,
    });
  return range;
}

/** A use is a download by someone other than the author: not a preview in the page, not a player seeking. */
export function countsAsUse(actor: Actor, authorId: string, inline: boolean, range: ByteRange | null): boolean {
  return !inline && (!range || range.start === 0) && authorId !== actor.user.id;
}

/** The headers a stored file is served with: its type, a safe Content-Disposition, and its (partial) length. */
export function fileHeaders(
  file: { fileName: string; contentType: string; size: number },
  inline: boolean,
  range: ByteRange | null,
): Record<string, string> {
  const previewable = /^(application\/pdf|image\/|video\/|audio\/)/.test(file.contentType);
  return {
    'Content-Type': file.contentType,
    'Content-Disposition': contentDisposition(file.fileName, { type: inline && previewable ? 'inline' : 'attachment' }),
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'private, max-age=0, must-revalidate',
    'X-Content-Type-Options': 'nosniff',
    // The preview page embeds PDFs from here: same origin only.
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'self'; sandbox",
    ...(range
      ? {
          'Content-Range': `bytes ${range.start}-${range.end}/${file.size}`,
          'Content-Length': String(range.end - range.start + 1),
        }
      : { 'Content-Length': String(file.size) }),
  };
}
