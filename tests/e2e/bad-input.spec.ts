/**
 * Pages the extension cannot fully check: it says what it can and cannot do, in Chinese, and never breaks the page.
 */
import { PAGES } from '../fixtures/site/planted';
import { expect, test } from './fixtures';
import { SidePanel } from './pages/side-panel';

test('a page without a footer gets one clear identity finding', async ({ context, site, openSidePanel }) => {
  const page = await context.newPage();
  await page.goto(`${site.origin}${PAGES.noFooter}`);
  const panel = new SidePanel(await openSidePanel(page));
  await panel.checkPage();
  await expect(panel.findings('底部标识')).toHaveCount(1);
  await expect(panel.findings('底部标识').first()).toContainText('未识别到页面底部功能区');
});

test('a page of 50,000 nodes is checked, and the page stays usable', async ({ context, site, openSidePanel }) => {
  const page = await context.newPage();
  await page.goto(`${site.origin}${PAGES.hugeDom}`);
  const nodes = await page.evaluate(() => {
    let n = 0;
    const walker = document.createTreeWalker(document.documentElement);
    while (walker.nextNode()) n++;
    return n;
  });
  expect(nodes).toBeGreaterThanOrEqual(50_000);
  const before = await page.evaluate(() => document.body.querySelectorAll('*').length);
  const panel = new SidePanel(await openSidePanel(page));
  await panel.checkPage();
  expect(await page.evaluate(() => document.body.querySelectorAll('*').length)).toBe(before);
  await expect(page.locator('body')).toBeVisible();
});

test('a frameset says its frames must be opened one by one', async ({ context, site, openSidePanel }) => {
  const page = await context.newPage();
  await page.goto(`${site.origin}${PAGES.frameset}`);
  const panel = new SidePanel(await openSidePanel(page));
  await panel.checkPage();
  await expect(panel.page.getByText('框架集页面')).toBeVisible();
});

test('a page whose scripts throw and replace Array methods is checked all the same', async ({ context, site, openSidePanel }) => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.origin}${PAGES.hostileScripts}`);
  const panel = new SidePanel(await openSidePanel(page));
  await panel.checkPage();
  await expect(panel.status).toContainText('检查时间');
  // The page's own broken globals are still its own: our isolated world did not repair or break them.
  const pageMap = await page.evaluate(() => {
    try {
      return String([1, 2].map((x) => x * 2));
    } catch {
      return 'broken by the page';
    }
  });
  expect(pageMap).toBe('broken by the page');
  expect(errors.length).toBeGreaterThan(0);
});

test('image and PDF tabs, and browser pages, are explained instead of checked', async ({ context, site, openSidePanel }) => {
  const page = await context.newPage();
  await page.goto(`${site.origin}${PAGES.imageTab}`);
  const panel = new SidePanel(await openSidePanel(page));
  await expect(panel.page.getByRole('alert')).toContainText('图片');
  await expect(panel.checkButton).toBeDisabled();

  await page.goto(`${site.origin}${PAGES.pdfTab}`).catch(() => undefined); // a PDF may download instead of opening
  await page.goto('chrome://version');
  await expect(panel.page.getByRole('alert')).toContainText('浏览器内部页面');
  await expect(panel.checkButton).toBeDisabled();
});
