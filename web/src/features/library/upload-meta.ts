// The details one upload's files share: as typed in the form (text, so nothing is lost on an error), remembered
// for next time, and turned into the API's resource details for each file.
import type { ResourceMeta } from '../../../../shared/schemas/resources';
import type { SharedMeta } from './upload-meta-form';

const REMEMBERED = 'tz.library.lastMeta';
const remembered = ['subject', 'grade', 'edition', 'volume', 'visibility', 'licence'] as const;

/** A first guess at the kind from the file: slides are courseware, a video is a recorded lesson. */
export const guessKind = (f: File) =>
  /\.(pptx?|key)$/i.test(f.name) ? 'courseware' : f.type.startsWith('video/') ? 'video' : 'lesson_plan';

export function initialMeta(): SharedMeta {
  const base: SharedMeta = {
    subject: '',
    grade: '',
    kind: '',
    visibility: 'school',
    edition: '',
    volume: '',
    unit: '',
    tags: '',
    licence: 'group_only',
    summary: '',
  };
  try {
    // The same teacher shares for the same subject and grade: last time's choices come back.
    return { ...base, ...JSON.parse(localStorage.getItem(REMEMBERED) ?? '{}') };
  } catch {
    return base;
  }
}

/** After a file went up: its subject, grade, edition, volume, visibility and licence are offered next time. */
export function rememberMeta(meta: SharedMeta) {
  localStorage.setItem(REMEMBERED, JSON.stringify(Object.fromEntries(remembered.map((k) => [k, meta[k]]))));
}

/** One file's details for the API: the shared ones, its own title, and the school it is shared from (if chosen). */
export function resourceMetaFor(meta: SharedMeta, title: string, schoolId: string | undefined): ResourceMeta {
  const tags = meta.tags
    .split(/[,，、;；]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    title: title.trim(),
    subject: meta.subject as ResourceMeta['subject'],
    grade: Number(meta.grade),
    kind: meta.kind as ResourceMeta['kind'],
    visibility: meta.visibility as ResourceMeta['visibility'],
    licence: meta.licence as ResourceMeta['licence'],
    ...(meta.edition ? { edition: meta.edition } : {}),
    ...(meta.volume ? { volume: meta.volume } : {}),
    ...(meta.unit.trim() ? { unit: meta.unit.trim() } : {}),
    ...(tags.length ? { tags } : {}),
    ...(meta.summary.trim() ? { summary: meta.summary.trim() } : {}),
    ...(schoolId ? { schoolId } : {}),
  };
}
