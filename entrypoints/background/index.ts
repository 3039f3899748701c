/**
 * The background service worker: owns the database and all fetching, answers messages, follows tabs.
 * Wiring only; handlers live beside this file, logic in lib/.
 */
import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import { InspectorDb } from '@/lib/db/schema';
import { siteForUrl } from '@/lib/db/sites-store';
import type { ToBackground } from '@/lib/messaging/protocol';
import { createRouter, type Audience, type Handlers } from '@/lib/messaging/router';
import { tabClient, toSenderInfo } from './messaging';
import { createPageService } from './page-service';

const AUDIENCE: Audience<ToBackground> = {
  checkPage: 'content',
  getPagePolicy: 'content',
  getTabState: 'ui',
  checkTab: 'ui',
  setFindingStatus: 'ui',
  focusFinding: 'ui',
  setOverlay: 'ui',
};

export default defineBackground(() => {
  const db = new InspectorDb();
  const pages = createPageService(db);

  const handlers: Handlers<ToBackground> = {
    async checkPage({ snapshot }, sender) {
      const findings = await pages.checkPage(snapshot, sender.tabId as number);
      return { findings };
    },
    async getPagePolicy({ url }, sender) {
      const site = await siteForUrl(db, url);
      return { autoCheck: Boolean(site), overlay: pages.overlayFor(sender.tabId as number) };
    },
    getTabState: ({ tabId }) => pages.tabState(tabId),
    checkTab: ({ tabId }) => pages.checkTab(tabId),
    async setFindingStatus({ findingId, status, note }) {
      return { finding: await pages.updateStatus(findingId, status, note) };
    },
    focusFinding: ({ tabId, findingId }) => tabClient(tabId).send('focusFinding', { findingId }),
    setOverlay: ({ tabId, enabled }) => pages.setOverlay(tabId, enabled),
  };
  const route = createRouter(handlers, AUDIENCE);
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
