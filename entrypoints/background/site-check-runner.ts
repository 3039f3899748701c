/**
 * Runs site-wide checks (全站检查) in the service worker: crawl the site politely from its home page, reduce each
 * page to its facts, then analyse. The run's state is written to `db.crawls` as it goes, so when Chrome stops the
 * worker the run resumes on the worker's next start; one run per site and quarter, and a new run replaces it.
 */
import { browser } from 'wxt/browser';
import { crawlId, getCrawl, putCrawl, runningCrawls, updateCrawl } from '@/lib/db/crawl-store';
import type { CrawlRecord } from '@/lib/db/records';
import type { InspectorDb } from '@/lib/db/schema';
import type { CrawlSummary } from '@/lib/db/site-results-store';
import type { Fetcher } from '@/lib/links/fetcher';
import type { SiteCheckView } from '@/lib/messaging/protocol';
import { assessHomePage } from '@/lib/site/column-freshness';
import { columnProfile } from '@/lib/site/column-profile';
import { CrawlQueue } from '@/lib/site/crawl-queue';
import type { CrawledPage, CrawlStatus } from '@/lib/site/crawl-types';
import { inScope, siteScope } from '@/lib/site/site-url';
import { createCrawlFetch } from './crawl-fetch';
import { broadcast } from './messaging';
import { offscreen } from './offscreen-client';
import type { PageFetch } from './page-fetch';
import { analyseSite } from './site-check-analysis';
import { listKeys, pageFactsOf, slimSnapshot, type PageFacts, type SiteCheckSite, type SiteCheckState } from './site-check-facts';

/** Limits the inspector may lower in settings (`siteCheck.limits`), e.g. a shorter timeout for a slow site. */
interface Limits {
  maxPages: number;
  maxDepth: number;
  timeoutMs: number;
}
const DEFAULT_LIMITS: Limits = { maxPages: 500, maxDepth: 3, timeoutMs: 15_000 };
const SAVE_EVERY_MS = 500;

const STOPPED_MESSAGE: Partial<Record<CrawlStatus, string>> = {
  cancelled: '已取消全站检查',
  paused: '全站检查已暂停，可以继续',
  'site-down': '网站在检查过程中无法访问（连续多次请求失败），已暂停；网站恢复后可点“继续”从中断处接着检查',
};

interface Run {
  queue: CrawlQueue | null;
  controller: AbortController;
  done: Promise<void>;
}

