___TERMS_OF_SERVICE___

By creating or modifying this file you agree to Google Tag Manager's Community
Template Gallery Developer Terms of Service available at
https://developers.google.com/tag-manager/gallery-tos (or such other URL as
Google may provide), as modified from time to time.


___INFO___

{
  "type": "TAG",
  "id": "cvt_temp_public_id",
  "version": 1,
  "securityGroups": [],
  "displayName": "gtm-widget-bridge – Chat & Booking Widget Events",
  "categories": [
    "CHAT",
    "ANALYTICS",
    "LEAD_GENERATION"
  ],
  "brand": {
    "id": "brand_gtm_widget_bridge",
    "displayName": "gtm-widget-bridge",
    "thumbnail": "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAAAwklEQVR42u3ZyxGAIAwE0DTiyQYswErsvw+8exAhGyDrMsNRyBPlE2zbj5K5mgACCCAAF6Bc52tdElALOhJjMwJHQmx28F6EzQ7cC7GVgu9BhACinncB0EOPas9mzu2Idt2AyDUEAhixqnr66AZUn3uUqH7ggFoZCmgd2q8F+RnZyLcfMQowQGsRQAA2QKqfOM00mn4ho95KpNnMpd9OUxxo0h8pKQ71FGmV9IktitQiTXKXIr1Oc8GhOzIBBBDgv4Ab8y1h8SMxX88AAAAASUVORK5CYII="
  },
  "description": "One normalized, GA4-ready dataLayer event per Chili Piper, Customerly, Userlike and Genesys Widgets event (widget_view … widget_complete, plus generate_lead), without personal data. Fire on All Pages. Documentation: https://www.npmjs.com/package/gtm-widget-bridge",
  "containerContexts": [
    "WEB"
  ]
}


___TEMPLATE_PARAMETERS___

