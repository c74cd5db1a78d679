// How a resource's file and place in the curriculum are written on the page.
import type { Locale } from '../../../../shared/enums';
import type { Resource } from '../../../../shared/schemas/resources';

const TYPES: [RegExp, string][] = [
  [/^application\/pdf$/, 'PDF'],
  [/wordprocessingml|msword/, 'Word'],
  [/spreadsheetml|ms-excel/, 'Excel'],
  [/presentationml|ms-powerpoint/, 'PowerPoint'],
  [/^image\//, 'image'],
  [/^video\//, 'video'],
  [/^audio\//, 'audio'],
  [/zip/, 'ZIP'],
];

/** "PDF", "Word", "PNG", "MP4": what a teacher calls the file. */
export function fileType(contentType: string, fileName?: string): string {
  const hit = TYPES.find(([re]) => re.test(contentType))?.[1];
  if (hit && !['image', 'video', 'audio'].includes(hit)) return hit;
  const ext = fileName?.split('.').pop();
  if (ext && ext !== fileName) return ext.toUpperCase();
  return contentType.split('/').pop()?.toUpperCase() ?? '';
}

/** "600 字节", "820 KB", "12.5 MB" (binary units, as file managers on school PCs show them). */
export function formatSize(bytes: number, locale: Locale): string {
  const units = [locale === 'zh' ? '字节' : 'bytes', 'KB', 'MB', 'GB'];
  let n = bytes;
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  const digits = i === 0 || n >= 100 ? 0 : 1;
  return `${n.toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: digits })} ${units[i]}`;
}

export type PreviewKind = 'pdf' | 'image' | 'video' | 'audio';

/** How the page can show the file itself, or null when only a download makes sense. */
export function previewKind(contentType: string): PreviewKind | null {
  if (contentType === 'application/pdf') return 'pdf';
  const top = contentType.split('/')[0];
  return top === 'image' || top === 'video' || top === 'audio' ? top : null;
}

/** Same-origin file URL: `inline` to show it in the page, `version` for an older file. */
export function downloadUrl(id: string, opts: { inline?: boolean; version?: number } = {}): string {
  const q = new URLSearchParams();
  if (opts.inline) q.set('inline', '1');
  if (opts.version) q.set('version', String(opts.version));
  const s = q.toString();
  return `/api/resources/${id}/download${s ? `?${s}` : ''}`;
}

/**
 * The curriculum place after subject and grade: "人教版 上册 · 第二单元 分数的初步认识" ("PEP (People's Education
 * Press) Volume 1 · 第二单元 …" in English: the stored edition and volume are named in the page's language, the unit
 * stays as its author typed it).
 */
export function curriculumPlace(
  r: Pick<Resource, 'edition' | 'volume' | 'unit'>,
  name: { edition: (v: string) => string; volume: (v: string) => string },
): string {
  const book = [r.edition && name.edition(r.edition), r.volume && name.volume(r.volume)].filter(Boolean).join(' ');
  return [book, r.unit].filter(Boolean).join(' · ');
}

/** A title from a file name: the name without its extension. */
export function titleFromFileName(name: string): string {
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name).trim().slice(0, 120);
}
