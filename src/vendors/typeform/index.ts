/**
 * Typeform: the form iframe (`https://form.typeform.com/to/<formId>`, or
 * `https://form.typeform.eu` for EU data residency) posts `window` `message`
 * events `{type, embedId, …payload}` to the host page, and npm
 * `@typeform/embed` (build/index.js: `createIframe`, `getFormReadyHandler` and
 * its siblings) turns them into the site's `onReady`, `onStarted`,
 * `onQuestionChanged`, `onSubmit`, `onEndingButtonClick` and
 * `onDuplicateDetected` callbacks: one `message` listener per callback and
 * embed, each matching `type` and the embed's random `embedId`, handing the
 * rest of the data (`formId`, `responseId`, `ref`, `isClosed`) to the
 * callback. Payloads: https://github.com/Typeform/embed/blob/main/packages/embed/README.md
 * ("Callbacks"; the same types in the package's types/base/actionable-options.d.ts).
 * The package has matched messages by `embedId` since it heard other embeds'
 * messages (https://github.com/Typeform/embed/pull/101); a wrapper that
 * did not called every embed's `onSubmit` on one submit
 * (https://github.com/alexgarces/react-typeform-embed/issues/26).
 *
 * The bridge listens to the same messages itself, rather than wrapping the
 * callbacks: the site's callbacks are never replaced, it works with
 * @typeform/embed from npm or from its `embed.js` loader, whichever loads
 * first (and with an iframe the site builds itself, as far as the form posts
 * it the same messages). The package checks no origin; the bridge does,
 * before reading `event.data`. One listener for every embed, so a message is
 * one push however many embeds the page has (a listener added once per embed
 * is how a hand-written `onSubmit` listener counts one submit per embed).
 */
import { defineAdapter, type VendorEvent } from '../../core/adapter';
import { guard } from '../../core/guard';
import { originsOption } from '../../lib/originsOption';
import { ownValue } from '../../lib/ownValue';
import { toId } from '../../lib/toId';
import { typeformKeys, type TypeformOptions, type TypeformParams } from './params';
import { typeformStages, type TypeformAction } from './stages';

export type { TypeformOptions, TypeformParams } from './params';
export { typeformStages } from './stages';

/** The package's DEFAULT_DOMAIN and DEFAULT_EU_DOMAIN (@typeform/embed build/index.js), as origins. */
const ORIGINS = ['https://form.typeform.com', 'https://form.typeform.eu'];

/**
 * Whether a message origin is Typeform's form app, or one of the site's
 * extra origins (custom domains): exact string comparisons on the
 * browser-serialized origin, so `https://form.typeform.com.evil.net`,
 * `https://evil.form.typeform.com`, `http://form.typeform.com` and `null`
 * fail before any data is read.
 */
export function isTypeformOrigin(origin: string, extraOrigins: readonly string[]): boolean {
  return ORIGINS.indexOf(origin) >= 0 || extraOrigins.indexOf(origin) >= 0;
}

/**
 * Reads one message of the form iframe: `{type, …}` with a type of the stage
 * table (own property, string). Only `formId`, `responseId` and `embedId`
 * are read, so answers, hidden fields, `ref`s or anything else the message
 * might carry can never reach the dataLayer.
 */
export function readTypeformMessage(data: unknown): VendorEvent | undefined {
  const type = ownValue(data, 'type');
  if (typeof type != 'string' || !ownValue(typeformStages, type)) return undefined;
  return {
    widget_action: type,
    widget_interaction_id: toId(ownValue(data, 'responseId')),
    widget_id: toId(ownValue(data, 'formId')),
  };
}

export const typeform = defineAdapter<'typeform', TypeformParams, 'typeform', TypeformOptions>({
  vendor: 'typeform',
  product: 'form',
  stages: typeformStages,
  leadActions: ['form-submit'] satisfies TypeformAction[],
  // Every genuine `form-submit` carries its responseId: one lead per response.
  leadsNeedId: true,
  keys: typeformKeys,
  options: {
    key: 'typeform',
    fields: {
      origins: originsOption(),
    },
  },
  install({ report, options, log, track }) {
    const extraOrigins = options.origins;
    /** Per embed (the iframe's window): its number, when its form was last ready, and the response it is on since. */
    const embeds = new WeakMap<object, { n: number; ready?: number; response?: string }>();
    let embedsSeen = 0;
    const handle = guard(log, (event: MessageEvent) => {
      const data: unknown = event.data;
      const message = readTypeformMessage(data);
      const action = message && message.widget_action;
      const source = event.source;
      // The package closes popups, sliders, popovers and side tabs on `form-close`, never an inline widget.
      if (!message || (action == 'form-close' && isInlineWidget(source))) return log('typeform: ignored ' + action);
      const key = source || handle;
      let embed = embeds.get(key);
      if (!embed) embeds.set(key, (embed = { n: ++embedsSeen }));
      // A (re)loaded form starts over; a response id, once reported, names the embed's interaction.
      const now = Date.now();
      if (action == 'form-ready') {
        embed.response = undefined;
        embed.ready = now;
      }
      // Also what tells two quick question changes apart: GA4 gets no question `ref`.
      if (embed.ready !== undefined) message.widget_elapsed_ms = now - embed.ready;
      const own = message.widget_interaction_id;
      if (own) embed.response = own;
      // Until a response exists, the package's per-embed id tells two embeds of one form apart: the
      // decimal digits of a Math.random() (generateEmbedId), so digits only, and kept when they start
      // with 00 (toId would drop them as a phone number's international prefix, one embed in a hundred).
      else if (action != 'form-submit') message.widget_interaction_id = embed.response || digitsOnly(ownValue(data, 'embedId'));
      message.scope = embed.n + '|' + (embed.response || '');
      report(message);
    });
    const onMessage = (event: MessageEvent): void => {
      // Foreign messages (ads, video embeds, extensions) leave before event.data is touched.
      if (isTypeformOrigin(event.origin, extraOrigins)) handle(event);
    };
    addEventListener('message', onMessage);
    track(() => removeEventListener('message', onMessage));
  },
});

/** `value` when it is a string of 1 to 24 decimal digits. */
const digitsOnly = (value: unknown): string | undefined => (typeof value == 'string' && /^\d{1,24}$/.test(value) ? value : undefined);

/** Whether `source` is the window of an inline widget iframe (`typeform-embed=embed-widget` in its URL). */
function isInlineWidget(source: unknown): boolean {
  return [].some.call(
    document.querySelectorAll('iframe[src*="typeform-embed=embed-widget"]'),
    (frame: HTMLIFrameElement) => frame.contentWindow === source,
  );
}
