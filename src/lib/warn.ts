import { LOG_PREFIX } from './logPrefix';

/** A console warning about the site's configuration; shown whether or not debug is on. */
export function warn(message: string): void {
  console.warn(LOG_PREFIX + message);
}
