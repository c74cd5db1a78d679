CREATE TYPE "public"."application_status" AS ENUM('submitted', 'under_consideration', 'placed', 'withdrawn', 'declined', 'deferred');--> statement-breakpoint
CREATE TYPE "public"."approval_step" AS ENUM('home', 'host', 'group');--> statement-breakpoint
CREATE TYPE "public"."exchange_kind" AS ENUM('rotation', 'support', 'shadowing', 'mentoring');--> statement-breakpoint
CREATE TYPE "public"."key_share_base" AS ENUM('rotated', 'eligible');--> statement-breakpoint
CREATE TYPE "public"."placement_status" AS ENUM('active', 'completed', 'ended');--> statement-breakpoint
CREATE TYPE "public"."programme_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TABLE "exchange_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"posting_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"home_school_id" uuid NOT NULL,
	"submitted_by" uuid NOT NULL,
	"statement" text DEFAULT '' NOT NULL,
	"status" "application_status" DEFAULT 'submitted' NOT NULL,
	"decline_reason" text,
	"deferral_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_approvals" (
	"application_id" uuid NOT NULL,
	"step" "approval_step" NOT NULL,
	"approved_by" uuid NOT NULL,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_approvals_application_id_step_pk" PRIMARY KEY("application_id","step")
);
--> statement-breakpoint
CREATE TABLE "exchange_placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"posting_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	"home_school_id" uuid NOT NULL,
	"host_school_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" "placement_status" DEFAULT 'active' NOT NULL,
	"mentor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_placements_dates" CHECK ("exchange_placements"."ends_on" > "exchange_placements"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "exchange_postings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"school_id" uuid NOT NULL,
	"subject" "subject" NOT NULL,
	"grade_from" integer NOT NULL,
	"grade_to" integer NOT NULL,
	"places" integer NOT NULL,
	"filled" integer DEFAULT 0 NOT NULL,
	"starts_on" date NOT NULL,
	"months" integer NOT NULL,
	"duties" text DEFAULT '' NOT NULL,
	"requirements" text DEFAULT '' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_postings_filled" CHECK ("exchange_postings"."filled" >= 0 AND "exchange_postings"."filled" <= "exchange_postings"."places"),
	CONSTRAINT "exchange_postings_places" CHECK ("exchange_postings"."places" >= 1),
	CONSTRAINT "exchange_postings_grades" CHECK ("exchange_postings"."grade_from" BETWEEN 1 AND 12 AND "exchange_postings"."grade_to" BETWEEN "exchange_postings"."grade_from" AND 12),
	CONSTRAINT "exchange_postings_months" CHECK ("exchange_postings"."months" BETWEEN 1 AND 60)
);
--> statement-breakpoint
CREATE TABLE "exchange_programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" "exchange_kind" NOT NULL,
	"name" text NOT NULL,
	"school_year" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"goals" text DEFAULT '' NOT NULL,
	"status" "programme_status" DEFAULT 'open' NOT NULL,
	"min_years_at_school" integer DEFAULT 6 NOT NULL,
	"retirement_margin_years" integer DEFAULT 5 NOT NULL,
	"min_months" integer DEFAULT 12 NOT NULL,
	"max_months" integer DEFAULT 36 NOT NULL,
	"rotation_share_pct" integer DEFAULT 10 NOT NULL,
	"key_share_pct" integer DEFAULT 20 NOT NULL,
	"key_share_base" "key_share_base" DEFAULT 'rotated' NOT NULL,
	"approval_steps" "approval_step"[] DEFAULT '{home,host,group}'::approval_step[] NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_programmes_dates" CHECK ("exchange_programmes"."ends_on" > "exchange_programmes"."starts_on"),
	CONSTRAINT "exchange_programmes_months" CHECK ("exchange_programmes"."min_months" >= 1 AND "exchange_programmes"."max_months" >= "exchange_programmes"."min_months" AND "exchange_programmes"."max_months" <= 60),
	CONSTRAINT "exchange_programmes_shares" CHECK ("exchange_programmes"."rotation_share_pct" BETWEEN 0 AND 100 AND "exchange_programmes"."key_share_pct" BETWEEN 0 AND 100),
	CONSTRAINT "exchange_programmes_steps" CHECK (cardinality("exchange_programmes"."approval_steps") >= 1)
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "since" date DEFAULT now() NOT NULL;--> statement-breakpoint
-- Memberships made before this column: teaching there since they joined the platform, as far as it knows.
UPDATE "memberships" SET "since" = ("created_at" AT TIME ZONE 'Asia/Shanghai')::date;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "key_teacher" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "retires_on" date;--> statement-breakpoint
ALTER TABLE "exchange_applications" ADD CONSTRAINT "exchange_applications_posting_id_exchange_postings_id_fk" FOREIGN KEY ("posting_id") REFERENCES "public"."exchange_postings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_applications" ADD CONSTRAINT "exchange_applications_teacher_id_users_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_applications" ADD CONSTRAINT "exchange_applications_home_school_id_orgs_id_fk" FOREIGN KEY ("home_school_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_applications" ADD CONSTRAINT "exchange_applications_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_applications" ADD CONSTRAINT "exchange_applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_approvals" ADD CONSTRAINT "exchange_approvals_application_id_exchange_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."exchange_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_approvals" ADD CONSTRAINT "exchange_approvals_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_placements" ADD CONSTRAINT "exchange_placements_application_id_exchange_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."exchange_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_placements" ADD CONSTRAINT "exchange_placements_posting_id_exchange_postings_id_fk" FOREIGN KEY ("posting_id") REFERENCES "public"."exchange_postings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_placements" ADD CONSTRAINT "exchange_placements_teacher_id_users_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_placements" ADD CONSTRAINT "exchange_placements_home_school_id_orgs_id_fk" FOREIGN KEY ("home_school_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_placements" ADD CONSTRAINT "exchange_placements_host_school_id_orgs_id_fk" FOREIGN KEY ("host_school_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_placements" ADD CONSTRAINT "exchange_placements_mentor_id_users_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_postings" ADD CONSTRAINT "exchange_postings_programme_id_exchange_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."exchange_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_postings" ADD CONSTRAINT "exchange_postings_school_id_orgs_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_postings" ADD CONSTRAINT "exchange_postings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_programmes" ADD CONSTRAINT "exchange_programmes_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_programmes" ADD CONSTRAINT "exchange_programmes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exchange_applications_posting_idx" ON "exchange_applications" USING btree ("posting_id","status");--> statement-breakpoint
CREATE INDEX "exchange_applications_teacher_idx" ON "exchange_applications" USING btree ("teacher_id","status");--> statement-breakpoint
CREATE INDEX "exchange_applications_home_idx" ON "exchange_applications" USING btree ("home_school_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_applications_pending_key" ON "exchange_applications" USING btree ("posting_id","teacher_id") WHERE "exchange_applications"."status" IN ('submitted', 'under_consideration');--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_placements_application_key" ON "exchange_placements" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "exchange_placements_teacher_idx" ON "exchange_placements" USING btree ("teacher_id","starts_on");--> statement-breakpoint
CREATE INDEX "exchange_placements_host_idx" ON "exchange_placements" USING btree ("host_school_id","starts_on");--> statement-breakpoint
CREATE INDEX "exchange_placements_home_idx" ON "exchange_placements" USING btree ("home_school_id","starts_on");--> statement-breakpoint
CREATE INDEX "exchange_postings_programme_idx" ON "exchange_postings" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "exchange_postings_school_idx" ON "exchange_postings" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "exchange_programmes_org_idx" ON "exchange_programmes" USING btree ("org_id","starts_on");--> statement-breakpoint
-- A teacher is never in two overlapping active placements, guaranteed by PostgreSQL (as bookings_no_overlap is):
-- half-open [starts_on, ends_on) days; needs btree_gist (0000_extensions). Violations arrive as SQLSTATE 23P01.
ALTER TABLE "exchange_placements" ADD CONSTRAINT "exchange_placements_no_overlap"
  EXCLUDE USING gist ("teacher_id" WITH =, daterange("starts_on", "ends_on", '[)') WITH &&)
  WHERE ("status" = 'active');
