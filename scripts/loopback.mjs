// Loopback servers for the relay's end-to-end test and benchmark: a free port, and a GA4 collection
// endpoint that records every Measurement Protocol request and answers 204, as /mp/collect does.
import { createServer } from 'node:http';

const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));

/** A port on 127.0.0.1 that nothing listens on right now. */
export async function freePort() {
  const server = createServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A fake GA4 collection endpoint on 127.0.0.1; `collected` grows with each request (path and parsed body). */
export async function fakeGa4() {
  const collected = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      collected.push({ path: request.url, body: JSON.parse(body) });
      response.writeHead(204).end();
    });
  });
  const url = 'http://127.0.0.1:' + (await listen(server));
  return { url, collected, close: () => new Promise((resolve) => server.close(resolve)) };
}
