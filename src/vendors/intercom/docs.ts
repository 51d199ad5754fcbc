/**
 * What the docs, the GTM template and the playground say about this vendor, and why each event has its
 * stage. Imported by the generators only (src/vendors/manifest.ts), never by the bundles.
 */
import type { VendorDocs } from '../../core/adapter';
import type { intercomStages } from './stages';

/** What the docs, the GTM template and the playground say about Intercom. */
export const intercomDocs = {
  reasons: {
    ready:
      "Intercom's methods page: `Intercom('ready', fn)` runs once the Messenger has finished booting and the session is live: the widget is available to the visitor. Once per messenger session (each `boot` after a `shutdown` is a new one).",
    onShow: "Intercom's methods page: `onShow` fires when the Messenger is shown: the visitor opened it.",
    onHide: "Intercom's methods page: `onHide` fires when the Messenger is hidden: the visitor closed it.",
    onUserEmailSupplied:
      "Intercom's methods page: `onUserEmailSupplied` fires when a visitor enters their e-mail address in the Messenger: contact details handed over, and the default lead (one per page: the callback names no conversation). Pushes `widget_email_provided: true`; the callback does not hand the address over (npm @intercom/messenger-js-sdk types it as a plain `Function`, its consumers as `() => void`), so `hashEmail` has nothing to hash.",
  },
  title: 'Intercom',
  groups: ['chat'],
  brand: '#286efa',
  link: 'https://developers.intercom.com/installing-intercom/web/methods',
  mechanism:
    "Callbacks registered through the global function, `Intercom('ready' | 'onShow' | 'onHide' | 'onUserEmailSupplied', fn)`, whether `window.Intercom` is the install snippet's queue, the queue of npm @intercom/messenger-js-sdk or the loaded messenger; the bridge reads `window.Intercom` through a transparent Proxy that sees `boot` and `shutdown`. `shutdown` drops the registered callbacks (react-use-intercom issue #666), so the bridge registers its own again after the next `boot`, and each messenger session is its own interaction scope (its funnel steps count once); `update` (SPA route changes) changes nothing. The site's own callbacks, registered before or after the bridge (also those already queued), are passed on in a wrapper that calls them with the same arguments, `this` and return value; for a callback the site registered in the current session the bridge registers none, so a messenger that keeps one function per callback keeps the site's. Nothing is read from the callbacks or from `intercomSettings` (the e-mail, name and user id the site boots with).",
  ignored: {
    onUnreadCountChange:
      "Intercom's methods page: called with the unread count at once when registered and on every change (the Messenger's messages to the visitor, read or not): a counter, not a visitor step, and one push per message and per registration would flood the dataLayer.",
  },
  happyPaths: [{ product: 'messenger', name: 'chat to lead', events: ['ready', 'onShow', 'onUserEmailSupplied', 'onHide'] }],
  template: { param: 'intercom', label: 'Intercom (Messenger)' },
} satisfies VendorDocs<typeof intercomStages>;
