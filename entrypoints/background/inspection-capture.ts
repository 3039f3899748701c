/**
 * 截图取证: captures what the inspector sees in a tab (highlights on), burns a caption strip (URL, time, site,
 * findings) into the bottom of the image with OffscreenCanvas, and returns the PNG bytes to store.
 * captureVisibleTab only sees the active tab of a window, so a tab in the background is brought forward for the
 * capture and the previous tab put back afterwards (the side panel opened as an ordinary tab is such a case).
 */
import { browser } from 'wxt/browser';
import { captionLines, layoutCaption, type CaptionInput } from '@/lib/inspection/evidence-caption';
import { tabClient } from './messaging';
import type { PageService } from './page-service';

/** Time for a tab brought forward, a scroll to a finding, or re-drawn marks to reach the screen. */
const SETTLE_MS = 450;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface CaptureRequest {
  tabId: number;
  /** Scrolled into view (and flashed) before the capture when exactly one finding is the subject. */
  focusFindingId?: string;
  caption: Omit<CaptionInput, 'capturedAt' | 'url'>;
}

export interface CapturedImage {
  png: Uint8Array;
  url: string;
  capturedAt: Date;
}

/** Captures the tab with the page marks shown and the caption strip added. Throws Chinese messages. */
export async function captureEvidenceImage(pages: PageService, request: CaptureRequest): Promise<CapturedImage> {
  const tab = await browser.tabs.get(request.tabId);
  const url = tab.url ?? '';
  if (!/^https?:/i.test(url)) throw new Error('只能对网页截图取证（当前标签页不是网页）');
  const [previous] = tab.active ? [] : await browser.tabs.query({ active: true, windowId: tab.windowId });
  const overlayWasOff = !pages.overlayFor(request.tabId);
  let dataUrl: string;
  try {
    if (!tab.active) await browser.tabs.update(request.tabId, { active: true });
    if (overlayWasOff) await pages.setOverlay(request.tabId, true);
    if (request.focusFindingId) {
      await tabClient(request.tabId).send('focusFinding', { findingId: request.focusFindingId }).catch(() => undefined);
    }
    await sleep(SETTLE_MS);
    try {
      dataUrl = await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
    } catch (error) {
      throw new Error(`截图失败：${error instanceof Error ? error.message : String(error)}`);
    }
  } finally {
    if (overlayWasOff) await pages.setOverlay(request.tabId, false).catch(() => undefined);
    if (previous?.id !== undefined && previous.id !== request.tabId) {
      await browser.tabs.update(previous.id, { active: true }).catch(() => undefined);
    }
  }
  const capturedAt = new Date();
  const png = await addCaptionStrip(dataUrl, { ...request.caption, url, capturedAt });
  return { png, url, capturedAt };
}

/** The screenshot with the caption strip drawn below it, as PNG bytes. */
async function addCaptionStrip(dataUrl: string, caption: CaptionInput): Promise<Uint8Array> {
  const shot = await createImageBitmap(await (await fetch(dataUrl)).blob());
  // Read the size before close(), which zeroes it.
  const { width, height } = shot;
  const fontPx = Math.max(13, Math.round(width / 85));
  const lineHeight = Math.round(fontPx * 1.45);
  const padding = Math.round(fontPx * 0.8);
  const font = `${fontPx}px "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", sans-serif`;

  const measureCanvas = new OffscreenCanvas(1, 1).getContext('2d');
  if (!measureCanvas) throw new Error('浏览器不支持离屏画布，无法生成截图说明');
  measureCanvas.font = font;
  const lines = layoutCaption(captionLines(caption), width - padding * 2, (s) => measureCanvas.measureText(s).width);
  const stripHeight = padding * 2 + lines.length * lineHeight;

  const canvas = new OffscreenCanvas(width, height + stripHeight);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('浏览器不支持离屏画布，无法生成截图说明');
  ctx.drawImage(shot, 0, 0);
  shot.close();
  ctx.fillStyle = '#111827';
  ctx.fillRect(0, height, width, stripHeight);
  ctx.fillStyle = '#b91c1c';
  ctx.fillRect(0, height, width, Math.max(2, Math.round(fontPx / 6)));
  ctx.font = font;
  ctx.textBaseline = 'top';
  ctx.fillStyle = '#f9fafb';
  lines.forEach((line, i) => ctx.fillText(line, padding, height + padding + i * lineHeight));
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new Uint8Array(await blob.arrayBuffer());
}
