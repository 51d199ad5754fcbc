// @vitest-environment node
/**
 * "Nothing doubled" as a property: whatever duplication and reordering of a
 * booking's webhooks Chili Piper's retries produce (up to 20 deliveries), GA4
 * receives exactly one Measurement Protocol event per idempotency key and
 * exactly one `generate_lead` per booking; a repeat is acknowledged (200) like
 * the original, so Chili Piper stops retrying.
 * https://fast-check.dev/docs/core-blocks/arbitraries/
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWebhook } from '../src/webhook';
import { HOUR, relayUnderTest, SEED_BODY } from './fakes';

const moved = (hours: number) => ({ start: SEED_BODY.slot.start + hours * HOUR, end: SEED_BODY.slot.end + hours * HOUR });
/** One booking's distinct outcomes: created, rescheduled twice (by the prospect, then the rep), reassigned, canceled (by either side). */
const OUTCOMES = [
  { ...SEED_BODY, actionType: 'create' },
  { ...SEED_BODY, actionType: 'reschedule', slot: moved(1) },
  { ...SEED_BODY, actionType: 'agent_reschedule', slot: moved(2) },
  { ...SEED_BODY, actionType: 'reassign', slot: moved(2), assigneeId: '0050W0000076H5kQAE' },
  { ...SEED_BODY, actionType: 'cancel', slot: moved(2) },
  { ...SEED_BODY, actionType: 'prospect_cancel', slot: moved(2) },
];
const keyOf = (body: object) => (parseWebhook(body) as { key: string }).key;

describe('any duplication and reordering of a booking’s deliveries (property test)', () => {
  it('one MP event per idempotency key, one generate_lead per booking, every repeat acknowledged', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...OUTCOMES.keys()), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 4 }),
        async (deliveries, concurrency) => {
          const { hookUrl, post, ga4, clock } = relayUnderTest();
          const url = await hookUrl();
          const statuses: number[] = [];
          // Some deliveries race each other (Chili Piper retrying while the first is still answered).
          for (let i = 0; i < deliveries.length; i += concurrency) {
            clock.now += 1000;
            const wave = deliveries.slice(i, i + concurrency).map((index) => post(url, OUTCOMES[index]));
            for (const response of await Promise.all(wave)) statuses.push(response.status);
          }
          const keys = new Set(deliveries.map((index) => keyOf(OUTCOMES[index])));
          const sent = ga4.requests.map((r) => r.body);
          // Each outcome has its own actionType, so the action names the key a sent event stands for.
          const sentKeys = sent.map((body) => keyOf(OUTCOMES.find((o) => o.actionType == body.events[0].params.widget_action)!));
          expect(sentKeys.length).toBe(new Set(sentKeys).size); // no key twice…
          expect(new Set(sentKeys)).toEqual(keys); // …and every key delivered
          const leads = sent.flatMap((body) => body.events).filter((event) => event.name == 'generate_lead');
          expect(sent).toHaveLength(keys.size);
          expect(leads).toHaveLength(deliveries.some((index) => OUTCOMES[index].actionType == 'create') ? 1 : 0);
          expect(statuses.filter((status) => status == 202)).toHaveLength(keys.size);
          expect(statuses.filter((status) => status == 200)).toHaveLength(deliveries.length - keys.size);
        },
      ),
      { numRuns: 150 },
    );
  });
});
