// @vitest-environment node
/**
 * GA4 down for days, on the fake clock, with the periodic run every minute (as
 * the Worker's cron trigger; Node's timer runs it more often): every webhook
 * accepted during a 48 h outage reaches GA4 once, within 72 h − 10 min of its
 * arrival (GA4 takes `timestamp_micros` up to 72 h old), and nothing is ever
 * sent later than that. A 429's Retry-After is honoured; another 4xx is never
 * retried.
 * https://developers.google.com/analytics/devguides/collection/protocol/ga4/sending-events
 */
import { describe, expect, it } from 'vitest';
import { DELIVERY_DEADLINE } from '../src/app';
import { HOUR, NOW, relayUnderTest, SEED_BODY } from './fakes';

const MINUTE = 60_000;
const routeId = (i: number) => '608b31464a37500001ba' + (0x7000 + i).toString(16);

/**
 * GA4 answers 503 until `hoursDown` have passed; a booking is created at each of `arrivals` (hours);
 * the periodic run goes every minute for `hoursRun`. Returns when each booking arrived, when each
 * request for it reached GA4 and how it was answered.
 */
async function outage(hoursDown: number, arrivals: number[], hoursRun: number) {
  const { hookUrl, post, ga4, clock, relay, logs } = relayUnderTest();
  const upAt = NOW + hoursDown * HOUR;
  const attempts = new Map<string, { at: number; status: number }[]>();
  ga4.fallback.answer = (body) => {
    const status = clock.now < upAt ? 503 : 204;
    const route = String(body.events[0].params.widget_interaction_id);
    attempts.set(route, [...(attempts.get(route) || []), { at: clock.now, status }]);
    return status;
  };
  const arrived = new Map<string, number>();
  let next = 0;
  for (; clock.now <= NOW + hoursRun * HOUR; clock.now += MINUTE) {
    while (next < arrivals.length && NOW + arrivals[next] * HOUR <= clock.now) {
      expect((await post(await hookUrl(), { ...SEED_BODY, routeId: routeId(next) })).status).toBe(202);
      arrived.set(routeId(next), clock.now);
      next++;
    }
    await relay.maintain();
  }
  return { arrived, attempts, logs };
}

describe('a GA4 outage on the fake clock', () => {
  it('503 for 48 h, then up: everything accepted meanwhile is delivered once, before 72 h − 10 min', async () => {
    const arrivals = Array.from({ length: 25 }, (_, i) => i * 2); // every 2 h from 0 to 48 h
    const { arrived, attempts } = await outage(48, arrivals, 75);
    expect(arrived.size).toBe(25);
    for (const [route, at] of arrived) {
      const tries = attempts.get(route)!;
      const delivered = tries.filter((t) => t.status == 204);
      expect(delivered, route).toHaveLength(1);
      expect(delivered[0].at - at, route).toBeLessThanOrEqual(DELIVERY_DEADLINE);
      // Retried through the outage with backoff (never more often than every 30 s, at most an hour apart).
      const gaps = tries.slice(1).map((t, i) => t.at - tries[i].at);
      expect(Math.min(...gaps, Infinity), route).toBeGreaterThanOrEqual(30_000);
      expect(Math.max(...gaps, 0), route).toBeLessThanOrEqual(HOUR);
    }
    // The first booking waited the whole outage: its retries were spread out, not hammered.
    expect(attempts.get(routeId(0))!.length).toBeLessThan(60);
  });

  it('down longer than the deadline: what can no longer be sent in time is dropped, and nothing leaves after 72 h − 10 min', async () => {
    const { arrived, attempts, logs } = await outage(75, [0, 3, 10], 80);
    for (const [route, at] of arrived) {
      const tries = attempts.get(route)!;
      expect(Math.max(...tries.map((t) => t.at - at)), route).toBeLessThanOrEqual(DELIVERY_DEADLINE);
    }
    // 0 h and 3 h: their deadline fell inside the outage (a last try at the deadline itself, then dropped).
    for (const i of [0, 1]) {
      const tries = attempts.get(routeId(i))!;
      expect(tries.every((t) => t.status == 503)).toBe(true);
      expect(tries.at(-1)!.at - arrived.get(routeId(i))!).toBe(DELIVERY_DEADLINE);
    }
    expect(logs.filter((l) => l.outcome == 'expired')).toHaveLength(2);
    // 10 h: delivered after the recovery at 75 h (control: the run did reach past the outage).
    expect(attempts.get(routeId(2))!.filter((t) => t.status == 204)).toHaveLength(1);
  });

  it('429 with Retry-After: not tried again before it; a 400 is never retried (control: a 503 is)', async () => {
    const { hookUrl, post, ga4, clock, relay } = relayUnderTest();
    const times: number[] = [];
    const script = [{ status: 429, headers: { 'retry-after': '600' } }, 204] as const;
    let call = 0;
    ga4.fallback.answer = () => {
      times.push(clock.now);
      return script[call++] as never;
    };
    await post(await hookUrl(), SEED_BODY);
    for (let minute = 1; minute <= 20; minute++) {
      clock.now = NOW + minute * MINUTE;
      await relay.maintain();
    }
    // The backoff alone would have tried after 30 s; Retry-After said 10 minutes.
    expect(times.map((t) => (t - NOW) / MINUTE)).toEqual([0, 10]);

    const rejected = relayUnderTest();
    const statuses: number[] = [];
    rejected.ga4.fallback.answer = () => {
      statuses.push(statuses.length ? 204 : 400);
      return statuses.at(-1)!;
    };
    await rejected.post(await rejected.hookUrl(), SEED_BODY);
    const unavailable = relayUnderTest();
    const retried: number[] = [];
    unavailable.ga4.fallback.answer = () => {
      retried.push(retried.length ? 204 : 503);
      return retried.at(-1)!;
    };
    await unavailable.post(await unavailable.hookUrl(), SEED_BODY);
    for (let minute = 1; minute <= 72 * 60; minute += 30) {
      rejected.clock.now = unavailable.clock.now = NOW + minute * MINUTE;
      await rejected.relay.maintain();
      await unavailable.relay.maintain();
    }
    expect(statuses).toEqual([400]);
    expect(retried).toEqual([503, 204]);
  });
});
