import { sql } from 'drizzle-orm';
import { boolean, check, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { classrooms, orgs, role, users } from './orgs';

export const credentialKind = pgEnum('credential_kind', ['session', 'api_token']);

/**
 * Browser sessions and script tokens. Only the SHA-256 of the secret is stored, so a leaked
 * table does not leak usable credentials.
 */
export const credentials = pgTable(
  'credentials',
  {
    id: uuid().primaryKey().defaultRandom(),
    tokenHash: text().notNull().unique('credentials_token_hash_key'),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: credentialKind().notNull(),
    name: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('credentials_user_idx').on(t.userId)],
);

/**
 * An offer of a role in an organisation, made to an email address. Nothing is granted until the person accepts:
 * the membership is created then, and an account too if the address has none. Whether the address already has
 * an account is never part of what the inviter sees.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid().primaryKey().defaultRandom(),
    tokenHash: text().notNull().unique('invitations_token_hash_key'),
    /** Lower-cased, as users.email. */
    email: text().notNull(),
    /** The name the inviter typed; an account made on acceptance takes it, an existing one keeps its own. */
    name: text().notNull(),
    orgId: uuid()
      .notNull()
      .references(() => orgs.id),
    role: role().notNull(),
    masterTeacher: boolean().notNull().default(false),
    /** For assistants: the classroom whose screen they will operate. */
    classroomId: uuid().references(() => classrooms.id, { onDelete: 'set null' }),
    invitedBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    /** Who accepted, and when; the three end states are exclusive. */
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    acceptedAt: timestamp({ withTimezone: true }),
    declinedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index('invitations_email_idx').on(t.email),
    index('invitations_org_idx').on(t.orgId),
    check('invitations_one_end', sql`num_nonnulls(${t.acceptedAt}, ${t.declinedAt}, ${t.revokedAt}) <= 1`),
  ],
);

/** Sign-in attempts, kept to limit guessing per account and per address. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    // text, not inet: the address comes from a header and must never make an insert fail.
    ip: text(),
    success: boolean().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_attempts_email_at_idx').on(t.email, t.at), index('login_attempts_ip_at_idx').on(t.ip, t.at)],
);
