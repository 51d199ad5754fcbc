import { LOG_PREFIX } from '../lib/logPrefix';

/** Debug logger: one readable console line per call when debug is on, nothing otherwise. */
export type Log = (message: string, ...detail: unknown[]) => void;

export function createLog(debug: boolean): Log {
  return debug ? (message, ...detail) => console.log(LOG_PREFIX + message, ...detail) : () => {};
}
