-- No double booking, guaranteed by PostgreSQL itself rather than a check-then-insert in code: two pending or
-- approved rows (bookings and block-outs alike) of one facility may not overlap. Intervals are half-open
-- [starts_at, ends_at), so back-to-back slots are fine. Needs btree_gist (0000_extensions) for the uuid
-- equality inside a GiST index. Violations arrive as SQLSTATE 23P01 with this constraint's name.
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_no_overlap"
  EXCLUDE USING gist ("facility_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
  WHERE ("status" IN ('pending', 'approved'));
