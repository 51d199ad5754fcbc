/**
 * Renders docs/events.md from the mapping tables and the schema's JSDoc, so
 * the reference cannot drift from the code. `npm run generate` writes it;
 * test/docs/eventsDoc.test.ts fails when the committed file is stale.
 */
import ts from 'typescript';
import { readFileSync } from 'node:fs';
import { defaultConfig } from '../src/core/config';
import { LEAD_EVENT, SCHEMA_KEYS, STAGES, Stage, type WidgetVendor } from '../src/core/schema';
import { ADAPTERS } from '../src/vendors/registry';
import { chiliPiperIgnored, chiliPiperReasons } from '../src/vendors/chili-piper.reasons';
import { customerlyReasons } from '../src/vendors/customerly.reasons';
import { userlikeReasons } from '../src/vendors/userlike.reasons';
import { genesysEventReasons, genesysIgnored, genesysStepReasons } from '../src/vendors/genesys.reasons';
import { genesysStages } from '../src/vendors/genesys';
import { HAPPY_PATHS } from '../src/vendors/happyPaths';

/** Per vendor: why each action has its stage, and what is deliberately ignored. */
const VENDOR_NOTES: { [V in WidgetVendor]?: { title: string; source: string; reasons: Record<string, string>; ignored: Record<string, string> } } = {
  chili_piper: {
    title: 'Chili Piper',
    source:
      '`window` `message` events from the booking iframe, accepted only from `https://*.chilipiper.com` and `https://*.chilipiper.io` (any subdomain depth; the concierge.js loader builds its iframe on the host its script came from) and `chiliPiperOrigins`. Shapes: `{action}`, `{action, args}`, ids at the top level, keyed `{"no-action-choice": {…}}`, bare `{routeId}` (→ `booked`) and bare `{routeId, eventId, …}` (→ `booking-confirmed`). `routeId` is the interaction id. Nothing is pushed from an iframe that is not shown (the concierge.js loader preloads one 0 px high and re-creates it after every close), and each funnel step is pushed once per booking iframe.',
    reasons: chiliPiperReasons,
    ignored: chiliPiperIgnored,
  },
  customerly: {
    title: 'Customerly',
    source:
      'Callbacks registered in `customerly.load({callbacks})` and as `customerly.onX` properties; the bridge hooks both (whichever the messenger calls, each event is pushed once) and keeps the site\'s own callbacks, set either way and before or after the bridge, called with the same arguments, `this` and return value. Callbacks the site did not set are answered from a prototype layer, so the objects the messenger is handed gain no properties. The interaction id is the conversation id the callback carries (`onNewMessageReceived`, `onNewConversationReceived`, `onMessageRead`, `onRealtimeVideo*`), the survey id (`onSurvey*`) or the chatflow notification id; callbacks without one inside a conversation (`onLeadGenerated`, profiling questions, …) take the visitor\'s current conversation, so a lead in a second conversation is a lead of its own.',
    reasons: customerlyReasons,
    ignored: {},
  },
  userlike: {
    title: 'Userlike',
    source:
      'The page\'s global `userlikeTrackingEvent(event_name, global_ctx, session_ctx)`, kept working for the site whether it is defined before the bridge or assigned after it. A site script that declares `function userlikeTrackingEvent(){}` after the bridge replaces the hook; the bridge wraps the site\'s function again when the next script, iframe or the page finishes loading (the widget calls the global only once its own script or iframe has loaded). `chat_id`, else `session_id`, is the interaction id, and each funnel step is pushed once per `session_id`; `widget_proactive` is true for events whose name says proactive. `client_name`, `client_email`, `operator_name`, `client_uuid` and `custom_data` are never read.',
    reasons: userlikeReasons,
    ignored: {},
  },
  genesys: {
    title: 'Genesys Widgets',
    source:
      'CXBus lifecycle events, subscribed as a plugin registered through `_genesys.widgets.extensions` (kept when the site reassigns its config after the bridge), `_genesys.widgets.bus` or `window.CXBus`, whichever comes first, each bus once; the site\'s `_genesys.widgets.onReady` is never touched. `widget_product` comes from the widget (`click_to_call`, `callback`, `web_chat`, `send_message`). From the metadata block: `widget_proactive`, `widget_prefilled`, `widget_auto_submitted`, `widget_error_count` and `widget_elapsed_ms` (from `opened` to this step). The interaction id is the vendor\'s: the metadata `id` (WebChat 9) or `sessionID` (`WebChatService.started`); without one, the product and the `opened` timestamp. `ready` is pushed only for widgets the page configured. WebChat and WebChatService events of one chat share its id, and each funnel step of a chat is pushed once, so versions that publish both count once. Never form data or `userData`.',
    reasons: Object.fromEntries(Object.keys(genesysStages).map((name) => [name, genesysEventReasons[name] || genesysStepReasons[name.split('.')[1]]])),
    ignored: genesysIgnored,
  },
};

