/**
 * Drafts the 存在的问题 cell of the 通报 table from confirmed findings and failed checklist items, in the
 * vocabulary of real 通报 (“存在严重表述错误1处（…）；首页长期未更新；空白栏目数超过5个；错链断链3个”).
 * The output depends only on the input (sorted, no dates), so the same inspection drafts the same text.
 */
import type { CheckId, Finding } from '../checks/types';
import type { ChecklistEntry } from '../db/records';
import { feedMatches } from './checklist';
import type { ChecklistFinding } from './checklist';
import type { ChecklistProfile } from './profile';

/** The parts of a finding the draft uses. */
export type ProblemFinding = ChecklistFinding & Partial<Pick<Finding, 'expected'>>;

export interface ProblemsOptions {
  /** Examples quoted per phrase; 2 by default, 0 for none. */
  maxExamples?: number;
}

interface Group {
  /** Lower ranks are written first: veto-level problems lead, as in 通报. */
  rank: number;
  findings: ProblemFinding[];
  phrase: (n: number, examples: string) => string;
  /** Quote “wrong”应为“right” when the finding has an expected form. */
  withExpected: boolean;
  /** How a finding is named in the examples; its subject by default. */
  label?: (f: ProblemFinding) => string;
  /** The count when it is not the number of findings (a site-level finding that carries its own count). */
  count?: number;
}

/** Identity findings name footer fields by machine subject (lib/checks/identity.ts); the 通报 names the field. */
const IDENTITY_FIELDS: ReadonlyArray<[RegExp, string]> = [
  [/^site-code/, '网站标识码'],
  [/^icp/, 'ICP备案编号'],
  [/^police/, '公安机关备案标识'],
  [/^conac/, '党政机关网站标识'],
  [/^jiucuo/, '“我为政府网站找错”入口'],
  [/^sponsor/, '主办单位'],
  [/^contact/, '联系方式'],
  [/^footer/, '底部功能区'],
];

function identityLabel(f: ProblemFinding): string {
  return IDENTITY_FIELDS.find(([re]) => re.test(f.subject))?.[1] ?? f.subject;
}

const kindOf = (f: ProblemFinding): unknown => f.detail?.kind;
/** A site-level finding of column-stale / column-blank saying a veto threshold was reached (detail.count). */
const isCounter = (f: ProblemFinding) => kindOf(f) === 'veto';
const isHomeStale = (f: ProblemFinding) => kindOf(f) === 'home-stale' || kindOf(f) === 'home-undated';

/** Columns counted: one per column finding, or the counter's own count when that is larger. */
function columnCount(columns: readonly ProblemFinding[], counters: readonly ProblemFinding[]): number {
  const counted = counters.map((f) => (typeof f.detail?.count === 'number' ? f.detail.count : 0));
  return Math.max(columns.length, ...counted);
}

const VETO_ITEMS_RANK = 50;
const DEDUCTION_ITEMS_RANK = 200;