export function createSiteCheckRunner(db: InspectorDb, fetcher: Fetcher, fetchPage: PageFetch) {
  const runs = new Map<string, Run>();

  function view(record: CrawlRecord | undefined, site: SiteCheckSite, quarter: string): SiteCheckView {
    const state = record?.state as SiteCheckState | undefined;
    return {
      siteKey: site.siteKey,
      quarter,
      siteName: site.name,
      homeUrl: site.homeUrl,
      status: record?.status ?? 'none',
      phase: state?.phase ?? '',
      pagesDone: record?.progress.pagesDone ?? 0,
      pagesQueued: record?.progress.pagesQueued ?? 0,
      errors: record?.progress.errors ?? 0,
      message: record?.message ?? '',
      startedAt: record?.startedAt ?? '',
      updatedAt: record?.updatedAt ?? '',
    };
  }

  async function limits(): Promise<Limits> {
    const stored = (await db.settings.get('siteCheck.limits'))?.value as Partial<Limits> | undefined;
    return { ...DEFAULT_LIMITS, ...(stored ?? {}) };
  }

  /** Runs (or resumes) the run stored in `record` until it ends; never throws. */
  async function execute(record: CrawlRecord, run: Run): Promise<void> {
    const state = record.state as SiteCheckState;
    const id = record.id;
    const profile = columnProfile();
    const now = new Date(state.now);
    const facts = new Map<string, PageFacts>(state.pages.map((p) => [p.url, p]));
    let lastSave = 0;
    const save = async (changes: Partial<CrawlRecord>, force = false): Promise<void> => {
      if (!force && Date.now() - lastSave < SAVE_EVERY_MS) return;
      lastSave = Date.now();
      if (run.queue) state.queue = run.queue.toJSON();
      state.pages = [...facts.values()];
      const p = run.queue?.progress();
      await updateCrawl(db, id, {
        state,
        ...(p ? { progress: { pagesDone: p.done, pagesQueued: p.queued + p.inFlight, errors: p.failed } } : {}),
        updatedAt: new Date().toISOString(),
        ...changes,
      });
      broadcast('siteCheckChanged', { siteKey: record.siteKey, quarter: record.quarter });
    };
    try {
      if (state.phase === 'crawl') {
        const status = await crawl(state, run, facts, profile, now, save);
        if (status !== 'done') {
          await save({ status: status === 'running' ? 'paused' : (status as CrawlRecord['status']), message: STOPPED_MESSAGE[status] ?? '' }, true);
          return;
        }
        state.phase = 'analyse';
        await save({ message: '页面抓取完成，正在分析' }, true);
      }
      const queueState = state.queue;
      const summary: CrawlSummary = {
        startUrl: queueState.config.startUrl,
        status: 'done',
        pagesDone: queueState.pages.length,
        failed: queueState.pages.filter((p) => p.error !== undefined || p.status >= 400).length,
        skipped: queueState.skipped,
        startedAt: record.startedAt,
        finishedAt: new Date().toISOString(),
        notes: state.notes,
      };
      const stored = await analyseSite(state, queueState.pages, summary, {
        db,
        fetchPage,
        readSitemap: (html, url) => offscreen.send('readSitemap', { html, url }),
        timeoutMs: queueState.config.timeoutMs,
        signal: run.controller.signal,
        onProgress: (message) => void save({ message }),
      });
      if (run.controller.signal.aborted) {
        await save({ status: 'cancelled', message: STOPPED_MESSAGE.cancelled ?? '' }, true);
        return;
      }
      await save({ status: 'done', message: `全站检查完成：抓取 ${summary.pagesDone} 个页面，发现 ${stored} 个问题` }, true);
    } catch (error) {
      await save({ status: 'failed', message: `全站检查出错：${error instanceof Error ? error.message : String(error)}` }, true).catch(() => undefined);
    }
  }

  /** The crawl phase: fetch pages within bounds and keep each page's facts. */
  async function crawl(
    state: SiteCheckState,
    run: Run,
    facts: Map<string, PageFacts>,
    profile: ReturnType<typeof columnProfile>,
    now: Date,
    save: (changes: Partial<CrawlRecord>, force?: boolean) => Promise<void>,
  ): Promise<CrawlStatus> {
    let queue = CrawlQueue.fromJSON(state.queue);
    run.queue = queue;
    let homeLists = new Set(state.homeLists ?? []);
    const onPage = async (page: CrawledPage): Promise<string[] | undefined> => {
      if (page.offsite || page.status >= 400 || !page.html) return undefined;
      let snapshot = await offscreen.send('parsePage', { html: page.html, url: page.finalUrl });
      let links: string[] | undefined;
      if (page.depth === 0) {
        if (snapshot.nav.length === 0 && state.renderedHome) {
          const rendered = await offscreen.send('parsePage', { html: state.renderedHome, url: page.finalUrl });
          if (rendered.nav.length > 0) {
            snapshot = rendered;
            links = rendered.links.filter((l) => l.kind === 'a' || l.kind === 'area' || l.kind === 'frame' || l.kind === 'iframe').map((l) => l.url);
            state.notes.push('首页的导航菜单由脚本生成，下载的页面中没有；已改用浏览器标签页中渲染后的首页读取导航和栏目。');
          }
        }
        if (snapshot.nav.length === 0 && !links) {
          state.notes.push('首页没有可读取的导航菜单（可能由脚本生成）；请在浏览器中打开网站首页后再运行全站检查，以便读取渲染后的菜单。');
        }
        state.home = slimSnapshot(snapshot);
        state.homeLists = listKeys(snapshot);
        homeLists = new Set(state.homeLists);
        state.homeFreshness = assessHomePage(snapshot, now, profile);
      }
      facts.set(page.finalUrl, pageFactsOf(snapshot, page, now, profile, homeLists));
      return links;
    };
    const hooks = {
      fetch: createCrawlFetch(fetcher, siteScope(queue.config.startUrl, queue.config.aliases), queue.config.timeoutMs),
      onPage,
      onProgress: () => void save({}),
    };
    let status = await queue.run(hooks);
    // A home page that redirects to another host (a new domain, http → https on another name): crawl that site.
    const home = queue.records[0];
    if (status === 'done' && queue.records.length === 1 && home?.offsite) {
      state.notes.push(`首页跳转到了 ${home.finalUrl}，已按跳转后的网站检查。`);
      const old = new URL(queue.config.startUrl).host;
      queue = new CrawlQueue({ ...queue.config, startUrl: home.finalUrl, aliases: [...queue.config.aliases, old] });
      run.queue = queue;
      hooks.fetch = createCrawlFetch(fetcher, siteScope(home.finalUrl, queue.config.aliases), queue.config.timeoutMs);
      status = await queue.run(hooks);
    }
    state.queue = queue.toJSON();
    return status;
  }

  function launch(record: CrawlRecord): Run {
    const run: Run = { queue: null, controller: new AbortController(), done: Promise.resolve() };
    runs.set(record.id, run);
    run.done = execute(record, run).finally(() => {
      if (runs.get(record.id) === run) runs.delete(record.id);
    });
    return run;
  }

  async function stop(id: string): Promise<void> {
    const run = runs.get(id);
    if (!run) return;
    run.queue?.cancel('cancelled');
    run.controller.abort();
    await run.done;
  }

  /** The rendered DOM of the tab when it shows the home page (for menus built by script), else undefined. */
  async function renderedHome(tabId: number, tabUrl: string, homeUrl: string): Promise<string | undefined> {
    const scope = siteScope(homeUrl);
    const path = (u: string) => new URL(u).pathname.replace(/\/(?:index|default)\.\w+$/i, '/');
    if (!inScope(tabUrl, scope) || path(tabUrl) !== path(homeUrl)) return undefined;
    try {
      const [result] = await browser.scripting.executeScript({ target: { tabId }, func: () => document.documentElement.outerHTML });
      return typeof result?.result === 'string' ? result.result : undefined;
    } catch {
      return undefined;
    }
  }

  /** Start (or restart) the check of `site` in `quarter`. */
  async function start(site: SiteCheckSite, quarter: string, tab: { id: number; url: string }): Promise<SiteCheckView> {
    const id = crawlId(site.siteKey, quarter);
    await stop(id);
    const lim = await limits();
    const now = new Date().toISOString();
    const queue = new CrawlQueue({ startUrl: site.homeUrl, aliases: site.aliases, ...lim });
    const rendered = await renderedHome(tab.id, tab.url, site.homeUrl);
    const state: SiteCheckState = {
      format: 'gov-site-inspector.site-check',
      version: 1,
      site,
      quarter,
      now,
      phase: 'crawl',
      queue: queue.toJSON(),
      pages: [],
      home: null,
      ...(rendered ? { renderedHome: rendered } : {}),
      notes: [],
      resumes: 0,
    };
    const record: CrawlRecord = {
      id,
      siteKey: site.siteKey,
      quarter,
      status: 'running',
      state,
      progress: { pagesDone: 0, pagesQueued: 1, errors: 0 },
      message: '正在抓取网站页面',
      startedAt: now,
      updatedAt: now,
    };
    await putCrawl(db, record);
    launch(record);
    broadcast('siteCheckChanged', { siteKey: site.siteKey, quarter });
    return view(record, site, quarter);
  }

  /** Continue a stopped run where it stopped (its pages are not fetched again). */
  async function resume(siteKey: string, quarter: string): Promise<SiteCheckView | undefined> {
    const id = crawlId(siteKey, quarter);
    const record = await getCrawl(db, siteKey, quarter);
    if (!record) return undefined;
    const state = record.state as SiteCheckState;
    if (!runs.has(id) && record.status !== 'done') {
      state.resumes += 1;
      const resumed = { ...record, state, status: 'running' as const, message: '已从中断处继续全站检查', updatedAt: new Date().toISOString() };
      await putCrawl(db, resumed);
      launch(resumed);
      return view(resumed, state.site, quarter);
    }
    return view(record, state.site, quarter);
  }

  async function cancel(siteKey: string, quarter: string): Promise<SiteCheckView | undefined> {
    const id = crawlId(siteKey, quarter);
    await stop(id);
    const record = await getCrawl(db, siteKey, quarter);
    if (record && record.status === 'running') {
      await updateCrawl(db, id, { status: 'cancelled', message: STOPPED_MESSAGE.cancelled ?? '', updatedAt: new Date().toISOString() });
    }
    const after = await getCrawl(db, siteKey, quarter);
    return after ? view(after, (after.state as SiteCheckState).site, quarter) : undefined;
  }

  /** On the worker's start: resume every run that was still running when the worker stopped. */
  async function resumeInterrupted(): Promise<void> {
    for (const record of await runningCrawls(db)) {
      if (runs.has(record.id)) continue;
      await resume(record.siteKey, record.quarter);
    }
  }

  async function current(site: SiteCheckSite, quarter: string): Promise<SiteCheckView> {
    return view(await getCrawl(db, site.siteKey, quarter), site, quarter);
  }

  return { start, resume, cancel, current, resumeInterrupted, view };
}

export type SiteCheckRunner = ReturnType<typeof createSiteCheckRunner>;
