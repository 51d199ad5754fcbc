import { describe, expect, it } from 'vitest';
import { EVENT_NAME_PATTERN, RESERVED_EVENT_NAMES, RESERVED_PREFIXES, isValidEventPrefix } from '../../src/core/ga4';
import { STAGES } from '../../src/core/schema';

/** GA4's event-name rules written out in full, as documented. */
function isValidName(name: string): boolean {
  return (
    EVENT_NAME_PATTERN.test(name) &&
    !(RESERVED_EVENT_NAMES as readonly string[]).includes(name) &&
    !RESERVED_PREFIXES.some((prefix) => name.startsWith(prefix))
  );
}

/** Reference: a prefix is valid when every stage makes a valid name with it. */
const referenceIsValidPrefix = (prefix: string) => STAGES.every((stage) => isValidName(prefix + stage));

/** Every prefix that turns some stage into a reserved name, derived from the full list. */
const COLLIDING_PREFIXES = RESERVED_EVENT_NAMES.flatMap((name) =>
  STAGES.filter((stage) => name.endsWith(stage)).map((stage) => name.slice(0, -stage.length)),
);

const PREFIXES = [
  'widget_',
  'w_',
  'Widget',
  'x',
  'chat_',
  'cp2_',
  'a'.repeat(28),
  'a'.repeat(29),
  'a'.repeat(30),
  'a'.repeat(35),
  '',
  'ga_',
  'google_',
  'firebase_',
  'gtag.',
  '_x',
  'query_id',
  'query_idx_',
  '1abc_',
  'my-prefix_',
  'chat ',
  'ÄÖ_',
  'page_x',
  'pages_',
  'form',
  'video',
  'app_store_subscription',
  'session',
  'Form_',
  ...COLLIDING_PREFIXES,
];

describe('isValidEventPrefix', () => {
  it('agrees with the full GA4 rules applied to every stage', () => {
    let valid = 0;
    for (const prefix of PREFIXES) {
      expect(isValidEventPrefix(prefix), JSON.stringify(prefix)).toBe(referenceIsValidPrefix(prefix));
      if (referenceIsValidPrefix(prefix)) valid++;
    }
    // Positive control: valid prefixes exist in the list, so agreement is not all-false.
    expect(valid).toBeGreaterThanOrEqual(12);
  });

  it('rejects every prefix that makes a reserved name, and only those among look-alikes', () => {
    expect(COLLIDING_PREFIXES.sort()).toEqual(
      [
        '',
        'ad_active',
        'app_store_subscription_',
        'dynamic_link_app_',
        'dynamic_link_first_',
        'first_',
        'form_',
        'form_',
        'notification_',
        'page_',
        'screen_',
        'session_',
        'video_',
        'video_',
        'view_',
      ].sort(),
    );
    for (const prefix of COLLIDING_PREFIXES) expect(isValidEventPrefix(prefix), prefix).toBe(false);
    expect(isValidEventPrefix('pages_')).toBe(true);
    expect(isValidEventPrefix('widget_')).toBe(true);
  });
});
