import { z } from 'zod';
import { orgKinds, roles } from '../enums';
import { email, membership } from './auth';
import { id, isoTime, nothingToChange, page, someChange, text } from './common';

export const org = z.object({
  id,
  kind: z.enum(orgKinds),
  name: text(),
  code: text().nullable(),
  groupId: id.nullable(),
  groupName: text().nullable(),
  districtId: id.nullable(),
  districtName: text().nullable(),
  rural: z.boolean(),
  supported: z.boolean(),
  lead: z.boolean(),
  address: text().nullable(),
  /** Whether the caller may edit it, invite its members, manage its classrooms. */
  canManage: z.boolean(),
});
export type Org = z.infer<typeof org>;
export const orgPage = page(org);
export const orgAnswer = z.object({ org });

export const classroom = z.object({
  id,
  schoolId: id,
  schoolName: text(),
  name: text(),
  grade: z.number().int().nullable(),
  assistants: z.array(z.object({ userId: id, name: text() })),
});
export type Classroom = z.infer<typeof classroom>;
export const classroomPage = page(classroom);
export const classroomAnswer = z.object({ classroom });
/** Classrooms of the schools within reach, or of one of them. */
export const classroomListQuery = z.object({ schoolId: id.optional() });

export const member = z.object({
  membershipId: id,
  userId: id,
  name: text(),
  email: text(),
  role: z.enum(roles),
  masterTeacher: z.boolean(),
  reviewer: z.boolean(),
  classroomId: id.nullable(),
  /** false until the person has accepted the invitation and set a password */
  active: z.boolean(),
});
export type Member = z.infer<typeof member>;
export const memberPage = page(member);

export const orgDetail = z.object({
  org,
  /** member schools of a group or district */
  schools: z.array(org),
  /** classrooms of a school */
  classrooms: z.array(classroom),
});

/** What a school code may be: it is also the school's public page's address (/s/<code>). */
export const SCHOOL_CODE = /^[A-Za-z0-9_-]{2,32}$/;
export const schoolCode = z.string().trim().regex(SCHOOL_CODE, 'letters, digits, - and _ (2–32)');

export const updateOrgInput = z
  .object({
    name: text().trim().min(1).max(100).optional(),
    code: schoolCode.optional(),
    address: text().trim().max(200).nullable().optional(),
    rural: z.boolean().optional(),
    supported: z.boolean().optional(),
  })
  .refine(someChange, nothingToChange);
export type UpdateOrgInput = z.infer<typeof updateOrgInput>;

export const classroomInput = z.object({
  name: text().trim().min(1).max(60),
  grade: z.number().int().min(1).max(12).nullable().optional(),
});
export type ClassroomInput = z.infer<typeof classroomInput>;
export const updateClassroomInput = classroomInput.partial().refine(someChange, nothingToChange);
export type UpdateClassroomInput = z.infer<typeof updateClassroomInput>;

export const inviteInput = z.object({
  name: text().trim().min(1).max(80),
  email,
  role: z.enum(roles),
  masterTeacher: z.boolean().optional(),
  classroomId: id.nullable().optional(),
});
export type InviteInput = z.infer<typeof inviteInput>;

/**
 * An invitation as its inviter sees it: an offer of a role, made to an email address. It reads the same whether the
 * address already has an account or not, and grants nothing until the person accepts.
 */
export const invitation = z.object({
  id,
  /** The name the inviter typed. */
  name: text(),
  email: text(),
  role: z.enum(roles),
  masterTeacher: z.boolean(),
  classroomId: id.nullable(),
  /** Path of the page where the person accepts, shown once to the inviter (only its hash is kept); null in lists. */
  url: text().nullable(),
  expiresAt: isoTime,
});
export type Invitation = z.infer<typeof invitation>;
export const invitationAnswer = z.object({ invitation });
/** An organisation's open invitations: not yet accepted, declined, withdrawn or expired. Newest first. */
export const invitationPage = page(invitation);
export const orgInvitationParams = z.object({ id, invitationId: id });

/** An invitation as the invited person sees it, signed in: the membership it offers, and who offers it. */
export const offer = membership
  .pick({ id: true, orgId: true, orgName: true, orgKind: true, role: true, masterTeacher: true, classroomName: true })
  .extend({ invitedBy: text().nullable(), expiresAt: isoTime });
export type Offer = z.infer<typeof offer>;
export const offerPage = page(offer);

export const updateMembershipInput = z
  .object({
    role: z.enum(roles).optional(),
    masterTeacher: z.boolean().optional(),
    /** Named reviewer of group-wide resources (set by the group's or district's admins). */
    reviewer: z.boolean().optional(),
    classroomId: id.nullable().optional(),
  })
  .refine(someChange, nothingToChange);
export type UpdateMembershipInput = z.infer<typeof updateMembershipInput>;

/** A membership as it is after a change. */
export const membershipAnswer = z.object({
  membership: z.object({
    id,
    role: text(),
    masterTeacher: z.boolean(),
    reviewer: z.boolean(),
    classroomId: id.nullable(),
  }),
});

/** One line of a teacher import: name, email, role, school code. */
export const importRow = z.object({
  name: text().trim().min(1, 'name is empty').max(80),
  email,
  role: z.enum(['teacher', 'assistant', 'school_admin'], {
    message: 'role must be teacher, assistant or school_admin',
  }),
  schoolCode: text().trim().min(1, 'school code is empty'),
});
export type ImportRow = z.infer<typeof importRow>;
/** What is wrong with a line of an import, for the page to say in the person's language (`reason`: in English). */
export const importProblems = [
  'missing_column',
  'invalid',
  'no_rows',
  'duplicate_email',
  'unknown_school',
  'already_member',
] as const;
export const importError = z.object({
  line: z.number().int(),
  field: text().nullable(),
  problem: z.enum(importProblems),
  /** duplicate_email: the earlier line with the same address. */
  sameAs: z.number().int().optional(),
  reason: text(),
});
export type ImportError = z.infer<typeof importError>;
export const importResult = z.object({ imported: z.array(invitation) });
/** The body of an import: the CSV text itself (`text/csv`). */
export const importFile = text();
/** An import refused: every bad row with its line; nothing was imported. */
export const importFailure = z.object({
  error: z.object({
    code: z.literal('import_failed'),
    message: text(),
    details: z.object({ errors: z.array(importError) }),
  }),
});
