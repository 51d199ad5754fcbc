/**
 * The funnel steps, in funnel order; the other stages (cancel, close,
 * unavailable, error, interaction) are never demoted. Written out here, not
 * imported, so tests state the rule independently of the code.
 */
export const FUNNEL_STEPS = ['view', 'open', 'start', 'submit', 'complete'];

/**
 * The stage each event of one interaction is pushed with, in order: its own,
 * unless it is a funnel step at or before the furthest step already pushed,
 * which is pushed as `interaction`.
 */
export function pushedStages(stages: string[]): string[] {
  let furthest = -1;
  return stages.map((stage) => {
    const step = FUNNEL_STEPS.indexOf(stage);
    if (step >= 0 && step <= furthest) return 'interaction';
    furthest = Math.max(furthest, step);
    return stage;
  });
}

/** Whether the funnel-step stages of `stages`, in order, strictly increase. */
export function stepsStrictlyIncrease(stages: string[]): boolean {
  const steps = stages.map((stage) => FUNNEL_STEPS.indexOf(stage)).filter((step) => step >= 0);
  return steps.every((step, i) => i == 0 || step > steps[i - 1]);
}
