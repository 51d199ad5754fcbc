// The pick list: search, tick the widgets your site runs, and the page shows their panels (each frame loads
// when first shown, on the vendor origin, and grows to its content), keeps the pick in the address
// (?widgets=calendly,typeform, so a pick can be shared) and tells the pushes and the tag generator
// (a `widgets-change` event on the document, with the picked vendor ids).
(function () {
  var picker = document.getElementById('picker');
  var search = document.getElementById('widget-search');
  var boxes = Array.prototype.slice.call(picker.querySelectorAll('input[name=vendor]'));
  var known = boxes.map(function (box) {
    return box.value;
  });

  /** The picked vendor ids, each once (a vendor of several groups has a box in each), in list order. */
  function picked() {
    var ids = [];
    boxes.forEach(function (box) {
      if (box.checked && ids.indexOf(box.value) < 0) ids.push(box.value);
    });
    return ids;
  }

  /**
   * Gives a simulated widget's frame a channel to report its height (demo/frame-size.js, served with every
   * simulated page), so the frame shows all its content at any width. The channel's port carries the
   * height, so no message reaches the page's window, where the bridge listens.
   */
  function sizeFrame(frame) {
    var channel = new MessageChannel();
    channel.port1.onmessage = function (event) {
      // The frame's height includes its borders (box-sizing: border-box).
      if (typeof event.data == 'number' && event.data > 0)
        frame.style.height = Math.ceil(event.data) + frame.offsetHeight - frame.clientHeight + 'px';
    };
    frame.contentWindow.postMessage({ type: 'playground-frame-size' }, window.__vendorOrigin, [channel.port2]);
  }

  function showPanel(vendor, shown) {
    var panel = document.getElementById('panel-' + vendor);
    if (!panel) return;
    panel.hidden = !shown;
    if (!shown) return;
    panel.querySelectorAll('iframe[data-src]').forEach(function (frame) {
      frame.addEventListener('load', function () {
        sizeFrame(frame);
      });
      frame.src = frame.getAttribute('data-src');
      frame.removeAttribute('data-src');
    });
  }

  function apply() {
    var ids = picked();
    known.forEach(function (vendor) {
      showPanel(vendor, ids.indexOf(vendor) >= 0);
    });
    document.getElementById('pick-first').hidden = ids.length > 0;
    var url = new URL(location.href);
    if (ids.length) url.searchParams.set('widgets', ids.join(','));
    else url.searchParams.delete('widgets');
    history.replaceState(null, '', url.pathname + url.search.replace(/%2C/g, ',') + url.hash);
    document.dispatchEvent(new CustomEvent('widgets-change', { detail: ids }));
  }

  picker.addEventListener('change', function (event) {
    // A vendor listed in several groups is one pick.
    boxes.forEach(function (box) {
      if (box.value == event.target.value) box.checked = event.target.checked;
    });
    apply();
  });

  search.addEventListener('input', function () {
    var words = search.value.trim().toLowerCase();
    var any = false;
    picker.querySelectorAll('.group').forEach(function (group) {
      var shown = 0;
      group.querySelectorAll('.pick').forEach(function (pick) {
        pick.hidden = words != '' && pick.getAttribute('data-words').indexOf(words) < 0;
        if (!pick.hidden) shown++;
      });
      group.hidden = shown == 0;
      any = any || shown > 0;
    });
    document.getElementById('picker-none').hidden = any;
  });

  // The deep link: ?widgets=calendly,typeform picks those; an id this playground does not know is named.
  var wanted = (new URLSearchParams(location.search).get('widgets') || '').split(',').filter(Boolean);
  boxes.forEach(function (box) {
    box.checked = wanted.indexOf(box.value) >= 0;
  });
  var unknown = wanted.filter(function (vendor) {
    return known.indexOf(vendor) < 0;
  });
  var note = document.getElementById('picker-unknown');
  note.hidden = unknown.length == 0;
  note.textContent = 'Not in this playground: ' + unknown.join(', ');
  apply();
})();
