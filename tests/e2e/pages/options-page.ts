/** Page object for the options page (设置): the dictionary, its category switches and the user's local terms. */
import { expect, type Locator, type Page } from '@playwright/test';

export class OptionsPage {
  readonly local: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.local = page.getByRole('region', { name: '本地词条' });
    this.table = page.getByRole('region', { name: '词典条目' });
  }

  static async open(page: Page, extensionId: string): Promise<OptionsPage> {
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const options = new OptionsPage(page);
    await expect(options.table.getByRole('row').nth(1)).toBeVisible();
    return options;
  }

  /** 添加词条: fills the form and submits it. */
  async addTerm(term: { correct: string; wrong: string[]; category: string; source: string }): Promise<void> {
    await this.local.getByLabel('正确写法').fill(term.correct);
    await this.local.getByLabel('错误写法').fill(term.wrong.join('\n'));
    await this.local.getByLabel('类别').selectOption(term.category);
    await this.local.getByLabel('来源').fill(term.source);
    await this.local.getByRole('button', { name: '添加词条' }).click();
  }

  /** The on/off switch of a dictionary category, or of 错别字. */
  categorySwitch(name: string): Locator {
    return this.page.getByRole('checkbox', { name, exact: true });
  }

  async importFile(name: string, content: string, mimeType = 'text/csv'): Promise<void> {
    await this.local.getByLabel('选择本地词条文件').setInputFiles({ name, mimeType, buffer: Buffer.from(content, 'utf8') });
  }

  get alert(): Locator {
    return this.local.getByRole('alert');
  }

  get status(): Locator {
    return this.local.getByRole('status');
  }

  /** The local terms listed under 已添加的本地词条. */
  get localTerms(): Locator {
    return this.page.getByRole('list', { name: '已添加的本地词条' }).getByRole('listitem');
  }

  async search(text: string): Promise<void> {
    await this.table.getByRole('searchbox', { name: '搜索词典' }).fill(text);
  }

  /** Data rows of the dictionary table (the header row left out). */
  get rows(): Locator {
    return this.table.locator('tbody tr');
  }
}
