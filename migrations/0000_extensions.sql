-- Extensions later migrations rely on, created first so every database has them.
-- btree_gist: exclusion constraints that mix equality (facility id) with range overlap (no double booking).
-- pg_trgm: trigram indexes for Chinese-capable substring search.
-- Both ship with PostgreSQL's contrib (Debian: postgresql-15) and with PGlite, where they must be passed to
-- the PGlite constructor (server/lib/db-pglite.ts) before CREATE EXTENSION can find them.
CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
