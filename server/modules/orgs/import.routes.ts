import { createRoute } from '@hono/zod-openapi';
import { and, eq, inArray } from 'drizzle-orm';
import Papa from 'papaparse';
import { z } from 'zod';
import { type ImportError, importError, importResult, importRow } from '../../../shared/schemas/orgs';
import { memberships, users } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { canManageOrg } from '../../lib/policy';
import { commonErrors, json, newRouter } from '../../lib/router';
import { requireActor } from '../auth/auth.middleware';
import { inviteMember } from './members.service';
import { schoolsByCode } from './orgs.queries';

const MAX_CSV_BYTES = 1024 * 1024;

/** Header names accepted in either language, mapped to the row's fields. */
const headerAliases: Record<string, keyof z.input<typeof importRow>> = {
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

export const importRoutes = newRouter().openapi(
  createRoute({
    method: 'post',
    path: '/members/import',
    tags: ['orgs'],
    summary: 'Import teachers from CSV (name, email, role, school code): all rows or none',
    description:
      'Body is the CSV text (`text/csv`). Every bad row is reported with its line and reason; nothing is imported unless all rows are good.',
    request: { body: { required: true, content: { 'text/csv': { schema: z.string() } } } },
    responses: {
      201: json(importResult),
      400: json(
        z.object({
          error: z.object({
            code: z.literal('import_failed'),
            message: z.string(),
            details: z.object({ errors: z.array(importError) }),
          }),
        }),
        'Bad rows, each with its line',
      ),
      401: commonErrors[401],
      403: commonErrors[403],
    },
  }),
  async (c) => {
    const actor = requireActor(c);
    const type = c.req.header('content-type') ?? '';
    if (!/^text\/(csv|plain)\b/i.test(type)) throw new AppError('unsupported_type', 'Send the file as text/csv');
    const text = await c.req.text();
    if (new TextEncoder().encode(text).length > MAX_CSV_BYTES)
      throw new AppError('payload_too_large', 'The file is larger than 1 MB');
    const { db } = c.get('deps').database;

    const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
    const [header, ...body] = parsed.data;
    const columns = (header ?? []).map((h) => headerAliases[h.trim().toLowerCase()] ?? headerAliases[h.trim()]);
    const errors: ImportError[] = [];
    const missing = (['name', 'email', 'role', 'schoolCode'] as const).filter((f) => !columns.includes(f));
    if (missing.length) {
      throw new AppError('import_failed', 'The first line must name the columns: name, email, role, school_code', {
        errors: [{ line: 1, field: missing[0]!, reason: `missing column ${missing.join(', ')}` }],
      });
    }

    const rows: { line: number; row: z.infer<typeof importRow> }[] = [];
    body.forEach((cells, i) => {
      const line = i + 2;
      if (cells.every((cell) => cell.trim() === '')) return;
      const raw: Record<string, string> = {};
      columns.forEach((col, j) => col && (raw[col] = (cells[j] ?? '').trim()));
      if (raw.role && roleAliases[raw.role]) raw.role = roleAliases[raw.role]!;
      const result = importRow.safeParse(raw);
      if (!result.success) {
        for (const issue of result.error.issues)
          errors.push({ line, field: String(issue.path[0] ?? ''), reason: issue.message });
      } else rows.push({ line, row: result.data });
    });
    if (!rows.length && !errors.length)
      throw new AppError('import_failed', 'The file has no rows', {
        errors: [{ line: 2, field: null, reason: 'no rows' }],
      });

    const seen = new Map<string, number>();
    for (const { line, row } of rows) {
      const first = seen.get(row.email);
      if (first) errors.push({ line, field: 'email', reason: `same email as line ${first}` });
      else seen.set(row.email, line);
    }
    const schools = new Map(
      (await schoolsByCode(db, [...new Set(rows.map((r) => r.row.schoolCode))])).map((s) => [s.code!, s]),
    );
    for (const { line, row } of rows) {
      const school = schools.get(row.schoolCode);
      // A school outside the importer's administration reads as unknown, like any record out of reach.
      if (!school || !canManageOrg(actor, school))
        errors.push({ line, field: 'schoolCode', reason: `no school with code ${row.schoolCode} that you administer` });
    }
    const emails = rows.map((r) => r.row.email);
    if (emails.length) {
      const existing = await db
        .select({ email: users.email, orgId: memberships.orgId, role: memberships.role })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(inArray(users.email, emails)));
      for (const { line, row } of rows) {
        const school = schools.get(row.schoolCode);
        if (school && existing.some((e) => e.email === row.email && e.orgId === school.id && e.role === row.role)) {
          errors.push({ line, field: 'email', reason: `${row.email} is already a ${row.role} at ${school.name}` });
        }
      }
    }
    if (errors.length) {
      errors.sort((a, b) => a.line - b.line);
      throw new AppError('import_failed', `${errors.length} problem(s) found; nothing was imported`, { errors });
    }

    const imported = await db.transaction(async (tx) => {
      const out = [];
      for (const { row } of rows) {
        const school = schools.get(row.schoolCode)!;
        out.push(await inviteMember(tx, c, { ...row, org: school, classroomIds: new Set<string>() }));
      }
      return out;
    });
    return c.json({ imported }, 201);
  },
);
