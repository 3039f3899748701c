import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LinkCheckResult } from '../../../lib/links/check-link';
import { classification } from '../../../lib/links/classify-status';
import type { LinkReason } from '../../../lib/links/classify-status';
import { LinkQueue } from '../../../lib/links/host-queue';
import type { LinkJob, LinkJobChecker } from '../../../lib/links/host-queue';

function result(url: string, reason: LinkReason, extra: Partial<LinkCheckResult> = {}): LinkCheckResult {
  return { ...classification(reason), url, finalUrl: url, chain: [], method: 'GET', attempts: 1, checkedAt: Date.now(), ...extra };
}
const job = (url: string): LinkJob => ({ url, credentials: 'omit', expect: 'page' });

/** A checker that answers after `delay` ms and tracks concurrency per host. */
function timedChecker(delay: number, answer: (url: string, call: number) => LinkCheckResult = (u) => result(u, 'ok')) {
  const active = new Map<string, number>();
  const maxActive = new Map<string, number>();
  const calls: string[] = [];
  let globalActive = 0;
  let maxGlobal = 0;
  const check: LinkJobChecker = (j, signal) => {
    const host = new URL(j.url).host;
    calls.push(j.url);
    const callNo = calls.filter((u) => u === j.url).length;
    active.set(host, (active.get(host) ?? 0) + 1);
    maxActive.set(host, Math.max(maxActive.get(host) ?? 0, active.get(host) ?? 0));
    globalActive++;
    maxGlobal = Math.max(maxGlobal, globalActive);
    return new Promise((resolve) => {
      const done = (r: LinkCheckResult) => {
        active.set(host, (active.get(host) ?? 1) - 1);
        globalActive--;
        resolve(r);
      };
      const t = setTimeout(() => done(answer(j.url, callNo)), delay);
      signal.addEventListener('abort', () => {
        clearTimeout(t);
        done(result(j.url, 'cancelled'));
      });
    });
  };
  return { check, calls, maxActive, get maxGlobal() { return maxGlobal; } };
}

