/**
 * What the docs, the GTM template and the playground say about this vendor, and why each event has its
 * stage. Imported by the generators only (src/vendors/manifest.ts), never by the bundles.
 */
import type { VendorDocs } from '../../core/adapter';
import type { typeformStages } from './stages';

/** What the docs, the GTM template and the playground say about Typeform. */
export const typeformDocs = {
  reasons: {
    'form-ready':
      'The form loaded in its embed (`onReady`; for a popup, slider, popover or side tab the iframe loads when it opens): the visitor can see the form, also when `isClosed` says it takes no new responses.',
    'form-started':
      'Typeform\'s "submission start" (`onStarted`, with the new `responseId`): the visitor began the form. The response id is the interaction id from here on.',
    'form-screen-changed':
      'The visitor moved to another question (`onQuestionChanged`): progress inside the form, not a new funnel step. The question `ref` is not pushed.',
    'form-submit':
      'The response was submitted (`onSubmit`, with its `responseId`): the form was sent, and the default lead, once per response id (a `form-submit` without one sends no lead).',
    'thank-you-screen-button-click':
      'The visitor clicked the button of an ending screen (`onEndingButtonClick`): after the submit, not a funnel step. The ending `ref` is not pushed.',
    'duplicate-detected':
      'The visitor reached the response quota of the duplicate-prevention setting (`onDuplicateDetected`): the form has nothing more to offer this visitor.',
    'form-close':
      'The visitor pressed Escape inside the form; @typeform/embed then closes the popup, slider, popover or side tab (`onClose`): the widget was closed. Ignored from an inline widget, which the package does not close.',
  },
  title: 'Typeform',
  groups: ['forms'],
  brand: '#262627',
  link: 'https://github.com/Typeform/embed/blob/main/packages/embed/README.md',
  mechanism:
    "`window` `message` events from the form iframe, accepted only from `https://form.typeform.com`, `https://form.typeform.eu` (the EU data-residency domain) and `typeform.origins` (custom domains), compared as exact strings before the data is read. Shape: `{type, embedId, formId, responseId?, …}`, the messages @typeform/embed turns into the site's callbacks (the package listens to the same messages, so the site's `onSubmit` and the other callbacks keep working untouched, whichever loads first; a form iframe the site builds without the package is heard as far as the form posts it the same messages, which is not verified). Only `type`, `formId` (→ `widget_id`), `responseId` and `embedId` are read: never answers, hidden fields or `ref`s; `widget_elapsed_ms` is the time since the embed's `form-ready`, which also keeps two question changes of one response apart (GA4 gets no question `ref`). The interaction is one embed (the iframe): its `responseId` once the form started (and for the submit), before that the package's per-embed `embedId`; one listener for all embeds, so two embeds are two interactions and each message is one push. A lead needs the `responseId`: one per response.",
  ignored: {
    'form-height-changed': "Layout: the question's height, for `autoResize` (`onHeightChanged`).",
    'form-theme': "Layout: the form's theme, for the close icon's colour.",
    'welcome-screen-hidden': 'Layout: the full-screen widget on mobile leaves its placeholder.',
    'redirect-after-submit': 'A navigation command the package carries out (the form redirects the page), not a visitor step.',
    'thank-you-screen-redirect': 'The same navigation command from an ending screen.',
    '(the close button on the page)':
      "@typeform/embed's own close button, outside the iframe, posts no message: `onClose` from it (and from `autoClose`) is not heard.",
  },
  happyPaths: [
    {
      product: 'form',
      name: 'form submitted',
      events: ['form-ready', 'form-started', 'form-screen-changed', 'form-screen-changed', 'form-submit', 'thank-you-screen-button-click'],
    },
    {
      product: 'form',
      name: 'popup closed before submitting',
      events: ['form-ready', 'form-started', 'form-screen-changed', 'form-close'],
    },
  ],
  template: { param: 'typeform', label: 'Typeform (embedded forms)' },
  optionHelp: {
    origins:
      'extra exact origins allowed to post form messages, besides https://form.typeform.com and https://form.typeform.eu, e.g. a custom domain "https://forms.example.com".',
  },
} satisfies VendorDocs<typeof typeformStages>;
