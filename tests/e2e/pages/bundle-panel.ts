/**
 * Page object for the quarterly bundle on the inspections page (导出季度包 / 导入季度包), plus raw IndexedDB
 * helpers that run inside an extension page (extension pages share the extension's database; Dexie is not
 * available to `page.evaluate`, the plain IndexedDB API is).
 */
import { readFileSync } from 'node:fs';
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

export const DB_NAME = 'gov-site-inspector';
export type TableName = 'sites' | 'inspections' | 'findings' | 'verdicts' | 'evidence';

export class BundlePanel {
  constructor(readonly page: Page) {}

  /** Opens the inspections page of the extension. */
  static async open(context: BrowserContext, extensionId: string): Promise<BundlePanel> {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/inspections.html`);
    const panel = new BundlePanel(page);
    await expect(panel.exportButton).toBeVisible();
    return panel;
  }

  get region(): Locator {
    return this.page.getByRole('region', { name: '季度包' });
  }

  get exportButton(): Locator {
    return this.page.getByRole('button', { name: '导出季度包', exact: true });
  }

  get importButton(): Locator {
    return this.page.getByRole('button', { name: '导入季度包', exact: true });
  }

  get alert(): Locator {
    return this.region.getByRole('alert');
  }

  get status(): Locator {
    return this.region.getByRole('status');
  }

  async selectQuarter(quarter: string): Promise<void> {
    // The quarter selector labelled 季度 (its accessible name may also carry the chosen value).
    await this.page.getByRole('combobox', { name: /^季度/ }).selectOption(quarter);
  }

  /**
   * 导出季度包, and what was saved: the file name the extension asked the downloads API for (Playwright saves
   * downloads under its own names) and the bytes; checks that the object URL is revoked afterwards.
   */
  async exportBundle(): Promise<{ name: string; bytes: Buffer }> {
    // Watch the downloads API calls of this page (the call goes through unchanged).
    await this.page.evaluate(() => {
      const api = (globalThis as unknown as { chrome: { downloads: { download: (o: { url: string; filename?: string }) => Promise<number> } } }).chrome.downloads;
      const seen = ((globalThis as unknown as { gsiDownloads?: { url: string; filename?: string }[] }).gsiDownloads ??= []);
      if (seen.length === 0 && !(api.download as { spied?: boolean }).spied) {
        const original = api.download.bind(api);
        api.download = Object.assign((o: { url: string; filename?: string }) => (seen.push(o), original(o)), { spied: true });
      }
      seen.length = 0;
    });
    const download = this.page.waitForEvent('download', { timeout: 60_000 });
    await this.exportButton.click();
    const file = await download;
    const bytes = readFileSync(await file.path());
    await expect(this.status).toContainText('已导出');
    const asked = await this.page.evaluate(() => (globalThis as unknown as { gsiDownloads: { url: string; filename?: string }[] }).gsiDownloads[0]);
    expect(asked, 'the export went through the downloads API').toBeTruthy();
    await expect
      .poll(() => this.page.evaluate((url) => fetch(url).then(() => false, () => true), asked!.url), { message: 'the object URL is revoked once saved' })
      .toBe(true);
    return { name: asked!.filename ?? '', bytes };
  }

  /** 添加网站 on the same page, as the inspector does; returns the new site's id once it is stored. */
  async addSite(site: { name: string; homeUrl: string; siteCode: string }): Promise<string> {
    await this.page.getByLabel('网站名称', { exact: true }).fill(site.name);
    await this.page.getByLabel('首页网址', { exact: true }).fill(site.homeUrl);
    await this.page.getByLabel('网站标识码', { exact: true }).fill(site.siteCode);
    await this.page.getByRole('button', { name: '添加网站', exact: true }).click();
    let id = '';
    await expect
      .poll(async () => (id = (await readTable<{ id: string; name: string }>(this.page, 'sites')).find((s) => s.name === site.name)?.id ?? ''))
      .not.toBe('');
    return id;
  }

  /** 导入季度包 with the given file (bytes, or a path on disk for big files), up to the preview or the refusal. */
  async chooseBundle(file: { name: string; bytes: Buffer } | string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.importButton.click();
    await (await chooser).setFiles(typeof file === 'string' ? file : { name: file.name, mimeType: 'application/zip', buffer: file.bytes });
  }

  /** The preview's count of one kind of record (网站, 问题, 截图 …) in one column (新增, 更新, 不变). */
  previewCount(table: string, column: '新增' | '更新' | '不变'): Locator {
    const index = { 新增: 1, 更新: 2, 不变: 3 }[column];
    return this.region.getByRole('table', { name: '各类记录' }).getByRole('row', { name: table }).getByRole('cell').nth(index - 1);
  }

  async confirmImport(): Promise<void> {
    await this.region.getByRole('button', { name: '确认导入', exact: true }).click();
    await expect(this.status).toContainText('导入完成');
  }
}

/** Waits until the extension has created its database (the background does on its first query). */
export async function waitForDatabase(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(async (name) => (await indexedDB.databases()).some((d) => d.name === name), DB_NAME), { timeout: 15_000 })
    .toBe(true);
}

/** Puts records into one table with the plain IndexedDB API. */
export async function putRecords(page: Page, table: TableName, records: unknown[]): Promise<void> {
  await page.evaluate(
    ({ name, table, records }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(table, 'readwrite');
          for (const r of records) tx.objectStore(table).put(r);
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => (db.close(), reject(tx.error));
        };
      }),
    { name: DB_NAME, table, records },
  );
}

/** Stores a screenshot drawn in the page (a real PNG) as an evidence record; returns its SHA-256. */
export async function putScreenshot(page: Page, record: { id: string; siteKey: string; quarter: string; pageUrl: string; capturedAt: string; findingIds: string[]; note: string }): Promise<string> {
  return page.evaluate(
    async ({ name, record }) => {
      const canvas = new OffscreenCanvas(320, 200);
      const g = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      g.fillStyle = '#b91c1c';
      g.fillRect(0, 0, 320, 200);
      g.fillStyle = '#fff';
      g.fillText(record.pageUrl, 10, 100);
      const png = await canvas.convertToBlob({ type: 'image/png' });
      const digest = await crypto.subtle.digest('SHA-256', await png.arrayBuffer());
      const sha256 = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
      await new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('evidence', 'readwrite');
          tx.objectStore('evidence').put({ ...record, sha256, bytes: png.size, png });
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => (db.close(), reject(tx.error));
        };
      });
      return sha256;
    },
    { name: DB_NAME, record },
  );
}

/** Every record of one table (screenshots without their bytes). */
export async function readTable<T = Record<string, unknown>>(page: Page, table: TableName): Promise<T[]> {
  return page.evaluate(
    ({ name, table }) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(table)) return (db.close(), resolve([]));
          const req = db.transaction(table).objectStore(table).getAll();
          req.onsuccess = () => {
            db.close();
            resolve((req.result as Record<string, unknown>[]).map(({ png: _png, ...rest }) => rest as T));
          };
          req.onerror = () => (db.close(), reject(req.error));
        };
      }),
    { name: DB_NAME, table },
  );
}

/** Record counts of the five tables a bundle touches. */
export async function tableCounts(page: Page): Promise<Record<TableName, number>> {
  const tables: TableName[] = ['sites', 'inspections', 'findings', 'verdicts', 'evidence'];
  const counts = await Promise.all(tables.map(async (t) => [t, (await readTable(page, t)).length] as const));
  return Object.fromEntries(counts) as Record<TableName, number>;
}

/** Deletes the extension's database (its open connections close themselves: Dexie yields to a delete). */
export async function deleteDatabase(page: Page): Promise<void> {
  await page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.deleteDatabase(name);
        req.onsuccess = () => resolve();
        req.onerror = () => reject(req.error);
      }),
    DB_NAME,
  );
}
