/** Page object for the side panel's 全站检查 section and its results, driven by accessible names. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { Finding } from '../../../lib/checks/types';
import { putRecords, readRecord, readTable, type StoreName } from './extension-db';

export class SiteCheckPanel {
  constructor(readonly page: Page) {}

  get startButton(): Locator {
    return this.page.getByRole('button', { name: '全站检查', exact: true });
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
    return readTable<Finding>(this.page, 'findings');
  }

  /** A record the test knows is stored, by its key, in a store of the extension's database. */
  read<T>(store: StoreName, key: string): Promise<T> {
    return readRecord<T>(this.page, store, key) as Promise<T>;
  }

  /** Write a settings record, e.g. a shorter crawl timeout for the fixture's never-answering page. */
  async putSetting(key: string, value: unknown): Promise<void> {
    await putRecords(this.page, 'settings', [{ key, value, updatedAt: new Date().toISOString() }]);
  }
}
