-- lesson_feedback.kind was text with a CHECK; an enum (shared/enums.ts feedbackKinds) types it in drizzle as well.
CREATE TYPE "public"."feedback_kind" AS ENUM('classroom', 'observer');--> statement-breakpoint
ALTER TABLE "lesson_feedback" DROP CONSTRAINT "lesson_feedback_kind_check";--> statement-breakpoint
ALTER TABLE "lesson_feedback" ALTER COLUMN "kind" SET DATA TYPE "public"."feedback_kind" USING "kind"::"public"."feedback_kind";