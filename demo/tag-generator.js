// "Your tag": pick widgets and options, get the Custom HTML tag to paste into GTM (assembled by the same
// module as `npx gtm-widget-bridge paste`, from the built ES5 parts), the CDN snippet and the install() call.
(function () {
  var T = window.gtmWidgetBridgeTag;
  var form = document.getElementById('tag-form');
  var vendorsBox = document.getElementById('tag-vendors');
  var optionsBox = document.getElementById('tag-options');
  var warningsList = document.getElementById('tag-warnings');
  var fields = T.formFields();

  fields.forEach(function (field) {
    var label = document.createElement('label');
    label.innerHTML = '<input type="checkbox" name="vendor" checked> ';
    label.firstChild.value = field.vendor;
    label.append(field.title);
    vendorsBox.append(label);
    Object.keys(field.options).forEach(function (name) {
      var option = document.createElement('label');
      option.className = 'tag-option';
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
      vendors: Array.prototype.filter
        .call(form.querySelectorAll('input[name=vendor]'), function (box) {
          return box.checked;
        })
        .map(function (box) {
          return box.value;
        }),
      dataLayerName: form.elements.dataLayerName.value.trim(),
      eventPrefix: form.elements.eventPrefix.value.trim(),
      output: form.elements.output.value,
      generateLead: form.elements.generateLead.checked,
      hashEmail: form.elements.hashEmail.checked,
      debug: form.elements.debug.checked,
    };
    optionsBox.querySelectorAll('textarea').forEach(function (input) {
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

  // The ES5 core and plugins every tag is assembled from.
  var parts = fetch('/dist/paste-parts.json').then(function (response) {
    return response.json();
  });
  var latest = 0;
  function update() {
    var run = ++latest;
    var resolved = T.resolveChoice(raw());
    warningsList.textContent = '';
    resolved.warnings.forEach(function (text) {
      var item = document.createElement('li');
      item.textContent = text;
      warningsList.append(item);
    });
    if (!resolved.choice.vendors.length) {
      var none = document.createElement('li');
      none.textContent = 'Tick at least one widget.';
      warningsList.append(none);
    }
    document.getElementById('tag-install').value = T.renderInstallCall(resolved.choice);
    parts.then(function (built) {
      if (run != latest) return;
      document.getElementById('tag-cdn').value = T.renderCdnSnippet(resolved.choice, built.version);
      document.getElementById('tag-html').value = T.renderTag(built, resolved.choice);
    });
  }
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  update();

  document.querySelectorAll('[data-copy]').forEach(function (button) {
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
})();
