/**
 * Genesys Widgets: every widget publishes its interaction lifecycle on the
 * CXBus (https://docs.genesys.com/Documentation/GWC/latest/WidgetsAPI/CXBus).
 * The bridge subscribes as a CXBus plugin, reached whichever way the page
 * allows, without polling and without touching the site's single
 * `_genesys.widgets.onReady` callback:
 * - `_genesys.widgets.extensions` (the official way; read when the widgets
 *   script starts), kept through the site reassigning `_genesys`, `widgets`
 *   or `extensions` after the bridge ran;
 * - `_genesys.widgets.bus`, set once the widgets are up (now or later);
 * - `window.CXBus` of the standalone loader (now or later).
 * Legacy `_genesys.cxwidget` (`cx.plugin.*` names) is not supported; see docs/events.md.
 */
import type { VendorAdapter, VendorEvent } from '../core/adapter';
import type { WidgetStage } from '../core/schema';
import { guard } from '../core/guard';
import { hookProperty } from '../lib/hookProperty';
import { isRecord } from '../lib/isRecord';
import { ownValue } from '../lib/ownValue';
import { toId } from '../lib/toId';

/** Each lifecycle step maps to its stage one to one, unless a widget says otherwise below. */
const STEP_STAGES = {
  ready: 'view',
  opened: 'open',
  started: 'start',
  submitted: 'submit',
  completed: 'complete',
  cancelled: 'cancel',
  closed: 'close',
  rejected: 'error',
  expired: 'cancel',
  minimized: 'interaction',
  unminimized: 'interaction',
} as const satisfies Record<string, WidgetStage>;

type Step = keyof typeof STEP_STAGES;
const LIFECYCLE: Step[] = ['ready', 'opened', 'started', 'submitted', 'completed', 'cancelled', 'closed'];

/** One Genesys widget: how it is pushed, configured and which steps it publishes. */
interface Widget {
  /** `widget_product`. */
  product: string;
  /** Its key in the page's `_genesys.widgets` configuration. */
  configKey: string;
  /** The steps it publishes as `<Widget>.<step>`. */
  steps: Step[];
  /** Steps whose stage differs for this widget. */
  stages?: Partial<Record<Step, WidgetStage>>;
}

/**
 * The widgets. WebChat 9 publishes `opened → submitted → started → completed`:
 * `submitted` is the registration form sent (the visitor begins), `started`
 * the chat session established (the request is in), so the two swap stages to
 * keep the funnel in order.
 */
const WIDGETS: Record<string, Widget> = {
  ClickToCall: { product: 'click_to_call', configKey: 'clicktocall', steps: LIFECYCLE.concat('expired') },
  Callback: { product: 'callback', configKey: 'callback', steps: LIFECYCLE },
  WebChat: {
    product: 'web_chat',
    configKey: 'webchat',
    steps: LIFECYCLE.concat('rejected', 'minimized', 'unminimized'),
    stages: { submitted: 'start', started: 'submit' },
  },
  SendMessage: { product: 'send_message', configKey: 'sendmessage', steps: LIFECYCLE },
};
const WIDGET_NAMES = Object.keys(WIDGETS);

/**
 * The chat session service under WebChat. Genesys Widgets 8.5 publishes the
 * conversation only here (WebChat itself only ready/opened/minimized/
 * unminimized/closed); 9.x publishes both, and each chat's steps are pushed
 * once, whichever arrives first.
 * https://docs.genesys.com/Documentation/GWC/latest/WidgetsAPI/WebChatService
 */
const CHAT_SERVICE_STAGES = {
  started: 'submit',
  restored: 'interaction',
  agentConnected: 'interaction',
  agentDisconnected: 'interaction',
  ended: 'complete',
  error: 'error',
} as const satisfies Record<string, WidgetStage>;
const CHAT_SERVICE = 'WebChatService';

/** Bus event name (`ClickToCall.completed`, `WebChatService.ended`…) → stage, built from the tables above. */
export const genesysStages: Record<string, WidgetStage> = {};
for (const name of WIDGET_NAMES) {
  const widget = WIDGETS[name];
  for (const step of widget.steps) genesysStages[name + '.' + step] = (widget.stages && widget.stages[step]) || STEP_STAGES[step];
}
for (const step of Object.keys(CHAT_SERVICE_STAGES) as (keyof typeof CHAT_SERVICE_STAGES)[]) {
  genesysStages[CHAT_SERVICE + '.' + step] = CHAT_SERVICE_STAGES[step];
}
const EVENT_NAMES = Object.keys(genesysStages);

/** The plugin name the bridge registers on the bus (a counter keeps re-installs distinct). */
const PLUGIN_NAME = 'GtmWidgetBridge';
let plugins = 0;

const flag = (value: unknown) => (typeof value == 'boolean' ? value : undefined);
const time = (value: unknown) => (typeof value == 'number' && value > 0 ? value : undefined);

/**
 * The push for one bus event, from the metadata block only: the vendor's
 * interaction id (`id`, WebChat 9) or chat session id (`sessionID`,
 * WebChatService), proactive, prefilled and auto-submitted flags, the error
 * counter, and the milliseconds from `opened` to this step. The same metadata
 * object arrives with every step; only this step's values are derived. Without
 * a vendor id, the `opened` timestamp, unique per interaction, makes one.
 * Never form data or `userData`.
 */
