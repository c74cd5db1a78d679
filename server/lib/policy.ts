// The one authorization layer. Every route asks here what the caller may see or manage; a record
// outside the caller's reach is reported as not found (never "forbidden"), so its existence is not
// revealed. Pure functions over the actor's memberships: unit-tested without a database.
import type { OrgKind, Role, Scope } from '../../shared/enums';
import { AppError, notFound } from './errors';

export interface ActorMembership {
  id: string;
  orgId: string;
  orgName: string;
  orgKind: OrgKind;
  role: Role;
  masterTeacher: boolean;
  /** Named by the group's leaders to review resources shared with the group or district. */
  reviewer?: boolean;
  classroomId: string | null;
  classroomName: string | null;
  /** For a school: its group and district. */
  groupId: string | null;
  districtId: string | null;
}

export interface Actor {
  user: { id: string; name: string; email: string; locale: 'zh' | 'en' };
  credentialId: string;
  via: 'cookie' | 'bearer';
  memberships: ActorMembership[];
}

/** Where an owned thing sits: its school and that school's group and district. */
export interface OrgPlace {
  id: string;
  kind: OrgKind;
  groupId: string | null;
  districtId: string | null;
}

export interface Reach {
  schoolIds: Set<string>;
  groupIds: Set<string>;
  districtIds: Set<string>;
}

const reachCache = new WeakMap<Actor, Reach>();

/** The schools a person belongs to, and those schools' groups and districts (plus groups/districts they administer). */
export function reach(actor: Actor): Reach {
  let r = reachCache.get(actor);
  if (r) return r;
  r = { schoolIds: new Set(), groupIds: new Set(), districtIds: new Set() };
  for (const m of actor.memberships) {
    if (m.orgKind === 'school') {
      r.schoolIds.add(m.orgId);
      if (m.groupId) r.groupIds.add(m.groupId);
      if (m.districtId) r.districtIds.add(m.districtId);
    } else if (m.orgKind === 'group') r.groupIds.add(m.orgId);
    else r.districtIds.add(m.orgId);
  }
  reachCache.set(actor, r);
  return r;
}

/** Whether an organisation is within reach: own schools, own group/district and their schools. */
export function canSeeOrg(actor: Actor, org: OrgPlace): boolean {
  const r = reach(actor);
  if (org.kind === 'group') return r.groupIds.has(org.id);
  if (org.kind === 'district') return r.districtIds.has(org.id);
  return (
    r.schoolIds.has(org.id) ||
    (org.groupId !== null && r.groupIds.has(org.groupId)) ||
    (org.districtId !== null && r.districtIds.has(org.districtId))
  );
}

/** The DOMAIN rule for shared things: who sees a thing owned by `owner` at `scope`. */
export function canSeeScoped(actor: Actor | null, owner: OrgPlace, scope: Scope): boolean {
  if (scope === 'public') return true;
  if (!actor) return false;
  const r = reach(actor);
  if (r.schoolIds.has(owner.id)) return true;
  // Admins of the owner's group or district see everything the school shares, whatever its scope.
  if (isAdminAbove(actor, owner)) return true;
  const inGroup = owner.groupId !== null && r.groupIds.has(owner.groupId);
  const inDistrict = owner.districtId !== null && r.districtIds.has(owner.districtId);
  // Scopes widen: what is shared with the district is shared with the owner's group too.
  if (scope === 'group') return inGroup;
  if (scope === 'district') return inGroup || inDistrict;
  return false;
}

/** Groups and districts the person administers. */
export function adminOf(actor: Actor): { groupIds: string[]; districtIds: string[]; schoolIds: string[] } {
  const pick = (role: string) => actor.memberships.filter((m) => m.role === role).map((m) => m.orgId);
  return { groupIds: pick('group_admin'), districtIds: pick('district_admin'), schoolIds: pick('school_admin') };
}

/**
 * Admins of the school's group or district: they set what steers group reports (rural/supported flags, codes)
 * and name the group's reviewers.
 */
export function leadsSchool(actor: Actor, school: Pick<OrgPlace, 'groupId' | 'districtId'>): boolean {
  return isAdminAbove(actor, school);
}

function isAdminAbove(actor: Actor, school: Pick<OrgPlace, 'groupId' | 'districtId'>): boolean {
  return actor.memberships.some(
    (m) =>
      (m.role === 'group_admin' && m.orgId === school.groupId) ||
      (m.role === 'district_admin' && m.orgId === school.districtId),
  );
}

/** Admins of the school itself, of its group, or of its district. For a group/district: its own admins. */
export function canManageOrg(actor: Actor, org: OrgPlace): boolean {
  if (org.kind === 'group') return actor.memberships.some((m) => m.role === 'group_admin' && m.orgId === org.id);
  if (org.kind === 'district') return actor.memberships.some((m) => m.role === 'district_admin' && m.orgId === org.id);
  return actor.memberships.some((m) => m.role === 'school_admin' && m.orgId === org.id) || isAdminAbove(actor, org);
}

/**
 * Managing a shared thing: the owner school's admins always; group/district admins when it is shared
 * at their level or wider (DOMAIN: "admins of its group or district for things shared at that level").
 */
export function canManageScoped(actor: Actor, owner: OrgPlace, scope: Scope): boolean {
  if (actor.memberships.some((m) => m.role === 'school_admin' && m.orgId === owner.id)) return true;
  const wide = scope !== 'school';
  return actor.memberships.some(
    (m) =>
      (m.role === 'group_admin' && m.orgId === owner.groupId && wide) ||
      (m.role === 'district_admin' && m.orgId === owner.districtId && (scope === 'district' || scope === 'public')),
  );
}

/** Throws 404 when the org is out of reach, 403 when visible but not manageable. */
export function assertManageOrg(actor: Actor, org: OrgPlace): void {
  if (!canSeeOrg(actor, org)) throw notFound('organisation');
  if (!canManageOrg(actor, org))
    throw new AppError('forbidden', 'Only the administrators of this organisation may do this');
}

/** Whether the person holds an admin role anywhere (sees the audit log and admin pages). */
export function isAnyAdmin(actor: Actor): boolean {
  return actor.memberships.some((m) => m.role.endsWith('_admin'));
}

/** Roles that an admin of `org` may hand out there. Group/district admins are made by the platform's operators. */
export function assignableRoles(org: OrgPlace): readonly Role[] {
  return org.kind === 'school'
    ? (['school_admin', 'teacher', 'assistant'] as const)
    : org.kind === 'group'
      ? ['group_admin']
      : ['district_admin'];
}
