-- A membership made without its start day teaches there from today as Beijing counts it: the default was the
-- connection's date (UTC), a day early for one made between 00:00 and 08:00 in Beijing.
ALTER TABLE "memberships" ALTER COLUMN "since" SET DEFAULT (now() AT TIME ZONE 'Asia/Shanghai')::date;
