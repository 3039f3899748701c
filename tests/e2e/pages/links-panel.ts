/** Page object for the side panel's 链接检查 section, driven by what a person reads there. */
import { expect, type Locator, type Page } from '@playwright/test';

export type LinkStateLabel = '失效' | '跳转' | '无法判定' | '正常';

export const STATE_LABEL: Record<'dead' | 'redirect' | 'inconclusive' | 'ok', LinkStateLabel> = {
  dead: '失效',
  redirect: '跳转',
  inconclusive: '无法判定',
  ok: '正常',
};

export class LinksPanel {
  readonly section: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByRole('region', { name: '链接检查' });
  }

  get progress(): Locator {
    return this.section.getByRole('progressbar', { name: '链接检查进度' });
  }

  get cancelButton(): Locator {
    return this.section.getByRole('button', { name: '取消', exact: true });
  }

  get recheckButton(): Locator {
    return this.section.getByRole('button', { name: '重新检查链接', exact: true });
  }

  /** The filter button of a state (its name is the label and the count, e.g. “失效 7”). */
  filter(label: LinkStateLabel | '全部'): Locator {
    return this.section.getByRole('group', { name: '按状态筛选' }).getByRole('button', { name: new RegExp(`^${label} \\d+$`) });
  }

  /** The count shown on a state's filter button. */
  async count(label: LinkStateLabel | '全部'): Promise<number> {
    const text = (await this.filter(label).textContent()) ?? '';
    return Number(/(\d+)\s*$/.exec(text)?.[1] ?? NaN);
  }

  async show(label: LinkStateLabel | '全部'): Promise<void> {
    await this.filter(label).click();
    await expect(this.filter(label)).toHaveAttribute('aria-pressed', 'true');
  }

  /** The table row of one link, by its (normalised) URL. */
  row(url: string): Locator {
    return this.section.locator(`tr[data-url="${url.replace(/"/g, '\\"')}"]`);
  }

  /** Wait until every link of the page is decided. */
  async waitDone(timeout = 45_000): Promise<void> {
    await expect(this.section).toContainText('链接检查完成', { timeout });
  }
}
