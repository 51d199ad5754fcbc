/**
 * A bounded memory of recently seen keys. The returned function answers
 * whether `key` was seen within the last `windowMs` milliseconds and records
 * it if not. At most `limit` keys are kept, oldest dropped first, so the state
 * stays flat however many events a long-lived page sees.
 */
export function createSeenBefore(limit: number, windowMs: number) {
  // Time-ordered, oldest first: once an expired entry is found, all older ones are expired too.
  const entries: [key: string, time: number][] = [];
  return (key: string): boolean => {
    const time = Date.now();
    for (let i = entries.length; i--;) {
      if (time - entries[i][1] > windowMs) {
        entries.splice(0, i + 1);
        break;
      }
      if (entries[i][0] === key) return true;
    }
    if (entries.push([key, time]) > limit) entries.shift();
    return false;
  };
}
