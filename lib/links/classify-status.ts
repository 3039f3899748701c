/**
 * Maps what the network said about a link to a state the inspector can trust. The rule that matters most:
 * anything that a bot wall, a rate limit or a flaky network could have caused is `inconclusive`, never `dead`.
 */
import type { FetchOutcome, NetworkErrorCode } from './fetcher';
import { titleAndHeading } from './page-head';

export type LinkState = 'ok' | 'redirect' | 'dead' | 'inconclusive';

/** Why a link got its state. Stable codes (stored in finding detail); Chinese text comes from `reasonText`. */
export type LinkReason =
  | 'ok'
  | 'redirect'
  | 'redirect-to-home'
  | 'not-found'
  | 'gone'
  | 'client-error'
  | 'server-error'
  | 'name-not-resolved'
  | 'connection-refused'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'soft-404'
  | 'missing-anchor'
  | 'missing-image'
  | 'malformed-url'
  | 'forbidden'
  | 'bot-wall'
  | 'js-challenge'
  | 'login-required'
  | 'rate-limited'
  | 'timeout'
  | 'cert'
  | 'connection-reset'
  | 'network-error'
  | 'unexpected-status'
  | 'cancelled';

export interface Classification {
  state: LinkState;
  reason: LinkReason;
  /** Short Chinese explanation for tooltips and findings. */
  reasonText: string;
  httpStatus?: number;
}

/** What the link was expected to be: an image must come back as an image, a page may be a soft 404. */
export type LinkExpectation = 'page' | 'image' | 'file';

export interface ClassifyInput {
  requestUrl: string;
  outcome: FetchOutcome;
  expect: LinkExpectation;
  /** Decoded body prefix, when the final request was a GET. */
  body?: string;
}

const STATE_OF: Record<LinkReason, LinkState> = {
  ok: 'ok',
  redirect: 'redirect',
  'redirect-to-home': 'redirect',
  'not-found': 'dead',
  gone: 'dead',
  'client-error': 'dead',
  'server-error': 'dead',
  'name-not-resolved': 'dead',
  'connection-refused': 'dead',
  'connection-reset': 'dead',
  'redirect-loop': 'dead',
  'too-many-redirects': 'dead',
  'soft-404': 'dead',
  'missing-anchor': 'dead',
  'missing-image': 'dead',
  'malformed-url': 'dead',
  forbidden: 'inconclusive',
  'bot-wall': 'inconclusive',
  'js-challenge': 'inconclusive',
  'login-required': 'inconclusive',
  'rate-limited': 'inconclusive',
  timeout: 'inconclusive',
  cert: 'inconclusive',
  'network-error': 'inconclusive',
  'unexpected-status': 'inconclusive',
  cancelled: 'inconclusive',
};

const TEXT_OF: Record<LinkReason, string> = {
  ok: '正常',
  redirect: '链接已跳转到新地址',
  'redirect-to-home': '链接跳转到了网站首页，原页面可能已删除',
  'not-found': '页面不存在（404）',
  gone: '页面已删除（410）',
  'client-error': '访问出错',
  'server-error': '服务器错误，重试后仍失败',
  'name-not-resolved': '域名无法解析',
  'connection-refused': '服务器拒绝连接',
  'redirect-loop': '循环跳转，页面无法打开',
  'too-many-redirects': '跳转次数过多，页面无法打开',
  'soft-404': '页面可以打开，但内容显示“页面不存在”',
  'missing-anchor': '页内锚点不存在',
  'missing-image': '图片无法显示',
  'malformed-url': '链接地址格式错误',
  forbidden: '访问被拒绝（403），可能是网站防护拦截了自动检查，请打开核实',
  'bot-wall': '网站防护（如瑞数、加速乐）拦截了自动检查，请打开核实',
  'js-challenge': '网站返回了脚本验证页面，自动检查无法判断，请打开核实',
  'login-required': '需要登录才能访问，请打开核实',
  'rate-limited': '请求过于频繁（429），网站限制了访问，请稍后重新检查',
  timeout: '访问超时，请打开核实',
  cert: '网站证书错误，请打开核实',
  'connection-reset': '连接被服务器重置，重试后仍失败',
  'network-error': '网络错误，请打开核实',
  'unexpected-status': '服务器返回了异常响应，请打开核实',
  cancelled: '检查已取消',
};

/** Builds a classification from a reason, with the status in the text where it helps. */
export function classification(reason: LinkReason, httpStatus?: number): Classification {
  let reasonText = TEXT_OF[reason];
  if (httpStatus !== undefined && (reason === 'client-error' || reason === 'server-error' || reason === 'unexpected-status')) {
    reasonText = `${reasonText}（HTTP ${httpStatus}）`;
  }
  return httpStatus === undefined
    ? { state: STATE_OF[reason], reason, reasonText }
    : { state: STATE_OF[reason], reason, reasonText, httpStatus };
}

/**
 * Titles and headings of “page not found” pages served with 200. A bare 404 counts only where error pages put it
 * (at the start, or next to error/错误/页面/not found), so “关于第404号提案的答复” and “目标页面404” are not soft 404s.
 */
const SOFT_404_TEXT =
  /^\s*404(?!\d)|(?:error|错误|http)\s*[-:：]?\s*404(?!\d)|(?<!\d)404\s*(?:not\s*found|error|错误|页面|page)|页面不存在|页面未找到|您访问的页面不存在|找不到(?:该|您要的|您访问的)?页面|已删除|已被删除|信息不存在|文章不存在|not\s+found/i;
