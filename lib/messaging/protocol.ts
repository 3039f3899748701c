/**
 * Every message between the extension's parts, typed in one place, by direction.
 * Payloads are JSON-safe types from lib/. Requests are verb-first; events are past tense.
 */
import type { Finding, FindingStatus } from '../checks/types';
import type { CrawlRecord } from '../db/records';
import type { DictionarySettings, LocalTermInput } from '../db/dictionary-store';
import type { ExpressionCategory, ExpressionEntry, TypoEntry } from '../expressions/types';
import type { SiteResults } from '../db/site-results-store';
import type { EvidenceMeta } from '../db/evidence-store';
import type { SiteProgress } from '../db/inspection-store';
import type { ChecklistStatus, InspectionRecord, SiteRecord, SiteVerdict } from '../db/records';
import type { StatusProposal } from '../inspection/checklist';
import type { ImportPreview } from '../site-list/preview';
import type { LinkSettings } from '../db/link-cache-store';
import type { LinkFilter, LinkReport } from '../links/link-report';
import type { PageSnapshot } from '../scan/snapshot-types';
import type { SitemapTree } from '../site/sitemap-tree';

/** What the side panel shows for a tab. */
export interface TabState {
  tabId: number;
  url: string;
  title: string;
  /** checkable: a web page; unsupported: chrome://, the store, a PDF or image tab …; blocked: no access. */
  support: 'checkable' | 'unsupported';
  /** Chinese text for unsupported pages and errors. */
  notice: string;
  phase: 'idle' | 'checking' | 'done' | 'error';
  /** ISO time of the last finished check of this page. */
  checkedAt: string;
  findings: Finding[];
  /** The site this page belongs to, when the inspector added it. */
  siteName: string;
  overlay: boolean;
  /** What the page snapshot said about itself (truncated, frameset, unreadable frames). */
  pageNotes: string[];
  /** What each follow-up stage of the last check reported (by stage id), e.g. the page's policy classification. */
  stages: Record<string, unknown>;
}

/** Content script → background. */
export interface ContentToBackground {
  /** A snapshot of the page; the background runs the checks, stores findings and returns them. */
  checkPage(payload: { snapshot: PageSnapshot; reason: 'auto' | 'manual' | 'edit' }): { findings: Finding[] };
  /** Asked on load: should this page be checked by itself (it belongs to a site under inspection)? */
  getPagePolicy(payload: { url: string }): { autoCheck: boolean; overlay: boolean };
}

/** Background → content script (browser.tabs.sendMessage). */
export interface BackgroundToContent {
  runCheck(payload: { reason: 'manual' }): { started: boolean };
  showFindings(payload: { findings: Finding[] }): void;
  focusFinding(payload: { findingId: string }): { found: boolean };
  setOverlay(payload: { enabled: boolean }): void;
}

/** Extension pages (side panel, inspections, options) → background: checking the page in a tab. */
export interface PageMessages {
  getTabState(payload: { tabId: number }): TabState;
  checkTab(payload: { tabId: number }): TabState;
  setFindingStatus(payload: { findingId: string; status: FindingStatus; note?: string }): { finding: Finding | null };
  focusFinding(payload: { tabId: number; findingId: string }): { found: boolean };
  setOverlay(payload: { tabId: number; enabled: boolean }): TabState;
}

/** Background → the offscreen document, which has the DOMParser the service worker lacks. */
export interface BackgroundToOffscreen {
  /** Fetched HTML (already decoded) → the snapshot of that page, read without layout. */
  parsePage(payload: { html: string; url: string }): PageSnapshot;
  /** A fetched 网站地图 page → its column tree and its snapshot (issue 6). */
  readSitemap(payload: { html: string; url: string }): { tree: SitemapTree; snapshot: PageSnapshot };
}