/** JSDoc text of every property of the interfaces in src/core/schema.ts. */
function schemaKeyDocs(): Record<string, string> {
  const file = 'src/core/schema.ts';
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const docs: Record<string, string> = {};
  source.forEachChild((node) => {
    if (!ts.isInterfaceDeclaration(node)) return;
    for (const member of node.members) {
      const text = ts
        .getJSDocCommentsAndTags(member)
        .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
        .join(' ');
      if (member.name && ts.isIdentifier(member.name)) docs[member.name.text] = text.replace(/\{@link (\w+)\}/g, '`$1`').replace(/\s+/g, ' ').trim();
    }
  });
  return docs;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The funnel steps in order, each pushed once per interaction. */
const FUNNEL = ['view', 'open', 'start', 'submit', 'complete'];

export function renderEventsDoc(): string {
  const prefix = defaultConfig().eventPrefix;
  const keyDocs = schemaKeyDocs();
  const stageDocs: Record<string, string> = {};
  const stageSource = readFileSync('src/core/schema.ts', 'utf8');
  for (const name of Object.keys(Stage) as (keyof typeof Stage)[]) {
    const match = stageSource.match(new RegExp(`/\\*\\* ([^*]+) \\*/\\n  ${name}: '`));
    stageDocs[Stage[name]] = match ? match[1] : '';
  }
  const lines: string[] = [
    '# Event reference',
    '',
    '<!-- Generated by `npm run generate` from src/core/schema.ts and src/vendors/*; do not edit by hand. -->',
    '',
    'Every vendor event becomes one dataLayer push named `<eventPrefix><stage>` (default prefix `' + prefix + '`), carrying every key below; keys without a value are `undefined` so that GTM does not keep values from an earlier push. On a lead action the bridge also pushes `' + LEAD_EVENT + '` once per interaction, with the same keys plus `lead_source`.',
    '',
    '## Stages',
    '',
    '| stage | event (default prefix) | meaning |',
    '|---|---|---|',
    ...STAGES.map((stage) => `| \`${stage}\` | \`${prefix}${stage}\` | ${cell(stageDocs[stage])} |`),
    '',
    '## Keys of every push',
    '',
    '| key | meaning |',
    '|---|---|',
    ...SCHEMA_KEYS.map((key) => `| \`${key}\` | ${cell(keyDocs[key] || '')} |`),
    '',
    'GA4 rules applied to every push: string values truncated to 100 characters; only strings, finite numbers and booleans (other values become `undefined`); at most 25 defined parameters; event names checked against GA4\'s naming rules and reserved names when `eventPrefix` is configured. No personal data is ever read into a push.',
    '',
  ];
  lines.push(
    '## Funnel order',
    '',
    'Walking each product\'s happy path in the vendor\'s own order, the pushed stages never go backwards in ' + FUNNEL.join(' < ') + ' (a test walks every path below). A funnel step already pushed for the same interaction is not pushed again; stages outside the funnel are pushed every time. Where a vendor skips a step, build the GA4 funnel as an open funnel.',
    '',
    '| vendor | product | path | events in vendor order → stage (struck: same step again, not pushed) |',
    '|---|---|---|---|',
    ...HAPPY_PATHS.map((path) => {
      const stages = ADAPTERS[path.vendor].stages;
      const seen: string[] = [];
      const steps = path.events.map((name) => {
        const stage = stages[name];
        const repeated = FUNNEL.indexOf(stage) >= 0 && seen.indexOf(stage) >= 0;
        seen.push(stage);
        return repeated ? `~~\`${name}\` ${stage}~~` : `\`${name}\` ${stage}`;
      });
      return `| ${path.vendor} | \`${path.product}\` | ${path.name} | ${steps.join(' → ')} |`;
    }),
    '',
  );
  for (const vendor of Object.keys(VENDOR_NOTES) as WidgetVendor[]) {
    const notes = VENDOR_NOTES[vendor]!;
    const adapter = ADAPTERS[vendor]!;
    lines.push(
      `## ${notes.title} (\`widget_vendor: ${vendor}\`)`,
      '',
      notes.source,
      '',
      `Default product: \`${adapter.product}\`. Default lead actions: ${adapter.leadActions.map((a) => '`' + a + '`').join(', ') || 'none (set `leadActions` to count one)'}.`,
      '',
      '| vendor event (`widget_action`) | stage | pushed event | lead by default | why this stage |',
      '|---|---|---|---|---|',
    );
    for (const action of Object.keys(adapter.stages)) {
      const stage = adapter.stages[action];
      const lead = adapter.leadActions.indexOf(action) >= 0 ? `yes, + \`${LEAD_EVENT}\`` : '';
      lines.push(`| \`${action}\` | ${stage} | \`${prefix}${stage}\` | ${lead} | ${cell(notes.reasons[action] || '')} |`);
    }
    const ignored = Object.keys(notes.ignored);
    if (ignored.length) {
      lines.push('', 'Deliberately not pushed:', '', ...ignored.map((name) => `- \`${name}\`: ${notes.ignored[name]}`));
    }
    lines.push('');
  }
  return lines.join('\n');
}