const SOFT_404_PATH = /\/(?:404|error404|notfound|not_found|404error)(?:\.\w+)?$/i;

/** Bot-wall and JavaScript-challenge fingerprints (瑞数, 加速乐/知道创宇, 安全狗, 云锁, 360网站卫士, Cloudflare). */
const CHALLENGE_MARKERS =
  /__jsl_clearance|__jsluid|\$_ts\s*=|\$_ts\.|yunsuo_session_verify|safedog|wzws_?cid|wzwschallenge|cf-browser-verification|cf_chl_|challenge-platform|just a moment\.\.\./i;
/** Wording of generic challenge pages; ordinary pages may say it in a <noscript>, so only small pages count. */
const WEAK_CHALLENGE_MARKERS = /请(?:开启|启用|打开)\s*JavaScript|安全验证|安全检测|浏览器安全检查|checking your browser|enable javascript and cookies/i;
const SMALL_PAGE = 4096;

const LOGIN_PATH = /(?:^|\/)(?:login|signin|sign-in|logon|sso|passport|cas\/login|auth\/login)(?:[./?]|$)/i;
const HOME_PATH = /^\/(?:(?:index|default)\.(?:s?html?|jsp|php|aspx?))?$/i;

/** Classifies the final outcome of checking one URL (after any fallback and retry). */
export function classifyOutcome(input: ClassifyInput): Classification {
  const { outcome } = input;
  if (!outcome.ok) {
    if (outcome.error === 'too-many-redirects') {
      const loop = outcome.loop === true || hasRepeat(outcome.chain.map((h) => h.url));
      return classification(loop ? 'redirect-loop' : 'too-many-redirects');
    }
    return classification(NETWORK_REASON[outcome.error]);
  }
  const status = outcome.status;
  const body = input.body ?? '';
  if (status === 412 || status === 521) return classification('bot-wall', status);
  if (body !== '' && looksLikeChallenge(body)) return classification('js-challenge', status);
  if (status >= 200 && status < 300) {
    const redirected = outcome.chain.length > 0 || outcome.redirected === true;
    return classifySuccess(input, outcome.finalUrl, redirected, outcome.headers['content-type'], status);
  }
  if (status === 401) return classification('login-required', status);
  if (status === 403) return classification('forbidden', status);
  if (status === 408) return classification('timeout', status);
  if (status === 429) return classification('rate-limited', status);
  // An <img> whose URL answers 4xx is what the reader sees as a missing image.
  if (input.expect === 'image' && status >= 400 && status < 500) return classification('missing-image', status);
  if (status === 404) return classification('not-found', status);
  if (status === 410) return classification('gone', status);
  if (status >= 400 && status < 500) return classification('client-error', status);
  if (status >= 500 && status < 600) return classification('server-error', status);
  return classification('unexpected-status', status);
}

const NETWORK_REASON: Record<Exclude<NetworkErrorCode, 'too-many-redirects'>, LinkReason> = {
  'name-not-resolved': 'name-not-resolved',
  'connection-refused': 'connection-refused',
  'connection-reset': 'connection-reset',
  timeout: 'timeout',
  cert: 'cert',
  aborted: 'cancelled',
  other: 'network-error',
};

function classifySuccess(
  input: ClassifyInput,
  finalUrl: string,
  redirected: boolean,
  contentType: string | undefined,
  status: number,
): Classification {
  const body = input.body ?? '';
  if (input.expect === 'image' && body !== '' && /^\s*</.test(body.replace(/^\uFEFF/, ''))) {
    // An <img> answered with an HTML page (often the site's error page): the reader sees a broken image.
    return classification('missing-image', status);
  }
  if (input.expect !== 'image' && (isSoft404Body(body, contentType) || (redirected && SOFT_404_PATH.test(pathOf(finalUrl))))) {
    return classification('soft-404', status);
  }
  if (!redirected) return classification('ok', status);
  if (LOGIN_PATH.test(pathOf(finalUrl)) && !LOGIN_PATH.test(pathOf(input.requestUrl))) {
    return classification('login-required', status);
  }
  if (HOME_PATH.test(pathOf(finalUrl)) && !HOME_PATH.test(pathOf(input.requestUrl))) {
    return classification('redirect-to-home', status);
  }
  return classification('redirect', status);
}

function isSoft404Body(body: string, contentType: string | undefined): boolean {
  if (body === '' || (contentType !== undefined && !/html/i.test(contentType))) return false;
  const { title, heading } = titleAndHeading(body);
  return SOFT_404_TEXT.test(title) || SOFT_404_TEXT.test(heading);
}

/** Whether a body is a bot wall's JavaScript challenge rather than the page itself. */
export function looksLikeChallenge(body: string): boolean {
  if (CHALLENGE_MARKERS.test(body)) return true;
  if (body.length >= SMALL_PAGE) return false;
  if (WEAK_CHALLENGE_MARKERS.test(body)) return true;
  // Generic form: a tiny page whose only job is to set a cookie by script and reload.
  return /document\.cookie\s*=/.test(body) && /location(?:\.href\s*=|\.reload|\.replace)/.test(body);
}

function hasRepeat(urls: string[]): boolean {
  return new Set(urls).size < urls.length;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '';
  }
}
