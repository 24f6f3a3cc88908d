import { describe, expect, it } from 'vitest';
import { createNetworkGuard } from './network-guard.js';

describe('network guard', () => {
  const strict = createNetworkGuard({ allowPrivateHosts: [] });

  it.each([
    ['http://10.0.0.1/', 'private'],
    ['http://169.254.169.254/latest/meta-data/', 'link-local'],
    ['http://127.0.0.1:8080/', 'loopback'],
    ['http://100.64.0.7/', 'carrier-grade NAT'],
    ['http://0.0.0.0/', 'unspecified'],
    ['http://224.0.0.1/', 'multicast'],
    ['http://[::1]/', 'loopback'],
    ['http://[fd12:3456::1]/', 'unique-local'],
    ['http://[fe80::1]/', 'link-local'],
    ['http://[::ffff:10.0.0.1]/', 'private'],
    ['http://172.20.1.1/', 'private'],
    ['http://192.168.1.1/', 'private'],
  ])('refuses %s as a %s address', async (url, kind) => {
    const verdict = await strict.check(url);
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed) expect(verdict.reason).toContain(kind);
  });

  it('refuses localhost by name, because it resolves to loopback', async () => {
    const verdict = await strict.check('http://localhost:3000/');
    expect(verdict).toMatchObject({ allowed: false });
    if (!verdict.allowed) expect(verdict.reason).toMatch(/resolved from localhost/);
  });

  it('lets public addresses through', async () => {
    await expect(strict.check('https://93.184.216.34/')).resolves.toEqual({ allowed: true, address: '93.184.216.34' });
  });

  it('refuses schemes other than http and https', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://93.184.216.34/', 'gopher://93.184.216.34/']) {
      expect((await strict.check(url)).allowed).toBe(false);
    }
  });

  it('reaches private addresses only when allowed by address, CIDR or host name', async () => {
    const byAddress = createNetworkGuard({ allowPrivateHosts: ['127.0.0.1'] });
    expect(await byAddress.check('http://127.0.0.1:9/')).toEqual({ allowed: true, address: '127.0.0.1' });
    expect((await byAddress.check('http://10.0.0.1/')).allowed).toBe(false);

    const byRange = createNetworkGuard({ allowPrivateHosts: ['10.0.0.0/8'] });
    expect((await byRange.check('http://10.20.30.40/')).allowed).toBe(true);
    expect((await byRange.check('http://169.254.169.254/')).allowed).toBe(false);

    const byName = createNetworkGuard({ allowPrivateHosts: ['LocalHost'] });
    expect((await byName.check('http://localhost/')).allowed).toBe(true);
  });

  it('refuses a host when any of its addresses is private (the connection could use any)', async () => {
    const guard = createNetworkGuard({
      allowPrivateHosts: [],
      resolveHost: async () => [
        { address: '93.184.216.34', family: 4 },
        { address: '10.1.2.3', family: 4 },
      ],
    });
    const verdict = await guard.check('https://mixed.example/');
    expect(verdict.allowed).toBe(false);
    if (!verdict.allowed) expect(verdict.reason).toContain('10.1.2.3 (resolved from mixed.example) is a private address');
  });

  it('explains hosts that do not resolve', async () => {
    const guard = createNetworkGuard({
      allowPrivateHosts: [],
      resolveHost: async () => {
        throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
      },
    });
    expect(await guard.check('https://nowhere.invalid/')).toEqual({ allowed: false, reason: 'could not resolve nowhere.invalid (ENOTFOUND)' });
  });
});