[
  {
    "type": "GROUP",
    "name": "widgetsGroup",
    "displayName": "Widgets to listen to",
    "groupStyle": "NO_ZIPPY",
    "subParams": [
      {
        "type": "CHECKBOX",
        "name": "chiliPiper",
        "checkboxText": "Chili Piper (booking, concierge router)",
        "simpleValueType": true,
        "defaultValue": true,
        "help": "Untick if your pages never show Chili Piper: the tag then injects a build without it. The bridge listens to Chili Piper and never loads it. What it listens to: https://help.chilipiper.com/hc/en-us/articles/1500011381522-Capturing-Javascript-Messaging-in-Browser"
      },
      {
        "type": "CHECKBOX",
        "name": "customerly",
        "checkboxText": "Customerly (live chat)",
        "simpleValueType": true,
        "defaultValue": true,
        "help": "Untick if your pages never show Customerly: the tag then injects a build without it. The bridge listens to Customerly and never loads it. What it listens to: https://docs.customerly.io/api/receiving-information-from-customerly-live-chat"
      },
      {
        "type": "CHECKBOX",
        "name": "userlike",
        "checkboxText": "Userlike (website messenger)",
        "simpleValueType": true,
        "defaultValue": true,
        "help": "Untick if your pages never show Userlike: the tag then injects a build without it. The bridge listens to Userlike and never loads it. What it listens to: https://www.userlike.com/en/public/tutorial/um/api/javascript/tracking"
      },
      {
        "type": "CHECKBOX",
        "name": "genesys",
        "checkboxText": "Genesys Widgets (ClickToCall, WebChat, Callback, SendMessage)",
        "simpleValueType": true,
        "defaultValue": true,
        "help": "Untick if your pages never show Genesys Widgets: the tag then injects a build without it. The bridge listens to Genesys Widgets and never loads it. What it listens to: https://docs.genesys.com/Documentation/GWC/latest/WidgetsAPI/WebChatEvents"
      },
      {
        "type": "CHECKBOX",
        "name": "calendly",
        "checkboxText": "Calendly (scheduling embed)",
        "simpleValueType": true,
        "defaultValue": true,
        "help": "Untick if your pages never show Calendly: the tag then injects a build without it. The bridge listens to Calendly and never loads it. What it listens to: https://developer.calendly.com/api-docs/overview/embedding/notifying-the-parent-window"
      },
      {
        "type": "CHECKBOX",
        "name": "typeform",
        "checkboxText": "Typeform (embedded forms)",
        "simpleValueType": true,
        "defaultValue": true,
        "help": "Untick if your pages never show Typeform: the tag then injects a build without it. The bridge listens to Typeform and never loads it. What it listens to: https://github.com/Typeform/embed/blob/main/packages/embed/README.md"
      },
      {
        "type": "CHECKBOX",
        "name": "calCom",
        "checkboxText": "Cal.com (booking embed)",
        "simpleValueType": true,
        "defaultValue": true,
        "help": "Untick if your pages never show Cal.com: the tag then injects a build without it. The bridge listens to Cal.com and never loads it. What it listens to: https://cal.com/docs/developing/guides/embeds/embed-events"
      },
      {
        "type": "CHECKBOX",
        "name": "hubspot",
        "checkboxText": "HubSpot (meetings, forms, chat)",
        "simpleValueType": true,
        "defaultValue": true,
        "help": "Untick if your pages never show HubSpot: the tag then injects a build without it. The bridge listens to HubSpot and never loads it. What it listens to: https://developers.hubspot.com/docs/api-reference/latest/marketing/forms/global-form-events"
      },
      {
        "type": "CHECKBOX",
        "name": "livechat",
        "checkboxText": "LiveChat (chat widget)",
        "simpleValueType": true,
        "defaultValue": true,
        "help": "Untick if your pages never show LiveChat: the tag then injects a build without it. The bridge listens to LiveChat and never loads it. What it listens to: https://platform.text.com/docs/extending-chat-widget/javascript-api"
      },
      {
        "type": "CHECKBOX",
        "name": "tidio",
        "checkboxText": "Tidio (chat widget)",
        "simpleValueType": true,
        "defaultValue": true,
        "help": "Untick if your pages never show Tidio: the tag then injects a build without it. The bridge listens to Tidio and never loads it. What it listens to: https://developers.tidio.com/docs/widget-listeners-events"
      },
      {
        "type": "CHECKBOX",
        "name": "tawkTo",
        "checkboxText": "tawk.to (live chat)",
        "simpleValueType": true,
        "defaultValue": true,
        "help": "Untick if your pages never show tawk.to: the tag then injects a build without it. The bridge listens to tawk.to and never loads it. What it listens to: https://developer.tawk.to/jsapi/"
      },
      {
        "type": "CHECKBOX",
        "name": "crisp",
        "checkboxText": "Crisp (live chat)",
        "simpleValueType": true,
        "defaultValue": true,
        "help": "Untick if your pages never show Crisp: the tag then injects a build without it. The bridge listens to Crisp and never loads it. What it listens to: https://docs.crisp.chat/guides/chatbox-sdks/web-sdk/dollar-crisp/"
      },
      {
        "type": "CHECKBOX",
        "name": "intercom",
        "checkboxText": "Intercom (Messenger)",
        "simpleValueType": true,
        "defaultValue": true,
        "help": "Untick if your pages never show Intercom: the tag then injects a build without it. The bridge listens to Intercom and never loads it. What it listens to: https://developers.intercom.com/installing-intercom/web/methods"
      },
      {
        "type": "CHECKBOX",
        "name": "drift",
        "checkboxText": "Drift (chat)",
        "simpleValueType": true,
        "defaultValue": true,
        "help": "Untick if your pages never show Drift: the tag then injects a build without it. The bridge listens to Drift and never loads it. What it listens to: https://devdocs.drift.com/docs/drift-events"
      },
      {
        "type": "CHECKBOX",
        "name": "zendesk",
        "checkboxText": "Zendesk messaging (Web Widget)",
        "simpleValueType": true,
        "defaultValue": true,
        "help": "Untick if your pages never show Zendesk messaging: the tag then injects a build without it. The bridge listens to Zendesk messaging and never loads it. What it listens to: https://developer.zendesk.com/api-reference/widget-messaging/web/events/"
      },
      {
        "type": "LABEL",
        "name": "widgetsHelp",
        "displayName": "Untick the widgets your site does not use. The bridge never loads a widget; it only listens to the ones your site already has."
      }
    ]
  },
  {
    "type": "GROUP",
    "name": "outputGroup",
    "displayName": "Output",
    "groupStyle": "ZIPPY_OPEN",
    "subParams": [
      {
        "type": "SELECT",
        "name": "output",
        "displayName": "Send events through",
        "macrosInSelect": false,
        "selectItems": [
          {
            "value": "dataLayer",
            "displayValue": "the dataLayer (GTM triggers and tags)"
          },
          {
            "value": "gtag",
            "displayValue": "gtag('event', …) directly (sites with gtag.js)"
          }
        ],
        "simpleValueType": true,
        "defaultValue": "dataLayer",
        "help": "Keep the dataLayer unless your site sends GA4 events with gtag.js outside GTM."
      },
      {
        "type": "TEXT",
        "name": "dataLayerName",
        "displayName": "dataLayer name",
        "simpleValueType": true,
        "defaultValue": "dataLayer",
        "valueValidators": [
          {
            "type": "NON_EMPTY"
          },
          {
            "type": "REGEX",
            "args": [
              "^([A-Za-z_$][A-Za-z0-9_$]*|\\{\\{[^{}]+\\}\\})$"
            ],
            "errorMessage": "A JavaScript identifier, e.g. dataLayer, or a {{variable}}."
          }
        ],
        "help": "Only change this if your GTM snippet uses a renamed dataLayer."
      },
      {
        "type": "TEXT",
        "name": "eventPrefix",
        "displayName": "Event name prefix",
        "simpleValueType": true,
        "defaultValue": "widget_",
        "valueValidators": [
          {
            "type": "NON_EMPTY"
          },
          {
            "type": "REGEX",
            "args": [
              "^([A-Za-z][A-Za-z0-9_]{0,28}|\\{\\{[^{}]+\\}\\})$"
            ],
            "errorMessage": "Starts with a letter; letters, digits and _ only; at most 29 characters. Or a {{variable}}."
          }
        ],
        "help": "Events are named prefix + stage: widget_view, widget_open, widget_start, widget_submit, widget_complete, widget_cancel, widget_close, widget_unavailable, widget_error, widget_interaction. Prefixes that make GA4-reserved names (form_, page_, video_, ga_, google_, firebase_…) are refused by the bridge with a console warning."
      }
    ]
  },
  {
    "type": "GROUP",
    "name": "leadGroup",
    "displayName": "Leads and conversions",
    "groupStyle": "ZIPPY_OPEN",
    "subParams": [
      {
        "type": "CHECKBOX",
        "name": "generateLead",
        "checkboxText": "Also push GA4's generate_lead once per converted interaction",
        "simpleValueType": true,
        "defaultValue": true,
        "help": "Default lead actions: Chili Piper booking-confirmed, Customerly onLeadGenerated, Genesys ClickToCall.completed and Callback.completed."
      },
      {
        "type": "SIMPLE_TABLE",
        "name": "leadActions",
        "displayName": "Lead actions (replace a vendor's defaults)",
        "simpleTableColumns": [
          {
            "type": "SELECT",
            "name": "vendor",
            "displayName": "Vendor",
            "defaultValue": "chili_piper",
            "selectItems": [
              {
                "value": "chili_piper",
                "displayValue": "Chili Piper"
              },
              {
                "value": "customerly",
                "displayValue": "Customerly"
              },
              {
                "value": "userlike",
                "displayValue": "Userlike"
              },
              {
                "value": "genesys",
                "displayValue": "Genesys Widgets"
              },
              {
                "value": "calendly",
                "displayValue": "Calendly"
              },
              {
                "value": "typeform",
                "displayValue": "Typeform"
              },
              {
                "value": "cal_com",
                "displayValue": "Cal.com"
              },
              {
                "value": "hubspot",
                "displayValue": "HubSpot"
              },
              {
                "value": "livechat",
                "displayValue": "LiveChat"
              },
              {
                "value": "tidio",
                "displayValue": "Tidio"
              },
              {
                "value": "tawk_to",
                "displayValue": "tawk.to"
              },
              {
                "value": "crisp",
                "displayValue": "Crisp"
              },
              {
                "value": "intercom",
                "displayValue": "Intercom"
              },
              {
                "value": "drift",
                "displayValue": "Drift"
              },
              {
                "value": "zendesk",
                "displayValue": "Zendesk messaging"
              }
            ],
            "valueValidators": [
              {
                "type": "NON_EMPTY"
              }
            ]
          },
          {
            "type": "TEXT",
            "name": "action",
            "displayName": "Vendor event name",
            "defaultValue": "",
            "valueValidators": [
              {
                "type": "NON_EMPTY"
              }
            ]
          }
        ],
        "newRowButtonText": "Add lead action",
        "enablingConditions": [
          {
            "paramName": "generateLead",
            "paramValue": true,
            "type": "EQUALS"
          }
        ],
        "help": "Leave empty to keep the defaults. Rows for a vendor replace that vendor's defaults, e.g. Chili Piper + booked, or Userlike + register_submit. Event names as in the event reference (widget_action)."
      },
      {
        "type": "CHECKBOX",
        "name": "hashEmail",
        "checkboxText": "Add a SHA-256 hash of the visitor's e-mail to lead events (enhanced conversions)",
        "simpleValueType": true,
        "defaultValue": false,
        "help": "Off by default. When a widget hands over an e-mail (Customerly onLeadGenerated), generate_lead carries user_data.sha256_email_address: a hash of the normalized address, never the address. Only enable it where your privacy notice and consent cover enhanced conversions."
      }
    ]
  },
  {
    "type": "GROUP",
    "name": "chiliPiperGroup",
    "displayName": "Chili Piper",
    "groupStyle": "ZIPPY_CLOSED",
    "enablingConditions": [
      {
        "paramName": "chiliPiper",
        "paramValue": true,
        "type": "EQUALS"
      }
    ],
    "subParams": [
      {
        "type": "SIMPLE_TABLE",
        "name": "chiliPiperOrigins",
        "displayName": "Extra allowed origins",
        "simpleTableColumns": [
          {
            "type": "TEXT",
            "name": "origin",
            "displayName": "Origin",
            "defaultValue": "",
            "valueValidators": [
              {
                "type": "NON_EMPTY"
              },
              {
                "type": "REGEX",
                "args": [
                  "^(https?://[a-z0-9.-]+(:[0-9]+)?|\\{\\{[^{}]+\\}\\})$"
                ],
                "errorMessage": "An origin such as https://booking.example.com (lower case, no path, no trailing slash), or a {{variable}}."
              }
            ]
          }
        ],
        "newRowButtonText": "Add origin",
        "help": "Messages are accepted from https://*.chilipiper.com and https://*.chilipiper.io without configuration. Add an origin only if your booking pages are served from your own domain."
      },
      {
        "type": "CHECKBOX",
        "name": "chiliPiperRelay",
        "checkboxText": "Close the loop through your webhook relay (confirmations, reschedules, reassignments, cancellations)",
        "simpleValueType": true,
        "defaultValue": false,
        "help": "Off by default. Needs the gtm-widget-bridge relay deployed (docs/closing-the-loop.md). Only while analytics_storage consent is granted, each booking made with Chili Piper's legacy snippet gets a sealed webhook URL; Chili Piper then reports the booking's outcome to the relay, which sends it to GA4 (Measurement Protocol) even after the visitor left. The relay then sends that booking's generate_lead, and this tag does not."
      },
      {
        "type": "TEXT",
        "name": "chiliPiperRelayUrl",
        "displayName": "Relay URL",
        "simpleValueType": true,
        "defaultValue": "",
        "enablingConditions": [
          {
            "paramName": "chiliPiperRelay",
            "paramValue": true,
            "type": "EQUALS"
          }
        ],
        "valueValidators": [
          {
            "type": "NON_EMPTY"
          },
          {
            "type": "REGEX",
            "args": [
              "^(https://[^\\s/?#]+(/[^\\s?#]*)?|\\{\\{[^{}]+\\}\\})$"
            ],
            "errorMessage": "The relay's https URL, e.g. https://relay.example.com, or a {{variable}}."
          }
        ],
        "help": "The base URL of your relay, e.g. https://relay.example.com. It must list this site in RELAY_ALLOWED_ORIGINS."
      },
      {
        "type": "TEXT",
        "name": "chiliPiperRelayMeasurementId",
        "displayName": "GA4 measurement ID",
        "simpleValueType": true,
        "defaultValue": "",
        "enablingConditions": [
          {
            "paramName": "chiliPiperRelay",
            "paramValue": true,
            "type": "EQUALS"
          }
        ],
        "valueValidators": [
          {
            "type": "NON_EMPTY"
          },
          {
            "type": "REGEX",
            "args": [
              "^(G-[A-Z0-9]{4,16}|\\{\\{[^{}]+\\}\\})$"
            ],
            "errorMessage": "A GA4 measurement ID such as G-XXXXXXXXXX, or a {{variable}}."
          }
        ],
        "help": "The GA4 web stream the relay sends to (the same ID as its GA4_MEASUREMENT_ID). Its client and session IDs are read from the Google tag's analytics storage, so relay events join the visitor's GA4 session."
      }
    ]
  },
  {
    "type": "GROUP",
    "name": "calendlyGroup",
    "displayName": "Calendly",
    "groupStyle": "ZIPPY_CLOSED",
    "enablingConditions": [
      {
        "paramName": "calendly",
        "paramValue": true,
        "type": "EQUALS"
      }
    ],
    "subParams": [
      {
        "type": "SIMPLE_TABLE",
        "name": "calendlyOrigins",
        "displayName": "Extra allowed origins",
        "simpleTableColumns": [
          {
            "type": "TEXT",
            "name": "origin",
            "displayName": "Origin",
            "defaultValue": "",
            "valueValidators": [
              {
                "type": "NON_EMPTY"
              },
              {
                "type": "REGEX",
                "args": [
                  "^(https?://[a-z0-9.-]+(:[0-9]+)?|\\{\\{[^{}]+\\}\\})$"
                ],
                "errorMessage": "An origin such as https://scheduling.example.com (lower case, no path, no trailing slash), or a {{variable}}."
              }
            ]
          }
        ],
        "newRowButtonText": "Add origin",
        "help": "Messages are accepted from https://calendly.com without configuration. Calendly sends them only when the embed's URL carries embed_domain (react-calendly adds it; add it to a hand-written iframe)."
      }
    ]
  },
  {
    "type": "GROUP",
    "name": "typeformGroup",
    "displayName": "Typeform",
    "groupStyle": "ZIPPY_CLOSED",
    "enablingConditions": [
      {
        "paramName": "typeform",
        "paramValue": true,
        "type": "EQUALS"
      }
    ],
    "subParams": [
      {
        "type": "SIMPLE_TABLE",
        "name": "typeformOrigins",
        "displayName": "Extra allowed origins",
        "simpleTableColumns": [
          {
            "type": "TEXT",
            "name": "origin",
            "displayName": "Origin",
            "defaultValue": "",
            "valueValidators": [
              {
                "type": "NON_EMPTY"
              },
              {
                "type": "REGEX",
                "args": [
                  "^(https?://[a-z0-9.-]+(:[0-9]+)?|\\{\\{[^{}]+\\}\\})$"
                ],
                "errorMessage": "An origin such as https://forms.example.com (lower case, no path, no trailing slash), or a {{variable}}."
              }
            ]
          }
        ],
        "newRowButtonText": "Add origin",
        "help": "Form messages are accepted from https://form.typeform.com and https://form.typeform.eu without configuration. Add an origin only if your forms are served from your own (custom) domain."
      }
    ]
  },
  {
    "type": "GROUP",
    "name": "calComGroup",
    "displayName": "Cal.com",
    "groupStyle": "ZIPPY_CLOSED",
    "enablingConditions": [
      {
        "paramName": "calCom",
        "paramValue": true,
        "type": "EQUALS"
      }
    ],
    "subParams": [
      {
        "type": "SIMPLE_TABLE",
        "name": "calComOrigins",
        "displayName": "Self-hosted Cal.com origins",
        "simpleTableColumns": [
          {
            "type": "TEXT",
            "name": "origin",
            "displayName": "Origin",
            "defaultValue": "",
            "valueValidators": [
              {
                "type": "NON_EMPTY"
              },
              {
                "type": "REGEX",
                "args": [
                  "^(https?://[a-z0-9.-]+(:[0-9]+)?|\\{\\{[^{}]+\\}\\})$"
                ],
                "errorMessage": "An origin such as https://cal.example.com (lower case, no path, no trailing slash), or a {{variable}}."
              }
            ]
          }
        ],
        "newRowButtonText": "Add origin",
        "help": "Embed messages are accepted from https://app.cal.com and https://cal.com without configuration. Add the origin of a self-hosted Cal.com instance (the origin in your Cal(\"init\", …) snippet)."
      }
    ]
  },
  {
    "type": "GROUP",
    "name": "hubspotGroup",
    "displayName": "HubSpot",
    "groupStyle": "ZIPPY_CLOSED",
    "enablingConditions": [
      {
        "paramName": "hubspot",
        "paramValue": true,
        "type": "EQUALS"
      }
    ],
    "subParams": [
      {
        "type": "SIMPLE_TABLE",
        "name": "hubspotOrigins",
        "displayName": "Meetings links on your own domain",
        "simpleTableColumns": [
          {
            "type": "TEXT",
            "name": "origin",
            "displayName": "Origin",
            "defaultValue": "",
            "valueValidators": [
              {
                "type": "NON_EMPTY"
              },
              {
                "type": "REGEX",
                "args": [
                  "^(https?://[a-z0-9.-]+(:[0-9]+)?|\\{\\{[^{}]+\\}\\})$"
                ],
                "errorMessage": "An origin such as https://meet.example.com (lower case, no path, no trailing slash), or a {{variable}}."
              }
            ]
          }
        ],
        "newRowButtonText": "Add origin",
        "help": "Meetings messages are accepted from https://meetings.hubspot.com, https://meetings-eu1.hubspot.com and https://meetings-na2.hubspot.com without configuration. Add the origin of a meetings link hosted on a domain connected to HubSpot. Forms and chat need no origin."
      }
    ]
  },
  {
    "type": "GROUP",
    "name": "debugGroup",
    "displayName": "Debugging",
    "groupStyle": "ZIPPY_CLOSED",
    "subParams": [
      {
        "type": "CHECKBOX",
        "name": "debug",
        "checkboxText": "Log every vendor event and push to the browser console",
        "simpleValueType": true,
        "defaultValue": false,
        "help": "For GTM Preview and testing; leave off in production."
      }
    ]
  }
]


