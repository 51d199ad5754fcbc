// "Your tag and container": for the picked widgets (demo/picker.js) and these options, the Custom HTML tag to
// paste into GTM, the GTM container to import, the CDN snippet and the install() call, all made by the same
// module as `npx gtm-widget-bridge paste` (from the built ES5 parts). With no widget picked there is nothing
// to copy or download.
(function () {
  var T = window.gtmWidgetBridgeTag;
  var form = document.getElementById('tag-form');
  var optionsBox = document.getElementById('tag-options');
  var warningsList = document.getElementById('tag-warnings');
  var downloadButton = document.getElementById('download-container');
  var copyButtons = Array.prototype.slice.call(document.querySelectorAll('[data-copy]'));
  var outputs = ['tag-html', 'tag-container', 'tag-cdn', 'tag-install'].map(function (id) {
    return document.getElementById(id);
  });
  var picked = [];

  // Each vendor's option fields, shown while the vendor is picked.
  T.formFields().forEach(function (field) {
    Object.keys(field.options).forEach(function (name) {
      var option = document.createElement('label');
      option.className = 'tag-option';
      option.setAttribute('data-vendor', field.vendor);
      option.textContent = field.title + ' · ' + name + (Array.isArray(field.options[name]) ? ' (one per line)' : '');
      var input = document.createElement('textarea');
      input.rows = 2;
      input.dataset.optionsKey = field.optionsKey;
      input.dataset.field = name;
      input.dataset.list = String(Array.isArray(field.options[name]));
      input.value = Array.isArray(field.options[name]) ? field.options[name].join('\n') : String(field.options[name]);
      option.append(input);
      optionsBox.append(option);
    });
  });

  function raw() {
    var config = {
      vendors: picked,
      dataLayerName: form.elements.dataLayerName.value.trim(),
      eventPrefix: form.elements.eventPrefix.value.trim(),
      output: form.elements.output.value,
      generateLead: form.elements.generateLead.checked,
      hashEmail: form.elements.hashEmail.checked,
      debug: form.elements.debug.checked,
    };
    optionsBox.querySelectorAll('.tag-option:not([hidden]) textarea').forEach(function (input) {
      var value =
        input.dataset.list == 'true'
          ? input.value
              .split('\n')
              .map(function (line) {
                return line.trim();
              })
              .filter(Boolean)
          : input.value;
      config[input.dataset.optionsKey] = config[input.dataset.optionsKey] || {};
      config[input.dataset.optionsKey][input.dataset.field] = value;
    });
    return config;
  }

  // The ES5 core and plugins every tag is assembled from, and the template a container may carry.
  var text = function (response) {
    return response.text();
  };
  var parts = fetch('/dist/paste-parts.json').then(function (response) {
    return response.json();
  });
  var template = fetch('/gtm-template/template.tpl').then(text);
  var latest = 0;
  function update() {
    var run = ++latest;
    optionsBox.querySelectorAll('.tag-option').forEach(function (option) {
      option.hidden = picked.indexOf(option.getAttribute('data-vendor')) < 0;
    });
    var resolved = T.resolveChoice(raw());
    // The container's trigger listens to the dataLayer; gtag output never reaches it.
    document.getElementById('tag-gtag-note').hidden = resolved.choice.output != 'gtag';
    warningsList.textContent = '';
    resolved.warnings.forEach(function (message) {
      var item = document.createElement('li');
      item.textContent = message;
      warningsList.append(item);
    });
    var none = picked.length == 0;
    copyButtons.concat([downloadButton]).forEach(function (button) {
      button.disabled = none;
    });
    if (none) {
      outputs.forEach(function (output) {
        output.value = '';
        output.placeholder = 'Pick at least one widget.';
      });
      document.getElementById('tag-trigger-events').textContent = '…';
      document.getElementById('tag-trigger-vendors').textContent = '…';
      return;
    }
    var trigger = T.triggerPatterns(resolved.choice);
    document.getElementById('tag-trigger-events').textContent = trigger.events;
    document.getElementById('tag-trigger-vendors').textContent = trigger.vendors;
    document.getElementById('tag-install').value = T.renderInstallCall(resolved.choice);
    var withTemplate = form.ownerDocument.querySelector('input[name=container-kind]:checked').value == 'template';
    Promise.all([parts, template]).then(function (loaded) {
      if (run != latest) return;
      document.getElementById('tag-cdn').value = T.renderCdnSnippet(resolved.choice, loaded[0].version);
      document.getElementById('tag-html').value = T.renderTag(loaded[0], resolved.choice);
      document.getElementById('tag-container').value = T.renderChoiceContainer(
        loaded[0],
        resolved.choice,
        withTemplate ? loaded[1] : undefined,
      );
    });
  }
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  document.querySelectorAll('input[name=container-kind]').forEach(function (radio) {
    radio.addEventListener('change', update);
  });
  document.addEventListener('widgets-change', function (event) {
    picked = event.detail;
    update();
  });
  // picker.js announced the first pick before this script listened.
  picked = Array.prototype.slice
    .call(document.querySelectorAll('#picker input[name=vendor]:checked'))
    .map(function (box) {
      return box.value;
    })
    .filter(function (vendor, i, all) {
      return all.indexOf(vendor) == i;
    });
  update();

  copyButtons.forEach(function (button) {
    button.addEventListener('click', function () {
      var text = document.getElementById(button.getAttribute('data-copy')).value;
      var done = function () {
        button.textContent = 'Copied';
        setTimeout(function () {
          button.textContent = 'Copy';
        }, 1500);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done);
      else {
        var area = document.getElementById(button.getAttribute('data-copy'));
        area.select();
        document.execCommand('copy');
        done();
      }
    });
  });

  downloadButton.addEventListener('click', function () {
    var link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([document.getElementById('tag-container').value], { type: 'application/json' }));
    link.download = 'gtm-widget-bridge-container.json';
    link.click();
    URL.revokeObjectURL(link.href);
  });
})();
