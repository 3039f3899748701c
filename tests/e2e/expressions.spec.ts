/**
 * The expression and typo checks on the fixture site in real Chromium: every planted wrong form (including the
 * GBK article and the Traditional-Chinese page) is listed with its correct form, highlighted on exactly the wrong
 * characters, and explained by the tooltip; the clean pages get no such finding.
 */
import { CLEAN_PAGES, EDITOR_PLANTS, plantedFindings, type Planted } from '../fixtures/site/planted';
import { expect, test } from './fixtures';
import { expectTooltipOn, markCovering, markedTexts } from './pages/page-marks';
import { SidePanel } from './pages/side-panel';

const GROUP: Record<string, string> = { expression: '固定表述', typo: '错别字' };
const EDITOR_PATHS = new Set<string>(EDITOR_PLANTS.map((e) => e.path));

function byPath(plants: Planted[]): Map<string, Planted[]> {
  const map = new Map<string, Planted[]>();
  for (const p of plants) map.set(p.path, [...(map.get(p.path) ?? []), p]);
  return map;
}

test('every planted expression and typo error is listed, marked on its own characters and explained by the tooltip', async ({ context, site, openSidePanel }) => {
  // The editor fixture's plants are typed and checked in editor.spec.ts.
  const planted = plantedFindings(site.today, site.origin, site.offsiteOrigin).filter((p) => (p.check === 'expression' || p.check === 'typo') && !EDITOR_PATHS.has(p.path));
  const pages = byPath(planted);
  expect(pages.size).toBeGreaterThanOrEqual(8);
  expect(planted.some((p) => p.path.startsWith('/big5/'))).toBe(true);

  const page = await context.newPage();
  const [first] = pages.keys();
  await page.goto(`${site.origin}${first}`);
  const panel = new SidePanel(await openSidePanel(page));
  for (const [path, plants] of pages) {
    await page.goto(`${site.origin}${path}`);
    await expect(panel.page.locator('.page-url')).toHaveText(`${site.origin}${path}`);
    await panel.checkPage();
    const marked = await markedTexts(page);
    // Soft assertions: one missing plant must not hide how the others fare.
    for (const p of plants) {
      const where = `${path}: ${p.subject}`;
      const item = panel.findings(GROUP[p.check]).filter({ hasText: p.subject }).first();
      await expect.soft(item, where).toBeVisible();
      if (!(await item.isVisible())) continue;
      await expect.soft(item.locator('.expected'), where).toContainText(p.expected ?? '');
      const mark = markCovering(marked, p.subject);
      expect.soft(mark, `${where} in ${JSON.stringify(marked)}`).toBeTruthy();
      if (mark) await expectTooltipOn(page, mark, p.expected ?? '');
    }
    // Nothing else on these pages is marked as an expression or typo error.
    const listed = [...(await panel.findings('固定表述').all()), ...(await panel.findings('错别字').all())];
    expect.soft(listed.length, path).toBe(plants.length);
  }
});

test('the clean pages get no expression or typo finding', async ({ context, site, openSidePanel }) => {
  test.setTimeout(120_000);
  const page = await context.newPage();
  await page.goto(`${site.origin}${CLEAN_PAGES[0]}`);
  const panel = new SidePanel(await openSidePanel(page));
  for (const path of CLEAN_PAGES) {
    await page.goto(`${site.origin}${path}`);
    await expect(panel.page.locator('.page-url')).toHaveText(new URL(path, site.origin).href);
    await panel.checkPage();
    await expect(panel.findings('固定表述'), path).toHaveCount(0);
    await expect(panel.findings('错别字'), path).toHaveCount(0);
  }
});
