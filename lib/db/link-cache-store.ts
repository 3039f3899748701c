/**
 * The link check's storage: the result cache over the `linkCache` table (the policy — what is kept and for how
 * long — is `LinkCache` in lib/links), and the link-check settings in `settings`.
 */
import { DEFAULT_TIMEOUT_MS, type LinkCheckResult } from '../links/check-link';
import type { CachedLinkEntry, LinkCacheStore } from '../links/link-cache';
import { normalizeUrl } from '../links/normalize-url';
import type { InspectorDb } from './schema';

/** `LinkCache`'s store backed by IndexedDB. Keys are normalised URLs. */
export function createLinkCacheStore(db: InspectorDb): LinkCacheStore {
  return {
    async get(url) {
      const record = await db.linkCache.get(url);
      return record ? { url: record.url, result: record.result as LinkCheckResult, expiresAt: record.expiresAt } : undefined;
    },
    async put(entry: CachedLinkEntry) {
      await db.linkCache.put({ url: entry.url, result: entry.result, expiresAt: entry.expiresAt });
    },
    async delete(url) {
      await db.linkCache.delete(url);
    },
  };
}

/** Forgets the cached results of many URLs at once (重新检查链接 on a page with thousands of links). */
export async function forgetCachedLinks(db: InspectorDb, urls: readonly string[]): Promise<void> {
  await db.linkCache.bulkDelete(urls.map(normalizeUrl));
}

/** Removes expired entries, so the table does not grow with every link ever checked. Returns how many. */
export function pruneLinkCache(db: InspectorDb, now = Date.now()): Promise<number> {
  return db.linkCache.where('expiresAt').belowOrEqual(now).delete();
}

/** Settings of the link check. */
export interface LinkSettings {
  /** Per request, milliseconds. */
  timeoutMs: number;
}

export const LINK_SETTINGS_KEY = 'links';
export const DEFAULT_LINK_SETTINGS: LinkSettings = { timeoutMs: DEFAULT_TIMEOUT_MS };
/** Shorter than a second tells a slow government server from a dead one no better than a coin. */
const TIMEOUT_RANGE = { min: 1_000, max: 120_000 };

/** The stored link settings, defaults for anything missing or out of range. */
export async function readLinkSettings(db: InspectorDb): Promise<LinkSettings> {
  const record = await db.settings.get(LINK_SETTINGS_KEY);
  const value = (record?.value ?? {}) as Partial<LinkSettings>;
  const timeoutMs = Number(value.timeoutMs);
  const valid = Number.isFinite(timeoutMs) && timeoutMs >= TIMEOUT_RANGE.min && timeoutMs <= TIMEOUT_RANGE.max;
  return { timeoutMs: valid ? timeoutMs : DEFAULT_LINK_SETTINGS.timeoutMs };
}

/** Stores link settings; throws a Chinese message for a value out of range. */
export async function writeLinkSettings(db: InspectorDb, settings: Partial<LinkSettings>, now: string): Promise<LinkSettings> {
  const current = await readLinkSettings(db);
  const next = { ...current, ...settings };
  if (!Number.isFinite(next.timeoutMs) || next.timeoutMs < TIMEOUT_RANGE.min || next.timeoutMs > TIMEOUT_RANGE.max) {
    throw new Error(`链接超时应在 ${TIMEOUT_RANGE.min / 1000} 到 ${TIMEOUT_RANGE.max / 1000} 秒之间`);
  }
  await db.settings.put({ key: LINK_SETTINGS_KEY, value: next, updatedAt: now });
  return next;
}
