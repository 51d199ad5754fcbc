/**
 * Genesys Widgets: every widget publishes its interaction lifecycle on the
 * CXBus (seeds/004, SPEC §6). The bridge subscribes as a CXBus plugin,
 * reached whichever way the page allows, without polling and without touching
 * the site's single `_genesys.widgets.onReady` callback:
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

/** Each lifecycle step maps to its stage one to one. */
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

/** Each widget: its `widget_product` and the lifecycle steps it publishes. */
const WIDGETS: Record<string, [product: string, steps: Step[]]> = {
  ClickToCall: ['click_to_call', [...LIFECYCLE, 'expired']],
  Callback: ['callback', LIFECYCLE],
  WebChat: ['web_chat', [...LIFECYCLE, 'rejected', 'minimized', 'unminimized']],
  SendMessage: ['send_message', LIFECYCLE],
};

/** Bus event name (`ClickToCall.completed`…) → stage, built from the two tables above. */
export const genesysStages: Record<string, WidgetStage> = {};
for (const widget in WIDGETS) {
  for (const step of WIDGETS[widget][1]) genesysStages[widget + '.' + step] = STEP_STAGES[step];
}

/** The plugin name the bridge registers on the bus (a counter keeps re-installs distinct). */
const PLUGIN_NAME = 'GtmWidgetBridge';
let plugins = 0;

const flag = (value: unknown) => (typeof value == 'boolean' ? value : undefined);
const time = (value: unknown) => (typeof value == 'number' && value > 0 ? value : undefined);

/**
 * The push for one bus event, from the metadata block only: proactive,
 * prefilled and auto-submitted flags, the error counter, and the milliseconds
 * from `opened` to this step. The same metadata object arrives with every
 * step; only this step's values are derived, earlier steps are not re-pushed.
 * The `opened` timestamp, unique per interaction, makes the interaction id,
 * since the metadata carries none. Never form data or `userData`.
 */
export function readGenesysEvent(name: string, event: unknown): VendorEvent {
  const dot = name.indexOf('.');
  const widget = WIDGETS[name.slice(0, dot)];
  const data = isRecord(event) && isRecord(event.data) ? event.data : {};
  const opened = time(data.opened);
  const reached = time(data[name.slice(dot + 1)]);
  const errors = data.errors;
  return {
    widget_action: name,
    widget_product: widget && widget[0],
    widget_interaction_id: opened && widget ? widget[0] + ':' + opened : undefined,
    widget_proactive: flag(data.proactive),
    widget_prefilled: flag(data.prefilled),
    widget_auto_submitted: flag(data.autoSubmitted),
    widget_error_count: typeof errors == 'number' ? errors : Array.isArray(errors) ? errors.length : undefined,
    widget_elapsed_ms: opened && reached && reached >= opened ? reached - opened : undefined,
  };
}

type Bus = { registerPlugin(name: string): { subscribe(event: string, handler: (event: unknown) => void): unknown } | undefined };

export const genesys: VendorAdapter = {
  vendor: 'genesys',
  product: 'web_chat',
  stages: genesysStages,
  leadActions: ['ClickToCall.completed', 'Callback.completed'],
  install({ report, log }) {
    const restores: (() => void)[] = [];
    const buses: unknown[] = [];
    let active = true;
    const w = window as unknown as Record<string, unknown>;

    // Each bus once, however many ways lead to it.
    const subscribe = (bus: unknown) => {
      if (!bus || typeof (bus as Bus).registerPlugin != 'function' || buses.indexOf(bus) >= 0) return;
      buses.push(bus);
      const plugin = (bus as Bus).registerPlugin(PLUGIN_NAME + (plugins++ || ''));
      if (!plugin) return;
      for (const name in genesysStages) {
        // Guarded like every entry point: hostile metadata never throws into the bus.
        plugin.subscribe(name, guard(log, (event: unknown) => active && report(readGenesysEvent(name, event))));
      }
    };
    // The official extension: called with the bus when the widgets script boots.
    const extension = (_$: unknown, bus: unknown) => subscribe(bus);

    const hookWidgets = (widgets: unknown) => {
      if (!isRecord(widgets)) return;
      restores.push(
        hookProperty(widgets, 'extensions', (extensions) => {
          if (isRecord(extensions)) extensions[PLUGIN_NAME] = extension;
          else widgets.extensions = {};
        }),
        hookProperty(widgets, 'bus', subscribe),
      );
    };
    restores.push(
      hookProperty(w, '_genesys', (config) => {
        if (isRecord(config)) restores.push(hookProperty(config, 'widgets', hookWidgets));
      }),
      hookProperty(w, 'CXBus', subscribe),
    );
    return () => {
      active = false;
      for (const restore of restores.splice(0)) restore();
      const config = w._genesys;
      const extensions = isRecord(config) && isRecord(config.widgets) ? config.widgets.extensions : undefined;
      if (isRecord(extensions) && extensions[PLUGIN_NAME] === extension) delete extensions[PLUGIN_NAME];
    };
  },
};
