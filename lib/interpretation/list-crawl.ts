/**
 * Crawling column lists: read the items of one list page, find its next page (下一页 link, or the URL
 * patterns index_1.html / page_2.html / ?page=2 when a pager says there are more), and a bounded plan
 * over several columns that stops at loops (a next page seen before, or a page repeating the items of one
 * seen before). Pure: the background fetches, this decides what to fetch next.
 */
import type { PageSnapshot } from '../scan/snapshot-types';
import { parseDate } from './page-facts';
import type { ColumnKind, ColumnRef } from './site-columns';
import { isFileUrl, sameHost, urlKey } from './urls';

export interface ListEntry {
  title: string;
  url: string;
  date?: string;
}

export interface ListPage {
  items: ListEntry[];
  /** The next list page, or undefined on the last page. */
  next?: string;
  /** True when `next` was inferred from the URL pattern, not read from a link (it may 404: that ends the column). */
  guessed?: boolean;
  /** “共 12 页” when the pager says so. */
  totalPages?: number;
}

const NEXT_TEXT = /^(下一页|下页|后一页|next|›|»|>|>>)$/i;
const PAGER_TEXT = /(下一页|尾页|末页|共\s*\d+\s*页|第\s*\d+\s*\/\s*\d+\s*页)/;
const TOTAL = /共\s*(\d+)\s*页|第\s*\d+\s*\/\s*(\d+)\s*页/;
const DATE = /((?:19|20)\d{2})[年\-/.](\d{1,2})[月\-/.](\d{1,2})/;

function entriesOf(snapshot: PageSnapshot): ListEntry[] {
  const groups = new Map<number, ListEntry[]>();
  for (const item of snapshot.listItems) {
    if (item.region !== 'main' && item.region !== 'aside') continue;
    if (!item.url || !sameHost(item.url, snapshot.url) || isFileUrl(item.url)) continue;
    const title = item.text.replace(DATE, '').replace(/[[\]【】()（）\s]+$/g, '').trim();
    if (title.length < 4) continue;
    // Found by DATE, the pattern titles are stripped of (parseDate's own also takes “2026 年 3 月”); parseDate writes it out.
    const found = DATE.exec(item.dateAttr ?? item.text);
    const date = found && parseDate(found[0]);
    const list = groups.get(item.list) ?? [];
    list.push({ title, url: item.url, ...(date ? { date } : {}) });
    groups.set(item.list, list);
  }
  // The column's own list is the longest one in the content; side lists are short.
  return [...groups.values()].sort((a, b) => b.length - a.length)[0] ?? [];
}

/** The URL of page n+1 by the common patterns, or undefined when the URL follows none. */
export function nextByPattern(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  for (const key of ['page', 'pageNo', 'pageIndex', 'currentPage', 'pageNum', 'p']) {
    const v = u.searchParams.get(key);
    if (v !== null && /^\d+$/.test(v)) {
      u.searchParams.set(key, String(Number(v) + 1));
      return u.href;
    }
  }
  const path = u.pathname;
  let m = /^(.*\/)(index|default|list)(?:_(\d+))?\.(s?html?)$/i.exec(path);
  if (m) u.pathname = `${m[1]}${m[2]}_${Number(m[3] ?? 0) + 1}.${m[4]}`;
  else if ((m = /^(.*\/)page_(\d+)\.(s?html?)$/i.exec(path))) u.pathname = `${m[1]}page_${Number(m[2]) + 1}.${m[3]}`;
  else if (path.endsWith('/')) u.pathname = `${path}index_1.html`;
  else return undefined;
  return u.href;
}

/** Items and the next page of one column list page. */
export function readListPage(snapshot: PageSnapshot): ListPage {
  const items = entriesOf(snapshot);
  const text = snapshot.blocks.map((b) => b.text).join('\n');
  const totalMatch = TOTAL.exec(text);
  const totalPages = totalMatch ? Number(totalMatch[1] ?? totalMatch[2]) : undefined;
  const nextLink = snapshot.links.find(
    (l) => l.kind === 'a' && NEXT_TEXT.test(l.text.trim()) && urlKey(l.url) && urlKey(l.url) !== urlKey(snapshot.url),
  );
  const base = { items, ...(totalPages ? { totalPages } : {}) };
  if (nextLink) return { ...base, next: nextLink.url };
  // Pagers written by script (TRS createPageHTML) leave no link in fetched HTML; guess only when a pager is there.
  if (items.length && PAGER_TEXT.test(text)) {
    const next = nextByPattern(snapshot.url);
    if (next) return { ...base, next, guessed: true };
  }
  return base;
}

