import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowserRenderer, defaultBrowserExecutable } from './fetch-browser.js';
import { createHttpFetcher } from './fetch-http.js';
import { createNetworkGuard } from './network-guard.js';

const requestedPaths: string[] = [];
const server = http.createServer((request, response) => {
  requestedPaths.push(request.url ?? '');
  if (request.url === '/app.js') {
    response.writeHead(200, { 'content-type': 'text/javascript' });
    response.end(`
      document.getElementById('app').textContent = 'Built by script.';
      fetch('http://10.255.255.1/secret')
        .then(() => document.body.append(' reached the private network'))
        .catch(() => document.body.append(' private request blocked'));`);
    return;
  }
  if (request.url === '/pixel.png') {
    response.writeHead(200, { 'content-type': 'image/png' }).end();
    return;
  }
  response.writeHead(200, { 'content-type': 'text/html' });
  response.end(`<html><head><script src="http://169.254.169.254/latest/meta-data/boot.js"></script></head>
    <body><div id="app"></div><img src="/pixel.png"><script src="/app.js"></script></body></html>`);
});
let origin = '';
const guard = createNetworkGuard({ allowPrivateHosts: ['127.0.0.1'] });
const fetcher = createHttpFetcher({ guard, userAgent: 'StanceWatch-test/0.1' });

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await fetcher.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('browser rendering behind the network guard', () => {
  it('runs the page script, and aborts the requests the guard refuses and the images', async () => {
    const renderer = createBrowserRenderer({ executablePath: defaultBrowserExecutable, userAgent: 'StanceWatch-test/0.1', guard, fetcher, maxBytes: 1_000_000, maxRedirects: 5 });
    try {
      const outcome = await renderer.render({ url: `${origin}/`, timeoutMs: 15_000 });
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      expect(outcome.html).toContain('Built by script.');
      expect(outcome.html).toContain('private request blocked');
      expect(outcome.html).not.toContain('reached the private network');
      expect(outcome.refusedRequests.map((request) => request.url).sort()).toEqual([
        'http://10.255.255.1/secret',
        'http://169.254.169.254/latest/meta-data/boot.js',
      ]);
      expect(requestedPaths).toContain('/app.js');
      expect(requestedPaths).not.toContain('/pixel.png');
    } finally {
      await renderer.close();
    }
  });

  it('reports a missing browser as unavailable instead of failing', async () => {
    const renderer = createBrowserRenderer({ executablePath: '/nonexistent/chromium', userAgent: 'StanceWatch-test/0.1', guard, fetcher, maxBytes: 1_000_000, maxRedirects: 5 });
    const outcome = await renderer.render({ url: `${origin}/`, timeoutMs: 5_000 });
    expect(outcome).toMatchObject({ ok: false, kind: 'unavailable' });
    if (!outcome.ok) expect(outcome.message).toContain('/nonexistent/chromium');
    await renderer.close();
  });
});
