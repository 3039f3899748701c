/**
 * The link check of a page, as a follow-up stage of 检查本页: every link of the page is requested in the
 * background through ONE queue shared by all tabs (4 per host, a global cap, each URL once while it is in flight),
 * answered from the IndexedDB cache where it can be, and saved as `link` findings as results come in.
 * Keeps each tab's run in memory for the side panel (progress, counts, rows), for 取消 and 重新检查链接.
 */
import { createLinkCacheStore, forgetCachedLinks, pruneLinkCache, readLinkSettings } from '@/lib/db/link-cache-store';
import type { InspectorDb } from '@/lib/db/schema';
import type { LinkCheckResult } from '@/lib/links/check-link';
import { checkPageLinks, createJobChecker, pageLinkFindings, type LinkTuning } from '@/lib/links/check-page-links';
import type { CollectedLinks } from '@/lib/links/collect-links';
import type { Fetcher } from '@/lib/links/fetcher';
import { LinkQueue } from '@/lib/links/host-queue';
import { LinkCache } from '@/lib/links/link-cache';
import { linkReport, type LinkFilter, type LinkReport, type LinkRunPhase } from '@/lib/links/link-report';
import { siteHostsOf } from '@/lib/links/normalize-url';
import type { PageSnapshot } from '@/lib/scan/snapshot-types';
import type { PageStage, StageContext } from './page-service';

/** Requests in flight per host (the politeness rule) and in all. */
const PER_HOST = 4;
const GLOBAL_MAX = 12;
/** A URL answered for one tab is reused by another tab asking within this time; later runs ask again. */
const SHARE_RESULTS_MS = 2_000;
/** After a 429 a host gets one request at a time for this long. */
const SLOW_DOWN_MS = 120_000;
/** Findings are saved at most this often while a run goes on (each save holds everything known so far). */
const SAVE_EVERY_MS = 1_000;
/** …or sooner when this many new results came in. */
const SAVE_EVERY_RESULTS = 200;

interface TabRun {
  snapshot: PageSnapshot;
  ctx: StageContext;
  siteHosts: string[] | undefined;
  collected: CollectedLinks | undefined;
  results: Map<string, LinkCheckResult>;
  phase: LinkRunPhase;
  controller: AbortController;
  /** New non-ok results since the last save. */
  dirty: boolean;
  sinceSave: number;
  lastSave: number;
  saveTimer?: ReturnType<typeof setTimeout>;
}

export interface LinkStageOptions {
  fetcher: Fetcher;
  /** Tell the side panel that a tab's link check moved on; called at most every 250 ms per tab. */
  notify: (tabId: number) => void;
}

