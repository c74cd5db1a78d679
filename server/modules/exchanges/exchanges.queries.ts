// Reading exchanges: programmes and postings for those in reach of the group or district that runs them,
// applications for the people they concern (the teacher, who submitted it, the home and host schools' admins, the
// programme's leaders), and the shapes the API answers with. Out of reach reads exactly like not existing (404).
import { type AnyColumn, and, asc, desc, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  type ApplicationStatus,
  type ApprovalStep,
  type OrgKind,
  pendingApplicationStatuses,
} from '../../../shared/enums';
import type { Application, ApplicationAction, Posting, Programme } from '../../../shared/schemas/exchanges';
import { iso } from '../../../shared/time';
import {
  exchangeApplications,
  exchangeApprovals,
  exchangePlacements,
  exchangePostings,
  exchangeProgrammes,
  memberships,
  orgs,
  users,
} from '../../db/schema';
import { decodeCount, encodeCursor } from '../../lib/cursor';
import type { Queryable } from '../../lib/db';
import { notFound } from '../../lib/errors';
import { type Actor, adminOf, reach } from '../../lib/policy';
import { anyOf } from '../../lib/scope-sql';
import { type ActorPart, actionsFor, stepsFor } from './exchanges.rules';

const owner = alias(orgs, 'owner');
const host = alias(orgs, 'host');

/** A name read by id in the select list: a lookup that, unlike a join, adds nothing to the planner's join search. */
const nameOf = (table: typeof orgs | typeof users, id: AnyColumn) =>
  sql<string>`(SELECT n.name FROM ${table} n WHERE n.id = ${id})`;

/** The groups and districts whose programmes the caller sees: those their schools belong to, or they lead. */
function programmeOrgs(actor: Actor): string[] {
  const r = reach(actor);
  return [...r.groupIds, ...r.districtIds];
}

/** Whether the caller runs programmes of `orgId` (its group or district admins). */
export function leadsProgrammeOrg(actor: Actor, orgId: string): boolean {
  const a = adminOf(actor);
  return a.groupIds.includes(orgId) || a.districtIds.includes(orgId);
}

// ---- programmes ----

function selectProgrammes(db: Queryable) {
  return db
    .select({
      p: exchangeProgrammes,
      orgName: owner.name,
      orgKind: owner.kind,
      postings: sql<number>`(SELECT count(*)::int FROM ${exchangePostings}
        WHERE ${exchangePostings.programmeId} = ${exchangeProgrammes.id})`,
      placed: sql<number>`(SELECT coalesce(sum(${exchangePostings.filled}), 0)::int FROM ${exchangePostings}
        WHERE ${exchangePostings.programmeId} = ${exchangeProgrammes.id})`,
    })
    .from(exchangeProgrammes)
    .innerJoin(owner, eq(owner.id, exchangeProgrammes.orgId));
}

type ProgrammeSelected = Awaited<ReturnType<typeof selectProgrammes>>[number];
export type ProgrammeRow = ProgrammeSelected['p'] & { orgName: string; orgKind: OrgKind };

export function programmeOut(x: ProgrammeSelected, actor: Actor): Programme {
  const { createdBy: _by, createdAt: _c, updatedAt: _u, ...p } = x.p;
  return { ...p, orgName: x.orgName, postings: x.postings, placed: x.placed, mine: leadsProgrammeOrg(actor, p.orgId) };
}

/** A programme the caller sees, or 404. */
export async function getVisibleProgramme(db: Queryable, actor: Actor, id: string): Promise<ProgrammeSelected> {
  const orgIds = programmeOrgs(actor);
  if (!orgIds.length) throw notFound('programme');
  const [row] = await selectProgrammes(db).where(
    and(eq(exchangeProgrammes.id, id), inArray(exchangeProgrammes.orgId, orgIds)),
  );
  if (!row) throw notFound('programme');
  return row;
}