export function readGenesysEvent(name: string, event: unknown): VendorEvent {
  const dot = name.indexOf('.');
  const prefix = name.slice(0, dot);
  const widget = prefix == CHAT_SERVICE ? WIDGETS.WebChat : ownValue(WIDGETS, prefix) as Widget | undefined;
  const data = ownValue(event, 'data');
  const opened = time(ownValue(data, 'opened'));
  const reached = time(ownValue(data, name.slice(dot + 1)));
  const errors = ownValue(data, 'errors');
  const vendorId = toId(ownValue(data, 'id')) || toId(ownValue(data, 'sessionID'));
  return {
    widget_action: name,
    widget_product: widget && widget.product,
    widget_interaction_id: vendorId || (opened && widget ? widget.product + ':' + opened : undefined),
    widget_proactive: flag(ownValue(data, 'proactive')),
    widget_prefilled: flag(ownValue(data, 'prefilled')),
    widget_auto_submitted: flag(ownValue(data, 'autoSubmitted')),
    widget_error_count: typeof errors == 'number' ? errors : Array.isArray(errors) ? errors.length : undefined,
    widget_elapsed_ms: opened && reached && reached >= opened ? reached - opened : undefined,
  };
}

type Bus = { registerPlugin(name: string): { subscribe(event: string, handler: (event: unknown) => void): unknown } | undefined };

/** Steps after which a chat is over: the next `opened` or session start is a new chat. */
const CHAT_ENDS = ['WebChat.completed', 'WebChat.cancelled', 'WebChat.rejected', 'WebChatService.ended'];

export const genesys: VendorAdapter = {
  vendor: 'genesys',
  product: 'web_chat',
  stages: genesysStages,
  leadActions: ['ClickToCall.completed', 'Callback.completed'],
  install({ report, log, track }) {
    const buses: unknown[] = [];
    let active = true;
    const w = window as unknown as Record<string, unknown>;

    /** Whether the page configured this widget: the all-in-one bundle publishes `ready` for every widget it contains. */
    const isConfigured = (widget: Widget) => isRecord(ownValue(ownValue(w._genesys, 'widgets'), widget.configKey));

    // The chat WebChat and WebChatService events belong to: one scope, the vendor's id once known.
    let chats = 1;
    let chat = { scope: 'chat1', id: undefined as string | undefined, over: false };
    const readChatEvent = (name: string, event: VendorEvent, busEvent: unknown) => {
      if (chat.over && (name == 'WebChat.opened' || name == CHAT_SERVICE + '.started')) chat = { scope: 'chat' + ++chats, id: undefined, over: false };
      const data = ownValue(busEvent, 'data');
      const vendorId = toId(ownValue(data, 'id')) || toId(ownValue(data, 'sessionID'));
      // WebChat 9's metadata id wins over the session id of WebChatService.
      if (vendorId && (!chat.id || name.indexOf(CHAT_SERVICE) < 0)) chat.id = vendorId;
      if (chat.id) event.widget_interaction_id = chat.id;
      event.scope = chat.scope;
      if (CHAT_ENDS.indexOf(name) >= 0) chat.over = true;
    };

    const onBusEvent = (name: string, busEvent: unknown) => {
      if (!active) return;
      const widget = ownValue(WIDGETS, name.slice(0, name.indexOf('.'))) as Widget | undefined;
      if (widget && name.slice(-6) == '.ready' && !isConfigured(widget)) return log('genesys "' + name + '": widget not configured on this page, ignored');
      const event = readGenesysEvent(name, busEvent);
      if (event.widget_product == WIDGETS.WebChat.product) readChatEvent(name, event, busEvent);
      report(event);
    };

    // Each bus once, however many ways lead to it.
    const subscribe = (bus: unknown) => {
      if (!bus || typeof (bus as Bus).registerPlugin != 'function' || buses.indexOf(bus) >= 0) return;
      buses.push(bus);
      const plugin = (bus as Bus).registerPlugin(PLUGIN_NAME + (plugins++ || ''));
      if (!plugin) return;
      for (const name of EVENT_NAMES) {
        // Guarded like every entry point: hostile metadata never throws into the bus.
        plugin.subscribe(name, guard(log, (busEvent: unknown) => onBusEvent(name, busEvent)));
      }
    };
    // The official extension, called with the bus when the widgets script boots: an error here would abort the boot.
    const extension = guard(log, (_$: unknown, bus: unknown) => subscribe(bus));

    // Only the current _genesys and widgets objects are hooked: replacing them leaves nothing behind.
    let undoWidgets = () => {};
    let undoConfig = () => {};
    const hookWidgets = (widgets: unknown) => {
      undoWidgets();
      undoWidgets = () => {};
      if (!isRecord(widgets)) return;
      let extensions: unknown;
      const undoExtensions = hookProperty(widgets, 'extensions', (next) => {
        if (isRecord(extensions) && extensions[PLUGIN_NAME] === extension) delete extensions[PLUGIN_NAME];
        extensions = next;
        if (isRecord(next)) next[PLUGIN_NAME] = extension;
        else widgets.extensions = {};
      });
      const undoBus = hookProperty(widgets, 'bus', subscribe);
      undoWidgets = () => {
        undoBus();
        undoExtensions();
        if (isRecord(extensions) && extensions[PLUGIN_NAME] === extension) delete extensions[PLUGIN_NAME];
      };
    };
    const hookConfig = (config: unknown) => {
      undoConfig();
      undoConfig = () => {};
      undoWidgets();
      undoWidgets = () => {};
      if (isRecord(config)) undoConfig = hookProperty(config, 'widgets', hookWidgets);
    };
    track(hookProperty(w, 'CXBus', subscribe));
    track(hookProperty(w, '_genesys', hookConfig));
    track(() => {
      active = false;
      hookConfig(undefined);
    });
  },
};
