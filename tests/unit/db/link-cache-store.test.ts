import { describe, expect, it } from 'vitest';
import { freshDatabases } from '../../support/fresh-db';
import { createLinkCacheStore, forgetCachedLinks, pruneLinkCache, readLinkSettings, writeLinkSettings } from '@/lib/db/link-cache-store';
import type { LinkCheckResult } from '@/lib/links/check-link';
import { classification, type LinkReason } from '@/lib/links/classify-status';
import { LinkCache } from '@/lib/links/link-cache';

const NOW = 1_800_000_000_000;
const A = 'https://www.example.gov.cn/a.html';
const B = 'https://www.example.gov.cn/%E5%8A%9E%E4%BA%8B.pdf';

function result(reason: LinkReason, url: string): LinkCheckResult {
  return { ...classification(reason), url, finalUrl: url, chain: [], method: 'GET', attempts: 1, checkedAt: NOW };
}

const freshDb = freshDatabases('links');

describe('link cache over IndexedDB', () => {
  it('keeps ok and dead results with their TTL and never an inconclusive one', async () => {
    const db = freshDb();
    let now = NOW;
    const cache = new LinkCache(createLinkCacheStore(db), () => now);
    expect(await cache.put(result('ok', A))).toBe(true);
    expect(await cache.put(result('not-found', B))).toBe(true);
    expect(await cache.put(result('bot-wall', 'https://other.gov.cn/'))).toBe(false);
    expect(await db.linkCache.count()).toBe(2);
    expect(await cache.get(`${A}#top`)).toMatchObject({ state: 'ok', fromCache: true });
    now += 2 * 3_600_000; // the dead result (1 h) expires, the ok one (1 day) does not
    expect(await cache.get(B)).toBeUndefined();
    expect(await cache.get(A)).toMatchObject({ state: 'ok' });
    db.close();
  });

  it('forgets many URLs at once and prunes expired entries', async () => {
    const db = freshDb();
    const store = createLinkCacheStore(db);
    await store.put({ url: A, result: result('ok', A), expiresAt: NOW + 1 });
    await store.put({ url: B, result: result('ok', B), expiresAt: NOW - 1 });
    await store.put({ url: 'https://x.gov.cn/', result: result('ok', 'https://x.gov.cn/'), expiresAt: NOW - 1 });
    expect(await pruneLinkCache(db, NOW)).toBe(2);
    await forgetCachedLinks(db, [`${A}#frag`]);
    expect(await db.linkCache.count()).toBe(0);
    db.close();
  });
});

describe('link settings', () => {
  it('default to a 15 s timeout, store a valid one and refuse one out of range', async () => {
    const db = freshDb();
    expect(await readLinkSettings(db)).toEqual({ timeoutMs: 15_000 });
    expect(await writeLinkSettings(db, { timeoutMs: 2_000 }, '2026-11-20T08:00:00Z')).toEqual({ timeoutMs: 2_000 });
    expect(await readLinkSettings(db)).toEqual({ timeoutMs: 2_000 });
    await expect(writeLinkSettings(db, { timeoutMs: 10 }, '2026-11-20T08:00:00Z')).rejects.toThrow('链接超时');
    await db.settings.put({ key: 'links', value: { timeoutMs: 'x' }, updatedAt: '' });
    expect(await readLinkSettings(db)).toEqual({ timeoutMs: 15_000 });
    db.close();
  });
});
