import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkLink, parseRetryAfter } from '../../../lib/links/check-link';
import type { CheckLinkOptions } from '../../../lib/links/check-link';
import type { FetchOutcome, FetchRequest, FetchResponse, Fetcher } from '../../../lib/links/fetcher';

const URL_A = 'https://www.example.gov.cn/a.html';
const HTML = { 'content-type': 'text/html; charset=utf-8' };

type Step = FetchOutcome | 'hang';

function ok(status: number, body?: string, headers: Record<string, string> = HTML): FetchResponse {
  const o: FetchResponse = { ok: true, status, headers, finalUrl: URL_A, chain: [] };
  if (body !== undefined) o.bodyPrefix = new TextEncoder().encode(body);
  return o;
}
const fail = (error: Extract<FetchOutcome, { ok: false }>['error']): FetchOutcome => ({ ok: false, error, chain: [] });

/** A fetcher that answers with the given steps in order and records each request. */
function scripted(steps: Step[]): Fetcher & { calls: FetchRequest[] } {
  const calls: FetchRequest[] = [];
  const fetcher = (req: FetchRequest): Promise<FetchOutcome> => {
    calls.push(req);
    const step = steps[calls.length - 1] ?? steps[steps.length - 1];
    if (step === undefined || step === 'hang') return new Promise(() => {});
    // A GET body is only what the fetcher read; a HEAD answer has none.
    if (step.ok && req.method === 'HEAD') {
      const { bodyPrefix: _b, ...rest } = step;
      return Promise.resolve(rest);
    }
    return Promise.resolve(step);
  };
  return Object.assign(fetcher, { calls });
}

function opts(fetcher: Fetcher, extra: Partial<CheckLinkOptions> = {}): CheckLinkOptions {
  return { fetcher, credentials: 'include', expect: 'page', retryDelayMs: 1000, timeoutMs: 15_000, now: () => 42, ...extra };
}

