/**
 * Matching of the spam lists in `spam-words.ts` against text and URLs. Spammers space out words (“百 家 乐”) to
 * slip past filters, so text is matched with whitespace and zero-width characters removed, and offsets are mapped
 * back to the original text.
 */
import {
  HOST_ONLY_URL_TOKENS,
  LAW_ENFORCEMENT_CONTEXT,
  SHORT_URL_TOKENS,
  SPAM_URL_TOKENS,
  SPAM_WORDS,
} from './spam-words';
import type { SpamCategory } from './spam-words';

export interface SpamHit {
  word: string;
  category: SpamCategory;
  /** UTF-16 offsets into the original text. */
  start: number;
  end: number;
}

const CATEGORY_OF_WORD = new Map<string, SpamCategory>();
for (const [category, words] of Object.entries(SPAM_WORDS) as [SpamCategory, readonly string[]][]) {
  for (const w of words) CATEGORY_OF_WORD.set(w.toLowerCase(), category);
}
const WORD_PATTERN = new RegExp(
  [...CATEGORY_OF_WORD.keys()]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'gi',
);
const IGNORED = /[\s\u200b-\u200d\u2060\ufeff·•_*]/;
const IGNORED_ALL = new RegExp(IGNORED.source, 'g');

const ANY_WORD = new RegExp(WORD_PATTERN.source, 'i');

/**
 * Whether any of `texts` holds a spam word: one test over them all (a big page has thousands of blocks and almost
 * never a spam word). They are joined by a character that is neither ignored nor in any word, so no word can
 * span two texts.
 */
export function anySpamWord(texts: readonly string[]): boolean {
  return ANY_WORD.test(texts.join('\uffff').replace(IGNORED_ALL, ''));
}

/** Every spam word in `text`, longest match first at each place. */
export function findSpamWords(text: string): SpamHit[] {
  const compact = text.replace(IGNORED_ALL, '');
  const matches = [...compact.matchAll(WORD_PATTERN)];
  // Almost every block of a government page matches nothing: map offsets back only when something did.
  if (matches.length === 0) return [];
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) if (!IGNORED.test(text[i] ?? '')) origin.push(i);
  const hits: SpamHit[] = [];
  for (const m of matches) {
    const category = CATEGORY_OF_WORD.get(m[0].toLowerCase());
    const start = origin[m.index];
    const last = origin[m.index + m[0].length - 1];
    if (category && start !== undefined && last !== undefined) hits.push({ word: m[0], category, start, end: last + 1 });
  }
  return hits;
}

/** Whether a text reads as law enforcement or a warning (打击, 破获, 警惕 …) rather than as an advertisement. */
export function hasLawEnforcementContext(text: string): boolean {
  return LAW_ENFORCEMENT_CONTEXT.some((w) => text.includes(w));
}

export interface UrlSpamHit {
  token: string;
  category: SpamCategory;
  part: 'host' | 'path';
}

const CATEGORY_OF_TOKEN = new Map<string, SpamCategory>();
for (const [category, tokens] of Object.entries(SPAM_URL_TOKENS) as [SpamCategory, readonly string[]][]) {
  for (const t of tokens) CATEGORY_OF_TOKEN.set(t, category);
}
/** Distinctive enough to be found inside a longer run of letters (aomenbocai, amxinpujing). */
const SUBSTRING_TOKENS = ['bocai', 'baijiale', 'liuhecai', 'shishicai', 'yulecheng', 'casino', 'weinisiren', 'xinpujing', 'taiyangcheng'];

/**
 * A spam token in the URL's host or path (pinyin spam domains like bocai88.com, xpj8888.cc), or a spam word in its
 * decoded path and query. Government hosts (.gov.cn, .gov) are not read for tokens: their names are place names.
 */
export function findSpamInUrl(url: string): UrlSpamHit | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const host = u.hostname.toLowerCase();
  if (!/(^|\.)gov(\.cn)?$/.test(host)) {
    const hit = tokenHit(host.split(/[.-]/), 'host');
    if (hit) return hit;
  }
  let pathAndQuery = u.pathname + u.search;
  try {
    pathAndQuery = decodeURIComponent(pathAndQuery);
  } catch {
    // keep it encoded
  }
  const word = findSpamWords(pathAndQuery)[0];
  if (word) return { token: word.word, category: word.category, part: 'path' };
  return tokenHit(pathAndQuery.toLowerCase().split(/[^a-z0-9]+/), 'path');
}

function tokenHit(parts: string[], part: 'host' | 'path'): UrlSpamHit | undefined {
  for (const label of parts) {
    const hasDigits = /\d/.test(label);
    for (const run of label.match(/[a-z]+/g) ?? []) {
      const exact = CATEGORY_OF_TOKEN.get(run);
      const token = exact ? run : SUBSTRING_TOKENS.find((t) => run.includes(t));
      if (!token) continue;
      if (SHORT_URL_TOKENS.has(token) && !hasDigits) continue;
      if (part === 'path' && HOST_ONLY_URL_TOKENS.has(token)) continue;
      const category = CATEGORY_OF_TOKEN.get(token);
      if (category) return { token, category, part };
    }
  }
  return undefined;
}
