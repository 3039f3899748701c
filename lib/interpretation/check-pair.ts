/**
 * Findings for one policy or interpretation page, given what its related links led to.
 * Severity follows issue 5: a policy without an interpretation is minor (not every policy needs one);
 * any broken part of an existing pair (one-way, dead, unrelated, wrong title, no link back) is major.
 */
import type { CheckResult, Severity } from '../checks/types';
import type { PageSnapshot } from '../scan/snapshot-types';
import { classifyPage, type PageClassification } from './classify-page';
import type { RelatedLink } from './find-related-links';
import { citationMatch, linksTo } from './pair-match';

/** What the background got when it fetched one related link. */
export type TargetResult =
  | { snapshot: PageSnapshot }
  | {
      error: string;
      httpStatus?: number;
      /** Bot wall, rate limit, timeout, certificate error: cannot be judged, never “dead”. */
      inconclusive?: boolean;
    };

interface PairSide {
  title: string;
  url: string;
  docNumber?: string;
}

function side(url: string, c: PageClassification): PairSide {
  return { title: c.title, url, ...(c.docNumber ? { docNumber: c.docNumber } : {}) };
}

function classificationDetail(c: PageClassification): Record<string, unknown> {
  return { kind: c.kind, scores: c.scores, reasons: c.reasons };
}

function result(
  severity: Severity,
  message: string,
  subject: string,
  excerpt: string,
  detail: Record<string, unknown>,
  link?: RelatedLink,
  extra: Partial<CheckResult> = {},
): CheckResult {
  return {
    check: 'interpretation',
    severity,
    message,
    subject,
    excerpt,
    ...(link ? { target: link.url, location: { kind: 'element' as const, ref: link.ref } } : {}),
    detail,
    ...extra,
  };
}

/** Findings for a failed fetch, a file or a search page; undefined when the target is a page to judge. */
function unusableTarget(
  role: 'interpretation' | 'policy',
  link: RelatedLink,
  got: TargetResult | undefined,
  detail: Record<string, unknown>,
): CheckResult | undefined {
  const what = role === 'interpretation' ? '解读链接' : '原文链接';
  if (link.target === 'search') {
    return result('major', `${what}指向站内搜索页，而非${role === 'interpretation' ? '解读材料' : '政策文件'}页面`, `unrelated:${link.url}`, link.text, detail, link);
  }
  if (link.target === 'file') {
    // A PDF cannot link back, so the pair cannot be two-way; the inspector decides whether it is acceptable.
    return result('minor', `${what}指向文件附件，未链接到${role === 'interpretation' ? '解读' : '政策文件'}页面，无法核实双向关联`, `file:${link.url}`, link.text, detail, link);
  }
  if (!got || 'snapshot' in got) return undefined;
  if (got.inconclusive) {
    return result('info', `${what}暂无法核实（${got.error}），请人工打开确认`, `inconclusive:${link.url}`, link.text, detail, link, {
      ...(got.httpStatus ? { httpStatus: got.httpStatus } : {}),
    });
  }
  return result('major', `${what}无法打开（${got.httpStatus ?? got.error}）`, `dead:${link.url}`, link.text, detail, link, {
    ...(got.httpStatus ? { httpStatus: got.httpStatus } : {}),
  });
}

interface Judged {
  link: RelatedLink;
  snapshot: PageSnapshot;
  cls: PageClassification;
  back: boolean;
}

/**
 * Shared walk over the related links: unusable targets give their own findings; fetched pages are classified
 * and checked for a link back. Links missing from `targets` are not judged yet (the page-only run).
 */
