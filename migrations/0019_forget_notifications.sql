-- Every app process keeps signed-in people and rendered public pages for a few seconds (server/lib/actor-cache.ts,
-- public-pages.cache.ts). A change that alters either tells every process at once, whichever process (or script)
-- made it: a NOTIFY on channel tz_forget, sent when its transaction commits (never for one rolled back; repeated
-- payloads within one transaction are sent once). Payloads: 'user:<id>', 'school:<id>', or 'all'.
-- server/lib/forget.ts listens.
CREATE FUNCTION tz_forget_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('tz_forget', 'user:' || (to_jsonb(OLD) ->> TG_ARGV[0])); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('tz_forget', 'user:' || (to_jsonb(NEW) ->> TG_ARGV[0])); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION tz_forget_all() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tz_forget', 'all');
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION tz_forget_school() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('tz_forget', 'school:' || OLD.school_id); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('tz_forget', 'school:' || NEW.school_id); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A session or token revoked, ended early or deleted (last_used_at, touched while in use, changes nobody).
CREATE TRIGGER credentials_forget AFTER UPDATE OF revoked_at, expires_at ON credentials
  FOR EACH ROW WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR NEW.expires_at <= now())
  EXECUTE FUNCTION tz_forget_user('user_id');
--> statement-breakpoint
CREATE TRIGGER credentials_forget_deleted AFTER DELETE ON credentials
  FOR EACH ROW EXECUTE FUNCTION tz_forget_user('user_id');
--> statement-breakpoint
-- What a signed-in person carries: name, email and language; every membership.
CREATE TRIGGER users_forget AFTER UPDATE OF name, email, locale ON users
  FOR EACH ROW WHEN ((OLD.name, OLD.email, OLD.locale) IS DISTINCT FROM (NEW.name, NEW.email, NEW.locale))
  EXECUTE FUNCTION tz_forget_user('id');
--> statement-breakpoint
CREATE TRIGGER users_forget_deleted AFTER DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION tz_forget_user('id');
--> statement-breakpoint
CREATE TRIGGER memberships_forget AFTER INSERT OR UPDATE OR DELETE ON memberships
  FOR EACH ROW EXECUTE FUNCTION tz_forget_user('user_id');
--> statement-breakpoint
-- An organisation's name, kind or place, or a classroom's name, shows in the memberships of many people: all forgotten.
CREATE TRIGGER orgs_forget AFTER UPDATE OF name, kind, group_id, district_id ON orgs
  FOR EACH ROW WHEN ((OLD.name, OLD.kind, OLD.group_id, OLD.district_id)
    IS DISTINCT FROM (NEW.name, NEW.kind, NEW.group_id, NEW.district_id))
  EXECUTE FUNCTION tz_forget_all();
--> statement-breakpoint
CREATE TRIGGER classrooms_forget AFTER UPDATE OF name ON classrooms
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION tz_forget_all();
--> statement-breakpoint
-- A school's public page: its facts and each section.
CREATE TRIGGER public_pages_forget AFTER INSERT OR UPDATE OR DELETE ON public_pages
  FOR EACH ROW EXECUTE FUNCTION tz_forget_school();
--> statement-breakpoint
CREATE TRIGGER public_page_sections_forget AFTER INSERT OR UPDATE OR DELETE ON public_page_sections
  FOR EACH ROW EXECUTE FUNCTION tz_forget_school();
