/**
 * The offscreen document: parses HTML the background fetched. It answers only messages addressed to it
 * (channel “gsi-offscreen”), so the side panel and content scripts never reach it by accident.
 */
import { browser } from 'wxt/browser';
import type { BackgroundToOffscreen } from '@/lib/messaging/protocol';
import { createRouter, type Audience, type Handlers } from '@/lib/messaging/router';
import { parseHtmlDocument } from '@/lib/scan/parse-html';
import { takeSnapshot } from '@/lib/scan/snapshot';
import { readSitemapTree } from '@/lib/site/sitemap-tree';

const parser = new DOMParser();

const handlers: Handlers<BackgroundToOffscreen> = {
  parsePage({ html, url }) {
    return takeSnapshot(parseHtmlDocument(parser, html, url), { layout: false, url }).snapshot;
  },
  readSitemap({ html, url }) {
    const doc = parseHtmlDocument(parser, html, url);
    // The tree first: the snapshot walk must not be what the tree reader sees.
    const tree = readSitemapTree(doc);
    return { tree, snapshot: takeSnapshot(doc, { layout: false, url }).snapshot };
  },
};
const AUDIENCE: Audience<BackgroundToOffscreen> = { parsePage: 'ui', readSitemap: 'ui' };
const route = createRouter(handlers, AUDIENCE);

browser.runtime.onMessage.addListener((message, sender) => {
  const m = message as { channel?: string } | null;
  if (m?.channel !== 'gsi-offscreen') return undefined;
  return route({ ...m, channel: 'gsi' }, { fromExtensionPage: sender.id === browser.runtime.id });
});
