/**
 * The whole path of a page check in real Chromium: page → snapshot → background checks → IndexedDB →
 * side panel and in-page marks, with the page's DOM left untouched.
 */
import { IDENTITY_CASES, plantedFindings } from '../fixtures/site/planted';
import { expect, test } from './fixtures';
import { SidePanel } from './pages/side-panel';

/** Words the Chinese message of each planted identity problem must contain. */
const IDENTITY_WORDS: Record<string, RegExp> = {
  网站标识码: /网站标识码/,
  SiteIDCode: /SiteIDCode/,
  我为政府网站找错: /找错/,
  ICP备案: /ICP/,
  公安备案: /公安机关备案/,
  党政机关网站标识: /党政机关网站标识/,
  主办单位: /主办单位/,
  页脚: /页面底部/,
};

test('检查本页 lists each planted footer identity problem with a Chinese message', async ({ context, site, openSidePanel }) => {
  const page = await context.newPage();
  await page.goto(`${site.origin}/`);
  const panel = new SidePanel(await openSidePanel(page));

  await panel.checkPage();
  await expect(panel.findings('底部标识')).toHaveCount(0);

  for (const c of IDENTITY_CASES) {
    await page.goto(`${site.origin}${c.path}`);
    await expect(panel.page.getByText(c.path.split('/').pop() as string).first()).toBeVisible();
    await panel.checkPage();
    const words = IDENTITY_WORDS[c.subject];
    expect(words, `no message words for ${c.subject}`).toBeTruthy();
    await expect(panel.findings('底部标识').filter({ hasText: words as RegExp }).first(), c.path).toBeVisible();
  }
});

test('dates that cannot be right are listed and highlighted on exactly their characters', async ({ context, site, openSidePanel }) => {
  const planted = plantedFindings(site.today, site.origin, site.offsiteOrigin).filter((p) => p.check === 'date-anomaly');
  expect(planted.length).toBeGreaterThan(0);
  const page = await context.newPage();
  await page.goto(`${site.origin}${planted[0]!.path}`);
  const panel = new SidePanel(await openSidePanel(page));
  for (const p of planted) {
    await page.goto(`${site.origin}${p.path}`);
    await expect(panel.page.locator('.page-url')).toHaveText(`${site.origin}${p.path}`);
    await panel.checkPage();
    await expect(panel.findings('日期异常').filter({ hasText: p.subject }).first(), `${p.path}: ${p.subject}`).toBeVisible();
    const marked = await page.evaluate(() => {
      const texts: string[] = [];
      for (const name of ['gsi-veto', 'gsi-major', 'gsi-minor', 'gsi-info']) {
        const h = CSS.highlights.get(name);
        if (h) for (const r of h) texts.push(String(r));
      }
      return texts;
    });
    expect(marked, p.path).toContain(p.subject);
  }
});

test('a full check, its marks and switching them off leave the page DOM unchanged', async ({ context, site, openSidePanel }) => {
  const page = await context.newPage();
  await page.goto(`${site.origin}/xwzx/qxdt/index.html`);
  const before = await page.evaluate(() => document.body.innerHTML);
  const panel = new SidePanel(await openSidePanel(page));
  await panel.checkPage();
  await expect(panel.findings().first()).toBeVisible();
  expect(await page.evaluate(() => CSS.highlights.size)).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);

  await panel.page.getByRole('checkbox', { name: '显示页面标记' }).uncheck();
  await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBe(0);
  expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
  await panel.page.getByRole('checkbox', { name: '显示页面标记' }).check();
  await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
});

test('clicking a finding scrolls the page to it and flashes it', async ({ context, site, openSidePanel }) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1000, height: 400 });
  await page.goto(`${site.origin}/identity-bad/malformed-code.html`);
  const panel = new SidePanel(await openSidePanel(page));
  await panel.checkPage();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await panel.findings('底部标识').filter({ hasText: '格式错误' }).first().getByRole('button').first().click();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('gsi-flash'))).toBe(true);
});

test('a verdict survives a reload, and a 误报 stays dismissed after a re-check', async ({ context, site, openSidePanel }) => {
  const page = await context.newPage();
  await page.goto(`${site.origin}/identity-bad/conac-error.html`);
  const panelPage = await openSidePanel(page);
  const panel = new SidePanel(panelPage);
  await panel.checkPage();
  await panel.setVerdict(/党政机关网站标识/, '误报');

  await page.reload();
  await panelPage.reload();
  await panel.checkPage();
  const dismissed = panel.finding(/党政机关网站标识/).first();
  await expect(dismissed.getByRole('button', { name: '误报', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(dismissed).toContainText('误报');
});
