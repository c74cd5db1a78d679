import { z } from 'zod';
import { locales, orgKinds, roles } from '../enums';
import { id, isoTime, nothingToChange, page, someChange, text } from './common';

export const email = text().trim().toLowerCase().email().max(254);
/** Long enough to resist guessing; no composition rules (NIST SP 800-63B). */
export const newPassword = text().min(10, 'at least 10 characters').max(200);

export const loginInput = z.object({ email, password: text().min(1).max(200) });

export const user = z.object({ id, name: text(), email: text(), locale: z.enum(locales) });
export type User = z.infer<typeof user>;
/** Who is signed in now: the answer of sign-in, of a profile change and of an accepted invitation. */
export const userAnswer = z.object({ user });

export const membership = z.object({
  id,
  orgId: id,
  orgName: text(),
  orgKind: z.enum(orgKinds),
  role: z.enum(roles),
  masterTeacher: z.boolean(),
  reviewer: z.boolean().optional(),
  classroomId: id.nullable(),
  classroomName: text().nullable(),
});

export const meResponse = z.object({ user, memberships: z.array(membership) });
export type Me = z.infer<typeof meResponse>;

export const updateMeInput = z
  .object({
    name: text().trim().min(1).max(80).optional(),
    locale: z.enum(locales).optional(),
  })
  .refine(someChange, nothingToChange);

export const changePasswordInput = z.object({ currentPassword: text().min(1).max(200), newPassword });

export const createTokenInput = z.object({
  name: text().trim().min(1).max(80),
  /** Days until the token expires; omitted means it lasts until revoked. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export const apiToken = z.object({
  id,
  name: text(),
  createdAt: isoTime,
  expiresAt: isoTime.nullable(),
  lastUsedAt: isoTime.nullable(),
});
export type ApiToken = z.infer<typeof apiToken>;
export const tokenPage = page(apiToken);
export const createdToken = apiToken.extend({ token: text() });
export type CreatedToken = z.infer<typeof createdToken>;
export const createdTokenAnswer = z.object({ token: createdToken });

/** The secret of an invitation link (`/invite/<token>`). */
export const invitationTokenParam = z.object({ token: text().min(10).max(100) });

export const invitationInfo = z.object({
  name: text(),
  email: text(),
  orgName: text(),
  role: z.enum(roles),
  expiresAt: isoTime,
});
export type InvitationInfo = z.infer<typeof invitationInfo>;
export const invitationInfoAnswer = z.object({ invitation: invitationInfo });

export const acceptInvitationInput = z.object({
  password: newPassword,
  name: text().trim().min(1).max(80).optional(),
});
