/**
 * What the docs, the GTM template and the playground say about this vendor, and why each event has its
 * stage. Imported by the generators only (src/vendors/manifest.ts), never by the bundles.
 */
import type { VendorDocs } from '../../core/adapter';
import type { userlikeStages } from './stages';

/** What the docs, the GTM template and the playground say about Userlike. */
export const userlikeDocs = {
  reasons: {
    button_displayed: 'The chat button is shown: the widget became available.',
    slot_check: 'Userlike checked for a free chat slot: housekeeping, not a visitor step (older widgets).',
    slot_available: 'A free slot was found: housekeeping; `button_displayed` is the view.',
    slot_unavailable: 'No free slot: no operator can take a chat.',
    proactive_offer: 'A proactive timer started; the messenger will open by itself (`widget_proactive`).',
    proactive_timer: 'A proactive timer started; the messenger will open by itself (`widget_proactive`).',
    chat_requested: 'The visitor clicked the chat button to start a conversation.',
    chat_connected:
      'The widget connected after the visitor clicked the button: the messenger is open (after `chat_requested` in the same session, an interaction).',
    chat_connected_proactive: 'The widget connected proactively: the messenger is open (`widget_proactive`).',
    chat_window_maximized: 'The visitor maximized the messenger.',
    conversation_resume: 'The visitor reopened a conversation from the overview, or reloaded.',
    group_select_show: 'The operator-group choice was shown: a step inside the open widget.',
    group_select_submit: 'The visitor picked an operator group: a routing choice, not the start of the conversation.',
    pre_survey_show: 'The pre-chat survey was shown.',
    pre_survey_submit:
      'The visitor sent the pre-chat survey: the first thing they do to begin a chat, before its first message, so the start of the conversation (a submit here would come before the start in the funnel).',
    disclaimer_ok: 'The visitor accepted the privacy notice.',
    chat_started: 'The visitor sent a message: the conversation started (after `pre_survey_submit` in the same session, an interaction).',
    chat_started_proactive: 'The visitor answered a proactive conversation: it started (`widget_proactive`).',
    contact_first_message:
      'The visitor sent the first message (after `chat_started` or `pre_survey_submit` in the same session, an interaction).',
    message_client_terminating: 'A message in the running conversation (operator to visitor, as Userlike names it); never its text.',
    message_operator_terminating: 'A message in the running conversation (visitor to operator, as Userlike names it); never its text.',
    register_show: 'The register view (contact details) was shown.',
    register_submit: 'The visitor finished the register flow: contact details sent (a candidate for `leadActions`), never their content.',
    register_cancel: 'The visitor cancelled the register flow.',
    chat_window_minimized: 'The visitor minimized the messenger; the conversation goes on.',
    chat_window_minimzed: 'The same event as `chat_window_minimized`, as one version of the Userlike docs spells it.',
    feedback_rating_show: 'The rating and feedback view was shown after the chat.',
    feedback_rating_cancel: 'The visitor dismissed the rating view: not an abandonment of the chat itself.',
    feedback_submit: 'The visitor sent feedback after the chat.',
    rating_submit: 'The visitor rated the chat.',
    post_survey_show: 'The post-chat survey was shown.',
    post_survey_submit: 'The visitor sent the post-chat survey: after the conversation, so not a funnel step.',
    transcript_show: 'The transcript-by-email offer was shown.',
    transcript_submit: 'The visitor accepted the transcript offer (never the address).',
    transcript_cancel: 'The visitor declined the transcript offer.',
    chat_quit: 'The visitor quit the chat (older widgets).',
    error_message: 'The widget showed an error message.',
  },
  title: 'Userlike',
  groups: ['chat'],
  brand: '#16a34a',
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
} satisfies VendorDocs<typeof userlikeStages>;
