/**
 * The background service worker: owns the database and all fetching, answers messages, follows tabs.
 * Wiring only: each feature's handlers live beside this file, the logic in lib/.
 */
import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import { InspectorDb } from '@/lib/db/schema';
import type { ToBackground } from '@/lib/messaging/protocol';
import { createRouter, joinFeatures } from '@/lib/messaging/router';
import { toSenderInfo } from './messaging';
import { pageFeature } from './page-handlers';
import { createPageService } from './page-service';

export default defineBackground(() => {
  const db = new InspectorDb();
  const pages = createPageService(db);

  const { handlers, audience } = joinFeatures<ToBackground>(pageFeature(db, pages));
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
