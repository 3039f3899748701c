/**
 * Titles of policies and interpretations: 《》 references, a comparable core form, and similarity.
 * An interpretation cites its policy in many ways (《XX办法》, 《关于印发XX办法的通知》, XX办法政策解读),
 * so matching compares a core that drops the issuer, the 关于印发…的通知 wrapper and punctuation.
 */

/** Text inside 《》 (outer level; 〈〉 inside is kept), in order, duplicates removed. */
export function quotedTitles(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/《([^《》]{2,120})》/g)) {
    const t = (m[1] ?? '').trim();
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

/** Letters and digits only, NFKC-folded: “《关于 印发…》” and “关于印发…” compare equal. */
export function normTitle(text: string): string {
  return text.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
}

const WRAPPER_HEAD = /^(?:印发|转发|公布|发布|颁布|修订|修改)(?:了)?/;
const WRAPPER_TAIL = /的?(?:通知|通告)$/;

/**
 * The part of a title that names the subject: “XX市人民政府关于印发《XX办法》的通知” → “xx办法”.
 * Issuer text before 关于 goes; so do 印发/转发 and a trailing 的通知 (the wrapper, not the document).
 */
export function coreTitle(text: string): string {
  let t = normTitle(text.replace(/[〈《]/g, '').replace(/[〉》]/g, ''));
  const about = t.indexOf('关于');
  if (about >= 0 && about <= 30) t = t.slice(about + 2);
  const wrapped = WRAPPER_HEAD.test(t);
  t = t.replace(WRAPPER_HEAD, '');
  if (wrapped || t.length > 6) t = t.replace(WRAPPER_TAIL, '');
  return t || normTitle(text);
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < text.length; i++) {
    const g = text.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** Sørensen–Dice coefficient over character bigrams (multiset), 0…1. */
export function dice(a: string, b: string): number {
  if (a === b) return a ? 1 : 0;
  if (a.length < 2 || b.length < 2) return 0;
  const ga = bigrams(a);
  const gb = bigrams(b);
  let shared = 0;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

/** Similarity of two titles as cited: Dice of their cores, 1 when the cores are equal. */
export function titleSimilarity(a: string, b: string): number {
  return dice(coreTitle(a), coreTitle(b));
}

/** Endings of document titles (公文文种 and regulation names). */
const POLICY_SUFFIX =
  /(通知|意见|办法|规定|方案|决定|细则|条例|规则|规划|纲要|措施|批复|通告|公告|决议|指引|指南|标准|若干规定|实施意见|政策|令)$/;

/** Looks like the name of a document rather than a newspaper or a book (《人民日报》). */
export function isPolicyLikeTitle(title: string): boolean {
  const t = normTitle(title);
  if (t.length < 5) return false;
  return POLICY_SUFFIX.test(t) || t.includes('关于');
}

const INTERP_WORDS =
  /(文件解读|视频解读|图文解读|音频解读|的解读|解读|图解|一图读懂|一图看懂|一图了解|一图速览|答记者问|新闻发布会|吹风会|政策问答|问答)/g;
const DOC_END = /(通知|意见|办法|规定|方案|决定|细则|条例|规则|规划|纲要|措施|批复|通告|公告|决议|指引|指南|标准)$/;

function stripInterpWords(title: string, words: RegExp): string {
  return title
    .replace(words, ' ')
    .replace(/^[\s\p{P}\p{S}]+|[\s:：|｜丨—\-·]+$/gu, '')
    .replace(/^(?:关于|对|就)/, '')
    .replace(/的$/, '')
    .trim();
}

/** What an interpretation's own title is about, with the 解读 words taken out: “XX办法政策解读” → “XX办法”. */
export function interpretationSubject(title: string): string {
  const quoted = quotedTitles(title);
  if (quoted[0]) return quoted[0];
  // “XX办法政策解读” drops 政策; “XX若干政策解读” keeps it, since there 政策 names the document.
  const withoutPolicyWord = stripInterpWords(title.replace(/政策解读/g, ' '), INTERP_WORDS);
  if (DOC_END.test(withoutPolicyWord)) return withoutPolicyWord;
  return stripInterpWords(title, INTERP_WORDS);
}
