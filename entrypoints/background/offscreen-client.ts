/**
 * The background's way to the offscreen document: created on first use (one per profile, as Chrome allows),
 * then reused. Messages carry their own channel so only the offscreen document answers them.
 */
import { browser } from 'wxt/browser';
import { createClient } from '@/lib/messaging/client';
import type { BackgroundToOffscreen } from '@/lib/messaging/protocol';

const PATH = '/offscreen.html';
let creating: Promise<void> | null = null;

async function ensureDocument(): Promise<void> {
  const url = browser.runtime.getURL(PATH);
  const contexts = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as never], documentUrls: [url] });
  if (contexts.length) return;
  creating ??= browser.offscreen
    .createDocument({ url: PATH, reasons: ['DOM_PARSER' as never], justification: '解析抓取到的政府网站页面（政策解读、全站检查）' })
    .finally(() => {
      creating = null;
    });
  await creating;
}

export const offscreen = createClient<BackgroundToOffscreen>(async (message) => {
  await ensureDocument();
  return browser.runtime.sendMessage({ ...message, channel: 'gsi-offscreen' });
});
