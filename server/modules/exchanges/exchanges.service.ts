// Writing exchanges: programmes, postings, applications and nominations, and the decisions that place a teacher.
// Each change is one transaction with its audit event and notices. The database keeps the guarantees: a posting's
// `filled` moves under its row lock and its check keeps it within `places`; a teacher's active placements never
// overlap (exclusion constraint). The application's row is locked first, so approvals of its steps that arrive
// together see each other and exactly one of them places the teacher.
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { type ApprovalStep, pendingApplicationStatuses } from '../../../shared/enums';
import { englishOfRule } from '../../../shared/exchanges';
import { problemDetails } from '../../../shared/problems';
import type {
  Application,
  ApplicationAction,
  ApplyInput,
  CreatePostingInput,
  CreateProgrammeInput,
  Eligibility,
  Posting,
  Programme,
} from '../../../shared/schemas/exchanges';
import {
  exchangeApplications,
  exchangeApprovals,
  exchangePlacements,
  exchangePostings,
  exchangeProgrammes,
  orgs,
} from '../../db/schema';
import { audit } from '../../lib/audit';
import type { RequestMeta } from '../../lib/context';
import type { Db, Queryable } from '../../lib/db';
import { AppError, forbidden, notFound, sqlConstraint, sqlState } from '../../lib/errors';
import { type Actor, adminOf, canSeeOrg } from '../../lib/policy';
import { notify } from '../notifications/notifications.service';
import {
  activePlacementsOf,
  approvalsOf,
  approverIdsFor,
  getReadableApplication,
  getVisiblePosting,
  getVisibleProgramme,
  hasPendingApplication,
  leadsProgrammeOrg,
  type PostingRow,
  partIn,
  postingOut,
  programmeOut,
  readApplication,
  type TeacherFacts,
  teacherFacts,
} from './exchanges.queries';
import {
  actionsFor,
  addMonths,
  allApproved,
  allowedFrom,
  eligibilityOf,
  nextStatus,
  stepsFor,
} from './exchanges.rules';

/** A group or district admin sets up a programme of their organisation. */
export async function createProgramme(
  db: Db,
  actor: Actor,
  input: CreateProgrammeInput,
  meta: RequestMeta,
): Promise<Programme> {
  return db.transaction(async (tx) => {
    const [org] = await tx.select().from(orgs).where(eq(orgs.id, input.orgId));
    if (!org || org.kind === 'school' || !canSeeOrg(actor, org)) throw notFound('group or district');
    if (!leadsProgrammeOrg(actor, org.id)) throw forbidden('Only the group’s or district’s leaders set up programmes');
    const [row] = await tx
      .insert(exchangeProgrammes)
      .values({ ...input, createdBy: actor.user.id })
      .returning({ id: exchangeProgrammes.id });
    if (!row) throw new Error('a programme insert returned no row');
    await audit(tx, actor, meta, {
      action: 'exchange.programme.create',
      entityType: 'exchange_programme',
      entityId: row.id,
      orgId: org.id,
      after: { name: input.name, kind: input.kind, schoolYear: input.schoolYear },
    });
    return programmeOut(await getVisibleProgramme(tx, actor, row.id), actor);
  });
}

