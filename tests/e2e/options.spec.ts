/**
 * The options page (设置) in real Chromium: the dictionary with sources and dates, local terms that the next page
 * check uses without reloading the extension, category and typo switches, and an all-or-nothing import.
 */
import { readFileSync } from 'node:fs';
import { PAGES } from '../fixtures/site/planted';
import { expect, test } from './fixtures';
import { OptionsPage } from './pages/options-page';
import { markedTexts } from './pages/page-marks';
import { SidePanel } from './pages/side-panel';

const SECRETARY = { correct: '青山市委书记王建国', wrong: ['青山市委书记王建图'], category: '领导人姓名与职务', source: '青山市委官网 2026年11月' };

test('a local term added on the options page is flagged in an editor on the next check', async ({ context, site, openSidePanel }) => {
  const page = await context.newPage();
  await page.goto(`${site.origin}${PAGES.editor}`);
  const panel = new SidePanel(await openSidePanel(page));
  await panel.checkPage();

  // 设置 in the side panel opens the options page in a tab.
  const [tab] = await Promise.all([context.waitForEvent('page'), panel.page.getByRole('link', { name: '设置' }).click()]);
  await tab.waitForURL(/\/options\.html$/);
  const options = new OptionsPage(tab);
  await expect(options.rows.first()).toBeVisible();

  // The dictionary: searchable, each entry with its source and the date it was checked.
  await options.search('扫黑除恶');
  const row = options.rows.filter({ hasText: '扫黑险恶' }).first();
  await expect(row).toContainText('重要理论与提法');
  await expect(row).toContainText(/\d{4}-\d{2}-\d{2}/);
  await expect(row.locator('.opt-source')).not.toBeEmpty();

  // Refused with a reason: an empty term, a one-character term.
  await options.addTerm({ ...SECRETARY, correct: '' });
  await expect(options.alert).toContainText('正确写法为空');
  await options.addTerm({ ...SECRETARY, wrong: ['图'] });
  await expect(options.alert).toContainText('只有一个字');
  await expect(options.localTerms).toHaveCount(0);

  await options.addTerm(SECRETARY);
  await expect(options.status).toContainText(SECRETARY.correct);
  await expect(options.localTerms).toHaveCount(1);
  await expect(options.localTerms.first()).toContainText(SECRETARY.wrong[0]!);
  await options.search('王建国');
  await expect(options.rows.filter({ hasText: SECRETARY.correct }).first()).toContainText('本地');

  // The fixture has no such text: the editor types it, and the re-check as they type flags it.
  await page.bringToFront();
  await page.locator('#editor-div').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('青山市委书记王建图出席会议并讲话。');
  await expect.poll(() => markedTexts(page), { timeout: 10_000 }).toContain(SECRETARY.wrong[0]);
  const finding = panel.findings('固定表述').filter({ hasText: SECRETARY.wrong[0] }).first();
  await expect(finding).toContainText(SECRETARY.correct);
  await expect(finding).toContainText('单项否决');
});

test('switching a category or the typo list off removes its findings on the next check', async ({ context, site, extensionId, openSidePanel }) => {
  const page = await context.newPage();
  await page.goto(`${site.origin}/zwgk/tzgg/content_1002.html`);
  const panel = new SidePanel(await openSidePanel(page));
  await panel.checkPage();
  await expect(panel.findings('固定表述').filter({ hasText: '扫黑险恶' })).not.toHaveCount(0);

  const options = await OptionsPage.open(await context.newPage(), extensionId);
  await options.categorySwitch('重要理论与提法').uncheck();
  await expect(options.categorySwitch('重要理论与提法')).not.toBeChecked();
  await options.categorySwitch('错别字').uncheck();
  await expect(options.categorySwitch('错别字')).not.toBeChecked();

  await panel.checkPage();
  await expect(panel.findings('固定表述').filter({ hasText: '扫黑险恶' })).toHaveCount(0);
  expect(await markedTexts(page)).not.toContain('扫黑险恶');

  await page.goto(`${site.origin}/xwzx/bmdt/content_1007.html`);
  await expect(panel.page.locator('.page-url')).toHaveText(`${site.origin}/xwzx/bmdt/content_1007.html`);
  await panel.checkPage();
  await expect(panel.findings('错别字')).toHaveCount(0);

  await options.categorySwitch('错别字').check();
  await expect(options.categorySwitch('错别字')).toBeChecked();
  await panel.checkPage();
  await expect(panel.findings('错别字').filter({ hasText: '渡假村' })).not.toHaveCount(0);
});

test('an import with one bad row names the row and imports nothing; a good file imports and exports back', async ({ context, extensionId }) => {
  const options = await OptionsPage.open(await context.newPage(), extensionId);
  const header = '正确写法,错误写法,类别,来源';
  const bad = [header, '青山市市长李明,青山市市长李名,领导人姓名与职务,青山市政府网站', '青山市发展和改革委员会,青山市发展改革委员会；青山市发改委员会,机构名称,', '王,汪,领导人姓名与职务,'].join('\n');
  await options.importFile('本地词条.csv', bad);
  await expect(options.alert).toContainText('未导入');
  await expect(options.alert).toContainText('第4行');
  await expect(options.alert).toContainText('只有一个字');
  await expect(options.alert).not.toContainText('第2行');
  await expect(options.localTerms).toHaveCount(0);

  const good = bad.split('\n').slice(0, 3).join('\n');
  await options.importFile('本地词条.csv', good);
  await expect(options.status).toContainText('导入 2 条');
  await expect(options.localTerms).toHaveCount(2);

  const [download] = await Promise.all([options.page.waitForEvent('download'), options.local.getByRole('button', { name: '导出 CSV' }).click()]);
  const exported = readFileSync(await download.path(), 'utf8');
  expect(exported.replace(/^\uFEFF/, '').split(/\r\n/)[0]).toBe(header);
  expect(exported).toContain('青山市市长李明,青山市市长李名,领导人姓名与职务,青山市政府网站');
  expect(exported).toContain('青山市发展和改革委员会,青山市发展改革委员会；青山市发改委员会,机构名称');
});

test('阈值: the link timeout is stored, out-of-range values are refused, and the column periods are shown', async ({ context, extensionId }) => {
  const page = await context.newPage();
  await OptionsPage.open(page, extensionId);
  const section = page.getByRole('region', { name: '阈值' });
  const timeout = section.getByRole('spinbutton', { name: /链接检查超时/ });
  await expect(timeout).toHaveValue('15');
  await expect(section.getByRole('table', { name: /栏目更新期限/ })).toContainText('动态要闻类');
  await expect(section.getByRole('row', { name: /动态要闻类/ })).toContainText('2周');
  await expect(section.getByRole('row', { name: /人事、规划计划类/ })).toContainText('1年');

  // Out of range: the form refuses it before anything is stored.
  await timeout.fill('500');
  await section.getByRole('button', { name: '保存' }).click();
  expect(await timeout.evaluate((el) => (el as HTMLInputElement).validity.rangeOverflow)).toBe(true);
  await expect(section.getByRole('status')).toHaveCount(0);

  await timeout.fill('30');
  await section.getByRole('button', { name: '保存' }).click();
  await expect(section.getByRole('status')).toContainText('已保存');
  await page.reload();
  await expect(page.getByRole('region', { name: '阈值' }).getByRole('spinbutton', { name: /链接检查超时/ })).toHaveValue('30');
});