export function createLinkStage(db: InspectorDb, options: LinkStageOptions) {
  const tuning: LinkTuning = {};
  const queue = new LinkQueue({
    check: createJobChecker(options.fetcher, new LinkCache(createLinkCacheStore(db)), () => tuning),
    perHost: PER_HOST,
    globalMax: GLOBAL_MAX,
    keepResultsMs: SHARE_RESULTS_MS,
    slowDownMs: SLOW_DOWN_MS,
  });
  const runs = new Map<number, TabRun>();
  /** Saves of one tab run one after another, so an older save never lands after a newer one. */
  const saving = new Map<number, Promise<unknown>>();
  const notifyTimers = new Map<number, ReturnType<typeof setTimeout>>();

  function notify(tabId: number, now = false): void {
    if (now) {
      clearTimeout(notifyTimers.get(tabId));
      notifyTimers.delete(tabId);
      options.notify(tabId);
      return;
    }
    if (notifyTimers.has(tabId)) return;
    notifyTimers.set(tabId, setTimeout(() => {
      notifyTimers.delete(tabId);
      options.notify(tabId);
    }, 250));
  }

  function save(run: TabRun): Promise<unknown> {
    clearTimeout(run.saveTimer);
    run.saveTimer = undefined;
    run.dirty = false;
    run.sinceSave = 0;
    run.lastSave = Date.now();
    const { collected } = run;
    if (!collected) return Promise.resolve();
    const results = new Map(run.results);
    const tabId = run.ctx.tabId;
    const next = (saving.get(tabId) ?? Promise.resolve())
      .then(() => (runs.get(tabId) === run ? run.ctx.save(pageLinkFindings(collected, results), ['link']) : undefined))
      .catch(() => undefined);
    saving.set(tabId, next);
    return next;
  }

  function maybeSave(run: TabRun): void {
    if (!run.dirty || run.saveTimer) return;
    const wait = run.sinceSave >= SAVE_EVERY_RESULTS ? 0 : Math.max(0, run.lastSave + SAVE_EVERY_MS - Date.now());
    run.saveTimer = setTimeout(() => void save(run), wait);
  }

  /** `known`: the page's links from the run before (a re-check shows them as pending at once). */
  async function start(snapshot: PageSnapshot, ctx: StageContext, siteHosts: string[] | undefined, known?: CollectedLinks): Promise<void> {
    const tabId = ctx.tabId;
    runs.get(tabId)?.controller.abort();
    const run: TabRun = {
      snapshot, ctx, siteHosts, collected: known, results: new Map(), phase: 'running',
      controller: new AbortController(), dirty: false, sinceSave: 0, lastSave: Date.now(),
    };
    runs.set(tabId, run);
    ctx.signal.addEventListener('abort', () => {
      run.controller.abort();
      clearTimeout(run.saveTimer);
      if (runs.get(tabId) === run) runs.delete(tabId);
      notify(tabId, true);
    }, { once: true });
    tuning.timeoutMs = (await readLinkSettings(db)).timeoutMs;
    await checkPageLinks(snapshot, {
      queue,
      signal: run.controller.signal,
      ...(siteHosts ? { siteHosts } : {}),
      onCollected(collected) {
        run.collected = collected;
        if (collected.skippedPage) run.phase = 'skipped';
        notify(tabId, true);
      },
      onResult(result) {
        if (result.reason === 'cancelled') return;
        run.results.set(result.url, result);
        run.sinceSave++;
        if (result.state !== 'ok') run.dirty = true;
        maybeSave(run);
        notify(tabId);
      },
    });
    if (run.phase === 'running') run.phase = run.controller.signal.aborted ? 'cancelled' : 'done';
    if (runs.get(tabId) !== run) return;
    await save(run);
    notify(tabId, true);
    void pruneLinkCache(db).catch(() => undefined);
  }

  const stage: PageStage = {
    id: 'links',
    async run(snapshot, ctx) {
      const siteHosts = ctx.site ? siteHostsOf([ctx.site.homeUrl, ...ctx.site.aliases]) : undefined;
      await start(snapshot, ctx, siteHosts);
    },
  };

  /** The side panel's view of a tab's link check, or null when none ran for the page it shows. */
  function report(tabId: number, filter: LinkFilter = 'all', limit = 200): LinkReport | null {
    const run = runs.get(tabId);
    if (!run?.collected) return null;
    return linkReport(run.collected, run.results, run.phase, filter, limit);
  }

  function cancel(tabId: number): void {
    runs.get(tabId)?.controller.abort();
  }

  /** Forget what is known about the page's links (cache and queue) and check them again. */
  async function recheck(tabId: number): Promise<void> {
    const run = runs.get(tabId);
    if (!run || run.ctx.signal.aborted) throw new Error('请先检查本页');
    run.controller.abort();
    const urls = run.collected?.targets.map((t) => t.url) ?? [];
    await forgetCachedLinks(db, urls);
    queue.forget(urls);
    void start(run.snapshot, run.ctx, run.siteHosts, run.collected).catch(() => undefined);
  }

  return { stage, report, cancel, recheck };
}

export type LinkStage = ReturnType<typeof createLinkStage>;
