-- Each school's public page (信息公开, seed clause 13, issue 13): the sections its admins write and when each was
-- last updated, and how many working days a section may go without an update before the editor flags it.
CREATE TYPE "public"."public_section" AS ENUM('basic', 'courses', 'timetable', 'enrolment', 'fees', 'facilities', 'resources');--> statement-breakpoint
CREATE TABLE "public_page_sections" (
	"school_id" uuid NOT NULL,
	"section" "public_section" NOT NULL,
	"content" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "public_page_sections_school_id_section_pk" PRIMARY KEY("school_id","section")
);
--> statement-breakpoint
CREATE TABLE "public_pages" (
	"school_id" uuid PRIMARY KEY NOT NULL,
	"review_working_days" integer DEFAULT 20 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "public_pages_review_days" CHECK ("public_pages"."review_working_days" BETWEEN 1 AND 120)
);
--> statement-breakpoint
ALTER TABLE "public_page_sections" ADD CONSTRAINT "public_page_sections_school_id_public_pages_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."public_pages"("school_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_page_sections" ADD CONSTRAINT "public_page_sections_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_pages" ADD CONSTRAINT "public_pages_school_id_orgs_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;