___SANDBOXED_JS_FOR_WEB_TEMPLATE___

// Sandboxed code of the gtm-widget-bridge tag template. Sandboxed JavaScript cannot listen to
// events, so the template only builds the configuration, hands it to the page and injects the
// hosted, versioned bridge, which installs itself with that configuration.
// Sandbox limits: no `new`, `this`, template literals or regular-expression literals.
const addConsentListener = require('addConsentListener');
const callInWindow = require('callInWindow');
const injectScript = require('injectScript');
const isConsentGranted = require('isConsentGranted');
const logToConsole = require('logToConsole');
const queryPermission = require('queryPermission');
const readAnalyticsStorage = require('readAnalyticsStorage');
const setInWindow = require('setInWindow');

// The versioned dist/ folder: core.js, and one plugin file per vendor (vendors/<vendor>.js), plus the Chili
// Piper webhook relay's client (vendors/chili_piper_relay.js); the plugins add their vendor to the core,
// whichever loads first.
const DIST_BASE = 'https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/';
const CONFIG_KEY = 'gtmWidgetBridgeConfig';
const RELAY_CONSENT = 'gtmWidgetBridge.chiliPiper.setAnalyticsConsent';

// Each vendor's checkbox and vendor id, filled in from the vendor registry by the generator.
const VENDOR_CHECKBOXES = [['chiliPiper', 'chili_piper'], ['customerly', 'customerly'], ['userlike', 'userlike'], ['genesys', 'genesys'], ['calendly', 'calendly'], ['typeform', 'typeform'], ['calCom', 'cal_com'], ['hubspot', 'hubspot'], ['livechat', 'livechat'], ['tidio', 'tidio'], ['tawkTo', 'tawk_to'], ['crisp', 'crisp'], ['intercom', 'intercom'], ['drift', 'drift'], ['zendesk', 'zendesk']];
const vendors = [];
for (let i = 0; i < VENDOR_CHECKBOXES.length; i++) {
  if (data[VENDOR_CHECKBOXES[i][0]]) vendors.push(VENDOR_CHECKBOXES[i][1]);
}