function judgeLinks(
  page: PageSnapshot,
  role: 'interpretation' | 'policy',
  links: RelatedLink[],
  targets: ReadonlyMap<string, TargetResult>,
  base: Record<string, unknown>,
  out: CheckResult[],
): Judged[] {
  const judged: Judged[] = [];
  for (const link of links) {
    const got = targets.get(link.url);
    const bad = unusableTarget(role, link, got, { ...base, link: { text: link.text, url: link.url, reason: link.reason } });
    if (bad) out.push(bad);
    else if (got && 'snapshot' in got) {
      judged.push({ link, snapshot: got.snapshot, cls: classifyPage(got.snapshot), back: linksTo(got.snapshot, page.url) });
    }
  }
  const wanted = judged.filter((j) => j.cls.kind === role);
  // A box of links may hold other material too; a non-partner page is “unrelated” only when no partner was found.
  if (!wanted.length) {
    const what = role === 'interpretation' ? '解读链接指向的页面不是解读材料' : '原文链接指向的页面不是政策文件';
    for (const j of judged) {
      const detail = { ...base, target: { url: j.snapshot.url, ...classificationDetail(j.cls) } };
      out.push(result('major', `${what}（${j.cls.title || j.snapshot.url}）`, `unrelated:${j.link.url}`, j.link.text, detail, j.link));
    }
  }
  return wanted;
}

/** A policy page: it should link to interpretations that link back and cite this document. */
export function checkPolicyPage(
  page: PageSnapshot,
  cls: PageClassification,
  links: RelatedLink[],
  targets: ReadonlyMap<string, TargetResult>,
): CheckResult[] {
  const base = { classification: classificationDetail(cls), policy: side(page.url, cls) };
  if (!links.length) {
    return [result('minor', '政策文件未发现解读材料链接（并非所有文件都需解读，请复核）', 'policy-without-interpretation', cls.title, base)];
  }
  const out: CheckResult[] = [];
  for (const j of judgeLinks(page, 'interpretation', links, targets, base, out)) {
    const detail = { ...base, interpretation: side(j.snapshot.url, j.cls), target: classificationDetail(j.cls) };
    const cite = citationMatch(j.cls, cls);
    if (cite.matches === false) {
      out.push(result('major', `解读材料所引《${cite.cited}》与本文件“${cls.title}”不一致`, `title-mismatch:${j.link.url}`, j.link.text, { ...detail, evidence: cite.evidence }, j.link, { expected: cls.title }));
    }
    if (!j.back) {
      out.push(result('major', '单向关联：本文件链接了解读，但解读页未链接回本文件', `one-way:${j.link.url}`, j.link.text, { ...detail, missingSide: 'interpretation' }, j.link));
    }
  }
  return out;
}

/** An interpretation page: it should link to its policy, which should link back and be the policy it cites. */
export function checkInterpretationPage(
  page: PageSnapshot,
  cls: PageClassification,
  links: RelatedLink[],
  targets: ReadonlyMap<string, TargetResult>,
): CheckResult[] {
  const base = { classification: classificationDetail(cls), interpretation: side(page.url, cls), cited: cls.refTitles.slice(0, 3) };
  if (!links.length) {
    const cited = cls.refTitles[0] ? `（所解读文件：《${cls.refTitles[0]}》）` : '';
    return [result('major', `解读材料未链接到对应的政策文件${cited}`, 'interpretation-without-policy', cls.title, base)];
  }
  const out: CheckResult[] = [];
  const policies = judgeLinks(page, 'policy', links, targets, base, out);
  // Several 相关文件 may be listed (the law it rests on, older rules): judge the partner only — the one
  // that links back, else the one the interpretation cites best.
  const partner = policies
    .map((j) => ({ j, cite: citationMatch(cls, j.cls) }))
    .sort((a, b) => Number(b.j.back) - Number(a.j.back) || b.cite.score - a.cite.score)[0];
  if (!partner) return out;
  const { j, cite } = partner;
  const detail = { ...base, policy: side(j.snapshot.url, j.cls), target: classificationDetail(j.cls) };
  if (cite.matches === false) {
    out.push(result('major', `本解读所引《${cite.cited}》与所链接的政策文件“${j.cls.title}”不一致`, `title-mismatch:${j.link.url}`, j.link.text, { ...detail, evidence: cite.evidence }, j.link, { expected: j.cls.title }));
  }
  if (!j.back) {
    out.push(result('major', '单向关联：本解读链接了政策文件，但文件页未链接到本解读', `one-way:${j.link.url}`, j.link.text, { ...detail, missingSide: 'policy' }, j.link));
  }
  return out;
}
