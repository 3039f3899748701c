import { describe, expect, it } from 'vitest';
import type { LinkCheckResult } from '../../../lib/links/check-link';
import { classification } from '../../../lib/links/classify-status';
import type { LinkReason } from '../../../lib/links/classify-status';
import { LINK_CACHE_TTL_MS, LinkCache, cacheTtlMs } from '../../../lib/links/link-cache';
import type { CachedLinkEntry, LinkCacheStore } from '../../../lib/links/link-cache';

class MapStore implements LinkCacheStore {
  readonly map = new Map<string, CachedLinkEntry>();
  async get(url: string) {
    return this.map.get(url);
  }
  async put(entry: CachedLinkEntry) {
    this.map.set(entry.url, entry);
  }
  async delete(url: string) {
    this.map.delete(url);
  }
}

const URL_A = 'https://www.example.gov.cn/a.html';
function result(reason: LinkReason, url = URL_A): LinkCheckResult {
  return { ...classification(reason), url, finalUrl: url, chain: [], method: 'GET', attempts: 1, checkedAt: 0 };
}

describe('cacheTtlMs', () => {
  it.each<[LinkReason, number | undefined]>([
    ['ok', LINK_CACHE_TTL_MS.ok],
    ['redirect', LINK_CACHE_TTL_MS.redirect],
    ['not-found', LINK_CACHE_TTL_MS.dead],
    ['soft-404', LINK_CACHE_TTL_MS.dead],
    ['server-error', LINK_CACHE_TTL_MS.dead],
    ['name-not-resolved', undefined],
    ['connection-refused', undefined],
    ['bot-wall', undefined],
    ['rate-limited', undefined],
    ['timeout', undefined],
    ['cancelled', undefined],
  ])('%s → %s', (reason, ttl) => {
    expect(cacheTtlMs(result(reason))).toBe(ttl);
  });

  it('keeps ok a day and dead an hour', () => {
    expect(LINK_CACHE_TTL_MS).toEqual({ ok: 86_400_000, redirect: 86_400_000, dead: 3_600_000 });
  });
});

describe('LinkCache', () => {
  it('serves a dead result for an hour, then asks again', async () => {
    let now = 1_000;
    const store = new MapStore();
    const cache = new LinkCache(store, () => now);
    let calls = 0;
    const check = cache.wrap(async (job) => {
      calls++;
      return result('not-found', job.url);
    });
    const job = { url: `${URL_A}#frag`, credentials: 'include' as const, expect: 'page' as const };
    const signal = new AbortController().signal;
    expect((await check(job, signal)).fromCache).toBeUndefined();
    now += 3_599_999;
    expect(await check(job, signal)).toMatchObject({ reason: 'not-found', fromCache: true });
    now += 1;
    await check(job, signal);
    expect(calls).toBe(2);
  });

  it('never stores inconclusive answers', async () => {
    const store = new MapStore();
    const cache = new LinkCache(store, () => 0);
    expect(await cache.put(result('forbidden'))).toBe(false);
    expect(await cache.put(result('timeout'))).toBe(false);
    expect(store.map.size).toBe(0);
  });

  it('invalidates one URL for 重新检查', async () => {
    const store = new MapStore();
    const cache = new LinkCache(store, () => 0);
    await cache.put(result('ok'));
    expect(await cache.get(URL_A)).toBeDefined();
    await cache.invalidate(URL_A);
    expect(await cache.get(URL_A)).toBeUndefined();
  });

  it('does not store a result that came from the cache again', async () => {
    const store = new MapStore();
    const cache = new LinkCache(store, () => 0);
    expect(await cache.put({ ...result('ok'), fromCache: true })).toBe(false);
  });
});
