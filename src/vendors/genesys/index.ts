/**
 * Genesys Widgets: every widget publishes its interaction lifecycle on the
 * CXBus (https://docs.genesys.com/Documentation/GWC/latest/WidgetsAPI/WebChatEvents
 * and the other widgets' event pages).
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
import { defineAdapter, type VendorEvent } from '../../core/adapter';
import { guard } from '../../core/guard';
import { hookProperty } from '../../lib/hookProperty';
import { isRecord } from '../../lib/isRecord';
import { ownValue } from '../../lib/ownValue';
import { toId } from '../../lib/toId';
import { genesysKeys, type GenesysParams } from './params';
import { CHAT_SERVICE, GENESYS_WIDGETS, genesysStages, type GenesysWidget } from './stages';

export type { GenesysParams } from './params';
export { genesysStages } from './stages';

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
  const widget = prefix == CHAT_SERVICE ? GENESYS_WIDGETS.WebChat : (ownValue(GENESYS_WIDGETS, prefix) as GenesysWidget | undefined);
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

export const genesys = defineAdapter<'genesys', GenesysParams>({
  vendor: 'genesys',
  product: 'web_chat',
  stages: genesysStages,
  leadActions: ['ClickToCall.completed', 'Callback.completed'],
  keys: genesysKeys,
  install({ report, log, track }) {
    const buses: unknown[] = [];
    let active = true;
    const w = window as unknown as Record<string, unknown>;

    /** Whether the page configured this widget: the all-in-one bundle publishes `ready` for every widget it contains. */
    const isConfigured = (widget: GenesysWidget) => isRecord(ownValue(ownValue(w._genesys, 'widgets'), widget.configKey));

    // The chat WebChat and WebChatService events belong to: one scope, the vendor's id once known.
    let chats = 1;
    let chat = { scope: 'chat1', id: undefined as string | undefined, over: false, agent: false };
    /** Gives a WebChat or WebChatService event its chat, and tells an end that is no completion. */
    const readChatEvent = (name: string, event: VendorEvent, busEvent: unknown): void => {
      if (chat.over && (name == 'WebChat.opened' || name == CHAT_SERVICE + '.started'))
        chat = { scope: 'chat' + ++chats, id: undefined, over: false, agent: false };
      if (name == CHAT_SERVICE + '.agentConnected') chat.agent = true;
      // WebChatService ends every chat; only one an agent joined is a completion (WebChat says cancelled otherwise).
      if (name == CHAT_SERVICE + '.ended') {
        chat.over = true;
        event.notAStep = !chat.agent;
      }
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
      const widget = ownValue(GENESYS_WIDGETS, name.slice(0, name.indexOf('.'))) as GenesysWidget | undefined;
      if (widget && name.slice(-6) == '.ready' && !isConfigured(widget))
        return log('genesys "' + name + '": widget not configured on this page, ignored');
      const event = readGenesysEvent(name, busEvent);
      if (event.widget_product == GENESYS_WIDGETS.WebChat.product) readChatEvent(name, event, busEvent);
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
        plugin.subscribe(
          name,
          guard(log, (busEvent: unknown) => onBusEvent(name, busEvent)),
        );
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
});
