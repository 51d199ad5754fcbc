/**
 * What the relay keeps, behind one interface: which webhooks it has already
 * accepted (idempotency keys, hashed), which booking each token belongs to
 * (hashed), the outbox of Measurement Protocol requests not yet delivered
 * (sealed: the GA ids inside are never stored in clear) and the token
 * issuance rate-limit counters (hashed). Everything is written in SQL that
 * SQLite and Cloudflare D1 (SQLite underneath) both run, so the two engines
 * differ only in how a batch of statements is executed (`SqlEngine`).
 */

/** One outbox entry as the store hands it out for delivery. */
export interface OutboxEntry {
  /** Random id of the entry. */
  id: string;
  /** The sealed Measurement Protocol request. */
  payload: string;
  /** When the webhook was accepted, epoch ms (the events' timestamp). */
  createdAt: number;
  /** Delivery attempts so far, this one included. */
  attempts: number;
}

/** The outcome of offering a webhook to the store. */
export type Acceptance = 'accepted' | 'duplicate' | 'other-booking';

/** The relay's storage. Every method is atomic. */
export interface RelayStore {
  /**
   * Records the webhook's idempotency key and queues its request, unless the
   * key was seen before (`duplicate`) or the token already belongs to
   * another booking (`other-booking`): then nothing is written.
   */
  accept(webhook: { key: string; token: string; booking: string; entry: Omit<OutboxEntry, 'attempts'> }): Promise<Acceptance>;
  /**
   * Leases up to `limit` due entries for `leaseMs` (a crashed delivery is
   * retried once the lease ends; two concurrent drains never take the same
   * entry) and counts the attempt.
   */
  lease(now: number, limit: number, leaseMs: number): Promise<OutboxEntry[]>;
  /** After a batch: the entries `done` (delivered or given up) go; each of `retries` is tried again at its `nextAt`. */
  finish(done: readonly string[], retries: readonly { id: string; nextAt: number }[]): Promise<void>;
  /**
   * Makes every entry due at `now`, leased or waiting for a retry: for a
   * process that alone owns the store and restarts (its leases died with it).
   */
  requeue(now: number): Promise<void>;
  /** Counts one request in `bucket`'s window (ending `windowMs` after its first request); returns the count. */
  hit(bucket: string, now: number, windowMs: number): Promise<number>;
  /** Forgets idempotency keys and bindings recorded before `before`, and ended rate-limit windows. */
  prune(now: number, before: number): Promise<void>;
}

/** One SQL statement with its `?N` parameters. */
export type Statement = readonly [sql: string, params: readonly (string | number)[]];
/** The result of one statement: rows changed, and rows returned. */
export interface StatementResult {
  changes: number;
  rows: Record<string, unknown>[];
}
/** Runs statements in order as one transaction. */
export interface SqlEngine {
  batch(statements: readonly Statement[]): Promise<StatementResult[]>;
}

/** The tables, created when missing. One statement per entry (D1 runs them one by one). */
export const SCHEMA: readonly string[] = [
  'CREATE TABLE IF NOT EXISTS seen (key TEXT PRIMARY KEY, at INTEGER NOT NULL)',
  'CREATE INDEX IF NOT EXISTS seen_at ON seen (at)',
  'CREATE TABLE IF NOT EXISTS bindings (token TEXT PRIMARY KEY, booking TEXT NOT NULL, at INTEGER NOT NULL)',
  'CREATE INDEX IF NOT EXISTS bindings_at ON bindings (at)',
  'CREATE TABLE IF NOT EXISTS outbox (id TEXT PRIMARY KEY, payload TEXT NOT NULL, created_at INTEGER NOT NULL, attempts INTEGER NOT NULL, next_at INTEGER NOT NULL)',
  'CREATE INDEX IF NOT EXISTS outbox_due ON outbox (next_at)',
  'CREATE TABLE IF NOT EXISTS hits (bucket TEXT PRIMARY KEY, count INTEGER NOT NULL, until INTEGER NOT NULL)',
];

/** The store on any engine that runs SQLite's SQL. */
export function createSqlStore(engine: SqlEngine): RelayStore {
  return {
    async accept({ key, token, booking, entry }) {
      const [, queued, , bound] = await engine.batch([
        // The first webhook binds the token to its booking; a leaked URL cannot speak for other bookings.
        ['INSERT INTO bindings (token, booking, at) VALUES (?1, ?2, ?3) ON CONFLICT (token) DO NOTHING', [token, booking, entry.createdAt]],
        // Queued only when the key is new and the token is this booking's, decided inside the transaction.
        [
          'INSERT INTO outbox (id, payload, created_at, attempts, next_at) SELECT ?1, ?2, ?3, 0, ?3 ' +
            'WHERE NOT EXISTS (SELECT 1 FROM seen WHERE key = ?4) AND EXISTS (SELECT 1 FROM bindings WHERE token = ?5 AND booking = ?6)',
          [entry.id, entry.payload, entry.createdAt, key, token, booking],
        ],
        ['INSERT INTO seen (key, at) SELECT ?1, ?2 WHERE EXISTS (SELECT 1 FROM outbox WHERE id = ?3)', [key, entry.createdAt, entry.id]],
        ['SELECT booking FROM bindings WHERE token = ?1', [token]],
      ]);
      if (queued.changes == 1) return 'accepted';
      return bound.rows[0] && bound.rows[0].booking !== booking ? 'other-booking' : 'duplicate';
    },
    async lease(now, limit, leaseMs) {
      const [result] = await engine.batch([
        [
          'UPDATE outbox SET next_at = ?1, attempts = attempts + 1 WHERE id IN ' +
            '(SELECT id FROM outbox WHERE next_at <= ?2 ORDER BY next_at LIMIT ?3) RETURNING id, payload, created_at, attempts',
          [now + leaseMs, now, limit],
        ],
      ]);
      return result.rows.map((row) => ({
        id: String(row.id),
        payload: String(row.payload),
        createdAt: Number(row.created_at),
        attempts: Number(row.attempts),
      }));
    },
    async finish(done, retries) {
      if (!done.length && !retries.length) return;
      await engine.batch([
        ...done.map((id): Statement => ['DELETE FROM outbox WHERE id = ?1', [id]]),
        ...retries.map(({ id, nextAt }): Statement => ['UPDATE outbox SET next_at = ?1 WHERE id = ?2', [nextAt, id]]),
      ]);
    },
    async requeue(now) {
      await engine.batch([['UPDATE outbox SET next_at = ?1 WHERE next_at > ?1', [now]]]);
    },
    async hit(bucket, now, windowMs) {
      const [result] = await engine.batch([
        [
          'INSERT INTO hits (bucket, count, until) VALUES (?1, 1, ?2 + ?3) ON CONFLICT (bucket) DO UPDATE SET ' +
            'count = CASE WHEN until <= ?2 THEN 1 ELSE count + 1 END, until = CASE WHEN until <= ?2 THEN ?2 + ?3 ELSE until END RETURNING count',
          [bucket, now, windowMs],
        ],
      ]);
      return Number(result.rows[0].count);
    },
    async prune(now, before) {
      await engine.batch([
        ['DELETE FROM seen WHERE at < ?1', [before]],
        ['DELETE FROM bindings WHERE at < ?1', [before]],
        ['DELETE FROM hits WHERE until <= ?1', [now]],
      ]);
    },
  };
}