// The non-empty origins of one vendor's "Extra allowed origins" table.
function originsOf(rows) {
  const origins = [];
  rows = rows || [];
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].origin) origins.push(rows[i].origin);
  }
  return origins;
}

// The webhook relay (opt-in): only with analytics consent, and with the visitor's GA ids for the stream.
// The advertising consent goes along, sealed into each webhook URL: GA4 receives it with the relay's events.
// https://developers.google.com/tag-platform/tag-manager/templates/api#readanalyticsstorage
// https://developers.google.com/tag-platform/tag-manager/templates/api#isconsentgranted
let relay = null;
if (data.chiliPiper && data.chiliPiperRelay && data.chiliPiperRelayUrl) {
  const consent = isConsentGranted('analytics_storage') === true;
  relay = {
    url: data.chiliPiperRelayUrl,
    analyticsConsent: consent,
    measurementId: data.chiliPiperRelayMeasurementId || '',
    adUserData: isConsentGranted('ad_user_data') === true,
    adPersonalization: isConsentGranted('ad_personalization') === true,
  };
  // Nothing is read from analytics storage without consent.
  if (consent) {
    const ids = readGaIds();
    if (ids.clientId) relay.clientId = ids.clientId;
    if (ids.sessionId) relay.sessionId = ids.sessionId;
  }
}

