/**
 * `hidden-link` check: links a reader cannot see — the 暗链 of hacked pages. The snapshot says why each link is
 * hidden; this check decides whether that is a 暗链 or an ordinary collapsed menu.
 *
 * False alarms are the enemy here: drop-down menu items, tab panels and carousels are display:none until used,
 * skip links sit off-screen, and footers hide drop-downs of sister government sites. So:
 * - spam in the link's text, title or target → veto, wherever it is;
 * - off-site, not a government/central-media host → veto (major when it is a plain hide inside nav/header menus,
 *   or a hidden frame, which some statistics widgets use);
 * - off-site government host → nothing, unless hidden by a trick (font-size 0, same colour …) in the main content;
 * - same-site → nothing, unless hidden by a trick in the main content (minor, to verify).
 */
import type { HiddenReason, LinkInfo, PageSnapshot } from '../scan/snapshot-types';
import { isSameSite, normalizeUrl, siteHostsOf } from '../links/normalize-url';
import { findSpamInUrl, findSpamWords } from '../risk/spam-match';
import { SPAM_CATEGORY_LABEL } from '../risk/spam-words';
import { isTrustedHost } from '../risk/trusted-hosts';
import type { CheckResult, PageCheck, Severity } from './types';

const LINK_KINDS = new Set<LinkInfo['kind']>(['a', 'area', 'iframe', 'frame']);
/** How menus, tabs and carousels hide things. Anything else (off-screen, font-size 0, same colour …) is a trick. */
const PLAIN_HIDE = new Set<HiddenReason>(['display-none', 'visibility-hidden', 'opacity-zero']);
const SKIP_LINK_TEXT = /跳[到至转]|直达|主要内容|正文|无障碍|skip|main content/i;

export const HIDDEN_REASON_TEXT: Record<HiddenReason, string> = {
  'display-none': '不显示（display:none）',
  'visibility-hidden': '不可见（visibility:hidden）',
  'opacity-zero': '完全透明',
  'off-screen': '移出屏幕',
  'zero-size': '尺寸为零',
  clipped: '被裁剪',
  'font-size-zero': '字号为零',
  'same-colour': '文字与背景同色',
  'tiny-box': '极小或溢出隐藏的区域',
};

interface Verdict {
  severity: Severity;
  message: string;
  spam?: { word: string; category: string };
}

/** Decides one hidden link; undefined when it is an ordinary hidden menu item, tab or skip link. */
function judge(link: LinkInfo, sameSite: boolean): Verdict | undefined {
  const spamWord = findSpamWords(`${link.text} ${link.title ?? ''}`)[0];
  const spamUrl = findSpamInUrl(link.url);
  const spam = spamWord ? { word: spamWord.word, category: spamWord.category } : spamUrl ? { word: spamUrl.token, category: spamUrl.category } : undefined;
  if (spam) {
    return { severity: 'veto', message: `暗链：隐藏的${SPAM_CATEGORY_LABEL[spam.category]}链接（${spam.word}）`, spam };
  }
  const trick = link.hidden.some((r) => !PLAIN_HIDE.has(r));
  const inMain = link.region === 'main';
  if (sameSite) {
    if (!trick || !inMain || SKIP_LINK_TEXT.test(link.text)) return undefined;
    return { severity: 'minor', message: '隐藏的站内链接，读者看不到，请核实' };
  }
  if (isTrustedHost(new URL(link.url).host)) {
    if (!trick || !inMain) return undefined;
    return { severity: 'minor', message: '隐藏的外部链接（政府或媒体网站），读者看不到，请核实' };
  }
  const menu = !trick && (link.region === 'nav' || link.region === 'header');
  if (menu || link.kind === 'iframe' || link.kind === 'frame') {
    return { severity: 'major', message: '隐藏的外部链接，读者看不到，请核实是否为暗链' };
  }
  return { severity: 'veto', message: '疑似暗链：读者看不到的外部链接' };
}

/** Hidden links that may be 暗链, one finding per target. */
export const hiddenLinkCheck: PageCheck = {
  id: 'hidden-link',
  run(snapshot: PageSnapshot) {
    const siteHosts = siteHostsOf([snapshot.url]);
    const byTarget = new Map<string, CheckResult & { detail: { refs: number[] } }>();
    for (const link of snapshot.links) {
      if (link.hidden.length === 0 || !LINK_KINDS.has(link.kind) || !/^https?:/i.test(link.url)) continue;
      const target = normalizeUrl(link.url);
      const seen = byTarget.get(target);
      if (seen) {
        seen.detail.refs.push(link.ref);
        continue;
      }
      const sameSite = isSameSite(target, siteHosts);
      const verdict = judge(link, sameSite);
      if (!verdict) continue;
      byTarget.set(target, {
        check: 'hidden-link',
        severity: verdict.severity,
        message: verdict.message,
        subject: target,
        excerpt: link.text || link.title || target,
        target,
        location: { kind: 'element', ref: link.ref },
        detail: {
          hidden: link.hidden,
          hiddenText: link.hidden.map((r) => HIDDEN_REASON_TEXT[r]).join('、'),
          region: link.region,
          sameSite,
          refs: [link.ref],
          ...(verdict.spam ? { spam: verdict.spam } : {}),
        },
      });
    }
    return [...byTarget.values()];
  },
};
