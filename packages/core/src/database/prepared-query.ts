import type { Database } from './create-database.js';

interface NativePool {
  query<Row>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: Row[] }>;
}

const pools = new WeakMap<Database, Promise<NativePool>>();

/**
 * Runs a hot read as a named prepared statement on the database's own `pg` pool (same pool, same size): PostgreSQL
 * plans it once per connection instead of on every request, which is most of its cost for a join. For the few
 * queries on every request only; everything else goes through MikroORM (and its slow-query log).
 *
 * @param name - unique per statement text: `pg` prepares a name once per connection and reuses it.
 */
export async function preparedQuery<Row>(db: Database, name: string, text: string, values: unknown[]): Promise<Row[]> {
  let pool = pools.get(db);
  if (pool === undefined) {
    pool = (db.orm.em.getConnection() as unknown as { getNativeClient(): Promise<NativePool> }).getNativeClient();
    pools.set(db, pool);
  }
  return (await (await pool).query<Row>({ name, text, values })).rows;
}
