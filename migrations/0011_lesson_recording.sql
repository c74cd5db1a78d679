ALTER TABLE "lessons" ADD COLUMN "recording_egress_id" text;--> statement-breakpoint
ALTER TABLE "lessons" ADD COLUMN "recording_key" text;