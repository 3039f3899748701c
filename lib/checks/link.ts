/**
 * `link` check: dead, redirected and inconclusive links. The synchronous part runs on the snapshot alone
 * (malformed URLs, missing in-page anchors, images the browser failed to load); the network part turns the
 * checker's results into findings (see `lib/links/check-page-links.ts`).
 *
 * Severities: a dead link is `major` whether it points into the site or out of it — a reader hits a dead end
 * either way and 错链断链 counts both (`detail.sameSite` lets the UI filter). A missing in-page anchor is `minor`:
 * the page opens, only the jump fails. Redirects and inconclusive links are `info`: never counted as dead.
 */
import { collectLinks } from '../links/collect-links';
import type { CollectedLinks, LocalLinkProblem } from '../links/collect-links';
import type { LinkCheckResult } from '../links/check-link';
import { classification } from '../links/classify-status';
import type { CheckResult, PageCheck, Severity } from './types';

const LOCAL_TEXT: Record<LocalLinkProblem['reason'], { severity: Severity; message: (p: LocalLinkProblem) => string }> = {
  'malformed-url': { severity: 'major', message: (p) => `错链断链：链接地址格式错误（${p.raw}）` },
  'missing-image': { severity: 'major', message: () => '错链断链：图片无法显示' },
  'missing-anchor': { severity: 'minor', message: (p) => `页内锚点不存在：#${p.detail ?? ''}` },
};

/** Findings that need no request: malformed URLs, missing anchors, broken images. */
export function localLinkFindings(collected: CollectedLinks): CheckResult[] {
  return collected.problems.map((p) => {
    const { severity, message } = LOCAL_TEXT[p.reason];
    const verdict = classification(p.reason);
    return {
      check: 'link',
      severity,
      message: message(p),
      subject: p.reason === 'malformed-url' ? p.raw : p.url,
      excerpt: p.text || p.raw,
      target: p.url || p.raw,
      location: { kind: 'element', ref: p.ref },
      detail: { state: verdict.state, reason: p.reason, reasonText: verdict.reasonText, ...(p.detail ? { note: p.detail } : {}) },
    };
  });
}

/**
 * Findings for the requested targets of one page: dead, redirected and inconclusive ones (ok links give none).
 * A target linked several times gives one result per link element with the same subject, so the stored finding
 * lists every place and each link gets its mark.
 */
export function linkResultFindings(collected: CollectedLinks, results: ReadonlyMap<string, LinkCheckResult>): CheckResult[] {
  const out: CheckResult[] = [];
  for (const target of collected.targets) {
    const r = results.get(target.url);
    if (!r || r.state === 'ok' || r.reason === 'cancelled') continue;
    const finding: CheckResult = {
      check: 'link',
      severity: r.state === 'dead' ? 'major' : 'info',
      message: messageOf(r),
      subject: target.url,
      excerpt: target.text || target.url,
      target: target.url,
      location: { kind: 'element', ref: target.refs[0] ?? -1 },
      detail: {
        state: r.state,
        reason: r.reason,
        reasonText: r.reasonText,
        finalUrl: r.finalUrl,
        chain: r.chain,
        sameSite: target.sameSite,
        attachment: target.attachment,
        refs: target.refs,
        checkedAt: r.checkedAt,
        ...(r.fromCache ? { fromCache: true } : {}),
      },
    };
    if (r.httpStatus !== undefined) finding.httpStatus = r.httpStatus;
    out.push(finding);
    for (const ref of target.refs.slice(1)) out.push({ ...finding, location: { kind: 'element', ref } });
  }
  return out;
}

function messageOf(r: LinkCheckResult): string {
  if (r.state === 'dead') return `错链断链：${r.reasonText}`;
  if (r.state === 'redirect') return `${r.reasonText}：${r.finalUrl}`;
  return `链接无法自动判断：${r.reasonText}`;
}

/** The part of the link check that runs on the page alone. */
export const linkCheck: PageCheck = {
  id: 'link',
  run(snapshot) {
    return localLinkFindings(collectLinks(snapshot));
  },
};
