// Renders each dataLayer push as a readable card: event name, stage, vendor and the defined keys; only the
// picked widgets' cards are shown (demo/picker.js says which), and the count is theirs.
(function () {
  var log = document.getElementById('log');
  var count = document.getElementById('count');
  var showUndefined = document.getElementById('show-undefined');
  var picked = [];

  /** A card is shown when nothing is picked yet, or its vendor is picked, or it names none. */
  function show(card) {
    var vendor = card.getAttribute('data-vendor');
    card.hidden = picked.length > 0 && !!vendor && picked.indexOf(vendor) < 0;
  }
  function recount() {
    count.textContent = String(log.querySelectorAll('.push:not(.suppressed):not([hidden])').length);
  }
  function add(card, vendor) {
    if (vendor) card.setAttribute('data-vendor', vendor);
    show(card);
    log.prepend(card);
    recount();
  }

  function row(key, value) {
    var line = document.createElement('div');
    line.className = 'kv' + (value === undefined ? ' undefined' : '');
    var k = document.createElement('span');
    k.className = 'k';
    k.textContent = key;
    var v = document.createElement('span');
    v.className = 'v';
    v.textContent = value === undefined ? 'undefined' : JSON.stringify(value);
    line.append(k, v);
    return line;
  }

  function render(item) {
    if (!item || typeof item !== 'object' || !item.event) return;
    var card = document.createElement('li');
    card.className = 'push stage-' + (item.widget_stage || 'other') + (item.event === 'generate_lead' ? ' lead' : '');
    var title = document.createElement('div');
    title.className = 'title';
    title.textContent = item.event + '  ·  ' + (item.widget_vendor || '') + '  ·  ' + (item.widget_action || '');
    card.append(title);
    Object.keys(item).forEach(function (key) {
      if (key !== 'event') card.append(row(key, item[key]));
    });
    add(card, item.widget_vendor);
  }

  // Sample arguments full of personal data, to show none of it reaches the dataLayer.
  var customerlyArgs = {
    onLeadGenerated: ['jane.doe@example.com'],
    onNewConversation: ['Hi, I am Jane Doe, call me on +1 555 0100', [{ name: 'contract.pdf' }]],
    onProfilingQuestionAsked: ['company_size'],
    onProfilingQuestionAnswered: ['company_size', '50 people at Jane Doe Ltd'],
    onHelpCenterArticleOpened: [
      { knowledge_base_article_id: 12, slug: 'pricing', title: 'Pricing plans', body: 'Full text…', written_by: { name: 'Agent Smith' } },
    ],
    onTriggerFired: [991],
  };
  var fire = {
    customerly: function (name) {
      window.__customerlyMessenger.fire.apply(null, [name].concat(customerlyArgs[name] || []));
    },
    userlike: function (name) {
      window.__userlike.fire(name);
    },
    tawk_to: function (name) {
      window.__tawk.fire(name);
    },
    crisp: function (name) {
      var availability = /:(online|away)$/.exec(name);
      if (availability) window.__crisp.emit(name.slice(0, availability.index), availability[1] == 'online');
      else window.__crisp.emit(name);
    },
  };
  document.querySelectorAll('.flow[data-vendor]').forEach(function (panel) {
    var vendor = panel.getAttribute('data-vendor');
    var stages = window.__stages[vendor];
    Object.keys(stages).forEach(function (name) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = name + ' → ' + stages[name];
      button.onclick = function () {
        fire[vendor](name);
      };
      panel.append(button);
    });
  });

  // Genesys scenarios from its lifecycle docs, published on the mocked CXBus (its init already published each widget's ready).
  var genesysScenarios = {
    'ClickToCall: call completed (lead)': ['ClickToCall', ['opened', 'started', 'completed', 'closed']],
    'ClickToCall: cancelled': ['ClickToCall', ['opened', 'started', 'cancelled', 'closed']],
    'ClickToCall: number expired': ['ClickToCall', ['opened', 'started', 'expired', 'closed']],
    'Callback: requested and completed (lead)': ['Callback', ['opened', 'started', 'submitted', 'completed', 'closed']],
    'WebChat: chat with an agent': ['WebChat', ['opened', 'submitted', 'started', 'minimized', 'unminimized', 'completed', 'closed']],
    'WebChat: proactive, rejected': ['WebChat', ['opened', 'submitted', 'rejected'], { proactive: true }],
    'SendMessage: sent': ['SendMessage', ['opened', 'started', 'submitted', 'completed', 'closed']],
  };
  Object.keys(genesysScenarios).forEach(function (label) {
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.onclick = function () {
      var scenario = genesysScenarios[label];
      window.__genesys.run(scenario[0], scenario[1], scenario[2], Date.now());
    };
    document.getElementById('genesys-scenarios').append(button);
  });

  document.addEventListener('datalayer-push', function (event) {
    render(event.detail);
  });
  // A vendor event the bridge did not push, greyed, with the bridge's reason (not counted as a push).
  document.addEventListener('bridge-ignored', function (event) {
    var card = document.createElement('li');
    card.className = 'push suppressed';
    var title = document.createElement('div');
    title.className = 'title';
    title.textContent = 'not pushed';
    var reason = document.createElement('div');
    reason.textContent = event.detail;
    card.append(title, reason);
    // The bridge's reason starts with the vendor id: `chili_piper "REDIRECT": unknown event, ignored`.
    var vendor = /^([a-z][\w]*) "/.exec(event.detail);
    add(card, vendor && vendor[1]);
  });
  document.addEventListener('widgets-change', function (event) {
    picked = event.detail;
    log.querySelectorAll('.push').forEach(show);
    recount();
  });
  window.dataLayer.forEach(render);
  showUndefined.addEventListener('change', function () {
    document.body.classList.toggle('show-undefined', showUndefined.checked);
  });
  document.getElementById('clear').addEventListener('click', function () {
    log.textContent = '';
    recount();
  });
})();