/** Extension pages → background: link checks of a page (issue 4). */
export interface LinkMessages {
  /** Progress, counts by state and the rows of `filter` (at most `limit`) of the tab's link check; null before one ran. */
  getLinkReport(payload: { tabId: number; filter?: LinkFilter; limit?: number }): { report: LinkReport | null };
  /** 取消: stops the tab's link check; what is known so far stays. */
  cancelLinkCheck(payload: { tabId: number }): { report: LinkReport | null };
  /** 重新检查链接: forgets the cached results of the page's links and checks them again. */
  recheckLinks(payload: { tabId: number }): { report: LinkReport | null };
  getLinkSettings(payload: Record<string, never>): LinkSettings;
  /** Per-request timeout in ms (default 15 000; 1 000 – 120 000). */
  setLinkSettings(payload: Partial<LinkSettings>): LinkSettings;
}

/** The site-wide check (全站检查) of one site in one quarter, as the side panel shows it. */
export interface SiteCheckView {
  siteKey: string;
  quarter: string;
  siteName: string;
  homeUrl: string;
  /** 'none' when the site was never checked in this quarter. */
  status: 'none' | CrawlRecord['status'];
  /** crawl → sitemap → columns → pairs → save → done. */
  phase: string;
  pagesDone: number;
  pagesQueued: number;
  errors: number;
  /** Chinese: what is happening, or why it stopped. */
  message: string;
  startedAt: string;
  updatedAt: string;
}

/** Extension pages → background: the site-wide crawl (issue 6) and the site's policy–interpretation pairs (issue 5). */
export interface SiteCheckMessages {
  /** 全站检查 of the site of the page in a tab (its registered site, else the page's origin); replaces an earlier run. */
  startSiteCheck(payload: { tabId: number }): SiteCheckView;
  /** Continue a paused or site-down crawl where it stopped. */
  resumeSiteCheck(payload: { siteKey: string; quarter: string }): SiteCheckView;
  cancelSiteCheck(payload: { siteKey: string; quarter: string }): SiteCheckView;
  /** The site check of the tab's site in the current quarter. */
  getSiteCheck(payload: { tabId: number }): SiteCheckView;
  /** Stored site-level results of the quarter's check. */
  getSiteResults(payload: { siteKey: string; quarter: string }): { results: SiteResults };
}

/** One site of a quarter's list on the inspections page. */
export interface InspectionRow {
  site: SiteRecord;
  inspection: InspectionRecord;
  progress: SiteProgress;
}

/** Everything the site view shows about one site in one quarter. */
export interface SiteInspectionView extends InspectionRow {
  findings: Finding[];
  /** Statuses the confirmed (and pending) findings suggest; the inspector accepts them one by one. */
  proposals: StatusProposal[];
  /** 存在的问题 as the confirmed findings and failed items give it now. */
  draftProblems: string;
  evidence: EvidenceMeta[];
}

/** What the inspector changes on an inspection besides the checklist; `verdictOverride: null` removes one. */
export interface InspectionChange {
  problems?: string;
  inspector?: string;
  inspectedOn?: string;
  isPortal?: boolean;
  bonusPoints?: number | null;
  verdictOverride?: { verdict: SiteVerdict; reason: string } | null;
}

/** The side panel's inspection section for a tab: the page's site, its checklist, the page's evidence. */
export interface SitePanelState {
  quarter: string;
  site: SiteRecord | null;
  inspection: InspectionRecord | null;
  /** Screenshots of this page in this quarter. */
  evidence: EvidenceMeta[];
}

