// Chinese-capable search terms. PostgreSQL's 'simple' parser keeps a run of Chinese characters as one token,
// so "分数的初步认识" would only match itself. Here every run of Han characters becomes its overlapping
// character bigrams (分数 数的 的初 初步 步认 认识), a single character stays itself, and other words are
// lower-cased. Documents and queries use the same function, so a two-character query such as 分数 hits
// an indexed term directly (GIN on the tsvector), the common case in Chinese.
const HAN = /\p{Script=Han}+/u;
const PIECES = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

export function searchTerms(text: string): string[] {
  const out: string[] = [];
  for (const piece of text.normalize('NFKC').match(PIECES) ?? []) {
    if (HAN.test(piece)) {
      const chars = [...piece];
      if (chars.length === 1) out.push(piece);
      // Each pair of neighbouring characters (bigrams).
      for (let i = 1; i < chars.length; i++) out.push(`${chars[i - 1]}${chars[i]}`);
    } else out.push(piece.toLowerCase());
  }
  return out;
}

/** Terms joined by spaces, ready for to_tsvector('simple', …). */
export const searchDocument = (text: string) => searchTerms(text).join(' ');
