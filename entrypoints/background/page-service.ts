/**
 * Checking pages: runs the page checks on a snapshot a content script sends, stores the findings, and keeps the
 * per-tab state the side panel shows. Handlers only: the logic is in lib/.
 */
import { browser } from 'wxt/browser';
import { createPageChecks, runPageChecks } from '@/lib/checks/registry';
import { warmUpChecks } from '@/lib/checks/warm-up';
import type { CheckId, CheckResult, Finding, FindingStatus, PageCheck } from '@/lib/checks/types';
import type { SiteRecord } from '@/lib/db/records';
import { pageKeyUrl } from '@/lib/checks/place-findings';
import { findingsForPage, savePageResults, setFindingStatus } from '@/lib/db/findings-store';
import type { InspectorDb } from '@/lib/db/schema';
import { siteForUrl, siteKeyFor } from '@/lib/db/sites-store';
import { quarterOf } from '@/lib/inspection/quarter';
import type { TabState } from '@/lib/messaging/protocol';
import type { PageSnapshot } from '@/lib/scan/snapshot-types';
import { broadcast, tabClient } from './messaging';
import { tabSupport } from './tab-support';

/** What the background remembers about a tab between messages (findings themselves live in the database). */
interface TabMemo {
  url: string;
  phase: TabState['phase'];
  checkedAt: string;
  overlay: boolean;
  notes: string[];
  error: string;
  /** The latest data each follow-up stage reported for this page, by stage id (see `StageContext.report`). */
  stages: Record<string, unknown>;
}

const CONTENT_SCRIPT = '/content-scripts/content.js';

/** What a follow-up stage gets after the page's own checks ran: where the page belongs and a way to store results. */
export interface StageContext {
  tabId: number;
  site: SiteRecord | undefined;
  siteKey: string;
  quarter: string;
  now: Date;
  /**
   * Store this stage's results for the page: they replace the stored findings of `checks` on this page (keep
   * decided ones), then the tab's marks and the side panel update.
   */
  save(results: CheckResult[], checks: CheckId[]): Promise<Finding[]>;
  /**
   * Keep this stage's latest data for the tab (JSON-safe; e.g. the page's classification) and show it: the side
   * panel reads it from `TabState.stages[stage.id]`. Dropped when the tab navigates or is checked again.
   */
  report(data: unknown): void;
  /** Aborted when the tab navigates away or is checked again. */
  signal: AbortSignal;
}

/**
 * A check that needs the network after the page's own checks (links, policy interpretations). Stages run in the
 * background after 检查本页 has already answered, so the page's marks appear at once and grow as stages finish.
 */
export interface PageStage {
  id: string;
  run(snapshot: PageSnapshot, ctx: StageContext): Promise<void>;
}

function describePage(snapshot: PageSnapshot): string[] {
  const notes: string[] = [];
  const { stats } = snapshot;
  if (stats.truncated) notes.push(`页面过大（已读取 ${stats.nodes.toLocaleString()} 个节点），只检查了前面部分。`);
  if (stats.isFrameset) notes.push('这是框架集页面，请分别打开各个框架页检查其内容。');
  if (stats.unreadableFrames) notes.push(`有 ${stats.unreadableFrames} 个跨域内嵌框架，其中的内容不能检查。`);
  if (!snapshot.blocks.length) notes.push('页面没有可读的文字。');
  return notes;
}