describe('checkLink request sequence', () => {
  const table: [string, CheckLinkOptions['expect'], Step[], string[], string, string][] = [
    ['page: one GET', 'page', [ok(200, '<title>通知</title>')], ['GET'], 'ok', 'ok'],
    ['file: one HEAD', 'file', [ok(200, undefined, { 'content-type': 'application/pdf' })], ['HEAD'], 'ok', 'ok'],
    ['file: HEAD 405 → GET', 'file', [ok(405), ok(200, '%PDF', { 'content-type': 'application/pdf' })], ['HEAD', 'GET'], 'ok', 'ok'],
    ['file: HEAD 501 → GET', 'file', [ok(501), ok(200, '%PDF', { 'content-type': 'application/pdf' })], ['HEAD', 'GET'], 'ok', 'ok'],
    ['file: HEAD 403 → GET ok', 'file', [ok(403), ok(200, 'x', { 'content-type': 'application/zip' })], ['HEAD', 'GET'], 'ok', 'ok'],
    ['file: HEAD 400 → GET 404', 'file', [ok(400), ok(404)], ['HEAD', 'GET'], 'dead', 'not-found'],
    ['file: HEAD reset → GET ok', 'file', [fail('connection-reset'), ok(200, 'x', { 'content-type': 'application/zip' })], ['HEAD', 'GET'], 'ok', 'ok'],
    ['image: HEAD says HTML → GET sees a page', 'image', [ok(200, '<html><title>首页</title>'), ok(200, '<html><title>首页</title>')], ['HEAD', 'GET'], 'dead', 'missing-image'],
    ['page: 404 not retried', 'page', [ok(404)], ['GET'], 'dead', 'not-found'],
    ['page: 500 then 200 after retry', 'page', [ok(500), ok(200, '<title>好</title>')], ['GET', 'GET'], 'ok', 'ok'],
    ['page: 500 twice → dead', 'page', [ok(500), ok(500)], ['GET', 'GET'], 'dead', 'server-error'],
    ['page: 521 not retried', 'page', [ok(521)], ['GET'], 'inconclusive', 'bot-wall'],
    ['page: 429 left to the queue', 'page', [ok(429)], ['GET'], 'inconclusive', 'rate-limited'],
    ['file: HEAD 429 is not followed by a GET', 'file', [ok(429)], ['HEAD'], 'inconclusive', 'rate-limited'],
    ['page: unknown host twice → dead', 'page', [fail('name-not-resolved'), fail('name-not-resolved')], ['GET', 'GET'], 'dead', 'name-not-resolved'],
    ['file: refused HEAD, GET, retry', 'file', [fail('connection-refused')], ['HEAD', 'GET', 'GET'], 'dead', 'connection-refused'],
    ['page: cert error not retried', 'page', [fail('cert')], ['GET'], 'inconclusive', 'cert'],
    ['page: loop not retried', 'page', [{ ok: false, error: 'too-many-redirects', loop: true, chain: [{ url: URL_A, status: 302 }] }], ['GET'], 'dead', 'redirect-loop'],
  ];

  it.each(table)('%s', async (_name, expect_, steps, methods, state, reason) => {
    vi.useFakeTimers();
    try {
      const fetcher = scripted(steps);
      const pending = checkLink(URL_A, opts(fetcher, { expect: expect_ }));
      await vi.runAllTimersAsync();
      const got = await pending;
      expect(fetcher.calls.map((c) => c.method)).toEqual(methods);
      expect([got.state, got.reason]).toEqual([state, reason]);
      expect(got.attempts).toBe(methods.length);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('checkLink timing', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('times out a hanging server, retries once after the backoff, and gives up as inconclusive', async () => {
    const fetcher = scripted(['hang']);
    const pending = checkLink(URL_A, opts(fetcher));
    await vi.advanceTimersByTimeAsync(15_000);
    expect(fetcher.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(fetcher.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetcher.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(15_000);
    const got = await pending;
    expect([got.state, got.reason, got.attempts]).toEqual(['inconclusive', 'timeout', 2]);
    expect(fetcher.calls[0]?.signal.aborted).toBe(true);
  });

  it('a HEAD timeout goes straight to the GET retry', async () => {
    const fetcher = scripted(['hang', ok(200, 'x', { 'content-type': 'application/pdf' })]);
    const pending = checkLink(URL_A, opts(fetcher, { expect: 'file' }));
    await vi.runAllTimersAsync();
    const got = await pending;
    expect(fetcher.calls.map((c) => c.method)).toEqual(['HEAD', 'GET']);
    expect(got.state).toBe('ok');
  });

  it('waits for a short Retry-After on a 503 before the retry', async () => {
    const fetcher = scripted([ok(503, '', { 'retry-after': '3' }), ok(200, '<title>好</title>')]);
    const pending = checkLink(URL_A, opts(fetcher));
    await vi.advanceTimersByTimeAsync(2_999);
    expect(fetcher.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).state).toBe('ok');
  });

  it('cancels during the backoff without another request', async () => {
    const controller = new AbortController();
    const fetcher = scripted([fail('connection-reset')]);
    const pending = checkLink(URL_A, opts(fetcher, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    controller.abort();
    const got = await pending;
    expect(got.reason).toBe('cancelled');
    expect(fetcher.calls).toHaveLength(1);
  });

  it('cancels a hanging request at once', async () => {
    const controller = new AbortController();
    const fetcher = scripted(['hang']);
    const pending = checkLink(URL_A, opts(fetcher, { signal: controller.signal }));
    controller.abort();
    const got = await pending;
    expect([got.state, got.reason, got.attempts]).toEqual(['inconclusive', 'cancelled', 1]);
  });
});

describe('checkLink details', () => {
  it('passes credentials, body limit and timeout to the fetcher', async () => {
    const fetcher = scripted([ok(200, '<title>a</title>')]);
    await checkLink(URL_A, opts(fetcher, { credentials: 'omit', maxBodyBytes: 1024, timeoutMs: 5000 }));
    expect(fetcher.calls[0]).toMatchObject({ url: URL_A, method: 'GET', credentials: 'omit', maxBodyBytes: 1024, timeoutMs: 5000 });
  });

  it('records chain and final URL of a redirect', async () => {
    const chain = [{ url: URL_A, status: 301 }, { url: 'https://www.example.gov.cn/b', status: 302 }];
    const fetcher = scripted([{ ...ok(200, '<title>新</title>'), finalUrl: 'https://www.example.gov.cn/c.html', chain }]);
    const got = await checkLink(URL_A, opts(fetcher));
    expect(got).toMatchObject({ state: 'redirect', finalUrl: 'https://www.example.gov.cn/c.html', chain, checkedAt: 42 });
  });

  it('reads a GBK soft-404 page', async () => {
    // “页面不存在” in GBK
    const gbk = new Uint8Array([0x3c, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x3e, 0xd2, 0xb3, 0xc3, 0xe6, 0xb2, 0xbb, 0xb4, 0xe6, 0xd4, 0xda, 0x3c, 0x2f, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x3e]);
    const fetcher: Fetcher = async () => ({ ok: true, status: 200, headers: { 'content-type': 'text/html; charset=GBK' }, finalUrl: URL_A, chain: [], bodyPrefix: gbk });
    expect((await checkLink(URL_A, opts(fetcher))).reason).toBe('soft-404');
  });

  it('turns a throwing fetcher into a network error', async () => {
    vi.useFakeTimers();
    try {
      const fetcher: Fetcher = () => Promise.reject(new Error('boom'));
      const pending = checkLink(URL_A, opts(fetcher));
      await vi.runAllTimersAsync();
      expect(await pending).toMatchObject({ state: 'inconclusive', reason: 'network-error', errorMessage: 'Error: boom' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the Retry-After of a 429', async () => {
    const fetcher = scripted([ok(429, '', { 'retry-after': '7' })]);
    expect((await checkLink(URL_A, opts(fetcher))).retryAfterMs).toBe(7000);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['120', 0, 120_000],
    ['Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'), 30_000],
    ['Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:29:00 GMT'), 0],
    ['soon', 0, undefined],
    [undefined, 0, undefined],
  ])('%s', (value, now, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });
});