/** Extension pages → background: sites, inspections, checklists, evidence (issue 7). */
export interface InspectionMessages {
  /** The current quarter and the quarters that hold data (for the 季度 selector). */
  listQuarters(payload: Record<string, never>): { current: string; withData: string[] };
  listQuarterSites(payload: { quarter: string }): { rows: InspectionRow[] };
  listSites(payload: Record<string, never>): { sites: SiteRecord[] };
  /** Fetch a home page and read its 网站标识码 (footer, else the SiteIDCode meta); '' with a reason when unreadable. */
  readSiteCode(payload: { homeUrl: string }): { siteCode: string; message: string };
  /** 添加网站: a new site, or a stored one with the same URL, put on the quarter's list. */
  addSite(payload: { quarter: string; name: string; homeUrl: string; siteCode: string }): { site: SiteRecord; created: boolean };
  /** 确认导入 of a previewed site list: all or nothing. */
  importSites(payload: { quarter: string; preview: ImportPreview }): { created: number; merged: number; added: number };
  /** 复制到下一季度. */
  copySiteList(payload: { from: string }): { to: string; copied: number };
  getSiteView(payload: { siteId: string; quarter: string }): SiteInspectionView;
  setChecklistItem(payload: { siteId: string; quarter: string; itemId: string; status?: ChecklistStatus; note?: string }): { inspection: InspectionRecord };
  /** Accept a finding-based proposal for one item; `force` replaces a status the inspector had set. */
  acceptChecklistProposal(payload: { siteId: string; quarter: string; itemId: string; force?: boolean }): { inspection: InspectionRecord };
  updateInspection(payload: { siteId: string; quarter: string; change: InspectionChange }): { inspection: InspectionRecord };
  getSitePanel(payload: { tabId: number }): SitePanelState;
  /** 截图取证 of the tab (highlights on, caption strip burnt in); `findingIds: null` = all open findings of the page. */
  captureEvidence(payload: { tabId: number; findingIds: string[] | null; note?: string }): { evidence: EvidenceMeta };
  deleteEvidence(payload: { id: string }): { deleted: boolean };
}

/** The options page's view of the expression dictionary: the bundled part, the user's local terms and switches. */
export interface DictionaryView {
  version: string;
  /** Date (YYYY-MM-DD) the bundled dictionary was last checked. */
  asOf: string;
  /** Source key → citation, for the bundled entries' `source`. */
  sources: Record<string, string>;
  bundled: ExpressionEntry[];
  typos: TypoEntry[];
  settings: DictionarySettings;
}

/** Extension pages → background: the dictionary and local terms (issue 3). Changes apply to the next page check. */
export interface DictionaryMessages {
  getDictionary(payload: Record<string, never>): DictionaryView;
  /** 添加词条; refused with a Chinese message (empty or one-character term, conflicting wrong form …). */
  addLocalTerm(payload: LocalTermInput): { settings: DictionarySettings };
  removeLocalTerm(payload: { id: string }): { settings: DictionarySettings };
  /** Switch a category, or with `'typos'` the typo list, on or off. */
  setDictionarySwitch(payload: { what: ExpressionCategory | 'typos'; enabled: boolean }): { settings: DictionarySettings };
  /** 导入 of a local-terms file: all or nothing; `errors` name each bad row. */
  importLocalTerms(payload: { content: string; format: 'json' | 'csv' }): { imported: number; errors: string[]; settings: DictionarySettings };
  exportLocalTerms(payload: { format: 'json' | 'csv' }): { content: string };
}

/** Everything our pages may ask the background, one map per feature. */
export type UiToBackground = PageMessages & LinkMessages & SiteCheckMessages & InspectionMessages & DictionaryMessages;

/** Background → every extension page (runtime broadcast). Add an event per feature here. */
export interface BackgroundEvents {
  tabStateChanged(payload: { tabId: number }): void;
  /** The tab's link check moved on (throttled): ask getLinkReport again (issue 4). */
  linksProgressed(payload: { tabId: number }): void;
  /** Sites, an inspection or evidence of a quarter changed (issue 7). */
  inspectionChanged(payload: { quarter: string; siteId?: string }): void;
  /** A site check progressed, stopped or stored its results. */
  siteCheckChanged(payload: { siteKey: string; quarter: string }): void;
}

/** The wire format: `{ channel, type, payload }`. */
export interface Envelope<M, K extends keyof M = keyof M> {
  channel: 'gsi';
  type: K;
  payload: M[K] extends (payload: infer P) => unknown ? P : never;
}

export type PayloadOf<M, K extends keyof M> = M[K] extends (payload: infer P) => unknown ? P : never;
export type ResultOf<M, K extends keyof M> = M[K] extends (payload: never) => infer R ? R : never;

/** Messages the background answers: from content scripts and from our pages. */
export type ToBackground = ContentToBackground & UiToBackground;
