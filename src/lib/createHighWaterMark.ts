/**
 * A bounded memory of the highest value recorded per key. The returned
 * function records `value` for `key` and answers the highest value recorded
 * for it before, or -1 for a key it does not know. At most `limit` keys are
 * kept, oldest first out, so the state stays flat on long-lived pages.
 */
export function createHighWaterMark(limit: number) {
  const entries: [key: string, highest: number][] = [];
  return (key: string, value: number): number => {
    for (let i = entries.length; i--;) {
      if (entries[i][0] === key) {
        const before = entries[i][1];
        if (value > before) entries[i][1] = value;
        return before;
      }
    }
    if (entries.push([key, value]) > limit) entries.shift();
    return -1;
  };
}
