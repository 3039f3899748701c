/**
 * Turns a page snapshot into the list of distinct targets to request, plus the problems that need no request:
 * malformed URLs, missing in-page anchors and images the browser already failed to load.
 */
import type { LinkInfo, LinkKind, PageSnapshot } from '../scan/snapshot-types';
import type { LinkExpectation } from './classify-status';
import { isSameSite, normalizeUrl, resolveHref, siteHostsOf } from './normalize-url';

/** One URL to request, with every link element on the page that points to it. */
export interface LinkTarget {
  /** Normalised, without fragment. */
  url: string;
  /** Element refs of all links to this URL, in page order. */
  refs: number[];
  kind: LinkKind;
  /** Text of the first link with text. */
  text: string;
  sameSite: boolean;
  expect: LinkExpectation;
  /** An attachment (.pdf .doc … or a link text with 附件). */
  attachment: boolean;
}

/** A problem found on the page itself, without a request. */
export interface LocalLinkProblem {
  ref: number;
  raw: string;
  /** Resolved URL where there is one (with the fragment for anchors). */
  url: string;
  text: string;
  reason: 'missing-anchor' | 'missing-image' | 'malformed-url';
  /** The anchor name, or the malformed-URL sub-reason. */
  detail?: string;
}

export interface CollectedLinks {
  pageUrl: string;
  /** True on pages of a CMS admin area: nothing there is checked (links may be actions). */
  skippedPage: boolean;
  targets: LinkTarget[];
  problems: LocalLinkProblem[];
  /** Links that look like actions (logout, delete …): never requested. */
  actions: { ref: number; url: string }[];
  /** Links found fine without a request: in-page anchors that exist, images the browser already showed. */
  confirmed: ConfirmedLink[];
}

/** A link the page itself proves fine. */
export interface ConfirmedLink {
  ref: number;
  /** Resolved URL (with the fragment for anchors). */
  url: string;
  text: string;
  reason: 'anchor-found' | 'image-loaded';
}

export interface CollectOptions {
  /** Hosts of the site (see `siteHostsOf`); default: the page's own host with and without www. */
  siteHosts?: readonly string[];
}

const CHECKED_KINDS = new Set<LinkKind>(['a', 'area', 'img', 'srcset', 'iframe', 'frame', 'embed', 'object']);
const ATTACHMENT_EXT = /\.(pdf|docx?|xlsx?|wps|et|zip|rar|7z|pptx?|ofd|txt|csv)$/i;
const OTHER_FILE_EXT = /\.(jpe?g|png|gif|bmp|webp|svg|ico|mp[34]|avi|wmv|flv|mov|apk|exe|msi|swf|css|js|xml|json)$/i;

/** Collects what the link check requests and what it can decide from the snapshot alone. */
export function collectLinks(snapshot: PageSnapshot, options: CollectOptions = {}): CollectedLinks {
  const result: CollectedLinks = { pageUrl: snapshot.url, skippedPage: false, targets: [], problems: [], actions: [], confirmed: [] };
  if (isAdminPage(snapshot.url)) return { ...result, skippedPage: true };
  const siteHosts = options.siteHosts ?? siteHostsOf([snapshot.url]);
  const pageKey = normalizeUrl(snapshot.url);
  const anchors = new Set(snapshot.anchors);
  const byUrl = new Map<string, LinkTarget>();

  for (const link of snapshot.links) {
    if (!CHECKED_KINDS.has(link.kind)) continue;
    for (const href of hrefsOf(link)) {
      if (href.trim() === '') continue;
      const resolved = resolveHref(href, snapshot.url);
      if (!resolved.ok) {
        if (resolved.problem.kind === 'malformed') {
          result.problems.push({ ref: link.ref, raw: link.raw, url: '', text: link.text, reason: 'malformed-url', detail: resolved.problem.reason });
        }
        continue;
      }
      const { url, fragment } = resolved;
      if (url === pageKey) {
        // A link into the page itself: the page is loaded, so only the anchor needs checking.
        if (fragment !== '' && fragment.toLowerCase() !== 'top' && !anchors.has(fragment)) {
          result.problems.push({ ref: link.ref, raw: link.raw, url: `${url}#${fragment}`, text: link.text, reason: 'missing-anchor', detail: fragment });
        } else if (fragment !== '') {
          result.confirmed.push({ ref: link.ref, url: `${url}#${fragment}`, text: link.text, reason: 'anchor-found' });
        }
        continue;
      }
      if (link.kind === 'img' && link.broken === true) {
        result.problems.push({ ref: link.ref, raw: link.raw, url, text: link.text, reason: 'missing-image' });
        continue;
      }
      // The browser loaded this image already: asking the server again tells nothing new.
      if (link.kind === 'img' && link.broken === false) {
        result.confirmed.push({ ref: link.ref, url, text: link.text, reason: 'image-loaded' });
        continue;
      }
      if (isActionLink(url, link.text)) {
        result.actions.push({ ref: link.ref, url });
        continue;
      }
      addTarget(byUrl, link, url, siteHosts);
    }
  }
  result.targets = [...byUrl.values()];
  return result;
}