// The Google tag's client id and the session id of the relay's stream, when analytics storage has them.
function readGaIds() {
  const ids = {};
  const storage = readAnalyticsStorage();
  if (!storage || !storage.client_id) return ids;
  ids.clientId = storage.client_id;
  const sessions = storage.sessions || [];
  for (let i = 0; i < sessions.length; i++) {
    if (sessions[i].measurement_id == data.chiliPiperRelayMeasurementId) ids.sessionId = sessions[i].session_id;
  }
  return ids;
}

const leadActions = {};
const leadRows = data.leadActions || [];
for (let i = 0; i < leadRows.length; i++) {
  const row = leadRows[i];
  if (!row.vendor || !row.action) continue;
  if (!leadActions[row.vendor]) leadActions[row.vendor] = [];
  leadActions[row.vendor].push(row.action);
}

const config = {
  vendors: vendors,
  dataLayerName: data.dataLayerName || 'dataLayer',
  eventPrefix: data.eventPrefix || 'widget_',
  output: data.output === 'gtag' ? 'gtag' : 'dataLayer',
  chiliPiper: { origins: originsOf(data.chiliPiperOrigins), relay: relay },
  calendly: { origins: originsOf(data.calendlyOrigins) },
  typeform: { origins: originsOf(data.typeformOrigins) },
  calCom: { origins: originsOf(data.calComOrigins) },
  hubspot: { origins: originsOf(data.hubspotOrigins) },
  leadActions: leadActions,
  generateLead: data.generateLead !== false,
  hashEmail: data.hashEmail === true,
  debug: data.debug === true,
};

