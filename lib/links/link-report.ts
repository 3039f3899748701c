/**
 * What the side panel shows about one page's link check: progress, counts by state and the links themselves,
 * filtered by state. Pure: built from the collected links and the results known so far, so it can be asked for
 * at any moment of a run (and a 10,000-link page only ever sends the rows the panel shows).
 */
import type { LinkCheckResult } from './check-link';
import type { LinkReason, LinkState } from './classify-status';
import { classification } from './classify-status';
import type { CollectedLinks } from './collect-links';

/** A link whose request has not answered yet (or whose check was cancelled). */
export type LinkRowState = LinkState | 'pending';

/** Which rows the panel asks for. */
export type LinkFilter = LinkRowState | 'all';

export interface LinkRow {
  /** Normalised URL; with the fragment for in-page anchors. */
  url: string;
  text: string;
  state: LinkRowState;
  /** Stable reason code ('' while pending). */
  reason: LinkReason | 'anchor-found' | 'image-loaded' | '';
  /** Chinese explanation ('' while pending). */
  reasonText: string;
  httpStatus?: number;
  /** Where a redirect ends. */
  finalUrl?: string;
  sameSite: boolean;
  /** Link elements on the page that point here. */
  count: number;
}

export type LinkCounts = Record<LinkRowState, number>;

export type LinkRunPhase = 'running' | 'done' | 'cancelled' | 'skipped';

export interface LinkReport {
  pageUrl: string;
  phase: LinkRunPhase;
  /** Links decided so far (requests answered plus links decided on the page itself) and all links. */
  checked: number;
  total: number;
  counts: LinkCounts;
  /** Links that look like actions (退出, 注销 …): never requested. */
  actions: number;
  /** Rows matching the filter, at most `limit` of them, dead first. */
  rows: LinkRow[];
  /** How many rows match the filter in all. */
  matching: number;
}

const ORDER: LinkRowState[] = ['dead', 'inconclusive', 'redirect', 'pending', 'ok'];

/** All rows of a page: problems found on the page itself, one per requested URL, then links the page proves fine. */
export function linkRows(collected: CollectedLinks, results: ReadonlyMap<string, LinkCheckResult>): LinkRow[] {
  const rows: LinkRow[] = [];
  for (const p of collected.problems) {
    const c = classification(p.reason);
    rows.push({ url: p.url || p.raw, text: p.text, state: c.state, reason: p.reason, reasonText: c.reasonText, sameSite: true, count: 1 });
  }
  for (const t of collected.targets) {
    const r = results.get(t.url);
    const row: LinkRow = { url: t.url, text: t.text, state: 'pending', reason: '', reasonText: '', sameSite: t.sameSite, count: t.refs.length };
    if (r && r.reason !== 'cancelled') {
      row.state = r.state;
      row.reason = r.reason;
      row.reasonText = r.reasonText;
      if (r.httpStatus !== undefined) row.httpStatus = r.httpStatus;
      if (r.finalUrl !== r.url) row.finalUrl = r.finalUrl;
    }
    rows.push(row);
  }
  const confirmed = new Map<string, LinkRow>();
  for (const c of collected.confirmed) {
    const row = confirmed.get(c.url);
    if (row) row.count++;
    else confirmed.set(c.url, { url: c.url, text: c.text, state: 'ok', reason: c.reason, reasonText: CONFIRMED_TEXT[c.reason], sameSite: true, count: 1 });
  }
  rows.push(...confirmed.values());
  return rows;
}

const CONFIRMED_TEXT: Record<'anchor-found' | 'image-loaded', string> = {
  'anchor-found': '页内锚点存在',
  'image-loaded': '图片已正常显示',
};

/** The report for a page: counts over every row, the rows of `filter` (most serious first) up to `limit`. */
export function linkReport(
  collected: CollectedLinks,
  results: ReadonlyMap<string, LinkCheckResult>,
  phase: LinkRunPhase,
  filter: LinkFilter = 'all',
  limit = 200,
): LinkReport {
  const rows = linkRows(collected, results);
  const counts: LinkCounts = { ok: 0, redirect: 0, dead: 0, inconclusive: 0, pending: 0 };
  for (const row of rows) counts[row.state]++;
  const matching = rows.filter((r) => filter === 'all' || r.state === filter);
  matching.sort((a, b) => ORDER.indexOf(a.state) - ORDER.indexOf(b.state));
  return {
    pageUrl: collected.pageUrl,
    phase,
    checked: rows.length - counts.pending,
    total: rows.length,
    counts,
    actions: collected.actions.length,
    rows: matching.slice(0, Math.max(0, limit)),
    matching: matching.length,
  };
}
