import type { Log } from './log';

/**
 * Runs `fn` so that nothing it throws reaches the page or a vendor's call
 * stack; the error is logged in debug mode only.
 */
export function guard<A extends unknown[]>(log: Log, fn: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      fn(...args);
    } catch (error) {
      log('error caught, page unaffected:', error);
    }
  };
}
