// Part of `npm run lint`: no line of code or comment is longer than Biome's line width. Biome wraps code but
// leaves comments and string literals as they are; a line may pass the width only because of one string that
// cannot be broken (a test's title, a user-facing sentence, a URL) — without that string it must fit.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import ts from 'typescript';

// biome.jsonc: JSON with whole-line comments.
const config = readFileSync('biome.jsonc', 'utf8').replace(/^\s*\/\/.*$/gm, '');
const width: number = JSON.parse(config).formatter.lineWidth;
const files = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx', '*.mjs'],
  {
    encoding: 'utf8',
  },
)
  .split('\n')
  .filter(Boolean);

const stringKinds = new Set([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.JsxText,
  ts.SyntaxKind.RegularExpressionLiteral,
]);

/** For each line, the longest part of it that lies inside one string literal. */
function longestStringPerLine(text: string, lineStarts: readonly number[], jsx: boolean): Map<number, number> {
  const longest = new Map<number, number>();
  const source = ts.createSourceFile(
    'x.tsx',
    text,
    ts.ScriptTarget.Latest,
    true,
    jsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const visit = (node: ts.Node) => {
    if (stringKinds.has(node.kind)) {
      const start = node.getStart(source);
      const end = node.getEnd();
      const first = source.getLineAndCharacterOfPosition(start).line;
      const last = source.getLineAndCharacterOfPosition(end).line;
      for (let line = first; line <= last; line++) {
        const from = Math.max(start, lineStarts[line] ?? 0);
        const to = Math.min(end, lineStarts[line + 1] ?? text.length);
        longest.set(line, Math.max(longest.get(line) ?? 0, [...text.slice(from, to)].length));
      }
    }
    // Template spans: the literal parts are children of TemplateSpan nodes.
    ts.forEachChild(node, visit);
  };
  visit(source);
  return longest;
}

let failures = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const lines = text.split('\n');
  if (!lines.some((l) => [...l].length > width)) continue;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest);
  const longest = longestStringPerLine(text, source.getLineStarts(), file.endsWith('x'));
  lines.forEach((line, i) => {
    const length = [...line].length;
    if (length <= width || length - (longest.get(i) ?? 0) <= width) return;
    failures++;
    console.error(`${file}:${i + 1}: ${length} characters (width ${width})`);
  });
}
if (failures) {
  console.error(`\n${failures} line(s) longer than ${width} characters: wrap the comment or the code.`);
  process.exit(1);
}
console.log(`line width: every line fits in ${width} characters (or is one unbreakable string)`);
