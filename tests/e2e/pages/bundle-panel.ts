/** Page object for the quarterly bundle on the inspections page (导出季度包 / 导入季度包). */
import { readFileSync } from 'node:fs';
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { readTable } from './extension-db';

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