/** A receiving school's admins post an opening, or the programme's leaders post it for one of its schools. */
export async function createPosting(
  db: Db,
  actor: Actor,
  input: CreatePostingInput,
  meta: RequestMeta,
): Promise<Posting> {
  return db.transaction(async (tx) => {
    const { p } = await getVisibleProgramme(tx, actor, input.programmeId);
    const [school] = await tx.select().from(orgs).where(eq(orgs.id, input.schoolId));
    const inProgramme = school?.kind === 'school' && (school.groupId === p.orgId || school.districtId === p.orgId);
    if (!school || !inProgramme)
      throw new AppError(
        'validation_failed',
        'The school is not one of the programme’s',
        problemDetails([{ field: 'schoolId', code: 'invalid' }]),
      );
    if (!adminOf(actor).schoolIds.includes(school.id) && !leadsProgrammeOrg(actor, p.orgId))
      throw forbidden('Only the school’s admins or the programme’s leaders post openings');
    if (p.status !== 'open') throw new AppError('invalid_state', 'The programme is closed');
    if (input.months < p.minMonths || input.months > p.maxMonths)
      throw new AppError(
        'validation_failed',
        `A placement in this programme lasts ${p.minMonths}–${p.maxMonths} months`,
        problemDetails([
          input.months < p.minMonths
            ? { field: 'months', code: 'too_small', min: p.minMonths }
            : { field: 'months', code: 'too_large', max: p.maxMonths },
        ]),
      );
    if (input.startsOn < p.startsOn || input.startsOn >= p.endsOn)
      throw new AppError(
        'validation_failed',
        `The post starts within the programme (${p.startsOn} – ${p.endsOn})`,
        problemDetails([{ field: 'startsOn', code: 'invalid' }]),
      );
    const [row] = await tx
      .insert(exchangePostings)
      .values({ ...input, createdBy: actor.user.id })
      .returning({ id: exchangePostings.id });
    if (!row) throw new Error('a posting insert returned no row');
    await audit(tx, actor, meta, {
      action: 'exchange.posting.create',
      entityType: 'exchange_posting',
      entityId: row.id,
      orgId: school.id,
      after: { subject: input.subject, places: input.places, startsOn: input.startsOn, months: input.months },
    });
    return postingOut(await getVisiblePosting(tx, actor, row.id));
  });
}

/** Whether `teacherId` may apply to the posting, with every rule they fail (the posting as the caller sees it). */
export async function eligibilityFor(
  db: Queryable,
  posting: PostingRow,
  teacherId: string,
  known?: TeacherFacts,
): Promise<Eligibility> {
  const facts = known ?? (await teacherFacts(db, teacherId, posting.programmeOrgId));
  const failures = eligibilityOf({
    programme: {
      open: posting.programmeOpen,
      minYearsAtSchool: posting.minYearsAtSchool,
      retirementMarginYears: posting.retirementMarginYears,
    },
    posting: {
      schoolId: posting.ps.schoolId,
      startsOn: posting.ps.startsOn,
      months: posting.ps.months,
      open: !posting.ps.closedAt,
    },
    teacher: facts,
    placements: await activePlacementsOf(db, teacherId),
    pendingHere: await hasPendingApplication(db, teacherId, posting.ps.id),
  });
  return { eligible: !failures.length, rules: failures.map((f) => ({ ...f, message: englishOfRule(f) })) };
}

const postingFull = () => new AppError('posting_full', 'Every place of this posting is taken');

/**
 * A teacher applies, or their home school's admin nominates them. Every failed eligibility rule is named (400
 * not_eligible, details.rules); a full posting is a 409. The approvers of each step hear that it waits for them.
 */
export async function apply(db: Db, actor: Actor, input: ApplyInput, meta: RequestMeta): Promise<Application> {
  return db.transaction(async (tx) => {
    const posting = await getVisiblePosting(tx, actor, input.postingId);
    const teacherId = input.teacherId ?? actor.user.id;
    const facts = await teacherFacts(tx, teacherId, posting.programmeOrgId);
    const nominated = teacherId !== actor.user.id;
    // A nomination names a teacher of the nominator's own school; anyone else reads as no such teacher.
    if (nominated && (!facts.schoolId || !adminOf(actor).schoolIds.includes(facts.schoolId)))
      throw notFound('teacher at your school');
    const check = await eligibilityFor(tx, posting, teacherId, facts);
    if (!check.eligible)
      throw new AppError('not_eligible', `Not eligible: ${check.rules.map((r) => r.message).join('; ')}`, {
        rules: check.rules,
      });
    if (posting.ps.filled >= posting.ps.places) throw postingFull();
    const schoolId = facts.schoolId as string; // eligible: the teacher teaches at a school of the programme
    let id: string;
    try {
      const [row] = await tx
        .insert(exchangeApplications)
        .values({
          postingId: posting.ps.id,
          teacherId,
          homeSchoolId: schoolId,
          submittedBy: actor.user.id,
          statement: input.statement ?? '',
        })
        .returning({ id: exchangeApplications.id });
      if (!row) throw new Error('an application insert returned no row');
      id = row.id;
    } catch (err) {
      if (sqlState(err) === '23505' && sqlConstraint(err) === 'exchange_applications_pending_key')
        throw alreadyApplied();
      throw err;
    }
    await audit(tx, actor, meta, {
      action: nominated ? 'exchange.application.nominate' : 'exchange.application.submit',
      entityType: 'exchange_application',
      entityId: id,
      orgId: schoolId,
      after: { postingId: posting.ps.id, teacherId },
    });
    const where = { homeSchoolId: schoolId, hostSchoolId: posting.ps.schoolId, programmeOrgId: posting.programmeOrgId };
    const approvers = new Set<string>();
    for (const step of await requiredSteps(tx, posting.ps.programmeId))
      for (const u of await approverIdsFor(tx, step, where)) approvers.add(u);
    approvers.delete(actor.user.id);
    approvers.delete(teacherId);
    const data = { teacher: facts.name, school: posting.schoolName, applicationId: id };
    await notify(tx, [...approvers], 'exchange.application', data);
    if (nominated) await notify(tx, [teacherId], 'exchange.nominated', { ...data, by: actor.user.name });
    return readApplication(tx, actor, id);
  });
}

