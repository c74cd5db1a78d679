import { z } from 'zod';
import { orgKinds, roles } from '../enums';
import { email } from './auth';
import { id, isoTime } from './common';

export const org = z.object({
  id,
  kind: z.enum(orgKinds),
  name: z.string(),
  code: z.string().nullable(),
  groupId: id.nullable(),
  groupName: z.string().nullable(),
  districtId: id.nullable(),
  districtName: z.string().nullable(),
  rural: z.boolean(),
  supported: z.boolean(),
  lead: z.boolean(),
  address: z.string().nullable(),
  /** Whether the caller may edit it, invite its members, manage its classrooms. */
  canManage: z.boolean(),
});
export type Org = z.infer<typeof org>;

export const classroom = z.object({
  id,
  schoolId: id,
  schoolName: z.string(),
  name: z.string(),
  grade: z.number().int().nullable(),
  assistants: z.array(z.object({ userId: id, name: z.string() })),
});
export type Classroom = z.infer<typeof classroom>;

export const member = z.object({
  membershipId: id,
  userId: id,
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  masterTeacher: z.boolean(),
  reviewer: z.boolean(),
  classroomId: id.nullable(),
  /** false until the person has accepted the invitation and set a password */
  active: z.boolean(),
});
export type Member = z.infer<typeof member>;

export const orgDetail = z.object({
  org,
  /** member schools of a group or district */
  schools: z.array(org),
  /** classrooms of a school */
  classrooms: z.array(classroom),
});

export const schoolCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{2,32}$/, 'letters, digits, - and _ (2–32)');

export const updateOrgInput = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    code: schoolCode.optional(),
    address: z.string().trim().max(200).nullable().optional(),
    rural: z.boolean().optional(),
    supported: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');

export const classroomInput = z.object({
  name: z.string().trim().min(1).max(60),
  grade: z.number().int().min(1).max(12).nullable().optional(),
});
export const updateClassroomInput = classroomInput.partial();

export const inviteInput = z.object({
  name: z.string().trim().min(1).max(80),
  email,
  role: z.enum(roles),
  masterTeacher: z.boolean().optional(),
  classroomId: id.nullable().optional(),
});

export const invitation = z.object({
  id,
  userId: id,
  name: z.string(),
  email: z.string(),
  role: z.enum(roles),
  /** Path of the page where the person sets a password, shown once to the inviter; null when they already have one. */
  url: z.string().nullable(),
  expiresAt: isoTime,
});

export const updateMembershipInput = z
  .object({
    role: z.enum(roles).optional(),
    masterTeacher: z.boolean().optional(),
    /** Named reviewer of group-wide resources (set by the group's or district's admins). */
    reviewer: z.boolean().optional(),
    classroomId: id.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');

/** One line of a teacher import: name, email, role, school code. */
export const importRow = z.object({
  name: z.string().trim().min(1, 'name is empty').max(80),
  email,
  role: z.enum(['teacher', 'assistant', 'school_admin'], {
    message: 'role must be teacher, assistant or school_admin',
  }),
  schoolCode: z.string().trim().min(1, 'school code is empty'),
});
export const importError = z.object({ line: z.number().int(), field: z.string().nullable(), reason: z.string() });
export type ImportError = z.infer<typeof importError>;
export const importResult = z.object({ imported: z.array(invitation) });

export const auditEvent = z.object({
  id,
  at: isoTime,
  actorId: id.nullable(),
  actorName: z.string().nullable(),
  onBehalfOfOrgId: id.nullable(),
  orgId: id.nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEvent = z.infer<typeof auditEvent>;
