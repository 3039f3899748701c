/**
 * The site-wide pair table: every crawled policy and interpretation, matched by the links between them and
 * by what the interpretation cites (文号, 《title》, title similarity), in the five categories inspectors use,
 * and the findings the table implies (same severities as the page check, same subjects so they merge).
 */
import type { CheckResult, Severity } from '../checks/types';
import type { PageSnapshot } from '../scan/snapshot-types';
import type { TargetResult } from './check-pair';
import { classifyPage, type PageClassification } from './classify-page';
import { findInterpretationLinks, findPolicyLinks } from './find-related-links';
import { citationMatch, linksTo, type CitationMatch } from './pair-match';
import type { ColumnKind } from './site-columns';
import { urlKey } from './urls';

export const PAIR_CATEGORIES = ['双向关联', '仅文件→解读', '仅解读→文件', '文件无解读', '解读无文件'] as const;
export type PairCategory = (typeof PAIR_CATEGORIES)[number];

export interface PairSide {
  title: string;
  url: string;
  docNumber?: string;
}

export interface PairRow {
  category: PairCategory;
  policy?: PairSide;
  interpretation?: PairSide;
  /** Why the two were paired and what is missing, in Chinese. */
  evidence: string[];
  /** Set when the linked interpretation cites another document: what it cites. */
  citedOther?: string;
  /** Related links of either side whose target failed to load (not inconclusive ones). */
  broken?: { side: 'policy' | 'interpretation'; url: string; status: string }[];
}

/** A crawled page; `column` is the column it was listed in, used when the page itself is not conclusive. */
export interface SitePage {
  snapshot: PageSnapshot;
  column?: ColumnKind;
}

/** A finding placed on the page it belongs to (the runner adds ids and the verdict). */
export interface SiteFinding {
  pageUrl: string;
  pageTitle: string;
  result: CheckResult;
}

interface Known {
  snapshot: PageSnapshot;
  cls: PageClassification;
}

function sideOf(k: Known): PairSide {
  return { title: k.cls.title, url: k.snapshot.url, ...(k.cls.docNumber ? { docNumber: k.cls.docNumber } : {}) };
}

function split(pages: SitePage[]): { policies: Known[]; interps: Known[] } {
  const policies: Known[] = [];
  const interps: Known[] = [];
  const seen = new Set<string>();
  for (const { snapshot, column } of pages) {
    const key = urlKey(snapshot.url);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    const cls = classifyPage(snapshot);
    const kind = cls.kind === 'neither' ? column : cls.kind;
    if (kind === 'policy') policies.push({ snapshot, cls });
    else if (kind === 'interpretation') interps.push({ snapshot, cls });
  }
  return { policies, interps };
}

/**
 * Related-link targets of the crawled pages that are not among them: fetch these (as page snapshots or
 * errors) and pass them to `buildPairTable` too, so a partner outside the lists is still seen.
 */
export function pairTargets(pages: SitePage[], limit = 200): string[] {
  const known = new Set(pages.map((p) => urlKey(p.snapshot.url)));
  const out = new Map<string, string>();
  const { policies, interps } = split(pages);
  const links = [
    ...policies.flatMap((p) => findInterpretationLinks(p.snapshot)),
    ...interps.flatMap((i) => findPolicyLinks(i.snapshot, i.cls.refTitles, i.cls.refDocNumbers)),
  ];
  for (const l of links) {
    const key = urlKey(l.url);
    if (l.target === 'page' && !known.has(key) && !out.has(key)) out.set(key, l.url);
  }
  return [...out.values()].slice(0, limit);
}

interface Candidate {
  policy: Known;
  toInterp: boolean;
  toPolicy: boolean;
  cite: CitationMatch;
}

function bestPolicy(interp: Known, policies: Known[]): Candidate | undefined {
  let best: Candidate | undefined;
  let bestScore = 0;
  for (const policy of policies) {
    const toInterp = linksTo(policy.snapshot, interp.snapshot.url);
    const toPolicy = linksTo(interp.snapshot, policy.snapshot.url);
    const cite = citationMatch(interp.cls, policy.cls);
    if (!toInterp && !toPolicy && !cite.matches) continue;
    const score = (toInterp ? 2 : 0) + (toPolicy ? 2 : 0) + (cite.matches ? 1 : 0) + cite.score;
    if (score > bestScore) (best = { policy, toInterp, toPolicy, cite }), (bestScore = score);
  }
  return best;
}

function category(c: Candidate): PairCategory {
  if (c.toInterp && c.toPolicy) return '双向关联';
  if (c.toInterp) return '仅文件→解读';
  if (c.toPolicy) return '仅解读→文件';
  return '解读无文件';
}

