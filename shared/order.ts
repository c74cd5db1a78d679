// The one fixed order of names in lists that must never read as rankings (clause 4): Unicode code points, exactly as
// PostgreSQL's COLLATE "C" sorts UTF-8 text, so the server's SQL, its code and the tests agree.
export function byCodePoint(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d) return d;
  }
  return x.length - y.length;
}
