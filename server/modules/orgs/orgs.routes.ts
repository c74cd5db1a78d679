import { createRoute } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { id, idParam, page } from '../../../shared/schemas/common';
import {
  classroom,
  classroomInput,
  invitation,
  inviteInput,
  member,
  org,
  orgDetail,
  updateClassroomInput,
  updateMembershipInput,
  updateOrgInput,
} from '../../../shared/schemas/orgs';
import { classrooms, memberships, orgs } from '../../db/schema';
import { audit } from '../../lib/audit';
import { AppError, notFound, sqlConstraint, sqlState } from '../../lib/errors';
import { assertManageOrg, canManageOrg, canSeeOrg, leadsSchool, reach } from '../../lib/policy';
import { commonErrors, json, jsonBody, newRouter, noContent, requestMeta } from '../../lib/router';
import { forgetActor, requireActor } from '../auth/auth.middleware';
import { inviteMember, membershipProblem } from './members.service';
import {
  getClassroom,
  getMembership,
  getVisibleOrg,
  listClassrooms,
  listMembers,
  listSchoolsOf,
  listVisibleOrgs,
  orgOut,
} from './orgs.queries';

const conflict = { 409: json(z.object({ error: z.any() }), 'Conflict') };

export const orgsRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/orgs',
      tags: ['orgs'],
      summary: 'Groups, districts and schools within reach',
      responses: { 200: json(page(org)), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const rows = await listVisibleOrgs(c.get('deps').database.db, actor);
      return c.json({ items: rows.map((r) => orgOut(r, actor)), nextCursor: null }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{id}',
      tags: ['orgs'],
      summary: 'An organisation with its schools or classrooms',
      request: { params: idParam },
      responses: { 200: json(orgDetail), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.get('deps').database;
      const row = await getVisibleOrg(db, actor, c.req.valid('param').id);
      const schools = row.kind === 'school' ? [] : await listSchoolsOf(db, row);
      const rooms = row.kind === 'school' ? await listClassrooms(db, [row.id]) : [];
      return c.json({ org: orgOut(row, actor), schools: schools.map((s) => orgOut(s, actor)), classrooms: rooms }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/orgs/{id}',
      tags: ['orgs'],
      summary: "Edit an organisation's details (its admins)",
      request: { params: idParam, body: jsonBody(updateOrgInput) },
      responses: { 200: json(z.object({ org })), ...commonErrors, ...conflict },
    }),
    async (c) => {
      const actor = requireActor(c);
      const input = c.req.valid('json');
      const { db } = c.get('deps').database;
      const before = await getVisibleOrg(db, actor, c.req.valid('param').id);
      assertManageOrg(actor, before);
      if (before.kind !== 'school' && (input.code || input.rural !== undefined || input.supported !== undefined)) {
        throw new AppError('validation_failed', 'Only schools have a code and rural/supported flags', {
          fields: { code: ['schools only'] },
        });
      }
      // Whether a school is rural or supported steers group reports: its group's or district's admins decide.
      const flagsChanged = input.rural !== undefined || input.supported !== undefined;
      if (flagsChanged && !leadsSchool(actor, before)) {
        throw new AppError('forbidden', 'Only the group or district admins set whether a school is rural or supported');
      }
      try {
        await db.transaction(async (tx) => {
          await tx
            .update(orgs)
            .set({ ...input, updatedAt: new Date() })
            .where(eq(orgs.id, before.id));
          await audit(tx, c.get('actor'), requestMeta(c), {
            action: 'org.update',
            entityType: 'org',
            entityId: before.id,
            orgId: before.id,
            before: pick(before, input),
            after: input,
          });
        });
      } catch (err) {
        if (sqlState(err) === '23505' && sqlConstraint(err) === 'orgs_code_key') {
          throw new AppError('already_exists', 'Another school already has this code', {
            fields: { code: ['already used'] },
          });
        }
        throw err;
      }
      return c.json({ org: orgOut(await getVisibleOrg(db, actor, before.id), actor) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/classrooms',
      tags: ['orgs'],
      summary: 'Classrooms the caller may invite or operate, with their school',
      request: { query: z.object({ schoolId: id.optional() }) },
      responses: { 200: json(page(classroom)), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { schoolId } = c.req.valid('query');
      const { db } = c.get('deps').database;
      let schoolIds = (await listVisibleOrgs(db, actor)).filter((o) => o.kind === 'school').map((o) => o.id);
      if (schoolId) schoolIds = schoolIds.filter((s) => s === schoolId);
      return c.json({ items: await listClassrooms(db, schoolIds), nextCursor: null }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{id}/classrooms',
      tags: ['orgs'],
      summary: 'Add a classroom to a school (its admins)',
      request: { params: idParam, body: jsonBody(classroomInput) },
      responses: { 201: json(z.object({ classroom })), ...commonErrors, ...conflict },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.get('deps').database;
      const school = await getVisibleOrg(db, actor, c.req.valid('param').id);
      assertManageOrg(actor, school);
      if (school.kind !== 'school')
        throw new AppError('validation_failed', 'Classrooms belong to schools', { fields: { id: ['not a school'] } });
      const input = c.req.valid('json');
      const created = await uniqueName(() =>
        db.transaction(async (tx) => {
          const [row] = await tx
            .insert(classrooms)
            .values({ schoolId: school.id, name: input.name, grade: input.grade ?? null })
            .returning();
          await audit(tx, c.get('actor'), requestMeta(c), {
            action: 'classroom.create',
            entityType: 'classroom',
            entityId: row!.id,
            orgId: school.id,
            after: input,
          });
          return row!;
        }),
      );
      return c.json({ classroom: { ...created, schoolName: school.name, assistants: [] } }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/classrooms/{id}',
      tags: ['orgs'],
      summary: 'Rename a classroom or change its grade',
      request: { params: idParam, body: jsonBody(updateClassroomInput) },
      responses: { 200: json(z.object({ classroom })), ...commonErrors, ...conflict },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.get('deps').database;
      const found = await getClassroom(db, c.req.valid('param').id);
      if (!found || !canSeeOrg(actor, found.school)) throw notFound('classroom');
      assertManageOrg(actor, found.school);
      const input = c.req.valid('json');
      await uniqueName(() =>
        db.transaction(async (tx) => {
          await tx.update(classrooms).set(input).where(eq(classrooms.id, found.classroom.id));
          await audit(tx, c.get('actor'), requestMeta(c), {
            action: 'classroom.update',
            entityType: 'classroom',
            entityId: found.classroom.id,
            orgId: found.school.id,
            before: pick(found.classroom, input),
            after: input,
          });
        }),
      );
      const [updated] = await listClassrooms(db, [found.school.id]).then((all) =>
        all.filter((r) => r.id === found.classroom.id),
      );
      return c.json({ classroom: updated! }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{id}/members',
      tags: ['orgs'],
      summary: "An organisation's members (its members and admins)",
      request: { params: idParam },
      responses: { 200: json(page(member)), ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.get('deps').database;
      const target = await getVisibleOrg(db, actor, c.req.valid('param').id);
      if (!reach(actor).schoolIds.has(target.id) && !canManageOrg(actor, target)) {
        throw new AppError('forbidden', "Only the organisation's members and admins see its members");
      }
      return c.json({ items: await listMembers(db, target.id), nextCursor: null }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{id}/invitations',
      tags: ['orgs'],
      summary: 'Invite a person: a link lets them set a password',
      request: { params: idParam, body: jsonBody(inviteInput) },
      responses: { 201: json(z.object({ invitation })), ...commonErrors, ...conflict },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.get('deps').database;
      const target = await getVisibleOrg(db, actor, c.req.valid('param').id);
      assertManageOrg(actor, target);
      const input = c.req.valid('json');
      const classroomIds = new Set((await listClassrooms(db, [target.id])).map((r) => r.id));
      const result = await db.transaction((tx) => inviteMember(tx, c, { ...input, org: target, classroomIds }));
      return c.json({ invitation: result }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/memberships/{id}',
      tags: ['orgs'],
      summary: "Change a member's role, master-teacher flag or classroom",
      request: { params: idParam, body: jsonBody(updateMembershipInput) },
      responses: {
        200: json(
          z.object({
            membership: z.object({
              id,
              role: z.string(),
              masterTeacher: z.boolean(),
              reviewer: z.boolean(),
              classroomId: id.nullable(),
            }),
          }),
        ),
        ...commonErrors,
        ...conflict,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.get('deps').database;
      const found = await getMembership(db, c.req.valid('param').id);
      if (!found || !canSeeOrg(actor, found.org)) throw notFound('membership');
      assertManageOrg(actor, found.org);
      const input = c.req.valid('json');
      const next = { ...found.membership, ...input };
      if (next.role !== 'assistant') next.classroomId = null;
      if (next.role !== 'teacher') {
        next.masterTeacher = false;
        next.reviewer = false;
      }
      // Reviewers of group-wide sharing are named by the group's or district's leaders, not by the school.
      if (
        input.reviewer !== undefined &&
        input.reviewer !== found.membership.reviewer &&
        !leadsSchool(actor, found.org)
      ) {
        throw new AppError('forbidden', 'Only the group or district leaders name reviewers');
      }
      const classroomIds = new Set((await listClassrooms(db, [found.org.id])).map((r) => r.id));
      const problem = membershipProblem({
        org: found.org,
        role: next.role,
        masterTeacher: next.masterTeacher,
        classroomId: next.classroomId,
        classroomIds,
      });
      if (problem)
        throw new AppError('validation_failed', problem.reason, { fields: { [problem.field]: [problem.reason] } });
      const updated = await uniqueName(() =>
        db.transaction(async (tx) => {
          const [row] = await tx
            .update(memberships)
            .set({
              role: next.role,
              masterTeacher: next.masterTeacher,
              reviewer: next.reviewer,
              classroomId: next.classroomId,
            })
            .where(eq(memberships.id, found.membership.id))
            .returning();
          await audit(tx, c.get('actor'), requestMeta(c), {
            action: 'membership.update',
            entityType: 'membership',
            entityId: row!.id,
            orgId: found.org.id,
            before: found.membership,
            after: row,
          });
          return row!;
        }),
      );
      forgetActor(c, updated.userId);
      return c.json(
        {
          membership: {
            id: updated.id,
            role: updated.role,
            masterTeacher: updated.masterTeacher,
            reviewer: updated.reviewer,
            classroomId: updated.classroomId,
          },
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/memberships/{id}',
      tags: ['orgs'],
      summary: 'Remove a person from an organisation',
      request: { params: idParam },
      responses: { 204: noContent, ...commonErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db } = c.get('deps').database;
      const found = await getMembership(db, c.req.valid('param').id);
      if (!found || !canSeeOrg(actor, found.org)) throw notFound('membership');
      assertManageOrg(actor, found.org);
      if (found.membership.userId === actor.user.id && found.membership.role.endsWith('_admin')) {
        throw new AppError('forbidden', 'You cannot remove your own admin role; ask another admin');
      }
      await db.transaction(async (tx) => {
        const gone = await tx
          .delete(memberships)
          .where(eq(memberships.id, found.membership.id))
          .returning({ id: memberships.id });
        if (!gone.length) throw notFound('membership');
        await audit(tx, c.get('actor'), requestMeta(c), {
          action: 'membership.delete',
          entityType: 'membership',
          entityId: found.membership.id,
          orgId: found.org.id,
          before: found.membership,
        });
      });
      forgetActor(c, found.membership.userId);
      return c.body(null, 204);
    },
  );

/** Unique-name violations become a 409 that names the field. */
async function uniqueName<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (sqlState(err) === '23505')
      throw new AppError('already_exists', 'That name is already used here', { fields: { name: ['already used'] } });
    throw err;
  }
}

function pick<T extends object>(from: T, keysOf: object): Partial<T> {
  return Object.fromEntries(Object.keys(keysOf).map((k) => [k, (from as any)[k]])) as Partial<T>;
}
