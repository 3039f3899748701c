/** Page object for the side panel's 全站检查 section and its results, driven by accessible names. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { Finding } from '../../../lib/checks/types';

export class SiteCheckPanel {
  constructor(readonly page: Page) {}

  get startButton(): Locator {
    return this.page.getByRole('button', { name: '全站检查', exact: true });
  }

  get cancelButton(): Locator {
    return this.page.getByRole('button', { name: '取消', exact: true });
  }

  get resumeButton(): Locator {
    return this.page.getByRole('button', { name: '继续', exact: true });
  }

  get progress(): Locator {
    return this.page.getByLabel('全站检查进度', { exact: true });
  }

  table(name: '政策文件与解读配对表' | '网站地图与实际栏目的差异' | '栏目更新情况'): Locator {
    return this.page.getByRole('table', { name });
  }

  /** Press 全站检查 and wait until the run has started. */
  async start(): Promise<void> {
    await expect(this.startButton).toBeEnabled();
    await this.startButton.click();
    await expect(this.progress).toContainText(/正在检查|已完成/);
  }

  async waitDone(timeout = 60_000): Promise<void> {
    await expect(this.progress).toContainText('已完成', { timeout });
  }

  /** Pages fetched so far, as the progress line says. */
  async pagesDone(): Promise<number> {
    const text = (await this.progress.textContent()) ?? '';
    return Number(/已抓取 (\d+) 个页面/.exec(text)?.[1] ?? 0);
  }

  /** Every finding stored in the extension's database (read from the panel page, which shares its origin). */
  storedFindings(): Promise<Finding[]> {
    return this.read<Finding[]>('findings');
  }

  /** One record (by key) or all records of a store of the extension's database. */
  read<T>(store: string, key?: string): Promise<T> {
    return this.page.evaluate(
      ([s, k]) =>
        new Promise<T>((resolve, reject) => {
          const open = indexedDB.open('gov-site-inspector');
          open.onupgradeneeded = () => open.transaction?.abort();
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const objects = db.transaction(s).objectStore(s);
            const req = k === null ? objects.getAll() : objects.get(k);
            req.onsuccess = () => (db.close(), resolve(req.result as T));
            req.onerror = () => reject(req.error);
          };
        }),
      [store, key ?? null] as const,
    );
  }

  /** Write a settings record, e.g. a shorter crawl timeout for the fixture's never-answering page. */
  async putSetting(key: string, value: unknown): Promise<void> {
    await this.page.evaluate(
      ([k, v]) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('gov-site-inspector');
          open.onupgradeneeded = () => open.transaction?.abort();
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('settings', 'readwrite');
            tx.objectStore('settings').put({ key: k, value: v, updatedAt: new Date().toISOString() });
            tx.oncomplete = () => (db.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
      [key, value] as const,
    );
  }
}
