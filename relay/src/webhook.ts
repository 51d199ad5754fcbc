/**
 * Chili Piper's booking webhook, read strictly. Chili Piper signs nothing, so
 * the body is accepted only in the documented shape — `{routeId, eventId,
 * actionType, assigneeId, slot: {start, end}}`, slot in milliseconds — and
 * everything else is refused.
 * (Chili Piper help center: the Concierge REST API article, section "Webhook").
 */

/** Each documented `actionType`: the relay's own event for it and who initiated it. */
export const ACTION_TYPES = {
  create: { event: 'meeting_created', initiator: 'prospect' },
  reschedule: { event: 'meeting_rescheduled', initiator: 'prospect' },
  agent_reschedule: { event: 'meeting_rescheduled', initiator: 'rep' },
  reassign: { event: 'meeting_reassigned', initiator: 'rep' },
  cancel: { event: 'meeting_canceled', initiator: 'rep' },
  prospect_cancel: { event: 'meeting_canceled', initiator: 'prospect' },
} as const;

export type ActionType = keyof typeof ACTION_TYPES;

/** A webhook as the relay keeps it. `assigneeId` (a rep's CRM user id) is read for shape only, never kept. */
export interface ChiliPiperWebhook {
  /** The booking request's id, the interaction id the browser pushed. */
  routeId: string;
  /** The meeting's id. */
  eventId: string;
  /** What happened to the meeting. */
  actionType: ActionType;
  /** The meeting's slot, epoch milliseconds. */
  slot: { start: number; end: number };
}

/** Chili Piper's ids: 24 hex characters for routes and events; CRM user ids are 15/18 alphanumerics. */
const ID = /^[A-Za-z0-9]{1,64}$/;
const KEYS = ['routeId', 'eventId', 'actionType', 'assigneeId', 'slot'];
/** Slots outside 2015–2100 are not bookings. */
const EARLIEST = Date.UTC(2015, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);
/** A meeting longer than a day is not a booking either. */
const LONGEST = 24 * 60 * 60 * 1000;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value == 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
const isTime = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) >= EARLIEST && (value as number) < LATEST;

/** Why a body is refused: the offending field (a dotted path) and what it must be. */
export interface FieldProblem {
  field: string;
  expected: string;
}

const CHILI_PIPER_ID = 'letters and digits, at most 64 (Chili Piper writes 24 hex characters)';
const EPOCH_MS = 'epoch milliseconds (an integer between 2015 and 2100)';

/** The webhook and its idempotency key (hashed before it is stored), or the field that is wrong. */
export function parseWebhook(body: unknown): { webhook: ChiliPiperWebhook; key: string } | { error: FieldProblem } {
  const refuse = (field: string, expected: string) => ({ error: { field, expected } });
  if (!isRecord(body)) return refuse('(body)', 'a JSON object {routeId, eventId, actionType, assigneeId, slot: {start, end}}');
  for (const key of Object.keys(body)) if (KEYS.indexOf(key) < 0) return refuse(key.slice(0, 40), 'no such field: only ' + KEYS.join(', '));
  const { routeId, eventId, actionType, assigneeId, slot } = body;
  if (typeof routeId != 'string' || !ID.test(routeId)) return refuse('routeId', CHILI_PIPER_ID);
  if (typeof eventId != 'string' || !ID.test(eventId)) return refuse('eventId', CHILI_PIPER_ID);
  if (typeof actionType != 'string' || !Object.prototype.hasOwnProperty.call(ACTION_TYPES, actionType))
    return refuse('actionType', 'one of ' + Object.keys(ACTION_TYPES).join(', '));
  if (assigneeId !== undefined && (typeof assigneeId != 'string' || !ID.test(assigneeId)))
    return refuse('assigneeId', 'absent, or a CRM user id: ' + CHILI_PIPER_ID);
  if (!isRecord(slot)) return refuse('slot', 'an object {start, end}');
  for (const key of Object.keys(slot))
    if (key != 'start' && key != 'end') return refuse('slot.' + key.slice(0, 40), 'no such field: only start, end');
  const { start, end } = slot;
  if (!isTime(start)) return refuse('slot.start', EPOCH_MS);
  if (!isTime(end) || end <= start || end - start > LONGEST) return refuse('slot.end', EPOCH_MS + ', after slot.start, at most 24 h later');
  return {
    webhook: { routeId, eventId, actionType: actionType as ActionType, slot: { start, end } },
    key: idempotencyKey(routeId, eventId, actionType as ActionType, start, end, assigneeId as string | undefined),
  };
}

/**
 * What makes two webhooks the same outcome: a booking is created once (so its
 * `generate_lead` is sent at most once) and a meeting canceled once, whoever
 * canceled it; a reschedule or reassignment is the same one when it moves the
 * same meeting to the same slot (and rep). Chili Piper's retries of one
 * delivery therefore count once, while a second, different reschedule counts.
 */
function idempotencyKey(routeId: string, eventId: string, actionType: ActionType, start: number, end: number, assigneeId?: string): string {
  if (actionType == 'create') return 'create|' + routeId;
  if (actionType == 'cancel' || actionType == 'prospect_cancel') return 'canceled|' + eventId;
  return [actionType, eventId, start, end, assigneeId || ''].join('|');
}
