// Served on the vendor origin with every simulated widget page (demo/serve.mjs adds it): once the playground
// hands over a port (demo/picker.js), reports the page's height through it, then again whenever the frame's
// width changes (the buttons wrap anew). Measured on request rather than by a ResizeObserver, whose callbacks
// Chromium holds back in frames scrolled out of view.
addEventListener('message', function (event) {
  if (event.origin !== '__HOST_ORIGIN__' || !event.data || event.data.type !== 'playground-frame-size' || !event.ports[0]) return;
  var port = event.ports[0];
  function report() {
    // The root element's box: the body with its margins and those its children's margins collapse into.
    port.postMessage(document.documentElement.getBoundingClientRect().height);
  }
  addEventListener('resize', report);
  report();
});