// The core and exactly the ticked vendors' files, so the page downloads and runs nothing else; with the relay
// ticked, its client's file too. One injection per file: each URL is one the permissions name exactly.
const urls = [DIST_BASE + 'core.js'];
for (let i = 0; i < vendors.length; i++) urls.push(DIST_BASE + 'vendors/' + vendors[i] + '.js');
if (relay) urls.push(DIST_BASE + 'vendors/chili_piper_relay.js');

let allowed = queryPermission('access_globals', 'readwrite', CONFIG_KEY);
for (let i = 0; i < urls.length; i++) allowed = allowed && queryPermission('inject_script', urls[i]);
if (!allowed) {
  data.gtmOnFailure();
  return;
}

if (config.debug) logToConsole('[gtm-widget-bridge] template config', config);
if (relay) {
  // Consent given or withdrawn after this tag fired: the bridge asks the relay for URLs (sealed with the
  // advertising consent of that moment), or stops.
  const forwardConsent = function () {
    const granted = isConsentGranted('analytics_storage') === true;
    const ids = granted ? readGaIds() : {};
    if (queryPermission('access_globals', 'execute', RELAY_CONSENT))
      callInWindow(
        RELAY_CONSENT,
        granted,
        ids.clientId,
        ids.sessionId,
        isConsentGranted('ad_user_data') === true,
        isConsentGranted('ad_personalization') === true,
      );
  };
  addConsentListener('analytics_storage', forwardConsent);
  addConsentListener('ad_user_data', forwardConsent);
  addConsentListener('ad_personalization', forwardConsent);
}
setInWindow(CONFIG_KEY, config, true);
// Success once every file loaded; failure once, at the first that did not.
let pending = urls.length;
let failed = false;
const loaded = function () {
  pending--;
  if (pending == 0 && !failed) data.gtmOnSuccess();
};
const notLoaded = function () {
  if (!failed) data.gtmOnFailure();
  failed = true;
};
// Each URL doubles as cache token: GTM injects it once per page however often the tag fires.
for (let i = 0; i < urls.length; i++) injectScript(urls[i], loaded, notLoaded, urls[i]);


___WEB_PERMISSIONS___

