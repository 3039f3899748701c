/**
 * The inspection workflow in real Chromium (issue 7): add the fixture site (code read from its footer), import a
 * site list with a bad row, check pages, confirm and dismiss findings, capture evidence, tick the checklist, get
 * the verdict — then close the browser, start it again on the same profile and find everything still there.
 */
import { createHash } from 'node:crypto';
import { quarterOf } from '../../lib/inspection/quarter';
import { SITE_IDENTITY } from '../fixtures/site/planted';
import { expect, launchExtension, serviceWorkerOf, test } from './fixtures';
import { InspectionsPage } from './pages/inspections-page';
import { SidePanel } from './pages/side-panel';

const SITE_NAME = SITE_IDENTITY.name;
const ONE_BAD_ROW = 'tests/fixtures/site-lists/sites-one-bad-row.csv';
const VETO_ITEM = '安全、泄密事故等严重问题';
const HAND_ITEM = '站点无法访问';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('an inspection from adding the site to its verdict survives a browser restart', async ({ context, site, extensionId, openSidePanel, profileDir }) => {
  test.setTimeout(120_000);
  const insp = await InspectionsPage.open(await context.newPage(), extensionId);
  await expect(insp.quarter).toHaveValue(quarterOf(new Date()));
  await expect(insp.storageStatus).toContainText('持久保存');

  // 添加网站: the 网站标识码 comes from the home page's footer.
  await insp.addSite(SITE_NAME, `${site.origin}/`, SITE_IDENTITY.siteCode);

  // 导入网站名单: the preview names the bad row; nothing is saved before 确认导入; then only good rows.
  const preview = await insp.previewImport(ONE_BAD_ROW);
  await expect(preview.getByRole('list', { name: '逐行检查结果' })).toContainText('第4行');
  await expect(preview.getByRole('list', { name: '逐行检查结果' })).toContainText('10位');
  await expect(insp.siteRows).toHaveCount(1);
  await preview.getByRole('button', { name: '确认导入' }).click();
  await expect(insp.siteRows).toHaveCount(4);
  await expect(insp.siteRow('示例市教育局')).toBeVisible();
  await expect(insp.siteRow('示例市财政局')).toHaveCount(0);

  // Pages of the added site are checked by themselves; confirm a hidden link, dismiss a footer finding.
  const page = await context.newPage();
  await page.goto(`${site.origin}/identity-bad/conac-error.html`);
  const panelPage = await openSidePanel(page);
  const panel = new SidePanel(panelPage);
  await expect(panel.finding(/党政机关网站标识/).first()).toBeVisible({ timeout: 30_000 });
  await panel.setVerdict(/党政机关网站标识/, '误报');
  await page.reload();
  await panel.checkPage();
  await expect(panel.finding(/党政机关网站标识/).first().getByRole('button', { name: '误报', exact: true })).toHaveAttribute('aria-pressed', 'true');

  await page.goto(`${site.origin}/services.html`);
  const hidden = panel.findings('隐藏链接').first();
  await expect(hidden).toBeVisible({ timeout: 30_000 });
  const hiddenMessage = (await hidden.getAttribute('aria-label')) as string;
  await panel.setVerdict(hiddenMessage, '确认');

  // 截图取证 of that finding: stored with the highlights and a caption strip below the visible tab.
  await panelPage.getByRole('combobox', { name: '截图关联的问题' }).selectOption({ label: hiddenMessage.slice(0, 40) });
  await panelPage.getByRole('button', { name: '截图取证', exact: true }).click();
  await expect(panelPage.getByText('已保存截图')).toBeVisible({ timeout: 20_000 });

  // The site view: findings, evidence with a matching SHA-256, the checklist proposal, the verdict.
  await insp.page.bringToFront();
  await insp.openSite(SITE_NAME);
  await expect(insp.shots).toHaveCount(1);
  const png = await insp.firstShotBytes();
  await expect(insp.shots.first().getByTestId('sha256')).toHaveText(createHash('sha256').update(png).digest('hex'));
  expect(pngSize(png).height).toBeGreaterThan(900); // the 900-pixel-high viewport plus the caption strip
  const [r, g, b] = await insp.firstShotPixel(4);
  expect(Math.max(r ?? 255, g ?? 255, b ?? 255), 'the caption strip is drawn below the page').toBeLessThan(60);
  await expect(insp.shots.first()).toContainText('关联问题 1 条');
  await expect(insp.finding(/党政机关网站标识/).first().getByRole('button', { name: '误报', exact: true })).toHaveAttribute('aria-pressed', 'true');

  await expect(insp.checklistItem(VETO_ITEM)).toContainText('建议：不符合');
  await insp.checklistItem(VETO_ITEM).getByRole('button', { name: '采纳建议' }).click();
  await expect(insp.checklistStatus(VETO_ITEM)).toHaveValue('fail');
  await expect(insp.verdict).toHaveText('单项否决');
  await insp.checklistStatus(HAND_ITEM).selectOption({ label: '符合' });
  await expect(insp.checklistStatus(HAND_ITEM)).toHaveValue('pass');
  const verdictForm = insp.page.getByRole('region', { name: '检查结果' });
  await expect(verdictForm.getByRole('textbox', { name: '存在的问题' })).toHaveValue(/暗链/);
  await verdictForm.getByRole('textbox', { name: '检查人' }).fill('张三');
  await verdictForm.getByRole('button', { name: '保存检查结果' }).click();
  await insp.page.getByRole('button', { name: '返回网站名单' }).click();
  await expect(insp.siteRow(SITE_NAME)).toContainText('单项否决');
  await expect(insp.siteRow(SITE_NAME)).toContainText('已检查页面 2 个');

  // Close the browser and start it again on the same profile: everything is still there.
  await context.close();
  const again = await launchExtension(profileDir);
  try {
    await serviceWorkerOf(again);
    const back = await InspectionsPage.open(await again.newPage(), extensionId);
    await expect(back.siteRows).toHaveCount(4);
    await expect(back.siteRow(SITE_NAME)).toContainText('单项否决');
    await back.openSite(SITE_NAME);
    await expect(back.checklistStatus(VETO_ITEM)).toHaveValue('fail');
    await expect(back.checklistStatus(HAND_ITEM)).toHaveValue('pass');
    await expect(back.page.getByRole('region', { name: '检查结果' }).getByRole('textbox', { name: '检查人' })).toHaveValue('张三');
    await expect(back.finding(/党政机关网站标识/).first().getByRole('button', { name: '误报', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(back.finding(hiddenMessage).first().getByRole('button', { name: '确认', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(back.shots).toHaveCount(1);
    expect(createHash('sha256').update(await back.firstShotBytes()).digest('hex')).toBe(createHash('sha256').update(png).digest('hex'));

    // Deleting a screenshot asks first; 取消 keeps it, 删除 removes it.
    await back.shots.first().getByRole('button', { name: '删除' }).click();
    const ask = back.page.getByRole('alertdialog');
    await expect(ask).toContainText('无法恢复');
    await ask.getByRole('button', { name: '取消' }).click();
    await expect(back.shots).toHaveCount(1);
    await back.shots.first().getByRole('button', { name: '删除' }).click();
    await back.page.getByRole('alertdialog').getByRole('button', { name: '删除' }).click();
    await expect(back.shots).toHaveCount(0);
  } finally {
    await again.close();
  }
});

test('the side panel ticks the site checklist, and 复制到下一季度 carries the site list over', async ({ context, site, extensionId, openSidePanel }) => {
  const insp = await InspectionsPage.open(await context.newPage(), extensionId);
  await insp.addSite(SITE_NAME, `${site.origin}/`, SITE_IDENTITY.siteCode);

  const page = await context.newPage();
  await page.goto(`${site.origin}/`);
  const panelPage = await openSidePanel(page);
  await panelPage.getByText('本站检查清单').click();
  await panelPage.getByRole('combobox', { name: `“${HAND_ITEM}”的检查状态` }).selectOption({ label: '不符合' });
  await expect(panelPage.getByText('本站检查清单')).toContainText('单项否决');

  await insp.page.bringToFront();
  await expect(insp.siteRow(SITE_NAME)).toContainText('单项否决');
  await expect(insp.siteRow(SITE_NAME)).toContainText('检查清单 1/');
  const current = await insp.quarter.inputValue();
  await insp.page.getByRole('button', { name: '复制到下一季度' }).click();
  await expect(insp.quarter).not.toHaveValue(current);
  await expect(insp.siteRows).toHaveCount(1);
  // The copy starts the new quarter afresh: same site, nothing decided yet.
  await expect(insp.siteRow(SITE_NAME)).toContainText('未定');
  await expect(insp.siteRow(SITE_NAME)).toContainText('检查清单 0/');
});
