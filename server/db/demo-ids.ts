// The demo data's ids by name, for the seed itself and for the tests that use the demo tenants.
export interface DemoIds {
  orgs: Record<string, string>;
  classrooms: Record<string, string>;
  users: Record<string, string>;
  facilities: Record<string, string>;
  lessons?: Record<string, string>;
  exchanges?: Record<string, string>;
}

/** The id under `key`; the demo data is built in order, so a missing one is a mistake in the seed. */
export function must(ids: Record<string, string>, key: string): string {
  const id = ids[key];
  if (!id) throw new Error(`demo data: nothing called ${key} yet`);
  return id;
}

/** The one row an INSERT … RETURNING gave. */
export function first<T>(rows: T[]): T {
  const [row] = rows;
  if (!row) throw new Error('demo data: an insert returned no row');
  return row;
}
