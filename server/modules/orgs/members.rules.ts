// What a membership may be, as pure rules over the organisation and the asked-for role.
import type { Role } from '../../../shared/enums';
import type { UpdateMembershipInput } from '../../../shared/schemas/orgs';
import { assignableRoles, type OrgPlace } from '../../lib/policy';

export interface MembershipAsked {
  org: OrgPlace;
  role: Role;
  masterTeacher?: boolean;
  classroomId?: string | null;
  /** Classrooms of the org, to check an assistant's classroom belongs to it. */
  classroomIds: Set<string>;
}

/** Why a membership cannot be given, or null. Shared by the invite form, a membership's change and the CSV import. */
export function membershipProblem(p: MembershipAsked): { field: string; reason: string } | null {
  if (!assignableRoles(p.org).includes(p.role))
    return { field: 'role', reason: `role ${p.role} cannot be given in a ${p.org.kind}` };
  if (p.masterTeacher && p.role !== 'teacher')
    return { field: 'masterTeacher', reason: 'only teachers can be master teachers' };
  if (p.classroomId && p.role !== 'assistant')
    return { field: 'classroomId', reason: 'only assistant teachers operate a classroom' };
  if (p.classroomId && !p.classroomIds.has(p.classroomId))
    return { field: 'classroomId', reason: 'the classroom is not in this school' };
  return null;
}

interface MembershipFlags {
  role: Role;
  masterTeacher: boolean;
  reviewer: boolean;
  classroomId: string | null;
}

/** A membership after a change: only assistants operate a classroom; only teachers are master teachers or reviewers. */
export function changedMembership<M extends MembershipFlags>(current: M, input: UpdateMembershipInput): M {
  const next = { ...current, ...input };
  if (next.role !== 'assistant') next.classroomId = null;
  if (next.role !== 'teacher') {
    next.masterTeacher = false;
    next.reviewer = false;
  }
  return next;
}
