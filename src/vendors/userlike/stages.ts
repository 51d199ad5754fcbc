/**
 * Userlike event → stage, with the reason for each choice (rendered into
 * docs/events.md; `__DOCS__ &&` keeps reasons out of the bundles).
 */
import type { StageTable, VendorDocs } from '../../core/adapter';

export const userlikeStages = {
  button_displayed: ['view', __DOCS__ && 'The chat button is shown: the widget became available.'],
  slot_check: ['interaction', __DOCS__ && 'Userlike checked for a free chat slot: housekeeping, not a visitor step (older widgets).'],
  slot_available: ['interaction', __DOCS__ && 'A free slot was found: housekeeping; `button_displayed` is the view.'],
  slot_unavailable: ['unavailable', __DOCS__ && 'No free slot: no operator can take a chat.'],
  proactive_offer: ['interaction', __DOCS__ && 'A proactive timer started; the messenger will open by itself (`widget_proactive`).'],
  proactive_timer: ['interaction', __DOCS__ && 'A proactive timer started; the messenger will open by itself (`widget_proactive`).'],
  chat_requested: ['open', __DOCS__ && 'The visitor clicked the chat button to start a conversation.'],
  chat_connected: [
    'open',
    __DOCS__ &&
      'The widget connected after the visitor clicked the button: the messenger is open (after `chat_requested` in the same session, an interaction).',
  ],
  chat_connected_proactive: ['open', __DOCS__ && 'The widget connected proactively: the messenger is open (`widget_proactive`).'],
  chat_window_maximized: ['open', __DOCS__ && 'The visitor maximized the messenger.'],
  conversation_resume: ['open', __DOCS__ && 'The visitor reopened a conversation from the overview, or reloaded.'],
  group_select_show: ['interaction', __DOCS__ && 'The operator-group choice was shown: a step inside the open widget.'],
  group_select_submit: [
    'interaction',
    __DOCS__ && 'The visitor picked an operator group: a routing choice, not the start of the conversation.',
  ],
  pre_survey_show: ['interaction', __DOCS__ && 'The pre-chat survey was shown.'],
  pre_survey_submit: [
    'start',
    __DOCS__ &&
      'The visitor sent the pre-chat survey: the first thing they do to begin a chat, before its first message, so the start of the conversation (a submit here would come before the start in the funnel).',
  ],
  disclaimer_ok: ['interaction', __DOCS__ && 'The visitor accepted the privacy notice.'],
  chat_started: [
    'start',
    __DOCS__ && 'The visitor sent a message: the conversation started (after `pre_survey_submit` in the same session, an interaction).',
  ],
  chat_started_proactive: ['start', __DOCS__ && 'The visitor answered a proactive conversation: it started (`widget_proactive`).'],
  contact_first_message: [
    'start',
    __DOCS__ && 'The visitor sent the first message (after `chat_started` or `pre_survey_submit` in the same session, an interaction).',
  ],
  message_client_terminating: [
    'interaction',
    __DOCS__ && 'A message in the running conversation (operator to visitor, as Userlike names it); never its text.',
  ],
  message_operator_terminating: [
    'interaction',
    __DOCS__ && 'A message in the running conversation (visitor to operator, as Userlike names it); never its text.',
  ],
  register_show: ['interaction', __DOCS__ && 'The register view (contact details) was shown.'],
  register_submit: [
    'submit',
    __DOCS__ && 'The visitor finished the register flow: contact details sent (a candidate for `leadActions`), never their content.',
  ],
  register_cancel: ['cancel', __DOCS__ && 'The visitor cancelled the register flow.'],
  chat_window_minimized: ['interaction', __DOCS__ && 'The visitor minimized the messenger; the conversation goes on.'],
  chat_window_minimzed: [
    'interaction',
    __DOCS__ && 'The same event as `chat_window_minimized`, as one version of the Userlike docs spells it.',
  ],
  feedback_rating_show: ['interaction', __DOCS__ && 'The rating and feedback view was shown after the chat.'],
  feedback_rating_cancel: ['interaction', __DOCS__ && 'The visitor dismissed the rating view: not an abandonment of the chat itself.'],
  feedback_submit: ['interaction', __DOCS__ && 'The visitor sent feedback after the chat.'],
  rating_submit: ['interaction', __DOCS__ && 'The visitor rated the chat.'],
  post_survey_show: ['interaction', __DOCS__ && 'The post-chat survey was shown.'],
  post_survey_submit: ['interaction', __DOCS__ && 'The visitor sent the post-chat survey: after the conversation, so not a funnel step.'],
  transcript_show: ['interaction', __DOCS__ && 'The transcript-by-email offer was shown.'],
  transcript_submit: ['interaction', __DOCS__ && 'The visitor accepted the transcript offer (never the address).'],
  transcript_cancel: ['interaction', __DOCS__ && 'The visitor declined the transcript offer.'],
  chat_quit: ['close', __DOCS__ && 'The visitor quit the chat (older widgets).'],
  error_message: ['error', __DOCS__ && 'The widget showed an error message.'],
} as const satisfies StageTable;

/** A Userlike event name. */
export type UserlikeEvent = keyof typeof userlikeStages;

/** What the docs, the GTM template and the playground say about Userlike. */
export const userlikeDocs =
  __DOCS__ &&
  ({
    title: 'Userlike',
    link: 'https://www.userlike.com/en/public/tutorial/um/api/javascript/tracking',
    mechanism:
      "The page's global `userlikeTrackingEvent(event_name, global_ctx, session_ctx)`, kept working for the site whether it is defined before the bridge or assigned after it. A site script that declares `function userlikeTrackingEvent(){}` after the bridge replaces the hook; the bridge wraps the site's function again when the next script, iframe or the page finishes loading (the widget calls the global only once its own script or iframe has loaded). `chat_id`, else `session_id`, is the interaction id, and within one `session_id` the funnel steps only go forward (a step already reached is pushed as `interaction`); `widget_proactive` is true for events whose name says proactive. `client_name`, `client_email`, `operator_name`, `client_uuid` and `custom_data` are never read.",
    ignored: {},
    happyPaths: [
      {
        product: 'messenger',
        name: 'chat with pre-chat survey and register',
        events: [
          'button_displayed',
          'chat_requested',
          'chat_connected',
          'group_select_show',
          'group_select_submit',
          'pre_survey_show',
          'pre_survey_submit',
          'disclaimer_ok',
          'chat_started',
          'contact_first_message',
          'register_show',
          'register_submit',
          'feedback_rating_show',
          'rating_submit',
          'chat_quit',
        ],
      },
    ],
    template: { param: 'userlike', label: 'Userlike (website messenger)' },
  } satisfies VendorDocs);