const alreadyApplied = () =>
  new AppError('not_eligible', 'An application to this posting is already waiting', {
    rules: [{ rule: 'already_applied', message: englishOfRule({ rule: 'already_applied' }) }],
  });

async function requiredSteps(db: Queryable, programmeId: string): Promise<ApprovalStep[]> {
  const [p] = await db
    .select({ steps: exchangeProgrammes.approvalSteps })
    .from(exchangeProgrammes)
    .where(eq(exchangeProgrammes.id, programmeId));
  return p?.steps ?? [];
}

export interface DecideParams {
  applicationId: string;
  action: ApplicationAction;
  /** For approve: the one step to approve (default: every step the caller approves that still waits). */
  step?: ApprovalStep;
  /** Required for decline and defer. */
  reason?: string;
}

/**
 * One decision on an application, under its row's lock. The approval that completes every step places the teacher:
 * the posting's `filled` moves only while a place is left (else 409 posting_full and nothing of the approval stays),
 * the placement is inserted (its exclusion constraint refuses an overlapping one), and the teacher's other pending
 * applications are withdrawn — all in this transaction.
 */
export async function decide(db: Db, actor: Actor, params: DecideParams, meta: RequestMeta): Promise<Application> {
  const { applicationId, action } = params;
  return db.transaction(async (tx) => {
    const row = await getReadableApplication(tx, actor, applicationId);
    // The teacher's applications locked, always in the same order: decisions on this one that arrive together are
    // taken one after the other, and so are the last approvals of two of the teacher's applications — each placing
    // would withdraw the other, and two requests locking the two rows in opposite orders would deadlock.
    const mine = await tx
      .select({ id: exchangeApplications.id, status: exchangeApplications.status })
      .from(exchangeApplications)
      .where(eq(exchangeApplications.teacherId, row.a.teacherId))
      .orderBy(exchangeApplications.id)
      .for('update');
    const status = mine.find((a) => a.id === applicationId)?.status ?? row.a.status;
    const part = partIn(actor, row);
    const approved = (await approvalsOf(tx, [applicationId])).map((r) => r.step);
    const open = stepsFor(part, row.required, approved);
    gate(part, action, params.step, open);
    if (!actionsFor(part, status, open).includes(action) || !allowedFrom[action].includes(status))
      throw new AppError('invalid_state', `This application is ${status}; it cannot be ${action}d now`, { status });

    const now = new Date();
    let complete = false;
    if (action === 'approve') {
      const steps = params.step ? [params.step] : open;
      await tx
        .insert(exchangeApprovals)
        .values(steps.map((step) => ({ applicationId, step, approvedBy: actor.user.id, approvedAt: now })));
      complete = allApproved(row.required, [...approved, ...steps]);
    }
    const next = nextStatus(action, complete);
    const reasons =
      action === 'decline'
        ? { declineReason: params.reason ?? null }
        : action === 'defer'
          ? { deferralReason: params.reason ?? null }
          : {};
    const decided = ['decline', 'defer', 'withdraw'].includes(action) || complete;
    await tx
      .update(exchangeApplications)
      .set({
        status: next,
        updatedAt: now,
        ...reasons,
        ...(decided ? { decidedBy: actor.user.id, decidedAt: now } : {}),
      })
      .where(
        and(eq(exchangeApplications.id, applicationId), inArray(exchangeApplications.status, [...allowedFrom[action]])),
      );
    if (complete) await place(tx, row, actor, meta);
    await audit(tx, actor, meta, {
      action: `exchange.application.${action}`,
      entityType: 'exchange_application',
      entityId: applicationId,
      orgId: row.a.homeSchoolId,
      before: { status },
      // The teacher named, so the activity log says whose application it was.
      after: { teacherId: row.a.teacherId, status: next, step: params.step ?? null, reason: params.reason ?? null },
    });
    const data = { school: row.hostName, teacher: row.teacherName, applicationId, reason: params.reason ?? null };
    const told = [row.a.teacherId, row.a.submittedBy].filter((u) => u !== actor.user.id);
    if (next === 'placed' || next === 'declined' || next === 'deferred')
      await notify(tx, told, `exchange.${next}`, { ...data, by: actor.user.name });
    return readApplication(tx, actor, applicationId);
  });
}

