/**
 * The background service worker: owns the database and all fetching, answers messages, follows tabs.
 * Wiring only: each feature's handlers live beside this file, the logic in lib/.
 */
import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import { InspectorDb } from '@/lib/db/schema';
import type { ToBackground } from '@/lib/messaging/protocol';
import { createRouter, joinFeatures } from '@/lib/messaging/router';
import { createBrowserFetcher } from './browser-fetcher';
import { createDictionaryChecks, dictionaryFeature } from './dictionary-handlers';
import { createInterpretationStage } from './interpretation-stage';
import { inspectionFeature } from './inspection-handlers';
import { linkFeature } from './link-handlers';
import { createLinkStage } from './link-stage';
import { createCheckedPagesStage } from './inspection-stage';
import { broadcast, toSenderInfo } from './messaging';
import { pageFeature } from './page-handlers';
import { createPageFetch } from './page-fetch';
import { createPageService } from './page-service';
import { siteCheckFeature } from './site-check-handlers';
import { createSiteCheckRunner } from './site-check-runner';

export default defineBackground(() => {
  const db = new InspectorDb();
  const pages = createPageService(db);
  // The expression and typo checks follow the dictionary settings (local terms, categories); compiled ahead of
  // the first check so it does not wait for the automaton.
  const dictionary = createDictionaryChecks(db);
  pages.setCheckSource(() => dictionary.checks());
  void dictionary.checks().catch(() => undefined);

  // All requests of the extension go through one fetcher (fetch + webRequest) and one page reader.
  const fetcher = createBrowserFetcher();
  const fetchPage = createPageFetch(fetcher);

  // Follow-up stages of a page check, run after the page's own checks answered.
  pages.addStage(createInterpretationStage(fetchPage));
  pages.addStage(createCheckedPagesStage(db));
  const links = createLinkStage(db, { fetcher, notify: (tabId) => broadcast('linksProgressed', { tabId }) });
  pages.addStage(links.stage);

  // The site-wide check; a run the stopped worker left behind resumes now.
  const siteChecks = createSiteCheckRunner(db, fetcher, fetchPage);
  void siteChecks.resumeInterrupted();

  // One entry per feature: its handlers and who may call them.
  const { handlers, audience } = joinFeatures<ToBackground>(
    pageFeature(db, pages),
    linkFeature(db, links),
    inspectionFeature(db, pages, fetchPage),
    siteCheckFeature(db, siteChecks),
    dictionaryFeature(db, dictionary),
  );
  const route = createRouter(handlers, audience);
  browser.runtime.onMessage.addListener((message, sender) => route(message, toSenderInfo(sender)));

  // The toolbar button opens the side panel.
  browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'check-page') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await pages.checkTab(tab.id);
  });

  browser.tabs.onUpdated.addListener((tabId, info) => {
    if (info.status === 'loading' && info.url) pages.forgetTab(tabId);
    if (info.status || info.url || info.title) pages.changed(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => pages.forgetTab(tabId));
});