[
  {
    "instance": {
      "key": {
        "publicId": "inject_script",
        "versionId": "1"
      },
      "param": [
        {
          "key": "urls",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 1,
                "string": "https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/core.js"
              },
              {
                "type": 1,
                "string": "https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/chili_piper.js"
              },
              {
                "type": 1,
                "string": "https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/customerly.js"
              },
              {
                "type": 1,
                "string": "https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/userlike.js"
              },
              {
                "type": 1,
                "string": "https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/genesys.js"
              },
              {
                "type": 1,
                "string": "https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/calendly.js"
              },
              {
                "type": 1,
                "string": "https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/typeform.js"
              },
              {
                "type": 1,
                "string": "https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/cal_com.js"
              },
              {
                "type": 1,
                "string": "https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/hubspot.js"
              },
              {
                "type": 1,
                "string": "https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/livechat.js"
              },
              {
                "type": 1,
                "string": "https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/tidio.js"
              },
              {
                "type": 1,
                "string": "https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/tawk_to.js"
              },
              {
                "type": 1,
                "string": "https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/crisp.js"
              },
              {
                "type": 1,
                "string": "https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/intercom.js"
              },
              {
                "type": 1,
                "string": "https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/drift.js"
              },
              {
                "type": 1,
                "string": "https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/zendesk.js"
              },
              {
                "type": 1,
                "string": "https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/chili_piper_relay.js"
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "access_globals",
        "versionId": "1"
      },
      "param": [
        {
          "key": "keys",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "gtmWidgetBridgeConfig"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "key"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  },
                  {
                    "type": 1,
                    "string": "execute"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "gtmWidgetBridge.chiliPiper.setAnalyticsConsent"
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": false
                  },
                  {
                    "type": 8,
                    "boolean": true
                  }
                ]
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "logging",
        "versionId": "1"
      },
      "param": [
        {
          "key": "environments",
          "value": {
            "type": 1,
            "string": "debug"
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "access_consent",
        "versionId": "1"
      },
      "param": [
        {
          "key": "consentTypes",
          "value": {
            "type": 2,
            "listItem": [
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "analytics_storage"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "ad_user_data"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              },
              {
                "type": 3,
                "mapKey": [
                  {
                    "type": 1,
                    "string": "consentType"
                  },
                  {
                    "type": 1,
                    "string": "read"
                  },
                  {
                    "type": 1,
                    "string": "write"
                  }
                ],
                "mapValue": [
                  {
                    "type": 1,
                    "string": "ad_personalization"
                  },
                  {
                    "type": 8,
                    "boolean": true
                  },
                  {
                    "type": 8,
                    "boolean": false
                  }
                ]
              }
            ]
          }
        }
      ]
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  },
  {
    "instance": {
      "key": {
        "publicId": "read_analytics_storage",
        "versionId": "1"
      },
      "param": []
    },
    "clientAnnotations": {
      "isEditedByUser": true
    },
    "isRequired": true
  }
]


___TESTS___

scenarios:
- name: "Defaults configure every widget and inject the core and each widget's file, success once all loaded"
  code: |-
    const mockData = {
      chiliPiper: true,
      customerly: true,
      userlike: true,
      genesys: true,
      calendly: true,
      typeform: true,
      calCom: true,
      hubspot: true,
      livechat: true,
      tidio: true,
      tawkTo: true,
      crisp: true,
      intercom: true,
      drift: true,
      zendesk: true,
      output: 'dataLayer',
      dataLayerName: 'dataLayer',
      eventPrefix: 'widget_',
      generateLead: true,
      hashEmail: false,
      debug: false,
    };

    let config;
    mock('setInWindow', function (key, value, overrideExisting) {
      assertThat(key).isEqualTo('gtmWidgetBridgeConfig');
      assertThat(overrideExisting).isTrue();
      config = value;
    });
    const injected = [];
    const loaded = [];
    mock('injectScript', function (url, onSuccess, onFailure, cacheToken) {
      injected.push(url);
      assertThat(cacheToken).isEqualTo(url);
      loaded.push(onSuccess);
    });

    runCode(mockData);

    assertThat(config).isEqualTo({
      vendors: [
        'chili_piper',
        'customerly',
        'userlike',
        'genesys',
        'calendly',
        'typeform',
        'cal_com',
        'hubspot',
        'livechat',
        'tidio',
        'tawk_to',
        'crisp',
        'intercom',
        'drift',
        'zendesk',
      ],
      dataLayerName: 'dataLayer',
      eventPrefix: 'widget_',
      output: 'dataLayer',
      chiliPiper: { origins: [], relay: null },
      calendly: { origins: [] },
      typeform: { origins: [] },
      calCom: { origins: [] },
      hubspot: { origins: [] },
      leadActions: {},
      generateLead: true,
      hashEmail: false,
      debug: false,
    });
    assertThat(injected).isEqualTo([
      'https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/core.js',
      'https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/chili_piper.js',
      'https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/customerly.js',
      'https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/userlike.js',
      'https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/genesys.js',
      'https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/calendly.js',
      'https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/typeform.js',
      'https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/cal_com.js',
      'https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/hubspot.js',
      'https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/livechat.js',
      'https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/tidio.js',
      'https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/tawk_to.js',
      'https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/crisp.js',
      'https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/intercom.js',
      'https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/drift.js',
      'https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/zendesk.js',
    ]);
    // Success only once the last file loaded.
    for (let i = 0; i < injected.length - 1; i++) loaded[i]();
    assertApi('gtmOnSuccess').wasNotCalled();
    loaded[injected.length - 1]();
    assertApi('gtmOnSuccess').wasCalled();
    assertApi('gtmOnFailure').wasNotCalled();
    assertApi('logToConsole').wasNotCalled();
- name: "Every field reaches the bridge configuration"
  code: |-
    const mockData = {
      chiliPiper: true,
      customerly: false,
      userlike: true,
      genesys: false,
      calendly: true,
      typeform: true,
      livechat: true,
      tidio: false,
      tawkTo: true,
      crisp: true,
      intercom: true,
      drift: true,
      zendesk: true,
      output: 'gtag',
      dataLayerName: 'siteLayer',
      eventPrefix: 'chat_',
      generateLead: true,
      leadActions: [
        { vendor: 'chili_piper', action: 'booked' },
        { vendor: 'chili_piper', action: 'booking-confirmed' },
        { vendor: 'userlike', action: 'register_submit' },
        { vendor: 'userlike', action: '' },
        { vendor: 'livechat', action: 'form_submitted:prechat' },
      ],
      chiliPiperOrigins: [{ origin: 'https://booking.example.com' }, { origin: '' }],
      calendlyOrigins: [{ origin: 'https://scheduling.example.com' }, { origin: '' }],
      typeformOrigins: [{ origin: 'https://forms.example.com' }, { origin: '' }],
      calComOrigins: [{ origin: '' }, { origin: 'https://cal.example.com' }],
      hubspotOrigins: [{ origin: 'https://meet.example.com' }],
      hashEmail: true,
      debug: true,
    };

    let config;
    mock('setInWindow', function (key, value) {
      config = value;
    });
    mock('injectScript', function (url, onSuccess) {
      onSuccess();
    });

    runCode(mockData);

    assertThat(config).isEqualTo({
      vendors: ['chili_piper', 'userlike', 'calendly', 'typeform', 'livechat', 'tawk_to', 'crisp', 'intercom', 'drift', 'zendesk'],
      dataLayerName: 'siteLayer',
      eventPrefix: 'chat_',
      output: 'gtag',
      chiliPiper: { origins: ['https://booking.example.com'], relay: null },
      calendly: { origins: ['https://scheduling.example.com'] },
      typeform: { origins: ['https://forms.example.com'] },
      calCom: { origins: ['https://cal.example.com'] },
      hubspot: { origins: ['https://meet.example.com'] },
      leadActions: { chili_piper: ['booked', 'booking-confirmed'], userlike: ['register_submit'], livechat: ['form_submitted:prechat'] },
      generateLead: true,
      hashEmail: true,
      debug: true,
    });
    assertApi('logToConsole').wasCalled();
    assertApi('gtmOnSuccess').wasCalled();
- name: "A failed injection calls gtmOnFailure, once, however many files fail"
  code: |-
    const mockData = { chiliPiper: true, customerly: true, userlike: true, genesys: true };

    let calls = 0;
    mock('injectScript', function (url, onSuccess, onFailure) {
      calls++;
      // The core loads; every vendor file fails.
      if (calls == 1) onSuccess();
      else onFailure();
    });

    runCode(mockData);

    assertApi('setInWindow').wasCalled();
    assertApi('gtmOnFailure').wasCalled();
    assertThat(calls).isEqualTo(5);
    assertApi('gtmOnSuccess').wasNotCalled();
- name: "Unticked widgets are left out of the config and of the injected files; empty fields fall back to defaults"
  code: |-
    const mockData = { chiliPiper: false, customerly: true, userlike: false, genesys: false, generateLead: false };

    let config;
    const injected = [];
    mock('setInWindow', function (key, value) {
      config = value;
    });
    mock('injectScript', function (url, onSuccess) {
      injected.push(url);
      onSuccess();
    });

    runCode(mockData);

    assertThat(config.vendors).isEqualTo(['customerly']);
    assertThat(injected).isEqualTo(['https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/core.js', 'https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/customerly.js']);
    assertThat(config.generateLead).isFalse();
    assertThat(config.dataLayerName).isEqualTo('dataLayer');
    assertThat(config.eventPrefix).isEqualTo('widget_');
    assertThat(config.output).isEqualTo('dataLayer');
    assertApi('gtmOnSuccess').wasCalled();
- name: "Without permission nothing is written or injected, and the tag fails"
  code: |-
    const mockData = { chiliPiper: true, customerly: true, userlike: true, genesys: true };

    mock('queryPermission', function (permission) {
      return permission !== 'inject_script';
    });

    runCode(mockData);

    assertApi('setInWindow').wasNotCalled();
    assertApi('injectScript').wasNotCalled();
    assertApi('gtmOnFailure').wasCalled();
- name: "The relay reads the GA ids only with analytics consent, seals the advertising consent, injects the relay client's file and forwards consent changes"
  code: |-
    const mockData = {
      chiliPiper: true,
      customerly: false,
      userlike: false,
      genesys: false,
      output: 'dataLayer',
      dataLayerName: 'dataLayer',
      eventPrefix: 'widget_',
      generateLead: true,
      hashEmail: false,
      debug: false,
      chiliPiperRelay: true,
      chiliPiperRelayUrl: 'https://relay.example.com',
      chiliPiperRelayMeasurementId: 'G-ABC12345',
    };

    let config;
    mock('setInWindow', function (key, value) {
      config = value;
    });
    let injected = [];
    mock('injectScript', function (url, onSuccess) {
      injected.push(url);
      onSuccess();
    });
    let granted = false;
    let ads = { ad_user_data: false, ad_personalization: false };
    mock('isConsentGranted', function (consentType) {
      return consentType == 'analytics_storage' ? granted : ads[consentType] === true;
    });
    mock('readAnalyticsStorage', {
      client_id: '1234567890.1763726400',
      sessions: [
        { measurement_id: 'G-OTHER999', session_id: '1111111111', session_number: 1 },
        { measurement_id: 'G-ABC12345', session_id: '1763726400', session_number: 4 },
      ],
    });
    const listeners = {};
    mock('addConsentListener', function (consentType, callback) {
      listeners[consentType] = callback;
    });
    mock('callInWindow', function () {});

    // Without consent: nothing read from analytics storage, the relay told so.
    runCode(mockData);
    assertThat(config.chiliPiper.relay).isEqualTo({
      url: 'https://relay.example.com',
      analyticsConsent: false,
      measurementId: 'G-ABC12345',
      adUserData: false,
      adPersonalization: false,
    });
    assertApi('readAnalyticsStorage').wasNotCalled();
    assertThat(injected).isEqualTo([
      'https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/core.js',
      'https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/chili_piper.js',
      'https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/chili_piper_relay.js',
    ]);

    // With consent: the client id and this stream's session id, and the advertising consent as Consent Mode has it.
    granted = true;
    ads = { ad_user_data: true, ad_personalization: false };
    runCode(mockData);
    assertThat(config.chiliPiper).isEqualTo({
      origins: [],
      relay: {
        url: 'https://relay.example.com',
        analyticsConsent: true,
        measurementId: 'G-ABC12345',
        adUserData: true,
        adPersonalization: false,
        clientId: '1234567890.1763726400',
        sessionId: '1763726400',
      },
    });
    assertApi('callInWindow').wasNotCalled();
    granted = false;
    listeners.analytics_storage('analytics_storage', false);
    assertApi('callInWindow').wasCalledWith('gtmWidgetBridge.chiliPiper.setAnalyticsConsent', false, undefined, undefined, true, false);
    // Granted later: the ids go along, so the bridge needs no gtag() on the page.
    granted = true;
    listeners.analytics_storage('analytics_storage', true);
    assertApi('callInWindow').wasCalledWith(
      'gtmWidgetBridge.chiliPiper.setAnalyticsConsent',
      true,
      '1234567890.1763726400',
      '1763726400',
      true,
      false,
    );
    // Advertising consent changed: the bridge is told, so the next URLs seal the new state.
    ads = { ad_user_data: false, ad_personalization: true };
    listeners.ad_personalization('ad_personalization', true);
    assertApi('callInWindow').wasCalledWith(
      'gtmWidgetBridge.chiliPiper.setAnalyticsConsent',
      true,
      '1234567890.1763726400',
      '1763726400',
      false,
      true,
    );
    assertApi('gtmOnSuccess').wasCalled();

    // Unticked: no relay and no relay client.
    mockData.chiliPiperRelay = false;
    injected = [];
    runCode(mockData);
    assertThat(config.chiliPiper.relay).isEqualTo(null);
    assertThat(injected).isEqualTo(['https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/core.js', 'https://cdn.jsdelivr.net/npm/gtm-widget-bridge@0.1.0/dist/vendors/chili_piper.js']);


___NOTES___

Generated from gtm-template/src by `npm run generate` for gtm-widget-bridge 0.1.0; edit the sources, not this file.

