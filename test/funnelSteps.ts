/**
 * The funnel steps, in funnel order, each pushed once per interaction; the
 * other stages (cancel, close, unavailable, error, interaction) every time.
 * Written out here, not imported, so tests state the rule independently.
 */
export const FUNNEL_STEPS = ['view', 'open', 'start', 'submit', 'complete'];

/** The items of one interaction that are pushed: funnel steps the first time only, everything else always. */
export function firstOfEachStep<T>(items: T[], stageOf: (item: T) => string): T[] {
  const seen: string[] = [];
  return items.filter((item) => {
    const stage = stageOf(item);
    if (!FUNNEL_STEPS.includes(stage)) return true;
    if (seen.includes(stage)) return false;
    seen.push(stage);
    return true;
  });
}
