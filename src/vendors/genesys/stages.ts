/**
 * Genesys Widgets bus event → stage. Built from the lifecycle steps every
 * widget shares, each widget's steps and exceptions, and the WebChatService
 * events (docs.ts says why each has its stage).
 * https://docs.genesys.com/Documentation/GWC/latest/WidgetsAPI/WebChatEvents
 */
import type { StageTable } from '../../core/adapter';
import type { WidgetStage } from '../../core/schema';

/** Each lifecycle step maps to its stage, unless a widget says otherwise below. */
export const STEP_STAGES = {
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
export interface GenesysWidget {
  /** `widget_product`. */
  product: string;
  /** Its key in the page's `_genesys.widgets` configuration. */
  configKey: string;
  /** The steps it publishes as `<Widget>.<step>`. */
  steps: Step[];
  /** Steps whose stage differs for this widget. */
  stages?: Partial<Record<Step, WidgetStage>>;
}

/** The widgets, by the name their bus events start with. */
export const GENESYS_WIDGETS: Record<string, GenesysWidget> = {
  ClickToCall: { product: 'click_to_call', configKey: 'clicktocall', steps: LIFECYCLE.concat('expired') },
  Callback: { product: 'callback', configKey: 'callback', steps: LIFECYCLE },
  WebChat: {
    product: 'web_chat',
    configKey: 'webchat',
    steps: LIFECYCLE.concat('rejected', 'minimized', 'unminimized'),
    // WebChat 9 publishes opened → submitted → started → completed: the two middle steps swap stages
    // to keep the funnel in order.
    stages: { submitted: 'start', started: 'submit', completed: 'complete', cancelled: 'cancel' },
  },
  SendMessage: { product: 'send_message', configKey: 'sendmessage', steps: LIFECYCLE },
};

/** The chat session service under WebChat. */
export const CHAT_SERVICE = 'WebChatService';

/**
 * WebChatService events. Genesys Widgets 8.5 publishes the conversation only
 * here (WebChat itself only ready/opened/minimized/unminimized/closed), so
 * these rows alone must give a chat with an agent its start, submit and
 * complete; 9.x publishes both, and the WebChat step that a chat has already
 * reached is pushed as an interaction, whichever arrives first.
 */
export const CHAT_SERVICE_STAGES = {
  started: 'start',
  restored: 'interaction',
  agentConnected: 'submit',
  agentDisconnected: 'interaction',
  ended: 'complete',
  error: 'error',
} as const satisfies Record<string, WidgetStage>;

/** Bus event name (`ClickToCall.completed`, `WebChatService.ended`…) → stage, built from the tables above. */
export const genesysStages: StageTable = {};
for (const name of Object.keys(GENESYS_WIDGETS)) {
  const widget = GENESYS_WIDGETS[name];
  for (const step of widget.steps)
    (genesysStages as Record<string, WidgetStage>)[name + '.' + step] = (widget.stages && widget.stages[step]) || STEP_STAGES[step];
}
for (const event of Object.keys(CHAT_SERVICE_STAGES) as (keyof typeof CHAT_SERVICE_STAGES)[]) {
  (genesysStages as Record<string, WidgetStage>)[CHAT_SERVICE + '.' + event] = CHAT_SERVICE_STAGES[event];
}