export async function listProgrammes(db: Queryable, actor: Actor, cursor: string | undefined, limit = 50) {
  const orgIds = programmeOrgs(actor);
  const offset = cursor ? decodeCount(cursor) : 0;
  if (!orgIds.length) return { items: [], nextCursor: null };
  const rows = await selectProgrammes(db)
    .where(inArray(exchangeProgrammes.orgId, orgIds))
    .orderBy(desc(exchangeProgrammes.startsOn), asc(exchangeProgrammes.name), asc(exchangeProgrammes.id))
    .limit(limit + 1)
    .offset(offset);
  return {
    items: rows.slice(0, limit).map((x) => programmeOut(x, actor)),
    nextCursor: rows.length > limit ? encodeCursor(String(offset + limit)) : null,
  };
}

// ---- postings ----

function selectPostings(db: Queryable, actor: Actor) {
  return db
    .select({
      ps: exchangePostings,
      programmeName: exchangeProgrammes.name,
      programmeOrgId: exchangeProgrammes.orgId,
      programmeOpen: sql<boolean>`${exchangeProgrammes.status} = 'open'`,
      kind: exchangeProgrammes.kind,
      minYearsAtSchool: exchangeProgrammes.minYearsAtSchool,
      retirementMarginYears: exchangeProgrammes.retirementMarginYears,
      schoolName: host.name,
      rural: host.rural,
      supported: host.supported,
      myApplicationId: exchangeApplications.id,
      myApplicationStatus: exchangeApplications.status,
    })
    .from(exchangePostings)
    .innerJoin(exchangeProgrammes, eq(exchangeProgrammes.id, exchangePostings.programmeId))
    .innerJoin(host, eq(host.id, exchangePostings.schoolId))
    .leftJoin(
      exchangeApplications,
      and(
        eq(exchangeApplications.postingId, exchangePostings.id),
        eq(exchangeApplications.teacherId, actor.user.id),
        inArray(exchangeApplications.status, [...pendingApplicationStatuses, 'placed']),
      ),
    );
}

export type PostingRow = Awaited<ReturnType<typeof selectPostings>>[number];

/** Takes applications: not closed, its programme open, a place left. */
export const postingOpen = (x: PostingRow) => x.programmeOpen && !x.ps.closedAt && x.ps.filled < x.ps.places;

export function postingOut(x: PostingRow): Posting {
  const { ps } = x;
  return {
    id: ps.id,
    programmeId: ps.programmeId,
    programmeName: x.programmeName,
    kind: x.kind,
    school: { id: ps.schoolId, name: x.schoolName, rural: x.rural, supported: x.supported },
    subject: ps.subject,
    gradeFrom: ps.gradeFrom,
    gradeTo: ps.gradeTo,
    places: ps.places,
    filled: ps.filled,
    open: postingOpen(x),
    startsOn: ps.startsOn,
    months: ps.months,
    duties: ps.duties,
    requirements: ps.requirements,
    createdAt: iso(ps.createdAt),
    myApplication:
      x.myApplicationId && x.myApplicationStatus ? { id: x.myApplicationId, status: x.myApplicationStatus } : null,
  };
}

export async function getVisiblePosting(db: Queryable, actor: Actor, id: string): Promise<PostingRow> {
  const orgIds = programmeOrgs(actor);
  if (!orgIds.length) throw notFound('posting');
  const [row] = await selectPostings(db, actor).where(
    and(eq(exchangePostings.id, id), inArray(exchangeProgrammes.orgId, orgIds)),
  );
  if (!row) throw notFound('posting');
  return row;
}

export interface PostingFilters {
  programmeId?: string;
  kind?: Programme['kind'];
  subject?: Posting['subject'];
  schoolId?: string;
  open?: boolean;
  cursor?: string;
  limit?: number;
}

