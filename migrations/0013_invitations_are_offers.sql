-- Invitations become offers (issue 10): nothing is granted until the person accepts, so the membership (and, for a
-- new address, the account) is made on acceptance. An invitation therefore carries what the membership will be:
-- the email, the name the inviter typed, master-teacher flag and classroom; user_id now says who accepted.
-- Edited by hand after generation (before it was ever applied): the new NOT NULL columns are filled from the rows
-- that exist, and the memberships that the old model created at invitation time for accounts that never set a
-- password are withdrawn, so that every membership is one somebody accepted.
ALTER TABLE "invitations" DROP CONSTRAINT "invitations_user_id_users_id_fk";
--> statement-breakpoint
DROP INDEX "invitations_user_idx";--> statement-breakpoint
ALTER TABLE "invitations" ALTER COLUMN "user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "master_teacher" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "classroom_id" uuid;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "declined_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
UPDATE "invitations" i SET "email" = u."email", "name" = u."name" FROM "users" u WHERE u."id" = i."user_id";--> statement-breakpoint
UPDATE "invitations" i SET "master_teacher" = m."master_teacher", "classroom_id" = m."classroom_id"
  FROM "memberships" m
  WHERE i."accepted_at" IS NULL AND m."user_id" = i."user_id" AND m."org_id" = i."org_id" AND m."role" = i."role";--> statement-breakpoint
DELETE FROM "memberships" m USING "users" u
  WHERE u."id" = m."user_id" AND u."password_hash" IS NULL;--> statement-breakpoint
UPDATE "invitations" SET "user_id" = NULL WHERE "accepted_at" IS NULL;--> statement-breakpoint
ALTER TABLE "invitations" ALTER COLUMN "email" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ALTER COLUMN "name" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_classroom_id_classrooms_id_fk" FOREIGN KEY ("classroom_id") REFERENCES "public"."classrooms"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invitations_email_idx" ON "invitations" USING btree ("email");--> statement-breakpoint
CREATE INDEX "invitations_org_idx" ON "invitations" USING btree ("org_id");--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_one_end" CHECK (num_nonnulls("invitations"."accepted_at", "invitations"."declined_at", "invitations"."revoked_at") <= 1);
