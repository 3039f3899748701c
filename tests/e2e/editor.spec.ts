/**
 * Editors check a page while writing it: text in a contenteditable area, a textarea and a same-origin editor
 * iframe (as UEditor writes) is checked, checked again as they type, and our marks never change what they wrote.
 */
import type { Frame, Page } from '@playwright/test';
import { EDITOR_PLANTS, PAGES } from '../fixtures/site/planted';
import { expect, test } from './fixtures';
import { expectTooltipOn, markCovering, markedTexts, tooltipText } from './pages/page-marks';
import { SidePanel } from './pages/side-panel';

const plant = (area: string) => {
  const found = EDITOR_PLANTS.find((e) => e.area.startsWith(area));
  if (!found) throw new Error(`no editor plant ${area}`);
  return found;
};

/** Puts the caret at the end of the last paragraph of `selector` (in the page or a frame) and types `text`. */
async function typeAtEnd(page: Page, target: Page | Frame, selector: string, text: string): Promise<void> {
  await target.locator(selector).click();
  await target.evaluate((sel) => {
    const root = document.querySelector(sel) as HTMLElement;
    const last = root.querySelector('p:last-of-type')?.lastChild ?? root.lastChild;
    if (!last) throw new Error('empty editor');
    const range = document.createRange();
    range.setStart(last, last.textContent?.length ?? 0);
    range.collapse(true);
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }, selector);
  await page.keyboard.type(text);
}

/** What the editor's HTML must be after typing `text` at the end of its last paragraph, and nothing else. */
function appended(before: string, text: string): string {
  const at = before.lastIndexOf('</p>');
  return at < 0 ? before + text : before.slice(0, at) + text + before.slice(at);
}

test('the planted errors of the editor page are found in the editable div, the textarea and the editor iframe', async ({ context, site, openSidePanel }) => {
  const page = await context.newPage();
  await page.goto(`${site.origin}${PAGES.editor}`);
  const frame = page.frameLocator('#ueditor_0');
  await expect(frame.locator('body')).toContainText(plant('iframe').wrong);
  const panel = new SidePanel(await openSidePanel(page));
  await panel.checkPage();
  for (const e of EDITOR_PLANTS) {
    await expect(panel.findings('固定表述').filter({ hasText: e.wrong }).first(), e.area).toContainText(e.expected);
  }
  expect(await markedTexts(page)).toContain(plant('#editor-div').wrong);
  const inner = page.frame({ url: /editor-frame\.html$/ });
  expect(inner).toBeTruthy();
  expect(markCovering(await markedTexts(inner!), plant('iframe').wrong)).toBeTruthy();
  // A textarea cannot hold a highlight: a box is drawn around it, and resting on it shows the finding.
  await page.locator('#editor-textarea').scrollIntoViewIfNeeded();
  const onScreen = (await page.locator('#editor-textarea').boundingBox())!;
  await page.mouse.move(onScreen.x + onScreen.width / 2, onScreen.y + onScreen.height / 2, { steps: 3 });
  await expect.poll(() => tooltipText(page)).toContain(plant('#editor-textarea').expected);
  await expect.poll(() => page.evaluate(() => document.querySelector('gsi-overlay')?.shadowRoot?.querySelectorAll('.mark').length ?? 0)).toBeGreaterThan(0);

  // Clicking the finding in the side panel scrolls to the mark in the iframe and shows its tooltip.
  await panel.findings('固定表述').filter({ hasText: plant('iframe').wrong }).first().getByRole('button').first().click();
  await expect.poll(() => tooltipText(page)).toContain(plant('iframe').expected);

  // The standalone editor document (what the iframe shows) is checked the same way.
  await page.goto(`${site.origin}${PAGES.editorFrame}`);
  await expect(panel.page.locator('.page-url')).toHaveText(`${site.origin}${PAGES.editorFrame}`);
  await panel.checkPage();
  await expect(panel.findings('固定表述').filter({ hasText: plant('iframe').wrong }).first()).toContainText(plant('iframe').expected);
  expect(markCovering(await markedTexts(page), plant('iframe').wrong)).toBeTruthy();
});

test('typing a wrong form into the editable div marks it as the editor types, and leaves the HTML as typed', async ({ context, site, openSidePanel }) => {
  const page = await context.newPage();
  await page.goto(`${site.origin}${PAGES.editor}`);
  const panel = new SidePanel(await openSidePanel(page));
  await panel.checkPage();
  const before = await page.locator('#editor-div').evaluate((el) => el.innerHTML);

  // 生态文名建设 is no listed wrong form: the check infers it from 生态文明建设 and says so.
  const typed = '同时要加强生态文名建设。';
  await typeAtEnd(page, page, '#editor-div', typed);
  const html = await page.locator('#editor-div').evaluate((el) => el.innerHTML);
  expect(html).toBe(appended(before, typed));

  await expect.poll(() => markedTexts(page), { timeout: 10_000 }).toContain('生态文名建设');
  await expect(panel.findings('固定表述').filter({ hasText: '生态文名建设' }).first()).toContainText('推断');
  await expectTooltipOn(page, '生态文名建设', /推断[\s\S]*生态文明建设/);
  expect(await page.locator('#editor-div').evaluate((el) => el.innerHTML)).toBe(html);
  expect(await markedTexts(page)).toContain(plant('#editor-div').wrong);
});

test('typing a wrong form into the editor iframe marks it as the editor types, and leaves its HTML as typed', async ({ context, site, openSidePanel }) => {
  const page = await context.newPage();
  await page.goto(`${site.origin}${PAGES.editor}`);
  const panel = new SidePanel(await openSidePanel(page));
  await panel.checkPage();
  const inner = page.frame({ url: /editor-frame\.html$/ })!;
  const before = await inner.locator('body').evaluate((el) => el.innerHTML);
  expect(await markedTexts(inner)).not.toContain('一代一路');

  const typed = '积极参与国际产能合作和一代一路建设。';
  await typeAtEnd(page, inner, 'body', typed);
  const html = await inner.locator('body').evaluate((el) => el.innerHTML);
  expect(html).toBe(appended(before, typed));

  await expect.poll(() => markedTexts(inner), { timeout: 10_000 }).toContain('一代一路');
  await expect(panel.findings('固定表述').filter({ hasText: '一代一路' }).first()).toContainText('一带一路');
  await panel.findings('固定表述').filter({ hasText: '一代一路' }).first().getByRole('button').first().click();
  await expect.poll(() => tooltipText(page)).toContain('一带一路');
  expect(await inner.locator('body').evaluate((el) => el.innerHTML)).toBe(html);
});
