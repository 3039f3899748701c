/**
 * Warming the page checks up before an inspector's first check. The worker sleeps after half a minute without
 * events and starts cold; its first check of a big page then runs in the engine's slowest tiers, about twice as long
 * as later ones. When the side panel opens, the checks run a few times on a small page made from the dictionary
 * itself (right and wrong forms, dates), so the hot paths are compiled by the time 检查本页 is pressed.
 */
import { loadDefaultDictionary } from '../expressions/default-dictionary';
import { emptySnapshot } from '../scan/empty-snapshot';
import type { PageSnapshot, TextBlock } from '../scan/snapshot-types';
import { runPageChecks } from './registry';
import type { PageCheck } from './types';

const ROUNDS = 3;

/** Two characters of `text` swapped: an unseen variant, so the inference runs too. */
function swapped(text: string): string {
  return text.length < 6 ? '' : `${text.slice(0, 2)}${text[3]}${text[2]}${text.slice(4)}`;
}

/** A page of about 30,000 characters: every fixed expression, right and wrong, in sentences with dates. */
export function warmUpSnapshot(): PageSnapshot {
  const { entries, typos } = loadDefaultDictionary();
  const blocks: TextBlock[] = [];
  entries.forEach((e, i) => {
    const wrong = i % 3 === 0 ? swapped(e.correct) : (e.wrong[i % Math.max(1, e.wrong.length)]?.form ?? '');
    blocks.push({ text: `要坚持${e.correct}，${wrong}，2026年${(i % 12) + 1}月${(i % 28) + 1}日发布。`, source: 'page', tag: 'p', region: 'main' });
  });
  typos.forEach((t) => blocks.push({ text: `${t.correct}与${t.wrong}`, source: 'page', tag: 'span', region: 'main' }));
  return emptySnapshot({
    url: 'https://warm-up.invalid/index.html',
    title: '预热',
    blocks,
  });
}

/** Run the checks on the warm-up page a few times, each round in a task of its own so real work can go first. */
export async function warmUpChecks(checks: PageCheck[], pause: () => Promise<void>): Promise<void> {
  const snapshot = warmUpSnapshot();
  for (let round = 0; round < ROUNDS; round++) {
    await pause();
    // A fresh block list each round: the matcher caches its hits per list.
    runPageChecks(checks, { ...snapshot, blocks: [...snapshot.blocks] }, { now: new Date() });
  }
}
