// The playground (npm start): serves demo/ and dist/ on http://127.0.0.1:PORT and the simulated
// vendor widgets on a second origin, http://127.0.0.1:PORT+1 (another port is another origin), so every
// postMessage is genuinely cross-origin and the bridge's origin check is exercised as on a real site.
// Both listen on the loopback interface only; HOST=0.0.0.0 opens them to the network on purpose.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { build } from 'esbuild';
import { importTs } from '../scripts/importTs.mjs';

const PORT = Number(process.env.PORT) || 8080;
const HOST = process.env.HOST || '127.0.0.1';
const VENDOR_PORT = PORT + 1;
const root = new URL('..', import.meta.url).pathname;
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.map': 'application/json',
  '.css': 'text/css',
  '.json': 'application/json',
};

// The page has a pick list and one panel per vendor of the manifest; the simulated widgets offer exactly the events of the
// bridge's mapping tables.
const { renderPlayground, stagesByVendor } = await importTs('scripts/render/playground.ts');
const page = renderPlayground();
const stages = stagesByVendor();
// The tag generator runs the paste's own renderer and the bridge's own config validation in the browser.
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const tagGenerator = (
  await build({
    entryPoints: ['scripts/render/tagGenerator.ts'],
    absWorkingDir: new URL('..', import.meta.url).pathname,
    bundle: true,
    format: 'iife',
    globalName: 'gtmWidgetBridgeTag',
    write: false,
    define: { __VERSION__: JSON.stringify(pkg.version) },
    logLevel: 'warning',
  })
).outputFiles[0].text;

function send(response, status, type, body) {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

/** A regular file under the repository root, or undefined (directories, missing files, paths leaving the root). */
function fileAt(path) {
  try {
    const file = normalize(join(root, decodeURIComponent(path)));
    return file.startsWith(root) && statSync(file).isFile() ? file : undefined;
  } catch {
    // Malformed percent-encoding or a missing file.
    return undefined;
  }
}

function serveFile(response, path) {
  const file = fileAt(path);
  if (!file) return send(response, 404, 'text/plain', 'not found');
  send(response, 200, TYPES[extname(file)] || 'application/octet-stream', readFileSync(file));
}

function fill(html, replacements) {
  for (const [key, value] of Object.entries(replacements)) html = html.split(key).join(value);
  return html;
}
const render = (path, replacements) => fill(readFileSync(join(root, path), 'utf8'), replacements);

// The vendors with a simulated page of their own (demo/<vendor>.html), each served at /<vendor> on the vendor origin.
const { MANIFEST } = await importTs('src/vendors/manifest.ts');
const SIMULATED = MANIFEST.map((entry) => entry.vendor).filter((vendor) => existsSync(join(root, `demo/${vendor}.html`)));

const vars = {
  __VENDOR_ORIGIN__: `http://127.0.0.1:${VENDOR_PORT}`,
  __HOST_ORIGIN__: `http://127.0.0.1:${PORT}`,
  __STAGES__: JSON.stringify(stages),
};

/** A simulated page with the script that reports its height to the playground (demo/frame-size.js). */
const withFrameSize = (html) => {
  const script = '<script src="/frame-size.js"></script>\n';
  return html.includes('</body>') ? html.replace('</body>', () => script + '</body>') : html + script;
};

/** A request handler that answers 500 instead of taking the server down, whatever the request. */
const safely = (handle) => (request, response) => {
  try {
    handle(request, response);
  } catch (error) {
    console.error(error);
    if (!response.headersSent) send(response, 500, 'text/plain', 'server error');
    else response.end();
  }
};

createServer(
  safely((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    if (path == '/') return send(response, 200, TYPES['.html'], fill(page, vars));
    if (path == '/favicon.ico') return send(response, 204, 'image/x-icon', '');
    if (path == '/demo/tag-generator.bundle.js') return send(response, 200, TYPES['.js'], tagGenerator);
    // The Community Template's file, for the playground's container with the template tag.
    if (path == '/gtm-template/template.tpl') return serveFile(response, path);
    if (path.startsWith('/dist/') || path.startsWith('/demo/')) return serveFile(response, path);
    // The mocked vendor SDKs of the end-to-end tests double as the playground's simulated widgets.
    if (/^\/mock\/[\w-]+\.js$/.test(path)) return serveFile(response, '/fixtures/' + path.slice(6));
    send(response, 404, 'text/plain', 'not found');
  }),
).listen(PORT, HOST, () => console.log(`Playground: http://${HOST}:${PORT}/`));

// The "vendor" origin: only the simulated widgets live here.
createServer(
  safely((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    if (SIMULATED.includes(path.slice(1))) return send(response, 200, TYPES['.html'], withFrameSize(render(`demo${path}.html`, vars)));
    if (path == '/frame-size.js') return send(response, 200, TYPES['.js'], render('demo/frame-size.js', vars));
    if (path == '/simulated-widget.css') return serveFile(response, '/demo/simulated-widget.css');
    send(response, 404, 'text/plain', 'not found');
  }),
).listen(VENDOR_PORT, HOST, () => console.log(`Simulated vendor origin: http://${HOST}:${VENDOR_PORT}/`));
