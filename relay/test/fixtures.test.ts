// @vitest-environment node
/**
 * Every Measurement Protocol body the relay sends, for every actionType, in
 * each of its shapes (joined to the session or user-only, with or without the
 * lead, consent granted or denied), recorded in test/fixtures/ and checked
 * against the rules GA4's validation server documents: zero validation
 * messages. The recorded bodies are what to paste into GA4's Event Builder or
 * post to /debug/mp/collect (`npm run validate-fixtures` does, with your ids).
 * https://developers.google.com/analytics/devguides/collection/protocol/ga4/validating-events
 */
import { describe, expect, it } from 'vitest';
import { buildMeasurementBody, validateMeasurementBody } from '../src/measurementProtocol';
import type { TokenClaims } from '../src/token';
import { ACTION_TYPES, parseWebhook, type ChiliPiperWebhook } from '../src/webhook';
import { CLIENT_ID, CONFIG, NOW, SEED_BODY, SESSION_ID } from './fakes';

const CLAIMS: TokenClaims = {
  clientId: CLIENT_ID,
  sessionId: SESSION_ID,
  issuedAt: NOW,
  expiresAt: NOW + CONFIG.tokenTtlMs,
  analyticsConsent: true,
  adUserData: false,
  adPersonalization: false,
  lead: true,
};
const SHAPES: Record<string, { claims: Partial<TokenClaims>; after: number }> = {
  'joined, lead, ads denied': { claims: {}, after: 60_000 },
  'user-only, no lead, ads granted': { claims: { lead: false, adUserData: true, adPersonalization: true }, after: 3 * 3_600_000 },
  'no session id, lead, ad_user_data only': { claims: { sessionId: undefined, adUserData: true }, after: 60_000 },
};

const webhook = (actionType: string) => (parseWebhook({ ...SEED_BODY, actionType }) as { webhook: ChiliPiperWebhook }).webhook;
const bodies = Object.entries(SHAPES).flatMap(([shape, { claims, after }]) =>
  Object.keys(ACTION_TYPES).map((actionType) => ({
    shape,
    actionType,
    at: NOW + after,
    body: buildMeasurementBody(webhook(actionType), { ...CLAIMS, ...claims }, NOW + after, CONFIG),
  })),
);

describe('every Measurement Protocol body, recorded', () => {
  it('matches the recorded fixtures (every actionType, every shape)', async () => {
    expect(bodies).toHaveLength(3 * 6);
    await expect(JSON.stringify(bodies, null, 2) + '\n').toMatchFileSnapshot('./fixtures/measurement-bodies.json');
  });

  it('each passes the validation server’s documented rules with zero messages (control: a broken copy does not)', () => {
    for (const { shape, actionType, at, body } of bodies) {
      expect(validateMeasurementBody(body, at), shape + ' ' + actionType).toEqual([]);
      // Every body carries the consent sealed in its token.
      expect(Object.keys(body.consent).sort(), actionType).toEqual(['ad_personalization', 'ad_user_data']);
      const broken = structuredClone(body);
      broken.events[0].params.widget_action = 'x'.repeat(101);
      expect(validateMeasurementBody(broken, at)).toHaveLength(1);
    }
  });

  it('the shapes differ as the rules say: session only inside it, the lead only on create, consent as sealed', () => {
    const of = (shape: string, actionType: string) => bodies.find((b) => b.shape == shape && b.actionType == actionType)!.body;
    expect(of('joined, lead, ads denied', 'create').events.map((e) => [e.name, e.params.session_id])).toEqual([
      ['widget_meeting_created', SESSION_ID],
      ['generate_lead', SESSION_ID],
    ]);
    expect(of('user-only, no lead, ads granted', 'create').events.map((e) => [e.name, e.params.session_id])).toEqual([
      ['widget_meeting_created', undefined],
    ]);
    expect(of('user-only, no lead, ads granted', 'cancel').consent).toEqual({ ad_user_data: 'GRANTED', ad_personalization: 'GRANTED' });
    expect(of('no session id, lead, ad_user_data only', 'reassign').consent).toEqual({
      ad_user_data: 'GRANTED',
      ad_personalization: 'DENIED',
    });
  });
});
