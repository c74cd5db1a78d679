-- Rural-service honour thresholds per group or district (issue 12: the policy's figures are settings, not constants):
-- a school takes its group's row, else its district's, else the published 10 / 20 / 30 years.
CREATE TABLE "honour_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"county_years" integer,
	"provincial_years" integer,
	"national_years" integer,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "honour_settings_years" CHECK (("honour_settings"."county_years" IS NULL OR "honour_settings"."county_years" BETWEEN 1 AND 60)
        AND ("honour_settings"."provincial_years" IS NULL OR "honour_settings"."provincial_years" BETWEEN 1 AND 60)
        AND ("honour_settings"."national_years" IS NULL OR "honour_settings"."national_years" BETWEEN 1 AND 60)),
	CONSTRAINT "honour_settings_ascending" CHECK (("honour_settings"."county_years" IS NULL OR "honour_settings"."provincial_years" IS NULL OR "honour_settings"."county_years" < "honour_settings"."provincial_years")
        AND ("honour_settings"."provincial_years" IS NULL OR "honour_settings"."national_years" IS NULL OR "honour_settings"."provincial_years" < "honour_settings"."national_years")
        AND ("honour_settings"."county_years" IS NULL OR "honour_settings"."national_years" IS NULL OR "honour_settings"."county_years" < "honour_settings"."national_years")
        AND num_nonnulls("honour_settings"."county_years", "honour_settings"."provincial_years", "honour_settings"."national_years") > 0)
);
--> statement-breakpoint
ALTER TABLE "honour_settings" ADD CONSTRAINT "honour_settings_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "honour_settings" ADD CONSTRAINT "honour_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;