import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpFetcher } from './fetch-http.js';
import { createNetworkGuard } from './network-guard.js';
import { createRobotsPolicy, productToken } from './robots.js';

let robotsRequests = 0;
let robotsStatus = 200;
const server = http.createServer((request, response) => {
  if (request.url === '/robots.txt') {
    robotsRequests += 1;
    response.writeHead(robotsStatus, { 'content-type': 'text/plain' });
    response.end('User-agent: *\nDisallow: /internal/\n\nUser-agent: StanceWatch\nDisallow: /drafts/\nDisallow: /internal/\n');
    return;
  }
  response.writeHead(404).end();
});
let origin = '';
const fetcher = createHttpFetcher({ guard: createNetworkGuard({ allowPrivateHosts: ['127.0.0.1'] }), userAgent: 'StanceWatch/0.1' });

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await fetcher.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('robots policy', () => {
  it('applies the group for our product token and reads robots.txt once per origin', async () => {
    robotsStatus = 200;
    robotsRequests = 0;
    const robots = createRobotsPolicy({ fetcher, userAgent: 'StanceWatch/0.1 (+audit crawler)', timeoutMs: 2_000 });
    expect(await robots.isAllowed(`${origin}/about`)).toEqual({ allowed: true, reason: null });
    const drafts = await robots.isAllowed(`${origin}/drafts/plan`);
    expect(drafts.allowed).toBe(false);
    expect(drafts.reason).toBe(`disallowed for StanceWatch by ${origin}/robots.txt`);
    expect((await robots.isAllowed(`${origin}/internal/roadmap`)).allowed).toBe(false);
    expect(robotsRequests).toBe(1);
  });

  it('treats a missing robots.txt as no rules', async () => {
    robotsStatus = 404;
    const robots = createRobotsPolicy({ fetcher, userAgent: 'StanceWatch/0.1', timeoutMs: 2_000 });
    expect((await robots.isAllowed(`${origin}/internal/roadmap`)).allowed).toBe(true);
  });

  it('treats a failing robots.txt (5xx) as "stay away", as RFC 9309 asks', async () => {
    robotsStatus = 503;
    const robots = createRobotsPolicy({ fetcher, userAgent: 'StanceWatch/0.1', timeoutMs: 2_000 });
    expect((await robots.isAllowed(`${origin}/about`)).allowed).toBe(false);
    expect(robots.notes().join(' ')).toContain('HTTP 503');
  });

  it('derives the product token from the user agent', () => {
    expect(productToken('StanceWatch/0.1 (+audit crawler)')).toBe('StanceWatch');
  });
});
