// Reading a teacher import: the CSV's header names its columns (in either language), each later line is one
// person. Pure: what needs the database (schools, existing members) is checked by the service.
import Papa from 'papaparse';
import { type ImportError, type ImportRow, importRow } from '../../../shared/schemas/orgs';
import { AppError } from '../../lib/errors';

/** Header names accepted in either language, mapped to the row's fields. */
const headerAliases: Record<string, keyof ImportRow> = {
  name: 'name',
  姓名: 'name',
  email: 'email',
  邮箱: 'email',
  电子邮箱: 'email',
  role: 'role',
  角色: 'role',
  school_code: 'schoolCode',
  schoolcode: 'schoolCode',
  'school code': 'schoolCode',
  学校代码: 'schoolCode',
};
const roleAliases: Record<string, string> = { 教师: 'teacher', 辅导教师: 'assistant', 学校管理员: 'school_admin' };

export interface ImportLine {
  /** The line of the file, counting the header as line 1. */
  line: number;
  row: ImportRow;
}

/**
 * The file's good rows and every problem found in it so far, line by line (a bad field, an email that an
 * earlier line already has). A file without the four columns, or without any row, is refused at once.
 */
export function readImport(text: string): { rows: ImportLine[]; errors: ImportError[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
  const [header, ...body] = parsed.data;
  const columns = (header ?? []).map((h) => headerAliases[h.trim().toLowerCase()] ?? headerAliases[h.trim()]);
  const errors: ImportError[] = [];
  const missing = (['name', 'email', 'role', 'schoolCode'] as const).filter((f) => !columns.includes(f));
  if (missing.length) {
    throw new AppError('import_failed', 'The first line must name the columns: name, email, role, school_code', {
      errors: [
        { line: 1, field: missing[0], problem: 'missing_column', reason: `missing column ${missing.join(', ')}` },
      ],
    });
  }

  const rows: ImportLine[] = [];
  body.forEach((cells, i) => {
    const line = i + 2;
    if (cells.every((cell) => cell.trim() === '')) return;
    const raw: Record<string, string> = {};
    columns.forEach((col, j) => {
      if (col) raw[col] = (cells[j] ?? '').trim();
    });
    const role = raw.role && roleAliases[raw.role];
    if (role) raw.role = role;
    const result = importRow.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues)
        errors.push({ line, field: String(issue.path[0] ?? ''), problem: 'invalid', reason: issue.message });
    } else rows.push({ line, row: result.data });
  });
  if (!rows.length && !errors.length)
    throw new AppError('import_failed', 'The file has no rows', {
      errors: [{ line: 2, field: null, problem: 'no_rows', reason: 'no rows' }],
    });

  const seen = new Map<string, number>();
  for (const { line, row } of rows) {
    const first = seen.get(row.email);
    if (first)
      errors.push({
        line,
        field: 'email',
        problem: 'duplicate_email',
        sameAs: first,
        reason: `same email as line ${first}`,
      });
    else seen.set(row.email, line);
  }
  return { rows, errors };
}
