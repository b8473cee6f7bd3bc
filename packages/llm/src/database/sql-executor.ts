/**
 * The one database capability the LLM service needs: run parameterized SQL (`?` placeholders) and get rows
 * back. Written against plain SQL so the service does not depend on entity classes.
 */
export interface SqlExecutor {
  execute<T extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/** The part of core's `Database` used here (MikroORM's connection). */
export interface DatabaseLike {
  readonly orm: {
    readonly em: {
      getConnection(): { execute(sql: string, params?: unknown[], method?: 'all' | 'get' | 'run'): Promise<unknown> };
    };
  };
}

/**
 * Adapts core's `Database` (from `createDatabase`) to a {@link SqlExecutor}.
 *
 * @example
 * ```ts
 * const sql = sqlExecutorFromDatabase(await createDatabase({ url, logger }));
 * ```
 */
export function sqlExecutorFromDatabase(db: DatabaseLike): SqlExecutor {
  return {
    async execute<T extends Record<string, unknown>>(sql: string, params: readonly unknown[] = []) {
      const result = await db.orm.em.getConnection().execute(sql, [...params], 'all');
      return (Array.isArray(result) ? result : []) as T[];
    },
  };
}
