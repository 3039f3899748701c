/**
 * Site map vs. real columns (网站地图与实际栏目架构不一致). Names are compared normalised (spaces, punctuation,
 * full/half width, 栏目 suffix); URLs as page keys (scheme, www/bare and alias hosts, index.html / default.htm,
 * query order, session ids). Four kinds of difference, each carrying both sides.
 */
import { normalizeColumnName } from './column-name';
import type { RealColumn } from './real-columns';
import type { SitemapColumn } from './sitemap-tree';
import { pageKey, type SiteScope } from './site-url';

export type SitemapDiffKind = 'missing-on-site' | 'missing-in-sitemap' | 'renamed' | 'different-url';

/** What is known about a URL from the crawl or the link check. */
export interface LinkStateInfo {
  state: 'ok' | 'redirect' | 'dead' | 'inconclusive';
  httpStatus?: number;
  reasonText?: string;
}

export interface SitemapDiff {
  kind: SitemapDiffKind;
  sitemap?: SitemapColumn;
  site?: RealColumn;
  /** State of the site map entry's URL, when known (for missing-on-site and different-url). */
  link?: LinkStateInfo;
}

export interface CompareOptions {
  scope?: SiteScope;
  /** Link states keyed by any form of the URL (looked up by page key). */
  linkStates?: Record<string, LinkStateInfo>;
  /** Real columns deeper than this are not expected in the site map (default 2: menus and their drop-downs). */
  maxSiteLevel?: number;
}

function indexBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (!k) continue;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Differences between the site map's columns and the real ones. */
export function compareSitemap(sitemap: readonly SitemapColumn[], site: readonly RealColumn[], options: CompareOptions = {}): SitemapDiff[] {
  const key = (url: string): string => (url ? pageKey(url, options.scope) : '');
  const states = new Map<string, LinkStateInfo>();
  for (const [url, state] of Object.entries(options.linkStates ?? {})) states.set(key(url), state);
  const siteByUrl = indexBy(site, (c) => key(c.url));
  const siteByName = indexBy(site, (c) => normalizeColumnName(c.name));
  const mapByUrl = indexBy(sitemap, (c) => key(c.url));
  const mapByName = indexBy(sitemap, (c) => normalizeColumnName(c.name));
  const diffs: SitemapDiff[] = [];

  for (const entry of sitemap) {
    const name = normalizeColumnName(entry.name);
    const sameUrl = siteByUrl.get(key(entry.url));
    const link = states.get(key(entry.url));
    if (sameUrl) {
      const named = sameUrl.find((c) => [c.name, ...c.otherNames].some((n) => normalizeColumnName(n) === name));
      if (!named) diffs.push({ kind: 'renamed', sitemap: entry, site: sameUrl[0]! });
      continue;
    }
    const sameName = siteByName.get(name);
    if (sameName && entry.url) {
      diffs.push({ kind: 'different-url', sitemap: entry, site: sameName[0]!, ...(link ? { link } : {}) });
      continue;
    }
    // A group title without a link is matched by name only.
    if (!sameName) diffs.push({ kind: 'missing-on-site', sitemap: entry, ...(link ? { link } : {}) });
  }

  const maxLevel = options.maxSiteLevel ?? 2;
  for (const column of site) {
    if (column.level > maxLevel) continue;
    if (mapByUrl.has(key(column.url))) continue;
    if ([column.name, ...column.otherNames].some((n) => mapByName.has(normalizeColumnName(n)))) continue;
    diffs.push({ kind: 'missing-in-sitemap', site: column });
  }
  return diffs;
}
