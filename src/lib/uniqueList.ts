import type { DropEntry } from '../core/adapter';

/** Longest list any field accepts: real configurations list a handful; a huge one is a bug, not a setting. */
export const MAX_LIST_LENGTH = 100;

/**
 * The entries of a list that pass, without repeats (the first of each kept); each other entry is
 * reported through `drop` (with `why` when given) and left out. Not an array, or longer than
 * MAX_LIST_LENGTH: undefined, the whole value is invalid.
 */
export function uniqueList<T>(
  value: unknown,
  each: (entry: unknown) => entry is T,
  drop?: DropEntry,
  why?: (entry: unknown) => string | undefined,
): T[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_LIST_LENGTH) return undefined;
  const list: T[] = [];
  for (let i = 0; i < value.length; i++) {
    const entry: unknown = value[i];
    if (!each(entry)) {
      if (drop) drop(i, entry, why && why(entry));
    } else if (list.indexOf(entry) < 0) list.push(entry);
  }
  return list;
}
