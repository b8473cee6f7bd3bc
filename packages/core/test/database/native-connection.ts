import type { Database } from '../../src/database/index.js';

/** A connection of the database's own `pg` pool, for a test that holds a transaction open beside the code under test. */
export interface NativeConnection {
  query(text: string, values?: unknown[]): Promise<unknown>;
  release(): void;
}

/** Takes a connection from `db`'s `pg` pool (the one `preparedQuery` uses); release it when done. */
export async function nativeConnection(db: Database): Promise<NativeConnection> {
  const pool = await (db.orm.em.getConnection() as unknown as { getNativeClient(): Promise<{ connect(): Promise<NativeConnection> }> }).getNativeClient();
  return pool.connect();
}
