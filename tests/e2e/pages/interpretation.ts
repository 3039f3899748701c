/** Page object for the side panel's 页面类型 section (policy / interpretation classification and its links). */
import { expect, type Locator } from '@playwright/test';
import type { SidePanel } from './side-panel';

export type PageKindLabel = '政策文件' | '政策解读' | '其他';

export class InterpretationSection {
  constructor(readonly panel: SidePanel) {}

  get section(): Locator {
    return this.panel.page.getByRole('region', { name: '页面类型' });
  }

  /** The findings listed under 政策解读关联. */
  get findings(): Locator {
    return this.panel.findings('政策解读关联');
  }

  /** Wait until the stage has fetched the related pages and shows its final word for the page. */
  async waitDone(): Promise<void> {
    await expect(this.section).toBeVisible({ timeout: 30_000 });
    await expect(this.section).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
  }

  async expectKind(kind: PageKindLabel): Promise<void> {
    await expect(this.section.locator('[data-kind]')).toHaveText(kind);
  }

  /** The reasons listed under 判断依据. */
  get reasons(): Locator {
    return this.section.locator('dd:not(.interp-link)');
  }

  /** A related link shown in the section, by its URL. */
  link(url: string): Locator {
    return this.section.locator('dd.interp-link').filter({ hasText: url });
  }

  get links(): Locator {
    return this.section.locator('dd.interp-link');
  }
}
