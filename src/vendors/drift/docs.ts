/**
 * What the docs, the GTM template and the playground say about this vendor, and why each event has its
 * stage. Imported by the generators only (src/vendors/manifest.ts), never by the bundles.
 */
import type { VendorDocs } from '../../core/adapter';
import type { driftStages } from './stages';

/** What the docs, the GTM template and the playground say about Drift. */
export const driftDocs = {
  reasons: {
    ready:
      "Drift's events page: the widget is ready for use; its state says whether the team is online (`widget_availability` `online` or `offline`, from `isOnline`).",
    chatOpen: "Drift's events page: the chat window opened (the current widget's name for the legacy `sidebarOpen`).",
    chatClose: "Drift's events page: the chat window closed.",
    'awayMessage:open':
      "Drift's events page: the away message was shown, which Drift does when the team is offline: the chat is unavailable to the visitor.",
    startConversation:
      "Drift's events page: the visitor started a conversation (`conversationId`, the interaction id from here on, and `inboxId`).",
    'message:sent': "Drift's events page: the visitor sent a message in the conversation; never its text.",
    'conversation:buttonClicked':
      "Drift's events page: the visitor clicked a button of a bot message; never the button's text (`buttonBody`).",
    'conversation:playbookFired':
      "Drift's events page: a playbook (a bot) fired in the conversation; its `playbookId` is pushed as `widget_trigger_id`.",
    'conversation:playbookClicked': "Drift's events page: the visitor clicked a playbook's message.",
    'conversation:playbookDismissed': "Drift's events page: the visitor dismissed a playbook's message.",
    emailCapture:
      "Drift's events page: the visitor's e-mail address was captured (`data.email`, never pushed): contact details handed over, and a default lead, one per conversation. Pushes `widget_email_provided`; with `hashEmail` the lead carries a SHA-256 of the address.",
    phoneCapture:
      "Drift's events page: the visitor's phone number was captured (never pushed): contact details handed over, and a default lead, one per conversation.",
    'scheduling:requestMeeting':
      "Drift's events page: the visitor asked to book a meeting with a team member (the member's `id` is pushed as `widget_assignee_id`, never the name).",
    'scheduling:meetingBooked':
      "Drift's events page: the visitor booked a meeting in the chat: the conversation's outcome and a default lead (one per conversation, shared with the captures). Pushes the team member's id, the meeting's `time` (`widget_slot_start`), `duration` (`widget_duration_minutes`) and `timeZone` (`widget_timezone`).",
  },
  title: 'Drift',
  groups: ['chat'],
  brand: '#0176ff',
  link: 'https://devdocs.drift.com/docs/drift-events',
  mechanism:
    "Callbacks registered with `drift.on(name, fn)`: `ready` on every `window.drift` the bridge sees (the install snippet's queue, which the widget runs, or the loaded widget), the other events on the same object once that `ready` fired, as Drift's page says to. Only the newest `window.drift`'s callbacks report, so a widget that swaps its own object in for the queue and runs the queued callbacks too does not double events. Drift keeps every callback of an event, so the site's own stay as they are (a site's `drift.off(name)` without a callback drops the bridge's for that event too). The interaction id is the `conversationId` (on the payload, or in `data` for `emailCapture`); one lead per conversation whichever of `emailCapture`, `phoneCapture` and `scheduling:meetingBooked` comes first. Read: `isOnline`, the team member's `id`, the meeting's `time`, `duration` and `timeZone`, `playbookId`; never the e-mail address, the phone number, names, message or button text.",
  ignored: {
    message:
      'A message from the team or a bot to the visitor: playbooks post several per step, so one push each would flood the dataLayer, and it is no visitor step.',
    'sidebarOpen, sidebarClose':
      "The legacy widget's names for `chatOpen` and `chatClose` (Drift's events page): the current widget sends those.",
    'welcomeMessage:open, welcomeMessage:close, awayMessage:close, sliderMessage:close':
      'A greeting was shown or went away: Drift reaching out, nothing the visitor did toward a conversation.',
    'campaign:open, campaign:click, campaign:submit, campaign:dismiss':
      "Drift's on-page campaigns (messages shown outside the chat): not the chat's funnel (the e-mail captures the bridge counts are `emailCapture`).",
    'conversation:selected, conversation:firstInteraction': 'Navigation inside the widget and a playbook bookkeeping step: no funnel step.',
    gdprClicked: 'The visitor answered the consent prompt: not a funnel step, and its `endUser` is a visitor id.',
  },
  happyPaths: [
    {
      product: 'chat',
      name: 'chat to booked meeting',
      events: [
        'ready',
        'chatOpen',
        'startConversation',
        'message:sent',
        'emailCapture',
        'scheduling:requestMeeting',
        'scheduling:meetingBooked',
        'chatClose',
      ],
    },
  ],
  template: { param: 'drift', label: 'Drift (chat)' },
} satisfies VendorDocs<typeof driftStages>;
