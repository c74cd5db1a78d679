// The CSV import of teachers: every row, or none. All problems are collected first (the file's own, then what
// the database says: unknown schools, roles already held), reported together by line; only a file without a
// single problem is imported, in one transaction.
import type { Invitation } from '../../../shared/schemas/orgs';
import type { RequestMeta } from '../../lib/context';
import type { Db } from '../../lib/db';
import { AppError } from '../../lib/errors';
import { type Actor, canManageOrg } from '../../lib/policy';
import { type ImportLine, readImport } from './import.rules';
import { inviteMember } from './invitations.service';
import { membershipsByEmail } from './members.queries';
import { type SchoolByCode, schoolsByCode } from './orgs.queries';

export interface ImportMembersParams {
  /** The CSV file's text. */
  text: string;
}

export async function importMembers(
  db: Db,
  actor: Actor,
  params: ImportMembersParams,
  meta: RequestMeta,
): Promise<Invitation[]> {
  const { rows, errors } = readImport(params.text);
  const schools = await schoolsByCode(db, [...new Set(rows.map((r) => r.row.schoolCode))]);
  const ready: (ImportLine & { school: SchoolByCode })[] = [];
  for (const { line, row } of rows) {
    const school = schools.get(row.schoolCode);
    // A school outside the importer's administration reads as unknown, like any record out of reach.
    if (!school || !canManageOrg(actor, school))
      errors.push({
        line,
        field: 'schoolCode',
        problem: 'unknown_school',
        reason: `no school with code ${row.schoolCode} that you administer`,
      });
    else ready.push({ line, row, school });
  }
  const emails = rows.map((r) => r.row.email);
  if (emails.length) {
    const existing = await membershipsByEmail(db, emails);
    // Only schools the importer administers: a role held at any other school is not theirs to learn of.
    for (const { line, row, school } of ready) {
      if (existing.some((e) => e.email === row.email && e.orgId === school.id && e.role === row.role)) {
        errors.push({
          line,
          field: 'email',
          problem: 'already_member',
          reason: `${row.email} is already a ${row.role} at ${school.name}`,
        });
      }
    }
  }
  if (errors.length) {
    errors.sort((a, b) => a.line - b.line);
    throw new AppError('import_failed', `${errors.length} problem(s) found; nothing was imported`, { errors });
  }

  return db.transaction(async (tx) => {
    const out: Invitation[] = [];
    for (const { row, school } of ready) {
      out.push(await inviteMember(tx, actor, { ...row, org: school, classroomIds: new Set<string>() }, meta));
    }
    return out;
  });
}
