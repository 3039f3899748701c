/**
 * The background's side of messaging: the router attached to runtime.onMessage, typed sends to a tab's content
 * script, and events broadcast to our pages.
 */
import { browser, type Browser } from 'wxt/browser';
import { createClient } from '@/lib/messaging/client';
import type { BackgroundEvents, BackgroundToContent, PayloadOf } from '@/lib/messaging/protocol';
import type { SenderInfo } from '@/lib/messaging/router';

/** What a handler may trust about a sender: our own pages are told apart by their URL's origin. */
export function toSenderInfo(sender: Browser.runtime.MessageSender): SenderInfo {
  const ownOrigin = browser.runtime.getURL('/');
  const fromExtensionPage = sender.id === browser.runtime.id && (sender.url ?? '').startsWith(ownOrigin);
  const info: SenderInfo = { fromExtensionPage };
  if (!fromExtensionPage && sender.tab?.id !== undefined) info.tabId = sender.tab.id;
  if (sender.frameId !== undefined) info.frameId = sender.frameId;
  if (sender.url) info.url = sender.url;
  return info;
}

/** A typed client for the content script of one tab (its top frame). */
export function tabClient(tabId: number) {
  return createClient<BackgroundToContent>((message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 }));
}

/** Tell every open extension page (side panels, inspections page) that something changed. */
export function broadcast<K extends keyof BackgroundEvents & string>(type: K, payload: PayloadOf<BackgroundEvents, K>): void {
  browser.runtime.sendMessage({ channel: 'gsi-event', type, payload }).catch(() => {
    // No page is listening: nothing to tell.
  });
}