/** The phrases of the draft, in order; join them with “；” for the table (see `draftProblemsText`). */
export function draftProblemPhrases(
  profile: ChecklistProfile,
  checklist: readonly ChecklistEntry[],
  findings: readonly ProblemFinding[],
  options: ProblemsOptions = {},
): string[] {
  const confirmed = findings.filter((f) => f.status === 'confirmed');
  const maxExamples = options.maxExamples ?? 2;
  const of = (check: CheckId, test: (f: ProblemFinding) => boolean = () => true) =>
    confirmed.filter((f) => f.check === check && test(f));
  const isVeto = (f: ProblemFinding) => f.severity === 'veto';

  const groups: Group[] = [
    group(10, of('expression', isVeto), (n, ex) => `存在严重表述错误${n}处${ex}`, true),
    group(11, of('typo', isVeto), (n, ex) => `存在严重错别字${n}处${ex}`, true),
    group(12, of('hidden-link'), (n) => `存在网站暗链${n}处`),
    group(13, of('spam'), (n, ex) => `存在涉黄赌诈等违规信息${n}处${ex}`),
    group(20, of('column-stale', isHomeStale), () => '首页长期未更新'),
    {
      ...group(21, of('column-blank', (f) => !isCounter(f)), (n, ex) =>
        n > 5 ? `空白栏目数超过5个${ex}` : n === 5 ? `空白栏目数达5个${ex}` : `存在空白栏目${n}个${ex}`,
      ),
      count: columnCount(of('column-blank', (f) => !isCounter(f)), of('column-blank', isCounter)),
    },
    {
      ...group(22, of('column-stale', (f) => !isHomeStale(f) && !isCounter(f)), (n, ex) => `${n}个栏目长期未更新${ex}`),
      count: columnCount(of('column-stale', (f) => !isHomeStale(f) && !isCounter(f)), of('column-stale', isCounter)),
    },
    group(100, of('expression', (f) => !isVeto(f)), (n, ex) => `存在表述错误${n}处${ex}`, true),
    group(101, of('typo', (f) => !isVeto(f)), (n, ex) => `存在错别字${n}处${ex}`, true),
    group(110, of('link'), (n) => `错链断链${n}个`),
    group(111, of('interpretation'), (n) => `政策文件与解读未相互关联${n}处`),
    group(112, of('sitemap'), () => '网站地图与实际栏目架构不一致'),
    { ...group(113, of('identity'), (_n, ex) => `网页底部标识信息不规范${ex}`), label: identityLabel },
    group(114, of('date-anomaly'), (n, ex) => `发布日期异常${n}处${ex}`),
    group(115, of('privacy'), (n) => `涉及个人隐私的信息未做去标识化处理${n}处`),
  ];

  const ranked: Array<{ rank: number; text: string }> = [];
  for (const g of groups) {
    const n = g.count ?? g.findings.length;
    if (n === 0) continue;
    const examples = formatExamples(g.findings, g.withExpected, maxExamples, g.label);
    ranked.push({ rank: g.rank, text: g.phrase(n, examples) });
  }

  // Failed items speak for themselves only when no confirmed finding already names the problem.
  const items = new Map(profile.items.map((item, index) => [item.id, { item, index }]));
  for (const entry of checklist) {
    const found = items.get(entry.id);
    if (entry.status !== 'fail' || !found || found.item.problemPhrase === '') continue;
    const covered = found.item.feeds.some((feed) => confirmed.some((f) => feedMatches(feed, f)));
    if (covered) continue;
    const base = found.item.kind === 'veto' ? VETO_ITEMS_RANK : DEDUCTION_ITEMS_RANK;
    ranked.push({ rank: base + found.index, text: found.item.problemPhrase });
  }

  const seen = new Set<string>();
  return ranked
    .sort((a, b) => a.rank - b.rank)
    .map((r) => r.text)
    .filter((text) => (seen.has(text) ? false : (seen.add(text), true)));
}

/** The 存在的问题 text: phrases joined with “；”, '' when nothing was found. */
export function draftProblemsText(
  profile: ChecklistProfile,
  checklist: readonly ChecklistEntry[],
  findings: readonly ProblemFinding[],
  options: ProblemsOptions = {},
): string {
  return draftProblemPhrases(profile, checklist, findings, options).join('；');
}

function group(rank: number, findings: ProblemFinding[], phrase: Group['phrase'], withExpected = false): Group {
  return { rank, findings, phrase, withExpected };
}

/** “（“A”应为“B”；“C”等）”: distinct subjects, most frequent first, ties in code-point order. */
function formatExamples(
  findings: readonly ProblemFinding[],
  withExpected: boolean,
  max: number,
  label: (f: ProblemFinding) => string = (f) => f.subject,
): string {
  if (max <= 0) return '';
  const counts = new Map<string, number>();
  for (const f of findings) {
    const subject = label(f).trim();
    if (subject === '') continue;
    const text = withExpected && f.expected ? `“${subject}”应为“${f.expected}”` : `“${subject}”`;
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  const sorted = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([text]) => text);
  if (sorted.length === 0) return '';
  const shown = sorted.slice(0, max);
  return `（${shown.join('、')}${sorted.length > max ? '等' : ''}）`;
}
