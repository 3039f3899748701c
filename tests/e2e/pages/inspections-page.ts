/** Page object for the inspections page (巡检工作台), driven by accessible names as a person reads them. */
import { expect, type Locator, type Page } from '@playwright/test';

export class InspectionsPage {
  constructor(readonly page: Page) {}

  static async open(page: Page, extensionId: string): Promise<InspectionsPage> {
    await page.goto(`chrome-extension://${extensionId}/inspections.html`);
    const object = new InspectionsPage(page);
    await expect(object.quarter).toBeVisible();
    return object;
  }

  get quarter(): Locator {
    return this.page.getByRole('combobox', { name: '季度', exact: true });
  }

  get storageStatus(): Locator {
    return this.page.getByRole('status', { name: '存储状态' });
  }

  field(name: '网站名称' | '首页网址' | '网站标识码'): Locator {
    return this.page.getByRole('textbox', { name, exact: true });
  }

  /** The site list table's data rows. */
  get siteRows(): Locator {
    return this.page.getByRole('table', { name: '网站名单' }).locator('tbody tr');
  }

  siteRow(name: string): Locator {
    return this.page.getByRole('row', { name });
  }

  /** 添加网站: the code is expected to be read from the home page footer before the form is sent. */
  async addSite(name: string, homeUrl: string, expectedCode: string): Promise<void> {
    await this.field('网站名称').fill(name);
    await this.field('首页网址').fill(homeUrl);
    await this.field('首页网址').blur();
    await expect(this.field('网站标识码')).toHaveValue(expectedCode, { timeout: 20_000 });
    await this.page.getByRole('button', { name: '添加网站', exact: true }).click();
    await expect(this.siteRow(name)).toBeVisible();
  }

  /** 导入网站名单 up to the preview (nothing saved yet). */
  async previewImport(file: string): Promise<Locator> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: '导入网站名单', exact: true }).click();
    await (await chooser).setFiles(file);
    const preview = this.page.getByRole('region', { name: '导入预览' });
    await expect(preview).toBeVisible();
    return preview;
  }

  async openSite(name: string): Promise<void> {
    await this.siteRow(name).getByRole('button', { name, exact: true }).click();
    await expect(this.page.getByRole('heading', { name, exact: true, level: 1 })).toBeVisible();
  }

  get verdict(): Locator {
    return this.page.getByTestId('verdict');
  }

  checklistItem(title: string): Locator {
    return this.page.getByRole('list', { name: '检查清单' }).getByRole('listitem', { name: title, exact: true });
  }

  checklistStatus(title: string): Locator {
    return this.page.getByRole('combobox', { name: `“${title}”的检查状态`, exact: true });
  }

  get gallery(): Locator {
    return this.page.getByRole('region', { name: '截图证据' });
  }

  get shots(): Locator {
    return this.gallery.getByRole('listitem');
  }

  finding(text: string | RegExp): Locator {
    return this.page.getByRole('region', { name: '发现的问题' }).getByRole('listitem').filter({ hasText: text });
  }

  /** The PNG bytes the first gallery thumbnail shows, read in the page (the image is an object URL). */
  async firstShotBytes(): Promise<Buffer> {
    const img = this.shots.first().getByRole('img');
    await expect(img).toHaveAttribute('src', /^blob:/);
    const src = (await img.getAttribute('src')) as string;
    const bytes = await this.page.evaluate(async (url) => Array.from(new Uint8Array(await (await fetch(url)).arrayBuffer())), src);
    return Buffer.from(bytes);
  }

  /** The colour of one pixel of the first screenshot, `fromBottom` pixels above its lower edge (at x = 4). */
  async firstShotPixel(fromBottom: number): Promise<number[]> {
    const src = (await this.shots.first().getByRole('img').getAttribute('src')) as string;
    return this.page.evaluate(async ({ url, dy }) => {
      const bitmap = await createImageBitmap(await (await fetch(url)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      ctx.drawImage(bitmap, 0, 0);
      return Array.from(ctx.getImageData(4, bitmap.height - dy, 1, 1).data);
    }, { url: src, dy: fromBottom });
  }
}
