/**
 * `spam` check: gambling, pornography and fraud content (链接反动暴力色情内容 / 内容被篡改, a veto item) in the page
 * text (visible and hidden), link texts and targets, the title and the meta keywords/description that hacks inject.
 *
 * Police and warning news names the same things (破获一起开设赌场案, 警惕代孕骗局), so a visible text block or link
 * text with law-enforcement words is not reported. Hidden text, link targets and injected titles have no such excuse.
 * One finding per word and place (visible text, hidden text, title, meta) and one per spam link target, so
 * re-checks give stable findings and a page stuffed with spam does not give hundreds.
 */
import type { PageSnapshot } from '../scan/snapshot-types';
import { normalizeUrl } from '../links/normalize-url';
import { anySpamWord, findSpamInUrl, findSpamWords, hasLawEnforcementContext } from '../risk/spam-match';
import type { SpamHit } from '../risk/spam-match';
import { SPAM_CATEGORY_LABEL } from '../risk/spam-words';
import type { CheckResult, PageCheck } from './types';
import { excerptAround } from '../text/excerpt';

const LINK_KINDS = new Set(['a', 'area', 'iframe', 'frame', 'img']);

function textFindings(snapshot: PageSnapshot): CheckResult[] {
  const byKey = new Map<string, CheckResult & { detail: { count: number } }>();
  if (!anySpamWord(snapshot.blocks.map((b) => b.text))) return [];
  snapshot.blocks.forEach((block, index) => {
    const hidden = (block.hidden?.length ?? 0) > 0;
    const hits = findSpamWords(block.text);
    if (hits.length === 0 || (!hidden && hasLawEnforcementContext(block.text))) return;
    for (const hit of hits) {
      const key = `${hit.word}|${hidden ? 'hidden-text' : 'text'}`;
      const seen = byKey.get(key);
      if (seen) {
        seen.detail.count++;
        continue;
      }
      byKey.set(key, {
        check: 'spam',
        severity: 'veto',
        message: `${hidden ? '隐藏文字中' : '页面文字中'}有涉${SPAM_CATEGORY_LABEL[hit.category]}内容：“${hit.word}”`,
        subject: key,
        excerpt: excerptAround(block.text, hit.start, hit.end),
        location: { kind: 'text', block: index, start: hit.start, end: hit.end },
        detail: { word: hit.word, category: hit.category, hidden, count: 1, ...(hidden ? { hiddenReasons: block.hidden } : {}) },
      });
    }
  });
  return [...byKey.values()];
}

function linkFindings(snapshot: PageSnapshot): CheckResult[] {
  const byTarget = new Map<string, CheckResult>();
  for (const link of snapshot.links) {
    if (!LINK_KINDS.has(link.kind) || !/^https?:/i.test(link.url)) continue;
    const target = normalizeUrl(link.url);
    if (byTarget.has(target)) continue;
    const label = `${link.text} ${link.title ?? ''}`;
    const hidden = link.hidden.length > 0;
    const wordHit: SpamHit | undefined = findSpamWords(label)[0];
    const textCounts = wordHit !== undefined && (hidden || !hasLawEnforcementContext(label));
    const urlHit = findSpamInUrl(target);
    if (!textCounts && !urlHit) continue;
    const word = textCounts && wordHit ? wordHit.word : (urlHit?.token ?? '');
    const category = textCounts && wordHit ? wordHit.category : urlHit?.category;
    if (!category) continue;
    byTarget.set(target, {
      check: 'spam',
      severity: 'veto',
      message: `链接指向涉${SPAM_CATEGORY_LABEL[category]}内容：“${word}”${hidden ? '（隐藏链接）' : ''}`,
      subject: `link|${target}`,
      excerpt: link.text || link.title || target,
      target,
      location: { kind: 'element', ref: link.ref },
      detail: { word, category, hidden, in: textCounts ? 'text' : `url-${urlHit?.part ?? 'host'}` },
    });
  }
  return [...byTarget.values()];
}

function headFindings(snapshot: PageSnapshot): CheckResult[] {
  const fields: [string, string, string][] = [
    ['title', '页面标题', snapshot.title],
    ['meta:keywords', '页面关键词（keywords）', snapshot.meta['keywords'] ?? ''],
    ['meta:description', '页面描述（description）', snapshot.meta['description'] ?? ''],
  ];
  const out: CheckResult[] = [];
  for (const [field, label, text] of fields) {
    if (hasLawEnforcementContext(text)) continue;
    const seen = new Set<string>();
    for (const hit of findSpamWords(text)) {
      if (seen.has(hit.word)) continue;
      seen.add(hit.word);
      out.push({
        check: 'spam',
        severity: 'veto',
        message: `${label}中有涉${SPAM_CATEGORY_LABEL[hit.category]}内容：“${hit.word}”，页面可能被篡改`,
        subject: `${hit.word}|${field}`,
        excerpt: excerptAround(text, hit.start, hit.end),
        detail: { word: hit.word, category: hit.category, field },
      });
    }
  }
  return out;
}

/** Gambling, pornography and fraud content on the page. */
export const spamCheck: PageCheck = {
  id: 'spam',
  run(snapshot) {
    return [...headFindings(snapshot), ...textFindings(snapshot), ...linkFindings(snapshot)];
  },
};
