/**
 * Every message between the extension's parts, typed in one place, by direction.
 * Payloads are JSON-safe types from lib/. Requests are verb-first; events are past tense.
 */
import type { Finding, FindingStatus } from '../checks/types';
import type { PageSnapshot } from '../scan/snapshot-types';

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
}

/** Extension pages → background: link checks of a page (issue 4). */
export interface LinkMessages {}

/** Extension pages → background: the site-wide crawl (issue 6) and the site's policy–interpretation pairs (issue 5). */
export interface SiteCheckMessages {}

/** Extension pages → background: sites, inspections, checklists, evidence (issue 7). */
export interface InspectionMessages {}

/** Extension pages → background: the dictionary and local terms (issue 3). */
export interface DictionaryMessages {}

/** Everything our pages may ask the background, one map per feature. */
export type UiToBackground = PageMessages & LinkMessages & SiteCheckMessages & InspectionMessages & DictionaryMessages;

/** Background → every extension page (runtime broadcast). Add an event per feature here. */
export interface BackgroundEvents {
  tabStateChanged(payload: { tabId: number }): void;
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
