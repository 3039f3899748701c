/**
 * Does an interpretation cite a given policy? Compares the interpretation's 《titles》 and 文号s with the
 * policy's title, inner 《title》 and 文号, and says which evidence decided.
 */
import type { PageSnapshot } from '../scan/snapshot-types';
import type { PageClassification } from './classify-page';
import { findDocNumbers, sameDocNumber } from './doc-number';
import { titleSimilarity } from './titles';
import { urlKey } from './urls';

/** Title similarity at or above which two citations name the same document. */
export const SAME_TITLE = 0.8;

export interface CitationMatch {
  /** undefined when the interpretation cites nothing that could be compared. */
  matches: boolean | undefined;
  score: number;
  /** Chinese evidence: “文号一致：青政发〔2026〕3号”, “《XX办法》与文件标题相似度 0.92”. */
  evidence: string;
  /** The citation compared (for the mismatch message). */
  cited?: string;
}

function policyNames(policy: PageClassification): string[] {
  return [policy.title, ...policy.innerTitles].filter(Boolean);
}

/** Best similarity between one cited title and the policy's names. */
function bestTitle(cited: string, policy: PageClassification): number {
  return Math.max(0, ...policyNames(policy).map((n) => titleSimilarity(cited, n)));
}

/**
 * Whether `interp` cites `policy`. A matching 文号 decides; otherwise the titles the interpretation is
 * about (its own title's 《》 or subject first, then 《》 in its body) are compared by core-title Dice.
 */
export function citationMatch(interp: PageClassification, policy: PageClassification): CitationMatch {
  const own = policy.docNumber ? findDocNumbers(policy.docNumber)[0] : undefined;
  if (own) {
    const hit = interp.refDocNumbers.flatMap((t) => findDocNumbers(t)).find((d) => sameDocNumber(d, own));
    if (hit) return { matches: true, score: 1, evidence: `文号一致：${own.text}` };
  }
  let best = { score: 0, cited: '' };
  for (const cited of interp.refTitles) {
    const score = bestTitle(cited, policy);
    if (score > best.score) best = { score, cited };
  }
  if (best.cited && best.score >= SAME_TITLE) {
    return { matches: true, score: best.score, cited: best.cited, evidence: `《${best.cited}》与文件标题相似度 ${best.score.toFixed(2)}` };
  }
  const primary = interp.refTitles[0];
  if (primary) {
    return {
      matches: false,
      score: best.score,
      cited: primary,
      evidence: `所引《${primary}》与文件标题“${policy.title}”不符（相似度 ${best.score.toFixed(2)}）`,
    };
  }
  if (own && interp.refDocNumbers.length) {
    return { matches: false, score: 0, cited: interp.refDocNumbers[0], evidence: `所引文号与文件文号“${own.text}”不符` };
  }
  return { matches: undefined, score: 0, evidence: '解读未引用可比对的文件标题或文号' };
}

/**
 * urlKeys of each snapshot's followable links, worked out once: the site pair table asks every policy and
 * interpretation about every other, and parsing each link URL per pair takes seconds on 200×200 pages.
 */
const linkKeys = new WeakMap<PageSnapshot, Set<string>>();

/** True when the page has a followable link to `url` (any region: a link back is a link back). */
export function linksTo(snapshot: PageSnapshot, url: string): boolean {
  let keys = linkKeys.get(snapshot);
  if (!keys) {
    keys = new Set(snapshot.links.filter((l) => l.kind === 'a' || l.kind === 'area').map((l) => urlKey(l.url)));
    linkKeys.set(snapshot, keys);
  }
  const key = urlKey(url);
  return key !== '' && keys.has(key);
}
