/**
 * What the inspector sees of our marks in a checked page (or in a same-origin editor frame): the text under each
 * CSS highlight, and the tooltip shown when the pointer rests on a mark (it lives in the open shadow root of the
 * `gsi-overlay` element of the top document).
 */
import { expect, type Frame, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { parseDictionary } from '../../../lib/expressions/dictionary';

const HIGHLIGHTS = ['gsi-veto', 'gsi-major', 'gsi-minor', 'gsi-info'];

/** The text of every highlighted range in `target` (the page, or one frame's document). */
export function markedTexts(target: Page | Frame): Promise<string[]> {
  return target.evaluate((names) => {
    const texts: string[] = [];
    for (const name of names) {
      const h = CSS.highlights.get(name);
      if (h) for (const r of h) texts.push(String(r));
    }
    return texts;
  }, HIGHLIGHTS);
}

let wrongForms: Set<string> | undefined;

/**
 * The mark that covers a planted wrong form `subject`: the mark of exactly `subject`, or of a longer wrong form
 * the dictionary lists that contains it (the dictionary knows 戳力奋发、勇毅前行 as a whole, and then marks the
 * whole phrase). Either way the mark is exactly a dictionary form: a shifted or cut highlight matches neither.
 */
export function markCovering(marked: string[], subject: string): string | undefined {
  if (!wrongForms) {
    // Read as text: Playwright's loader cannot import the JSON modules that default-dictionary.ts bundles.
    const file = (name: string) => readFileSync(new URL(`../../../lib/expressions/data/${name}`, import.meta.url), 'utf8');
    const dict = parseDictionary(file('expressions.json'), file('typos.json'));
    wrongForms = new Set([...dict.entries.flatMap((e) => e.wrong.map((w) => w.form)), ...dict.typos.map((t) => t.wrong)]);
  }
  return marked.find((m) => m === subject) ?? marked.find((m) => m.includes(subject) && wrongForms!.has(m));
}

/** Scrolls the highlighted range whose text is `text` into view; its centre in the top page's viewport. */
async function markCentre(page: Page, frame: Frame | null, text: string): Promise<{ x: number; y: number }> {
  const target = frame ?? page;
  if (frame) await (await frame.frameElement()).scrollIntoViewIfNeeded();
  const point = await target.evaluate(
    ({ names, text }) => {
      for (const name of names) {
        const h = CSS.highlights.get(name);
        if (!h) continue;
        for (const item of h) {
          const r = item as Range;
          if (String(r) !== text) continue;
          r.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
          const box = r.getBoundingClientRect();
          return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
        }
      }
      return null;
    },
    { names: HIGHLIGHTS, text },
  );
  if (!point) throw new Error(`没有高亮“${text}”`);
  if (!frame) return point;
  const frameBox = await (await frame.frameElement()).boundingBox();
  if (!frameBox) throw new Error('编辑器框架不可见');
  return { x: frameBox.x + point.x, y: frameBox.y + point.y };
}

/** The text of the overlay's tooltip right now ('' when none is shown). */
export function tooltipText(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('gsi-overlay')?.shadowRoot?.querySelector('[role="tooltip"]')?.textContent ?? '');
}

/** Rests the pointer on the mark of `text` and waits for the tooltip to say `expected`. */
export async function expectTooltipOn(page: Page, text: string, expected: string | RegExp, frame: Frame | null = null): Promise<void> {
  await page.mouse.move(1, 1);
  const { x, y } = await markCentre(page, frame, text);
  await page.mouse.move(x, y, { steps: 3 });
  if (typeof expected === 'string') await expect.poll(() => tooltipText(page), `tooltip on “${text}”`).toContain(expected);
  else await expect.poll(() => tooltipText(page), `tooltip on “${text}”`).toMatch(expected);
}
