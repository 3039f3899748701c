/** checkLink + LinkQueue + the node fetcher against a real local HTTP server with misbehaving routes. */
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLink } from '../../../lib/links/check-link';
import type { LinkExpectation } from '../../../lib/links/classify-status';
import { LinkQueue } from '../../../lib/links/host-queue';
import { createNodeFetcher } from '../../support/node-fetcher';

let server: Server;
let origin = '';
let bigBytesSent = 0;
let endlessBytesSent = 0;
const hits = new Map<string, number>();
const requests: string[] = [];

function html(res: ServerResponse, status: number, title: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`);
}

function streamForever(res: ServerResponse, onChunk: (n: number) => void): void {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  const write = () => {
    while (!res.destroyed && res.write(chunk)) onChunk(chunk.length);
    if (!res.destroyed) res.once('drain', write);
  };
  write();
}

function route(req: IncomingMessage, res: ServerResponse): void {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const count = (hits.get(path) ?? 0) + 1;
  hits.set(path, count);
  requests.push(`${req.method} ${path}`);
  switch (path) {
    case '/ok':
    case '/中文 路径/文件.html':
      return html(res, 200, '通知公告');
    case '/404':
      return html(res, 404, 'Not Found');
    case '/500':
      return html(res, 500, 'error');
    case '/flaky':
      return count === 1 ? html(res, 503, 'busy') : html(res, 200, '好了');
    case '/r1':
      res.writeHead(301, { location: '/r2' }).end();
      return;
    case '/r2':
      res.writeHead(302, { location: `${origin}/ok` }).end();
      return;
    case '/loop-a':
      res.writeHead(302, { location: '/loop-b' }).end();
      return;
    case '/loop-b':
      res.writeHead(302, { location: '/loop-a' }).end();
      return;
    case '/hang':
      return; // never answers
    case '/head405.pdf':
      if (req.method === 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4');
      return;
    case '/limited':
      if (count === 1) {
        res.writeHead(429, { 'retry-after': '1' }).end();
        return;
      }
      return html(res, 200, '限流后正常');
    case '/reset':
      req.socket.destroy();
      return;
    case '/trickle': {
      // A live ticker: the title, then a few bytes every 50 ms for ever.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write('<html><head><title>实时公交</title></head><body>');
      const timer = setInterval(() => res.write('<p>更新中</p>'), 50);
      res.on('close', () => clearInterval(timer));
      return;
    }
    case '/endless':
      res.writeHead(200, { 'content-type': 'text/html' });
      return streamForever(res, (n) => (endlessBytesSent += n));
    case '/big.zip':
      res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(2 * 1024 ** 3) });
      if (req.method === 'HEAD') {
        res.end();
        return;
      }
      return streamForever(res, (n) => (bigBytesSent += n));
    case '/soft404':
      return html(res, 200, '您访问的页面不存在');
    default:
      return html(res, 404, '404');
  }
}

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const fetcher = createNodeFetcher();
function check(path: string, expect: LinkExpectation = 'page', timeoutMs = 1_000) {
  return checkLink(`${origin}${path}`, { fetcher, credentials: 'include', expect, timeoutMs, retryDelayMs: 20, maxBodyWaitMs: 300 });
}

describe('checkLink against a real server', () => {
  it.each<[string, LinkExpectation, string, string]>([
    ['/ok', 'page', 'ok', 'ok'],
    ['/404', 'page', 'dead', 'not-found'],
    ['/500', 'page', 'dead', 'server-error'],
    ['/flaky', 'page', 'ok', 'ok'],
    ['/soft404', 'page', 'dead', 'soft-404'],
    ['/loop-a', 'page', 'dead', 'redirect-loop'],
    ['/head405.pdf', 'file', 'ok', 'ok'],
    ['/reset', 'page', 'dead', 'connection-reset'],
    ['/trickle', 'page', 'ok', 'ok'],
    ['/%E4%B8%AD%E6%96%87%20%E8%B7%AF%E5%BE%84/%E6%96%87%E4%BB%B6.html', 'page', 'ok', 'ok'],
  ])('%s → %s (%s)', async (path, expect_, state, reason) => {
    const got = await check(path, expect_);
    expect([got.state, got.reason]).toEqual([state, reason]);
  });

  it('retries a 5xx once and no more', async () => {
    hits.delete('/500');
    const got = await check('/500');
    expect(got.attempts).toBe(2);
    expect(hits.get('/500')).toBe(2);
  });

  it('follows a 301 → 302 chain and records it', async () => {
    const got = await check('/r1');
    expect(got).toMatchObject({ state: 'redirect', finalUrl: `${origin}/ok` });
    expect(got.chain).toEqual([
      { url: `${origin}/r1`, status: 301 },
      { url: `${origin}/r2`, status: 302 },
    ]);
  });

  it('HEAD 405 falls back to GET', async () => {
    requests.length = 0;
    await check('/head405.pdf', 'file');
    expect(requests).toEqual(['HEAD /head405.pdf', 'GET /head405.pdf']);
  });

  it('times out a hanging server and retries once', async () => {
    const started = Date.now();
    const got = await check('/hang', 'page', 300);
    expect([got.state, got.reason, got.attempts]).toEqual(['inconclusive', 'timeout', 2]);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reads only a prefix of an endless body', async () => {
    const got = await checkLink(`${origin}/endless`, { fetcher, credentials: 'omit', expect: 'page', maxBodyBytes: 16 * 1024 });
    expect(got.state).toBe('ok');
    await new Promise((r) => setTimeout(r, 100));
    // The server can push into socket buffers before it sees the close, but nowhere near a full download.
    expect(endlessBytesSent).toBeLessThan(32 * 1024 * 1024);
  });

  it('never downloads a 2 GB file', async () => {
    requests.length = 0;
    const got = await check('/big.zip', 'file');
    expect(got.state).toBe('ok');
    expect(requests).toEqual(['HEAD /big.zip']);
    expect(bigBytesSent).toBe(0);
  });

  it('a refused connection is dead', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const got = await checkLink(`http://127.0.0.1:${port}/x`, { fetcher, credentials: 'omit', expect: 'page', retryDelayMs: 10 });
    expect([got.state, got.reason]).toEqual(['dead', 'connection-refused']);
  });

  it('an unknown host is dead', async () => {
    const got = await checkLink('http://no-such-host.invalid/x', { fetcher, credentials: 'omit', expect: 'page', retryDelayMs: 10, timeoutMs: 5_000 });
    expect([got.state, got.reason]).toEqual(['dead', 'name-not-resolved']);
  });
});

describe('LinkQueue against a real server', () => {
  it('waits for Retry-After on 429 and then gets the page', async () => {
    hits.delete('/limited');
    const queue = new LinkQueue({
      check: (job, signal) => checkLink(job.url, { fetcher, credentials: job.credentials, expect: job.expect, signal, retryDelayMs: 20 }),
    });
    const started = Date.now();
    const got = await queue.enqueue({ url: `${origin}/limited`, credentials: 'include', expect: 'page' });
    expect(got.state).toBe('ok');
    expect(hits.get('/limited')).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
  });
});
