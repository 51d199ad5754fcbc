// Posts every recorded Measurement Protocol body (test/fixtures/measurement-bodies.json) to GA4's own
// validation server, /debug/mp/collect, which records nothing, and prints its validationMessages:
//   GA4_MEASUREMENT_ID=G-… GA4_API_SECRET=… npm run validate-fixtures --workspace relay
// Each body's timestamp is moved to now (GA4 refuses timestamps older than 72 h); ENFORCE_RECOMMENDATIONS
// asks for the strictest checks. Exits 1 when any body gets a message.
// https://developers.google.com/analytics/devguides/collection/protocol/ga4/validating-events
import { readFileSync } from 'node:fs';

const { GA4_MEASUREMENT_ID: id, GA4_API_SECRET: secret, GA4_ENDPOINT: endpoint = 'https://www.google-analytics.com' } = process.env;
if (!id || !secret) {
  console.error('set GA4_MEASUREMENT_ID and GA4_API_SECRET (a web stream of a test property)');
  process.exit(2);
}
const fixtures = JSON.parse(readFileSync(new URL('./test/fixtures/measurement-bodies.json', import.meta.url), 'utf8'));
let failed = 0;
for (const { shape, actionType, body } of fixtures) {
  const url = `${endpoint}/debug/mp/collect?measurement_id=${encodeURIComponent(id)}&api_secret=${encodeURIComponent(secret)}`;
  const request = { ...body, timestamp_micros: Date.now() * 1000, validation_behavior: 'ENFORCE_RECOMMENDATIONS' };
  const response = await fetch(url, { method: 'POST', body: JSON.stringify(request) });
  const { validationMessages = [] } = await response.json();
  if (validationMessages.length) failed++;
  console.log(
    `${validationMessages.length ? 'INVALID' : 'valid  '} ${actionType} (${shape})`,
    validationMessages.length ? JSON.stringify(validationMessages) : '',
  );
}
process.exit(failed ? 1 : 0);