export function createPageService(db: InspectorDb, now: () => Date = () => new Date()) {
  const tabs = new Map<number, TabMemo>();
  const stages: PageStage[] = [];
  const running = new Map<number, AbortController>();
  const checkIds = [...new Set(createPageChecks().map((c) => c.id))] as CheckId[];
  // The checks come from a source that the dictionary feature replaces (local terms, category switches), so a
  // change applies to the next check without reloading the extension; the source caches its compiled checks.
  let checkSource: () => Promise<PageCheck[]> | PageCheck[] = createPageChecks;

  function memo(tabId: number, url: string): TabMemo {
    let m = tabs.get(tabId);
    if (!m || m.url !== url) {
      m = { url, phase: 'idle', checkedAt: '', overlay: m?.overlay ?? true, notes: [], error: '', stages: {} };
      tabs.set(tabId, m);
    }
    return m;
  }

  async function tabState(tabId: number): Promise<TabState> {
    const tab = await browser.tabs.get(tabId);
    const url = tab.url ?? '';
    const support = tabSupport(url);
    const m = memo(tabId, url);
    const site = support.checkable ? await siteForUrl(db, url) : undefined;
    const findings = support.checkable ? await findingsForPage(db, quarterOf(now()), url) : [];
    return {
      tabId,
      url,
      title: tab.title ?? '',
      support: support.checkable ? 'checkable' : 'unsupported',
      notice: support.notice || m.error,
      phase: m.phase,
      checkedAt: m.checkedAt,
      findings,
      siteName: site?.name ?? '',
      overlay: m.overlay,
      pageNotes: m.notes,
      stages: m.stages,
    };
  }

  function changed(tabId: number): void {
    broadcast('tabStateChanged', { tabId });
  }

  async function checkPage(snapshot: PageSnapshot, tabId: number): Promise<Finding[]> {
    const m = memo(tabId, snapshot.url);
    m.phase = 'checking';
    changed(tabId);
    try {
      const site = await siteForUrl(db, snapshot.url);
      const date = now();
      const ctx = site?.siteCode ? { now: date, siteCode: site.siteCode } : { now: date };
      const results = runPageChecks(await checkSource(), snapshot, ctx);
      const siteKey = siteKeyFor(site, snapshot.url);
      const quarter = quarterOf(date);
      const place = { pageUrl: snapshot.url, pageTitle: snapshot.title, siteKey, quarter, now: date.toISOString() };
      const findings = await savePageResults(db, results, checkIds, place);
      m.phase = 'done';
      m.checkedAt = date.toISOString();
      m.notes = describePage(snapshot);
      m.error = '';
      startStages(snapshot, { tabId, site, siteKey, quarter, now: date });
      return findings;
    } catch (error) {
      m.phase = 'error';
      m.error = `检查失败：${error instanceof Error ? error.message : String(error)}`;
      throw error;
    } finally {
      changed(tabId);
    }
  }

  function startStages(snapshot: PageSnapshot, base: Omit<StageContext, 'save' | 'report' | 'signal'>): void {
    running.get(base.tabId)?.abort();
    const controller = new AbortController();
    running.set(base.tabId, controller);
    const save = async (results: CheckResult[], stageChecks: CheckId[]): Promise<Finding[]> => {
      if (controller.signal.aborted) return [];
      const place = { pageUrl: snapshot.url, pageTitle: snapshot.title, siteKey: base.siteKey, quarter: base.quarter, now: now().toISOString() };
      const findings = await savePageResults(db, results, stageChecks, place);
      await tabClient(base.tabId).send('showFindings', { findings }).catch(() => undefined);
      changed(base.tabId);
      return findings;
    };
    const m = memo(base.tabId, snapshot.url);
    m.stages = {};
    for (const stage of stages) {
      const report = (data: unknown): void => {
        if (controller.signal.aborted) return;
        m.stages = { ...m.stages, [stage.id]: data };
        changed(base.tabId);
      };
      // In a task of its own: a stage's first, synchronous steps (classifying a big page takes ~80 ms) must not
      // hold back the reply that carries the page's marks.
      const run = async (): Promise<void> => {
        await new Promise((next) => setTimeout(next));
        if (!controller.signal.aborted) await stage.run(snapshot, { ...base, save, report, signal: controller.signal });
      };
      run().catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const m = tabs.get(base.tabId);
        if (m) m.notes = [...m.notes, `${stage.id} 未能完成：${error instanceof Error ? error.message : String(error)}`];
        changed(base.tabId);
      });
    }
  }

  /**
   * Warm the page checks up, once per worker: the side panel calls this when it opens, so an inspector's first
   * check does not run in cold code, and a worker woken by a mere page load spends nothing on it.
   */
  let warmed = false;
  function warmUp(): void {
    if (warmed) return;
    warmed = true;
    void Promise.resolve(checkSource())
      .then((checks) => warmUpChecks(checks, () => new Promise((next) => setTimeout(next, 50))))
      .catch(() => undefined);
  }

  function addStage(stage: PageStage): void {
    stages.push(stage);
  }

  /** Where the page's own checks come from (same ids as `createPageChecks()`, e.g. built with another dictionary). */
  function setCheckSource(source: () => Promise<PageCheck[]> | PageCheck[]): void {
    checkSource = source;
  }

  /** Ask the tab's content script to check; inject it first when the page was open before the extension. */
  async function checkTab(tabId: number): Promise<TabState> {
    // Only the address decides whether the tab can be checked: ask the tab at once, read the stored state after.
    const url = (await browser.tabs.get(tabId)).url ?? '';
    if (!tabSupport(url).checkable) return tabState(tabId);
    try {
      await tabClient(tabId).send('runCheck', { reason: 'manual' });
    } catch {
      try {
        await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT] });
        await tabClient(tabId).send('runCheck', { reason: 'manual' });
      } catch (error) {
        const m = memo(tabId, url);
        m.phase = 'error';
        m.error = `无法在该页面运行检查（${error instanceof Error ? error.message : String(error)}）。请刷新页面后重试。`;
        changed(tabId);
      }
    }
    return tabState(tabId);
  }

  async function updateStatus(findingId: string, status: FindingStatus, note: string | undefined): Promise<Finding | null> {
    const finding = await setFindingStatus(db, findingId, status, note, now().toISOString());
    if (!finding) return null;
    for (const [tabId, m] of tabs) {
      if (!m.url || !findingsPageMatches(m.url, finding)) continue;
      const findings = await findingsForPage(db, finding.quarter, m.url);
      await tabClient(tabId).send('showFindings', { findings }).catch(() => undefined);
      changed(tabId);
    }
    return finding;
  }

  async function setOverlay(tabId: number, enabled: boolean): Promise<TabState> {
    const tab = await browser.tabs.get(tabId);
    memo(tabId, tab.url ?? '').overlay = enabled;
    await tabClient(tabId).send('setOverlay', { enabled }).catch(() => undefined);
    changed(tabId);
    return tabState(tabId);
  }

  function forgetTab(tabId: number): void {
    tabs.delete(tabId);
    running.get(tabId)?.abort();
    running.delete(tabId);
  }

  function overlayFor(tabId: number): boolean {
    return tabs.get(tabId)?.overlay ?? true;
  }

  return { tabState, checkPage, checkTab, updateStatus, setOverlay, forgetTab, overlayFor, changed, addStage, setCheckSource, warmUp };
}

function findingsPageMatches(tabUrl: string, finding: Finding): boolean {
  return pageKeyUrl(tabUrl) === finding.pageUrl;
}

export type PageService = ReturnType<typeof createPageService>;
