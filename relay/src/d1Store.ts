/**
 * The distributed store: Cloudflare D1, whose `batch()` runs its statements
 * in order as one transaction, so the same SQL as the embedded store holds.
 * https://developers.cloudflare.com/d1/worker-api/d1-database/#batch
 */
import type { D1Database } from '@cloudflare/workers-types/index.ts';
import { createSqlStore, SCHEMA, type RelayStore } from './store';

/** The store in a D1 database; the tables are created (if missing) before the first statement. */
export function openD1Store(db: D1Database): RelayStore {
  let ready: Promise<unknown> | undefined;
  return createSqlStore({
    async batch(statements) {
      ready =
        ready ||
        db.batch(SCHEMA.map((sql) => db.prepare(sql).bind())).catch((error: unknown) => {
          ready = undefined; // try again with the next request
          throw error;
        });
      await ready;
      const results = await db.batch<Record<string, unknown>>(statements.map(([sql, params]) => db.prepare(sql).bind(...params)));
      return results.map((result) => ({ changes: Number(result.meta.changes || 0), rows: result.results || [] }));
    },
  });
}
