CREATE TYPE "public"."log_activity" AS ENUM('taught', 'observed', 'research', 'mentored', 'other');--> statement-breakpoint
CREATE TYPE "public"."review_stage" AS ENUM('midterm', 'final');--> statement-breakpoint
CREATE TYPE "public"."service_status" AS ENUM('pending', 'approved', 'rejected');--> statement-breakpoint
CREATE TABLE "exchange_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"placement_id" uuid NOT NULL,
	"on" date NOT NULL,
	"hours" numeric(4, 1) NOT NULL,
	"activity" "log_activity" NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"lesson_id" uuid,
	"resource_id" uuid,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_logs_hours" CHECK ("exchange_logs"."hours" > 0 AND "exchange_logs"."hours" <= 24)
);
--> statement-breakpoint
CREATE TABLE "exchange_reviews" (
	"placement_id" uuid NOT NULL,
	"stage" "review_stage" NOT NULL,
	"summary" text NOT NULL,
	"satisfactory" boolean NOT NULL,
	"reviewed_by" uuid NOT NULL,
	"reviewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_reviews_placement_id_stage_pk" PRIMARY KEY("placement_id","stage")
);
--> statement-breakpoint
CREATE TABLE "rural_service" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"evidence_resource_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"status" "service_status" DEFAULT 'pending' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rural_service_dates" CHECK ("rural_service"."ends_on" IS NULL OR "rural_service"."ends_on" > "rural_service"."starts_on"),
	CONSTRAINT "rural_service_not_self_approved" CHECK ("rural_service"."decided_by" IS NULL OR "rural_service"."decided_by" <> "rural_service"."recorded_by")
);
--> statement-breakpoint
ALTER TABLE "exchange_logs" ADD CONSTRAINT "exchange_logs_placement_id_exchange_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."exchange_placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_logs" ADD CONSTRAINT "exchange_logs_lesson_id_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."lessons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_logs" ADD CONSTRAINT "exchange_logs_resource_id_resources_id_fk" FOREIGN KEY ("resource_id") REFERENCES "public"."resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_logs" ADD CONSTRAINT "exchange_logs_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_reviews" ADD CONSTRAINT "exchange_reviews_placement_id_exchange_placements_id_fk" FOREIGN KEY ("placement_id") REFERENCES "public"."exchange_placements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_reviews" ADD CONSTRAINT "exchange_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rural_service" ADD CONSTRAINT "rural_service_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rural_service" ADD CONSTRAINT "rural_service_school_id_orgs_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rural_service" ADD CONSTRAINT "rural_service_evidence_resource_id_resources_id_fk" FOREIGN KEY ("evidence_resource_id") REFERENCES "public"."resources"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rural_service" ADD CONSTRAINT "rural_service_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rural_service" ADD CONSTRAINT "rural_service_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exchange_logs_placement_idx" ON "exchange_logs" USING btree ("placement_id","on");--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_logs_lesson_key" ON "exchange_logs" USING btree ("placement_id","lesson_id") WHERE "exchange_logs"."lesson_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "rural_service_user_idx" ON "rural_service" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "rural_service_school_idx" ON "rural_service" USING btree ("school_id","status");