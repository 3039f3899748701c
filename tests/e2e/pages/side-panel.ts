/** Page object for the side panel, driven by accessible names as a person reads them. */
import { expect, type Locator, type Page } from '@playwright/test';

export class SidePanel {
  constructor(readonly page: Page) {}

  get checkButton(): Locator {
    return this.page.getByRole('button', { name: '检查本页', exact: true });
  }

  get status(): Locator {
    return this.page.getByRole('status');
  }

  /** Press 检查本页 and wait until the panel shows the finished check. */
  async checkPage(): Promise<void> {
    await expect(this.checkButton).toBeEnabled();
    await this.checkButton.click();
    await expect(this.status).toContainText('检查时间', { timeout: 30_000 });
  }

  /** The findings listed under one check's heading (e.g. “底部标识”), or all findings. */
  findings(group?: string): Locator {
    const scope = group ? this.page.getByRole('region', { name: group }) : this.page;
    return scope.getByRole('listitem');
  }

  finding(message: string | RegExp): Locator {
    return this.page.getByRole('listitem').filter({ hasText: message });
  }

  async setVerdict(message: string | RegExp, verdict: '确认' | '误报' | '不适用' | '已整改'): Promise<void> {
    const item = this.finding(message).first();
    await item.getByRole('button', { name: verdict, exact: true }).click();
    await expect(item.getByRole('button', { name: verdict, exact: true })).toHaveAttribute('aria-pressed', 'true');
  }
}
