import type { Database } from './create-database.js';

interface QueryConfig {
  name: string;
  text: string;
  values: unknown[];
}

interface NativeClient {
  query<Row>(config: QueryConfig | string): Promise<{ rows: Row[] }>;
  release(error?: Error | boolean): void;
}

interface NativePool {
  query<Row>(config: QueryConfig): Promise<{ rows: Row[] }>;
  connect(): Promise<NativeClient>;
}

/** Runs one named prepared statement; what {@link preparedTransaction} hands its work. */
export type PreparedRunner = <Row>(name: string, text: string, values: unknown[]) => Promise<Row[]>;

const pools = new WeakMap<Database, Promise<NativePool>>();

function nativePool(db: Database): Promise<NativePool> {
  let pool = pools.get(db);
  if (pool === undefined) {
    pool = (db.orm.em.getConnection() as unknown as { getNativeClient(): Promise<NativePool> }).getNativeClient();
    pools.set(db, pool);
  }
  return pool;
}

/**
 * Runs a hot statement as a named prepared statement on the database's own `pg` pool (same pool, same size):
 * PostgreSQL plans it once per connection instead of on every request, which is most of its cost for a join or a
 * statement with several parts, and no entity manager is forked for it. For the few statements on every request
 * only; everything else goes through MikroORM (and its slow-query log). Errors are `pg`'s own (`error.code` is the
 * SQLSTATE), not MikroORM's exception classes.
 *
 * @param name - unique per statement text: `pg` prepares a name once per connection and reuses it.
 */
export async function preparedQuery<Row>(db: Database, name: string, text: string, values: unknown[]): Promise<Row[]> {
  return (await (await nativePool(db)).query<Row>({ name, text, values })).rows;
}

/**
 * Runs `work` in one transaction on one connection of the same pool, its statements prepared as in
 * {@link preparedQuery}: committed when `work` resolves, rolled back when it throws (the error is rethrown).
 */
export async function preparedTransaction<T>(db: Database, work: (query: PreparedRunner) => Promise<T>): Promise<T> {
  const client = await (await nativePool(db)).connect();
  try {
    await client.query('begin');
    const result = await work(async <Row>(name: string, text: string, values: unknown[]) => (await client.query<Row>({ name, text, values })).rows);
    await client.query('commit');
    client.release();
    return result;
  } catch (error) {
    // A connection whose rollback fails is in an unknown state: the pool discards it instead of reusing it.
    const broken = await client.query('rollback').then(
      () => undefined,
      (rollbackError: unknown) => rollbackError,
    );
    client.release(broken instanceof Error ? broken : broken !== undefined);
    throw error;
  }
}
