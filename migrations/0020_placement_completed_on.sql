-- The day a placement completed (its final review's day in Beijing), so "in post on a day" reads the same for the
-- placements list, the group's view, the reports and the rural-service years, including a placement completed before
-- its planned end: it is held over [starts_on, least(ends_on, completed_on)).
ALTER TABLE "exchange_placements" ADD COLUMN "completed_on" date;--> statement-breakpoint
UPDATE "exchange_placements" p SET "completed_on" = coalesce(
  (SELECT (r."reviewed_at" AT TIME ZONE 'Asia/Shanghai')::date FROM "exchange_reviews" r
    WHERE r."placement_id" = p."id" AND r."stage" = 'final'),
  p."ends_on")
WHERE p."status" = 'completed';--> statement-breakpoint
ALTER TABLE "exchange_placements" ADD CONSTRAINT "exchange_placements_completed" CHECK (("exchange_placements"."status" = 'completed') = ("exchange_placements"."completed_on" IS NOT NULL));
