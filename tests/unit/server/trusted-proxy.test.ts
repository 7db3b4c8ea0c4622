/**
 * The join-code guard behind a load balancer (TRUST_PROXY): only a trusted proxy's X-Forwarded-For
 * is believed, the same way over HTTP and on the WebSocket upgrade, so a class behind one proxy is
 * not one bucket, and a guesser cannot get a fresh bucket by forging the header.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startClassroomServer, type RunningClassroomServer } from '../../../src/server/classroom-server.ts';
import { readConfig, type ServerConfig } from '../../../src/server/config.ts';
import { clientAddress, parseTrustedProxies, type TrustedProxies } from '../../../src/server/client-address.ts';
import { miniLibrary } from './room-harness.ts';
import { liveSession, SocketClient } from './classroom-client.ts';

const running: RunningClassroomServer[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.close().catch(() => undefined);
});

function proxies(text: string): TrustedProxies {
  const read = parseTrustedProxies(text);
  if (!read.ok || read.proxies === null) throw new Error(`not a list: ${text}`);
  return read.proxies;
}

async function start(trustProxy?: string) {
  const config: ServerConfig = {
    port: 0,
    host: '127.0.0.1',
    dataDir: mkdtempSync(join(tmpdir(), 'htl-proxy-')),
    retentionDays: 30,
    ratePerAddress: 100_000,
    maxSocketsPerAddress: 10_000,
    sessionCreateBurst: 10,
    msPerDecision: 0,
    ...(trustProxy === undefined ? {} : { trustedProxies: proxies(trustProxy) }),
  };
  const server = await startClassroomServer({ config, library: miniLibrary, pushIntervalMs: 50 });
  running.push(server);
  return server;
}

/** Looks a wrong code up `times` times over HTTP, each with the X-Forwarded-For `forwarded(i)` gives; the statuses. */
async function guess(url: string, times: number, forwarded: (i: number) => string): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) statuses.push((await fetch(`${url}/api/sessions/AAAAAAA`, { headers: { 'x-forwarded-for': forwarded(i) } })).status);
  return statuses;
}

/** A socket opened with an X-Forwarded-For on its upgrade, saying hello with `code`: 'welcome' or the error's text. */
async function helloFrom(url: string, code: string, forwarded: string): Promise<string> {
  const c = new SocketClient(url, { headers: { 'x-forwarded-for': forwarded } });
  await c.open;
  c.send({ type: 'hello', code });
  const answer = await c.until((m) => m.type === 'welcome' || m.type === 'error');
  c.ws.close();
  return answer.type === 'welcome' ? 'welcome' : (answer as { error: string }).error;
}

describe('the client address behind a trusted proxy', () => {
  const lb = proxies('10.0.0.0/8, 192.168.1.5');
  it('takes the right-most address that is not a trusted proxy', () => {
    expect(clientAddress('10.0.0.2', '198.51.100.7, 203.0.113.9, 10.0.0.7', lb)).toBe('203.0.113.9');
  });
  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(clientAddress('203.0.113.50', '198.51.100.1', lb)).toBe('203.0.113.50');
    expect(clientAddress('203.0.113.50', '198.51.100.1', null)).toBe('203.0.113.50');
  });
  it('reads IPv4 written as IPv6, ports and brackets, and stops at an entry that is not an address', () => {
    expect(clientAddress('::ffff:192.168.1.5', '203.0.113.9:51000', lb)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.2', '[2001:db8::5]:443', lb)).toBe('2001:db8::5');
    expect(clientAddress('10.0.0.2', 'not-an-address, 10.0.0.9', lb)).toBe('10.0.0.9');
  });
  it('a bad TRUST_PROXY stops the server with a message naming the bad entries; a good one is read', () => {
    const bad = readConfig({ TRUST_PROXY: '10.0.0.0/8, proxy.internal, 10.1.0.0/40' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toMatch(/TRUST_PROXY .*"proxy\.internal", "10\.1\.0\.0\/40"/);
    const good = readConfig({ TRUST_PROXY: '127.0.0.1 ::1' });
    expect(good.ok && good.config.trustedProxies?.has('::1')).toBe(true);
    const unset = readConfig({});
    expect(unset.ok && unset.config.trustedProxies).toBe(null);
  });
});

describe('the join-code guard over HTTP and WebSockets', () => {
  it('without TRUST_PROXY, a forged X-Forwarded-For gets no fresh bucket on HTTP nor on a socket', async () => {
    const server = await start();
    const { code } = await liveSession(server.url);
    const statuses = await guess(server.url, 35, (i) => `198.51.100.${i}`);
    expect(statuses.at(-1)).toBe(429);
    expect((await fetch(`${server.url}/api/sessions/${code}`, { headers: { 'x-forwarded-for': '198.51.100.200' } })).status).toBe(429);
    expect(await helloFrom(server.url, code, '198.51.100.201')).toMatch(/Too many wrong codes/);
  });

  it('behind a trusted proxy, two clients get separate buckets on HTTP and on sockets', async () => {
    const server = await start('127.0.0.1');
    const { code } = await liveSession(server.url);
    const guesser = '203.0.113.5';
    const classmate = '203.0.113.6';
    expect((await guess(server.url, 35, () => guesser)).at(-1)).toBe(429);
    expect(await helloFrom(server.url, code, guesser)).toMatch(/Too many wrong codes/);
    expect((await fetch(`${server.url}/api/sessions/${code}`, { headers: { 'x-forwarded-for': classmate } })).status).toBe(200);
    expect(await helloFrom(server.url, code, classmate)).toBe('welcome');
    // The guesser cannot hide behind a made-up hop: the proxy appends what it saw, and that is read.
    expect((await fetch(`${server.url}/api/sessions/${code}`, { headers: { 'x-forwarded-for': `198.51.100.77, ${guesser}` } })).status).toBe(429);
  });
});