export interface CrawlBounds {
  /** List pages per crawl (all columns). */
  maxPages: number;
  /** Items kept per crawl (all columns). */
  maxItems: number;
}

export interface CrawlItem extends ListEntry {
  kind: ColumnKind;
  column: string;
}

export type StopReason = 'done' | 'max-pages' | 'max-items' | 'cancelled';

export interface CrawlProgress {
  pagesFetched: number;
  pagesQueued: number;
  items: number;
  /** Columns stopped because their pages looped, with the URL that closed the loop. */
  loops: string[];
  stopped?: StopReason;
}

interface Pending {
  url: string;
  column: ColumnRef;
  page: number;
}

/** A bounded, loop-safe walk over column lists. Call `next()`, fetch, `accept()`, until `next()` is null. */
export class ListCrawl {
  private queue: Pending[];
  private visited = new Set<string>();
  private fingerprints = new Set<string>();
  private found = new Map<string, CrawlItem>();
  private fetched = 0;
  private loops: string[] = [];
  private stopped?: StopReason;
  private current?: Pending;

  constructor(columns: ColumnRef[], private bounds: CrawlBounds = { maxPages: 60, maxItems: 600 }) {
    this.queue = columns.map((column) => ({ url: column.url, column, page: 1 }));
  }

  /** The next list page to fetch, or null when the crawl is over (see `progress().stopped`). */
  next(): { url: string; kind: ColumnKind } | null {
    if (this.stopped) return null;
    if (this.fetched >= this.bounds.maxPages) return this.stop('max-pages');
    if (this.found.size >= this.bounds.maxItems) return this.stop('max-items');
    let p = this.queue.shift();
    while (p && this.visited.has(urlKey(p.url))) p = this.queue.shift();
    if (!p) return this.stop('done');
    this.visited.add(urlKey(p.url));
    this.current = p;
    return { url: p.url, kind: p.column.kind };
  }

  /** Hand back the page from the last `next()`; null when the fetch failed (a guessed page that 404s ends its column). */
  accept(url: string, snapshot: PageSnapshot | null): void {
    const p = this.current && this.current.url === url ? this.current : undefined;
    this.current = undefined;
    if (!p) return;
    this.fetched++;
    if (!snapshot) return;
    const page = readListPage(snapshot);
    const fingerprint = page.items.map((i) => urlKey(i.url)).sort().join('\n');
    if (fingerprint && this.fingerprints.has(fingerprint)) {
      this.loops.push(url);
      return;
    }
    if (fingerprint) this.fingerprints.add(fingerprint);
    let added = 0;
    for (const item of page.items) {
      if (this.found.size >= this.bounds.maxItems) break;
      const key = urlKey(item.url);
      if (!key || this.found.has(key)) continue;
      this.found.set(key, { ...item, kind: p.column.kind, column: p.column.name });
      added++;
    }
    if (!page.next || !added) return;
    if (page.totalPages && p.page >= page.totalPages) return;
    if (this.visited.has(urlKey(page.next))) {
      this.loops.push(page.next);
      return;
    }
    this.queue.unshift({ url: page.next, column: p.column, page: p.page + 1 });
  }

  cancel(): void {
    this.stop('cancelled');
  }

  items(): CrawlItem[] {
    return [...this.found.values()];
  }

  progress(): CrawlProgress {
    return {
      pagesFetched: this.fetched,
      pagesQueued: this.queue.length,
      items: this.found.size,
      loops: [...this.loops],
      ...(this.stopped ? { stopped: this.stopped } : {}),
    };
  }

  private stop(reason: StopReason): null {
    this.stopped ??= reason;
    return null;
  }
}
