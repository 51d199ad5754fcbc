/**
 * The embedded store: SQLite in one file through Node's built-in `node:sqlite`
 * (Node 22.5 and later), so the relay runs with one command and no other server.
 * https://nodejs.org/api/sqlite.html
 */
import { DatabaseSync } from 'node:sqlite';
import { createSqlStore, SCHEMA, type RelayStore, type SqlEngine, type StatementResult } from './store';

/** The store in the SQLite file at `path` (`:memory:` for tests), tables created when missing. */
export function openSqliteStore(path: string): RelayStore & { close(): void } {
  const db = new DatabaseSync(path);
  // WAL: readers never wait for the writer; NORMAL sync is durable across process crashes in WAL mode.
  // https://www.sqlite.org/wal.html
  if (path != ':memory:') db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000');
  for (const statement of SCHEMA) db.exec(statement);
  // Each statement is compiled once.
  const prepared = new Map<string, { statement: ReturnType<DatabaseSync['prepare']>; returnsRows: boolean }>();
  const prepare = (sql: string) => {
    let entry = prepared.get(sql);
    if (!entry) prepared.set(sql, (entry = { statement: db.prepare(sql), returnsRows: /\bRETURNING\b|^\s*SELECT\b/i.test(sql) }));
    return entry;
  };
  const engine: SqlEngine = {
    // Synchronous underneath: the transaction can never interleave with another request's.
    async batch(statements) {
      const results: StatementResult[] = [];
      db.exec('BEGIN IMMEDIATE');
      try {
        for (const [sql, params] of statements) {
          const { statement, returnsRows } = prepare(sql);
          if (returnsRows) {
            const rows = statement.all(...params) as Record<string, unknown>[];
            results.push({ changes: rows.length, rows });
          } else {
            results.push({ changes: Number(statement.run(...params).changes), rows: [] });
          }
        }
        db.exec('COMMIT');
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
      return results;
    },
  };
  return Object.assign(createSqlStore(engine), { close: () => db.close() });
}