function addTarget(byUrl: Map<string, LinkTarget>, link: LinkInfo, url: string, siteHosts: readonly string[]): void {
  const existing = byUrl.get(url);
  if (existing) {
    existing.refs.push(link.ref);
    if (existing.text === '') existing.text = link.text;
    return;
  }
  const path = pathOf(url);
  const attachment = ATTACHMENT_EXT.test(path) || link.text.includes('附件');
  byUrl.set(url, {
    url,
    refs: [link.ref],
    kind: link.kind,
    text: link.text,
    sameSite: isSameSite(url, siteHosts),
    expect: expectationOf(link.kind, path, attachment),
    attachment,
  });
}

function expectationOf(kind: LinkKind, path: string, attachment: boolean): LinkExpectation {
  if (kind === 'img' || kind === 'srcset') return 'image';
  if (kind === 'embed' || kind === 'object' || attachment || OTHER_FILE_EXT.test(path)) return 'file';
  return 'page';
}

/** The URLs of one link; a srcset the snapshot could not resolve is split into its candidates. */
function hrefsOf(link: LinkInfo): string[] {
  if (link.url !== '') return [link.url];
  if (link.kind !== 'srcset') return [link.raw];
  return link.raw
    .split(/,\s+/)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter((u) => u !== '');
}

const ACTION_WORDS = /log-?out|log-?off|sign-?out|delete|remove|退出|注销|删除/i;
const ACTION_PARAM = /[?&](?:action|act|op|method|do|cmd)=(?:del|delete|remove|logout|exit)\b/i;

/** Whether following a link could change something (log the user out, delete a record). Such links are never requested. */
export function isActionLink(url: string, text: string): boolean {
  let pathAndQuery = url;
  try {
    const u = new URL(url);
    pathAndQuery = decodeURIComponent(u.pathname + u.search);
  } catch {
    // keep the raw string
  }
  return ACTION_WORDS.test(pathAndQuery) || ACTION_PARAM.test(pathAndQuery) || ACTION_WORDS.test(text);
}

const ADMIN_FIRST_SEGMENT = /^\/(?:admin\w*|administrator|manage|manager|management|backend|houtai|wp-admin|console)(?:\/|$|\.)/i;
const CMS_ADMIN = /^\/(?:cms|wcm|jcms)\/(?:.*\/)?(?:admin\w*|manage\w*|login\w*|console|app)(?:\/|$|\.)/i;
const LOGIN_PAGE = /\/(?:login|signin|logon)(?:\.\w+)?$/i;

/**
 * Whether a page belongs to a CMS's admin area (decided by its URL): /admin…, /manage…, /cms/…/login,
 * TRS WCM's /wcm/app/…, or a login page. Public pages under /cms/ or /jcms/ (大汉 JCMS) are not admin pages.
 */
export function isAdminPage(pageUrl: string): boolean {
  const path = pathOf(pageUrl);
  return ADMIN_FIRST_SEGMENT.test(path) || CMS_ADMIN.test(path) || LOGIN_PAGE.test(path);
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}