function brokenLinks(k: Known, side: 'policy' | 'interpretation', failures: ReadonlyMap<string, TargetResult>): PairRow['broken'] {
  const links = side === 'policy' ? findInterpretationLinks(k.snapshot) : findPolicyLinks(k.snapshot, k.cls.refTitles, k.cls.refDocNumbers);
  const out: NonNullable<PairRow['broken']> = [];
  for (const l of links) {
    const got = failures.get(l.url);
    if (got && !('snapshot' in got) && !got.inconclusive) out.push({ side, url: l.url, status: String(got.httpStatus ?? got.error) });
  }
  return out.length ? out : undefined;
}

/**
 * Build the pair table from crawled pages (list items and the fetched `pairTargets`); `failures` are the
 * `pairTargets` that could not be fetched, so their dead links show in the table.
 */
export function buildPairTable(pages: SitePage[], failures: ReadonlyMap<string, TargetResult> = new Map()): PairRow[] {
  const { policies, interps } = split(pages);
  const paired = new Set<Known>();
  const rows: PairRow[] = [];
  for (const interp of interps) {
    const c = bestPolicy(interp, policies);
    if (!c) {
      const cited = interp.cls.refTitles[0];
      const broken = brokenLinks(interp, 'interpretation', failures);
      const evidence = [cited ? `所解读文件《${cited}》未在站内找到对应页面` : '未引用可识别的文件'];
      rows.push({ category: '解读无文件', interpretation: sideOf(interp), evidence, ...(broken ? { broken } : {}) });
      continue;
    }
    paired.add(c.policy);
    const evidence = [
      c.toInterp ? '文件页链接到解读' : '文件页未链接到解读',
      c.toPolicy ? '解读页链接到文件' : '解读页未链接到文件',
      c.cite.evidence,
    ];
    const citedOther = c.cite.matches === false ? c.cite.cited : undefined;
    rows.push({ category: category(c), policy: sideOf(c.policy), interpretation: sideOf(interp), evidence, ...(citedOther ? { citedOther } : {}) });
  }
  for (const policy of policies) {
    if (paired.has(policy)) continue;
    const broken = brokenLinks(policy, 'policy', failures);
    rows.push({ category: '文件无解读', policy: sideOf(policy), evidence: ['未找到链接或引用本文件的解读材料'], ...(broken ? { broken } : {}) });
  }
  const order = (r: PairRow) => PAIR_CATEGORIES.indexOf(r.category);
  return rows.sort((a, b) => order(a) - order(b) || (a.policy?.title ?? '').localeCompare(b.policy?.title ?? ''));
}

function finding(on: PairSide, severity: Severity, message: string, subject: string, row: PairRow, target?: string): SiteFinding {
  return {
    pageUrl: on.url,
    pageTitle: on.title,
    result: { check: 'interpretation', severity, message, subject, excerpt: on.title, ...(target ? { target } : {}), detail: { pair: row } },
  };
}

/** The findings the pair table implies, each on the page that carries (or lacks) the link. */
export function pairTableFindings(rows: PairRow[]): SiteFinding[] {
  const out: SiteFinding[] = [];
  for (const row of rows) {
    const { policy: p, interpretation: i } = row;
    if (row.category === '文件无解读' && p) {
      out.push(finding(p, 'minor', '政策文件未发现解读材料链接（并非所有文件都需解读，请复核）', 'policy-without-interpretation', row));
    } else if (row.category === '解读无文件' && i && !p) {
      out.push(finding(i, 'major', '解读材料未链接到对应的政策文件', 'interpretation-without-policy', row));
    } else if (row.category === '解读无文件' && i && p) {
      out.push(finding(i, 'major', `解读材料未链接到对应的政策文件《${p.title}》`, 'interpretation-without-policy', row, p.url));
      out.push(finding(p, 'major', `政策文件与其解读材料互未链接（解读：${i.title}）`, `unlinked:${i.url}`, row, i.url));
    } else if (row.category === '仅文件→解读' && p && i) {
      out.push(finding(p, 'major', '单向关联：本文件链接了解读，但解读页未链接回本文件', `one-way:${i.url}`, row, i.url));
    } else if (row.category === '仅解读→文件' && p && i) {
      out.push(finding(i, 'major', '单向关联：本解读链接了政策文件，但文件页未链接到本解读', `one-way:${p.url}`, row, p.url));
    }
    if (row.citedOther && p && i) {
      out.push(finding(i, 'major', `本解读所引《${row.citedOther}》与所链接的政策文件“${p.title}”不一致`, `title-mismatch:${p.url}`, row, p.url));
    }
    for (const b of row.broken ?? []) {
      const on = b.side === 'policy' ? p : i;
      if (on) out.push(finding(on, 'major', `${b.side === 'policy' ? '解读' : '原文'}链接无法打开（${b.status}）`, `dead:${b.url}`, row, b.url));
    }
  }
  return out;
}
