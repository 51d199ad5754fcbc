/**
 * The embedded store: SQLite in one file through Node's built-in `node:sqlite`
 * (Node 22.5 and later), so the relay runs with one command and no other server.
 * https://nodejs.org/api/sqlite.html
 */
import { DatabaseSync } from 'node:sqlite';
import { createSqlStore, SCHEMA, type RelayStore, type SqlEngine, type Statement, type StatementResult } from './store';

/** A batch waiting for the next commit, and who waits for its results. */
interface Pending {
  statements: readonly Statement[];
  resolve(results: StatementResult[]): void;
  reject(error: unknown): void;
}

/**
 * The store in the SQLite file at `path` (`:memory:` for tests), tables created when missing.
 *
 * Group commit: the batches asked for during one turn of the event loop are written in one
 * transaction, each inside its own savepoint (a failing batch undoes only itself). Every commit
 * writes to the WAL file, and one write for the 30 webhooks in flight costs what one costs alone;
 * no caller hears back before its batch is committed.
 * https://www.sqlite.org/lang_savepoint.html
 */
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
  function runStatement([sql, params]: Statement): StatementResult {
    const { statement, returnsRows } = prepare(sql);
    if (!returnsRows) return { changes: Number(statement.run(...params).changes), rows: [] };
    const rows = statement.all(...params) as Record<string, unknown>[];
    return { changes: rows.length, rows };
  }

  // The transaction's own statements, compiled once too.
  const [begin, end, savepoint, release, undo] = ['BEGIN IMMEDIATE', 'COMMIT', 'SAVEPOINT batch', 'RELEASE batch', 'ROLLBACK TO batch'].map(
    (sql) => db.prepare(sql),
  );

  let queue: Pending[] = [];
  /** Commits every queued batch in one transaction (synchronous: nothing interleaves with it). */
  function commit(): void {
    const batches = queue;
    queue = [];
    const outcomes: (() => void)[] = [];
    begin.run();
    try {
      for (const pending of batches) {
        savepoint.run();
        try {
          const results = pending.statements.map(runStatement);
          release.run();
          outcomes.push(() => pending.resolve(results));
        } catch (error) {
          undo.run();
          release.run();
          outcomes.push(() => pending.reject(error));
        }
      }
      end.run();
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      for (const pending of batches) pending.reject(error);
      return;
    }
    for (const outcome of outcomes) outcome();
  }

  const engine: SqlEngine = {
    batch(statements) {
      return new Promise(function enqueue(resolve, reject) {
        if (queue.push({ statements, resolve, reject }) == 1) setImmediate(commit);
      });
    },
  };
  return Object.assign(createSqlStore(engine), {
    close: () => {
      if (queue.length) commit();
      db.close();
    },
  });
}
