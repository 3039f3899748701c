/**
 * Playwright fixtures: the fixture government site, and a fresh Chromium profile with the built extension.
 * Tests drive the extension as a person would: open pages, use the side panel (opened in an ordinary tab as
 * sidepanel.html?tabId=<id>, which acts for that tab exactly as the real side panel does).
 */
import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server';
import { CHINESE_ENV, chromiumPath, extensionArgs } from '../support/chromium';

export interface ExtensionFixtures {
  profileDir: string;
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  /** Open the side panel page for the tab showing `page`. */
  openSidePanel: (page: Page) => Promise<Page>;
}

export async function launchExtension(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    env: { ...process.env, ...CHINESE_ENV },
    headless: false, // --headless=new comes from extensionArgs: the old headless mode cannot load extensions
    args: extensionArgs(),
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
  });
}

export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** The browser tab id of a page, asked of the extension (the page itself cannot know it). */
export async function tabIdOf(worker: Worker, page: Page): Promise<number> {
  const url = page.url();
  const id = await worker.evaluate(async (target) => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome;
    const tabs = await api.tabs.query({});
    return tabs.find((t) => t.url === target)?.id ?? -1;
  }, url);
  if (id < 0) throw new Error(`no tab shows ${url}`);
  return id;
}

export const test = base.extend<ExtensionFixtures, { site: FixtureSite }>({
  site: [
    async ({}, use) => {
      const site = await startFixtureSite();
      await use(site);
      await site.close();
    },
    { scope: 'worker' },
  ],
  profileDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'gsi-profile-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  context: async ({ profileDir }, use) => {
    const context = await launchExtension(profileDir);
    await use(context);
    await context.close();
  },
  serviceWorker: async ({ context }, use) => {
    await use(await serviceWorkerOf(context));
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host);
  },
  openSidePanel: async ({ context, serviceWorker, extensionId }, use) => {
    await use(async (page) => {
      const tabId = await tabIdOf(serviceWorker, page);
      const panel = await context.newPage();
      await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`);
      return panel;
    });
  },
});

export { expect };
