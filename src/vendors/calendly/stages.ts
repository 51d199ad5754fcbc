/**
 * Calendly event → stage (the `calendly.` prefix removed). `page_height` is
 * deliberately absent: it is the embed's layout, not something the visitor
 * did. Why each event has its stage: docs.ts.
 */
import type { StageTable } from '../../core/adapter';

export const calendlyStages = {
  profile_page_viewed: 'view',
  event_type_viewed: 'view',
  date_and_time_selected: 'start',
  event_scheduled: 'complete',
} as const satisfies StageTable;

/** A Calendly event name, without its `calendly.` prefix. */
export type CalendlyAction = keyof typeof calendlyStages;