/** 403 when the action is not the caller's to take (the state is checked after, as 409). */
function gate(
  part: ReturnType<typeof partIn>,
  action: ApplicationAction,
  step: ApprovalStep | undefined,
  open: ApprovalStep[],
) {
  if (action === 'withdraw') {
    if (!part.isTeacher && !part.isSubmitter) throw forbidden('Only the teacher or who nominated them withdraws');
    return;
  }
  if (part.isTeacher || part.isSubmitter) throw forbidden('No one decides on their own application or nomination');
  if (!part.steps.length) throw forbidden('Only the approvers decide on an application');
  if (action !== 'approve') return;
  if (step && !part.steps.includes(step)) throw forbidden(`You do not approve the ${step} step`);
  if (step ? !open.includes(step) : !open.length)
    throw new AppError('invalid_state', 'Your approval is given already (or not asked for by this programme)');
}

/** Places the teacher: a place taken while one is left, the placement, their other pending applications withdrawn. */
async function place(
  tx: Queryable,
  row: Awaited<ReturnType<typeof getReadableApplication>>,
  actor: Actor,
  meta: RequestMeta,
) {
  const [taken] = await tx
    .update(exchangePostings)
    .set({ filled: sql`${exchangePostings.filled} + 1` })
    .where(and(eq(exchangePostings.id, row.ps.id), sql`${exchangePostings.filled} < ${exchangePostings.places}`))
    .returning({ id: exchangePostings.id });
  if (!taken) throw postingFull();
  try {
    await tx.insert(exchangePlacements).values({
      applicationId: row.a.id,
      postingId: row.ps.id,
      teacherId: row.a.teacherId,
      homeSchoolId: row.a.homeSchoolId,
      hostSchoolId: row.ps.schoolId,
      startsOn: row.ps.startsOn,
      endsOn: addMonths(row.ps.startsOn, row.ps.months),
    });
  } catch (err) {
    if (sqlState(err) === '23P01')
      throw new AppError('conflict', 'The teacher is already in an exchange post at that time');
    throw err;
  }
  const others = await tx
    .update(exchangeApplications)
    .set({ status: 'withdrawn', updatedAt: new Date() })
    .where(
      and(
        eq(exchangeApplications.teacherId, row.a.teacherId),
        ne(exchangeApplications.id, row.a.id),
        inArray(exchangeApplications.status, [...pendingApplicationStatuses, 'deferred']),
      ),
    )
    .returning({ id: exchangeApplications.id });
  for (const o of others)
    await audit(tx, actor, meta, {
      action: 'exchange.application.withdraw',
      entityType: 'exchange_application',
      entityId: o.id,
      orgId: row.a.homeSchoolId,
      after: { teacherId: row.a.teacherId, status: 'withdrawn', because: 'placed elsewhere', placedBy: row.a.id },
    });
}