/** Postings in reach: rural and supported schools first (clause 7: resources lean towards them), then by start. */
export async function listPostings(db: Queryable, actor: Actor, f: PostingFilters) {
  const orgIds = programmeOrgs(actor);
  const limit = f.limit ?? 50;
  const offset = f.cursor ? decodeCount(f.cursor) : 0;
  if (!orgIds.length) return { items: [], nextCursor: null };
  const openNow = sql`(${exchangeProgrammes.status} = 'open' AND ${exchangePostings.closedAt} IS NULL
    AND ${exchangePostings.filled} < ${exchangePostings.places})`;
  const rows = await selectPostings(db, actor)
    .where(
      and(
        inArray(exchangeProgrammes.orgId, orgIds),
        f.programmeId ? eq(exchangePostings.programmeId, f.programmeId) : undefined,
        f.kind ? eq(exchangeProgrammes.kind, f.kind) : undefined,
        f.subject ? eq(exchangePostings.subject, f.subject) : undefined,
        f.schoolId ? eq(exchangePostings.schoolId, f.schoolId) : undefined,
        f.open === true ? openNow : f.open === false ? sql`NOT ${openNow}` : undefined,
      ),
    )
    .orderBy(
      desc(sql`(${host.rural} OR ${host.supported})`),
      asc(exchangePostings.startsOn),
      sql`${host.name} COLLATE "C"`,
      asc(exchangePostings.id),
    )
    .limit(limit + 1)
    .offset(offset);
  return {
    items: rows.slice(0, limit).map(postingOut),
    nextCursor: rows.length > limit ? encodeCursor(String(offset + limit)) : null,
  };
}

// ---- the teacher as eligibility sees them ----

export interface TeacherFacts {
  schoolId: string | null;
  teaches: boolean;
  since: string | null;
  retiresOn: string | null;
  name: string;
}

/**
 * The teacher's school within the programme's group or district (a teacher's membership first), since when they
 * teach there, and when they retire.
 */
export async function teacherFacts(db: Queryable, userId: string, programmeOrgId: string): Promise<TeacherFacts> {
  const rows = await db
    .select({
      schoolId: memberships.orgId,
      role: memberships.role,
      since: memberships.since,
      retiresOn: users.retiresOn,
      name: users.name,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .where(
      and(
        eq(memberships.userId, userId),
        eq(orgs.kind, 'school'),
        or(eq(orgs.groupId, programmeOrgId), eq(orgs.districtId, programmeOrgId)),
      ),
    )
    .orderBy(sql`${memberships.role} = 'teacher' DESC`, asc(memberships.since));
  const [m] = rows;
  if (!m) {
    const [u] = await db
      .select({ name: users.name, retiresOn: users.retiresOn })
      .from(users)
      .where(eq(users.id, userId));
    return { schoolId: null, teaches: false, since: null, retiresOn: u?.retiresOn ?? null, name: u?.name ?? '' };
  }
  return { schoolId: m.schoolId, teaches: m.role === 'teacher', since: m.since, retiresOn: m.retiresOn, name: m.name };
}

export async function activePlacementsOf(db: Queryable, userId: string) {
  return db
    .select({ startsOn: exchangePlacements.startsOn, endsOn: exchangePlacements.endsOn })
    .from(exchangePlacements)
    .where(and(eq(exchangePlacements.teacherId, userId), eq(exchangePlacements.status, 'active')));
}

export async function hasPendingApplication(db: Queryable, userId: string, postingId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: exchangeApplications.id })
    .from(exchangeApplications)
    .where(
      and(
        eq(exchangeApplications.postingId, postingId),
        eq(exchangeApplications.teacherId, userId),
        inArray(exchangeApplications.status, [...pendingApplicationStatuses]),
      ),
    );
  return !!row;
}

// ---- applications ----

function selectApplications(db: Queryable) {
  return db
    .select({
      a: exchangeApplications,
      ps: exchangePostings,
      programmeName: exchangeProgrammes.name,
      programmeOrgId: exchangeProgrammes.orgId,
      kind: exchangeProgrammes.kind,
      required: exchangeProgrammes.approvalSteps,
      hostName: host.name,
      rural: host.rural,
      supported: host.supported,
      homeName: nameOf(orgs, exchangeApplications.homeSchoolId),
      teacherName: nameOf(users, exchangeApplications.teacherId),
      submitterName: nameOf(users, exchangeApplications.submittedBy),
      placement: {
        id: exchangePlacements.id,
        startsOn: exchangePlacements.startsOn,
        endsOn: exchangePlacements.endsOn,
        status: exchangePlacements.status,
      },
    })
    .from(exchangeApplications)
    .innerJoin(exchangePostings, eq(exchangePostings.id, exchangeApplications.postingId))
    .innerJoin(exchangeProgrammes, eq(exchangeProgrammes.id, exchangePostings.programmeId))
    .innerJoin(host, eq(host.id, exchangePostings.schoolId))
    .leftJoin(exchangePlacements, eq(exchangePlacements.applicationId, exchangeApplications.id));
}

