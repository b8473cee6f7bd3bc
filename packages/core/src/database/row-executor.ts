/**
 * Runs parameterized SQL (`?` placeholders) and returns rows. The repositories the LLM service calls
 * (`llm_usage`, `llm_model_pricing`) take one instead of a `Database`, so the service can be given plain SQL
 * (a test double, another connection) without the ORM.
 */
export interface RowExecutor {
  execute<T extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

/**
 * The part of a `Database` that {@link rowExecutorFromDatabase} uses: its MikroORM connection. Structural, so a
 * package can accept `services.db` without naming MikroORM's types.
 */
export interface DatabaseLike {
  readonly orm: {
    readonly em: {
      getConnection(): { execute(sql: string, params?: unknown[], method?: 'all' | 'get' | 'run'): Promise<unknown> };
    };
  };
}

/**
 * Adapts a `Database` (from `createDatabase`) to a {@link RowExecutor} on its pooled connection.
 *
 * @example
 * ```ts
 * const sql = rowExecutorFromDatabase(await createDatabase({ url, logger }));
 * ```
 */
export function rowExecutorFromDatabase(db: DatabaseLike): RowExecutor {
  return {
    async execute<T extends Record<string, unknown>>(sql: string, params: readonly unknown[] = []) {
      const result = await db.orm.em.getConnection().execute(sql, [...params], 'all');
      return (Array.isArray(result) ? result : []) as T[];
    },
  };
}