describe('LinkQueue', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps to 4 per host and the global cap, and finishes in the expected rounds', async () => {
    const checker = timedChecker(100);
    const queue = new LinkQueue({ check: checker.check, perHost: 4, globalMax: 6 });
    const jobs = [
      ...Array.from({ length: 20 }, (_, i) => job(`https://a.gov.cn/${i}`)),
      ...Array.from({ length: 20 }, (_, i) => job(`https://b.gov.cn/${i}`)),
    ];
    const start = Date.now();
    const all = queue.checkAll(jobs);
    await vi.runAllTimersAsync();
    const results = await all;
    // 40 checks of 100 ms, 6 at a time: 7 rounds, plus at most 2 where only one host is left.
    expect(Date.now() - start).toBeLessThanOrEqual(900);
    expect(results.size).toBe(40);
    expect(checker.maxActive.get('a.gov.cn')).toBe(4);
    expect(checker.maxActive.get('b.gov.cn')).toBeLessThanOrEqual(4);
    expect(checker.maxGlobal).toBe(6);
  });

  it('requests each URL once and shares the promise', async () => {
    const checker = timedChecker(10);
    const queue = new LinkQueue({ check: checker.check });
    const p1 = queue.enqueue(job('https://a.gov.cn/x#one'));
    const p2 = queue.enqueue(job('https://A.gov.cn/x#two'));
    expect(p1).toBe(p2);
    await vi.advanceTimersByTimeAsync(10);
    await p1;
    await queue.enqueue(job('https://a.gov.cn/x'));
    expect(checker.calls).toEqual(['https://a.gov.cn/x']);
  });

  it('honours Retry-After on 429, then runs that host one at a time', async () => {
    const checker = timedChecker(10, (url, call) =>
      url.endsWith('/0') && call === 1 ? result(url, 'rate-limited', { retryAfterMs: 2000 }) : result(url, 'ok'),
    );
    const queue = new LinkQueue({ check: checker.check, perHost: 4 });
    const all = queue.checkAll(Array.from({ length: 8 }, (_, i) => job(`https://a.gov.cn/${i}`)));
    await vi.advanceTimersByTimeAsync(10);
    // 0 got 429, 1–3 finished; nothing else may start before the 2 s are over.
    expect(checker.calls).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(1_980);
    expect(checker.calls).toHaveLength(4);
    await vi.advanceTimersByTimeAsync(30);
    expect(checker.calls[4]).toBe('https://a.gov.cn/0');
    await vi.advanceTimersByTimeAsync(1000);
    const results = await all;
    expect(results.get('https://a.gov.cn/0')?.state).toBe('ok');
    expect([...results.values()].every((r) => r.state === 'ok')).toBe(true);
    // After the 429 the host got limit 1: the last 5 URLs ran one by one.
    expect(checker.calls).toHaveLength(9);
  });

  it('does not wait for a Retry-After longer than the maximum', async () => {
    const checker = timedChecker(10, (url) => result(url, 'rate-limited', { retryAfterMs: 3_600_000 }));
    const queue = new LinkQueue({ check: checker.check, maxRetryAfterMs: 60_000 });
    const p = queue.enqueue(job('https://a.gov.cn/x'));
    await vi.advanceTimersByTimeAsync(10);
    expect((await p).reason).toBe('rate-limited');
    expect(checker.calls).toHaveLength(1);
  });

  it('answers the other URLs of a host that does not resolve without requesting them', async () => {
    const checker = timedChecker(10, (url) => result(url, 'name-not-resolved'));
    const queue = new LinkQueue({ check: checker.check, perHost: 1 });
    const all = queue.checkAll(Array.from({ length: 5 }, (_, i) => job(`https://gone.example.cn/${i}`)));
    await vi.advanceTimersByTimeAsync(10);
    const results = await all;
    expect(checker.calls).toHaveLength(1);
    expect([...results.values()].map((r) => [r.state, r.url])).toEqual(
      Array.from({ length: 5 }, (_, i) => ['dead', `https://gone.example.cn/${i}`]),
    );
    expect((await queue.enqueue(job('https://gone.example.cn/late'))).reason).toBe('name-not-resolved');
  });

  it('cancel settles waiting jobs at once and aborts running ones', async () => {
    const checker = timedChecker(10_000);
    const controller = new AbortController();
    const progress: number[] = [];
    const queue = new LinkQueue({ check: checker.check, signal: controller.signal, onProgress: (p) => progress.push(p.done) });
    const all = queue.checkAll(Array.from({ length: 10 }, (_, i) => job(`https://a.gov.cn/${i}`)));
    await vi.advanceTimersByTimeAsync(1);
    controller.abort();
    const results = await all;
    expect([...results.values()].every((r) => r.reason === 'cancelled')).toBe(true);
    expect(checker.calls).toHaveLength(4);
    expect(progress.at(-1)).toBe(10);
    expect(queue.progress).toEqual({ done: 10, total: 10 });
  });

  it('enqueues 10,000 links in chunks, yielding to the event loop between them', async () => {
    vi.useFakeTimers({ loopLimit: 100_000 });
    const checker = timedChecker(1);
    const queue = new LinkQueue({ check: checker.check, perHost: 4, globalMax: 12 });
    const jobs = Array.from({ length: 10_000 }, (_, i) => job(`https://h${i % 50}.gov.cn/${i}`));
    const all = queue.checkAll(jobs);
    // Only the first chunk is in before the event loop gets a turn.
    expect(queue.progress.total).toBe(500);
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.progress.total).toBe(1000);
    await vi.runAllTimersAsync();
    const results = await all;
    expect(results.size).toBe(10_000);
    expect(checker.maxGlobal).toBe(12);
  });

  it('reports progress with totals', async () => {
    const checker = timedChecker(5);
    const seen: string[] = [];
    const queue = new LinkQueue({ check: checker.check, onProgress: (p) => seen.push(`${p.done}/${p.total}`) });
    const all = queue.checkAll([job('https://a.gov.cn/1'), job('https://a.gov.cn/2')]);
    await vi.advanceTimersByTimeAsync(5);
    await all;
    expect(seen).toEqual(['1/2', '2/2']);
  });

  it("one caller's cancel drops only the jobs nobody else waits for", async () => {
    const checker = timedChecker(100);
    const queue = new LinkQueue({ check: checker.check, perHost: 1 });
    const tabA = new AbortController();
    const shared = job('https://a.gov.cn/shared');
    const a = queue.checkAll([job('https://a.gov.cn/1'), shared, job('https://a.gov.cn/only-a')], { signal: tabA.signal });
    const b = queue.enqueue(shared, new AbortController().signal);
    await vi.advanceTimersByTimeAsync(1);
    tabA.abort();
    const resultsA = await a;
    expect([...resultsA.values()].every((r) => r.reason === 'cancelled')).toBe(true);
    await vi.advanceTimersByTimeAsync(300);
    expect((await b).reason).toBe('ok');
    // /1 was running and aborted; only-a was waiting and dropped; shared still ran for the other caller.
    expect(checker.calls).toEqual(['https://a.gov.cn/1', 'https://a.gov.cn/shared']);
    // A cancelled URL is asked again by the next caller.
    const again = queue.enqueue(job('https://a.gov.cn/1'));
    await vi.advanceTimersByTimeAsync(100);
    expect((await again).reason).toBe('ok');
    expect(checker.calls).toHaveLength(3);
  });

  it('reports each result of a checkAll to its caller', async () => {
    const checker = timedChecker(5);
    const seen: string[] = [];
    const queue = new LinkQueue({ check: checker.check });
    const all = queue.checkAll([job('https://a.gov.cn/1'), job('https://b.gov.cn/2')], { onResult: (r) => seen.push(r.url) });
    await vi.advanceTimersByTimeAsync(5);
    await all;
    expect(seen.sort()).toEqual(['https://a.gov.cn/1', 'https://b.gov.cn/2']);
  });

  it('forgets results on request and after keepResultsMs, so a later run asks again', async () => {
    const checker = timedChecker(5);
    const queue = new LinkQueue({ check: checker.check, keepResultsMs: 60_000 });
    const first = queue.enqueue(job('https://a.gov.cn/x'));
    await vi.advanceTimersByTimeAsync(5);
    await first;
    await queue.enqueue(job('https://a.gov.cn/x'));
    expect(checker.calls).toHaveLength(1);
    queue.forget(['https://a.gov.cn/x#frag']);
    const second = queue.enqueue(job('https://a.gov.cn/x'));
    await vi.advanceTimersByTimeAsync(5);
    await second;
    expect(checker.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(60_000);
    const third = queue.enqueue(job('https://a.gov.cn/x'));
    await vi.advanceTimersByTimeAsync(5);
    await third;
    expect(checker.calls).toHaveLength(3);
  });
});