export type ApplicationRow = Awaited<ReturnType<typeof selectApplications>>[number];

/** The applications a person may read, as SQL: their own, those they submitted, their schools', their programmes'. */
function readableWhere(actor: Actor): SQL {
  const a = adminOf(actor);
  const leads = [...a.groupIds, ...a.districtIds];
  return anyOf([
    eq(exchangeApplications.teacherId, actor.user.id),
    eq(exchangeApplications.submittedBy, actor.user.id),
    a.schoolIds.length ? inArray(exchangeApplications.homeSchoolId, a.schoolIds) : undefined,
    a.schoolIds.length ? inArray(exchangePostings.schoolId, a.schoolIds) : undefined,
    leads.length ? inArray(exchangeProgrammes.orgId, leads) : undefined,
  ]);
}

/** The approval steps the caller stands for on an application, and whether it is theirs. */
export function partIn(actor: Actor, x: Pick<ApplicationRow, 'a' | 'ps' | 'programmeOrgId'>): ActorPart {
  const a = adminOf(actor);
  const steps: ApprovalStep[] = [];
  if (a.schoolIds.includes(x.a.homeSchoolId)) steps.push('home');
  if (a.schoolIds.includes(x.ps.schoolId)) steps.push('host');
  if (leadsProgrammeOrg(actor, x.programmeOrgId)) steps.push('group');
  return { steps, isTeacher: x.a.teacherId === actor.user.id, isSubmitter: x.a.submittedBy === actor.user.id };
}

export interface ApprovalRow {
  applicationId: string;
  step: ApprovalStep;
  byId: string;
  byName: string;
  at: Date;
}

export async function approvalsOf(db: Queryable, applicationIds: string[]): Promise<ApprovalRow[]> {
  if (!applicationIds.length) return [];
  return db
    .select({
      applicationId: exchangeApprovals.applicationId,
      step: exchangeApprovals.step,
      byId: users.id,
      byName: users.name,
      at: exchangeApprovals.approvedAt,
    })
    .from(exchangeApprovals)
    .innerJoin(users, eq(users.id, exchangeApprovals.approvedBy))
    .where(inArray(exchangeApprovals.applicationId, applicationIds));
}

export function applicationOut(x: ApplicationRow, approvals: ApprovalRow[], actor: Actor): Application {
  const mine = approvals.filter((r) => r.applicationId === x.a.id);
  const part = partIn(actor, x);
  const steps = stepsFor(
    part,
    x.required,
    mine.map((r) => r.step),
  );
  const myActions: ApplicationAction[] = actionsFor(part, x.a.status, steps);
  const readsDeferral = part.steps.length > 0 || part.isTeacher;
  return {
    id: x.a.id,
    status: x.a.status,
    posting: {
      id: x.ps.id,
      programmeId: x.ps.programmeId,
      programmeName: x.programmeName,
      kind: x.kind,
      school: { id: x.ps.schoolId, name: x.hostName, rural: x.rural, supported: x.supported },
      subject: x.ps.subject,
      gradeFrom: x.ps.gradeFrom,
      gradeTo: x.ps.gradeTo,
      startsOn: x.ps.startsOn,
      months: x.ps.months,
    },
    teacher: { id: x.a.teacherId, name: x.teacherName },
    homeSchool: { id: x.a.homeSchoolId, name: x.homeName },
    submittedBy: { id: x.a.submittedBy, name: x.submitterName },
    nominated: x.a.submittedBy !== x.a.teacherId,
    statement: x.a.statement,
    approvals: x.required.map((step) => {
      const r = mine.find((m) => m.step === step);
      return { step, by: r ? { id: r.byId, name: r.byName } : null, at: r ? iso(r.at) : null };
    }),
    declineReason: x.a.declineReason,
    deferralReason: readsDeferral ? x.a.deferralReason : null,
    createdAt: iso(x.a.createdAt),
    updatedAt: iso(x.a.updatedAt),
    myActions,
    mySteps: steps,
    placement: x.placement?.id
      ? { id: x.placement.id, startsOn: x.placement.startsOn, endsOn: x.placement.endsOn, status: x.placement.status }
      : null,
  };
}

/** An application the caller may read, or 404 (another's application reads like none at all). */
export async function getReadableApplication(db: Queryable, actor: Actor, id: string): Promise<ApplicationRow> {
  const [row] = await selectApplications(db).where(and(eq(exchangeApplications.id, id), readableWhere(actor)));
  if (!row) throw notFound('application');
  return row;
}

export async function readApplication(db: Queryable, actor: Actor, id: string): Promise<Application> {
  const row = await getReadableApplication(db, actor, id);
  return applicationOut(row, await approvalsOf(db, [id]), actor);
}

export interface ApplicationFilters {
  scope: 'mine' | 'to_approve' | 'all';
  programmeId?: string;
  status?: ApplicationStatus;
  cursor?: string;
  limit?: number;
}

/** Waiting for a step the caller approves (never their own application or nomination). */
function waitingForWhere(actor: Actor): SQL {
  const a = adminOf(actor);
  const leads = [...a.groupIds, ...a.districtIds];
  const open = (step: ApprovalStep) =>
    and(
      sql`${step}::approval_step = ANY(${exchangeProgrammes.approvalSteps})`,
      sql`NOT EXISTS (SELECT 1 FROM ${exchangeApprovals}
        WHERE ${exchangeApprovals.applicationId} = ${exchangeApplications.id}
          AND ${exchangeApprovals.step} = ${step}::approval_step)`,
    );
  return and(
    inArray(exchangeApplications.status, [...pendingApplicationStatuses]),
    ne(exchangeApplications.teacherId, actor.user.id),
    ne(exchangeApplications.submittedBy, actor.user.id),
    anyOf([
      a.schoolIds.length ? and(inArray(exchangeApplications.homeSchoolId, a.schoolIds), open('home')) : undefined,
      a.schoolIds.length ? and(inArray(exchangePostings.schoolId, a.schoolIds), open('host')) : undefined,
      leads.length ? and(inArray(exchangeProgrammes.orgId, leads), open('group')) : undefined,
    ]),
  ) as SQL;
}

export async function listApplications(db: Queryable, actor: Actor, f: ApplicationFilters) {
  const limit = f.limit ?? 50;
  const offset = f.cursor ? decodeCount(f.cursor) : 0;
  const which =
    f.scope === 'mine'
      ? or(eq(exchangeApplications.teacherId, actor.user.id), eq(exchangeApplications.submittedBy, actor.user.id))
      : f.scope === 'to_approve'
        ? waitingForWhere(actor)
        : readableWhere(actor);
  const rows = await selectApplications(db)
    .where(
      and(
        which,
        f.programmeId ? eq(exchangePostings.programmeId, f.programmeId) : undefined,
        f.status ? eq(exchangeApplications.status, f.status) : undefined,
      ),
    )
    .orderBy(
      f.scope === 'to_approve' ? asc(exchangeApplications.createdAt) : desc(exchangeApplications.updatedAt),
      asc(exchangeApplications.id),
    )
    .limit(limit + 1)
    .offset(offset);
  const page = rows.slice(0, limit);
  const approvals = await approvalsOf(
    db,
    page.map((x) => x.a.id),
  );
  return {
    items: page.map((x) => applicationOut(x, approvals, actor)),
    nextCursor: rows.length > limit ? encodeCursor(String(offset + limit)) : null,
  };
}

/** The people who approve `step` of an application: to tell them it waits for them. */
export async function approverIdsFor(
  db: Queryable,
  step: ApprovalStep,
  x: { homeSchoolId: string; hostSchoolId: string; programmeOrgId: string },
): Promise<string[]> {
  const orgId = step === 'home' ? x.homeSchoolId : step === 'host' ? x.hostSchoolId : x.programmeOrgId;
  const rows = await db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.orgId, orgId),
        inArray(memberships.role, step === 'group' ? ['group_admin', 'district_admin'] : ['school_admin']),
      ),
    );
  return rows.map((r) => r.id);
}
