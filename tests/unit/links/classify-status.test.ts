import { describe, expect, it } from 'vitest';
import { classifyOutcome, looksLikeChallenge } from '../../../lib/links/classify-status';
import type { ClassifyInput, LinkReason, LinkState } from '../../../lib/links/classify-status';
import type { FetchOutcome, NetworkErrorCode, RedirectHop } from '../../../lib/links/fetcher';

const URL_A = 'https://www.example.gov.cn/zwgk/a.html';

function response(status: number, extra: Partial<Extract<FetchOutcome, { ok: true }>> = {}): FetchOutcome {
  return { ok: true, status, headers: { 'content-type': 'text/html; charset=utf-8' }, finalUrl: URL_A, chain: [], ...extra };
}
function failure(error: NetworkErrorCode, chain: RedirectHop[] = [], loop?: boolean): FetchOutcome {
  return loop === undefined ? { ok: false, error, chain } : { ok: false, error, chain, loop };
}
function page(title: string, h1 = ''): string {
  return `<html><head><title>${title}</title></head><body>${h1 ? `<h1>${h1}</h1>` : ''}<p>正文</p></body></html>`;
}
function input(outcome: FetchOutcome, body?: string, expect: ClassifyInput['expect'] = 'page', requestUrl = URL_A): ClassifyInput {
  return body === undefined ? { requestUrl, outcome, expect } : { requestUrl, outcome, expect, body };
}

const redirected = (finalUrl: string): Partial<Extract<FetchOutcome, { ok: true }>> => ({
  finalUrl,
  chain: [{ url: URL_A, status: 302 }],
});

describe('classifyOutcome', () => {
  const cases: [string, ClassifyInput, LinkState, LinkReason][] = [
    ['200 page', input(response(200), page('通知公告')), 'ok', 'ok'],
    ['200 HEAD without body', input(response(200)), 'ok', 'ok'],
    ['204', input(response(204)), 'ok', 'ok'],
    ['301 → page', input(response(200, redirected('https://www.example.gov.cn/zwgk/b.html')), page('通知')), 'redirect', 'redirect'],
    ['redirect seen by fetch only', input(response(200, { redirected: true, finalUrl: 'https://www.example.gov.cn/b' })), 'redirect', 'redirect'],
    ['redirect to home page', input(response(200, redirected('https://www.example.gov.cn/')), page('首页')), 'redirect', 'redirect-to-home'],
    ['redirect to login', input(response(200, redirected('https://www.example.gov.cn/sso/login?from=x')), page('登录')), 'inconclusive', 'login-required'],
    ['404', input(response(404)), 'dead', 'not-found'],
    ['410', input(response(410)), 'dead', 'gone'],
    ['400', input(response(400)), 'dead', 'client-error'],
    ['405 after GET too', input(response(405)), 'dead', 'client-error'],
    ['500', input(response(500)), 'dead', 'server-error'],
    ['503', input(response(503)), 'dead', 'server-error'],
    ['401', input(response(401)), 'inconclusive', 'login-required'],
    ['403', input(response(403)), 'inconclusive', 'forbidden'],
    ['408', input(response(408)), 'inconclusive', 'timeout'],
    ['412 瑞数', input(response(412)), 'inconclusive', 'bot-wall'],
    ['412 瑞数 with its challenge body', input(response(412), '<script>var $_ts=window["$_ts"];</script>'), 'inconclusive', 'bot-wall'],
    ['200 small page asking for JavaScript', input(response(200), '<title>安全验证</title><p>正在进行安全检测，请稍候</p><noscript>请开启JavaScript并刷新该页</noscript>'), 'inconclusive', 'js-challenge'],
    ['200 big page with a noscript hint', input(response(200), `<title>首页</title><noscript>请开启JavaScript</noscript>${'<p>新闻</p>'.repeat(800)}`), 'ok', 'ok'],
    ['image 404', input(response(404), undefined, 'image'), 'dead', 'missing-image'],
    ['image 403 stays inconclusive', input(response(403), undefined, 'image'), 'inconclusive', 'forbidden'],
    ['521 加速乐', input(response(521)), 'inconclusive', 'bot-wall'],
    ['429', input(response(429)), 'inconclusive', 'rate-limited'],
    ['200 加速乐 challenge', input(response(200), '<script>document.cookie="__jsl_clearance=1";location.href=location.pathname</script>'), 'inconclusive', 'js-challenge'],
    ['202 瑞数 challenge', input(response(202), '<html><meta id="x"><script>$_ts=window["$_ts"];$_ts.nsd=1;</script></html>'), 'inconclusive', 'js-challenge'],
    ['soft 404 by title', input(response(200), page('404 - 页面不存在')), 'dead', 'soft-404'],
    ['soft 404 by heading', input(response(200), page('某某市人民政府', '抱歉，您访问的页面不存在')), 'dead', 'soft-404'],
    ['soft 404 已删除', input(response(200), page('信息已删除')), 'dead', 'soft-404'],
    ['soft 404 页面未找到', input(response(200), page('页面未找到')), 'dead', 'soft-404'],
    ['redirect to a 404 page', input(response(200, redirected('https://www.example.gov.cn/404.html')), page('提示')), 'dead', 'soft-404'],
    ['redirect landing on a “not found” page', input(response(200, redirected('https://www.example.gov.cn/err')), page('页面不存在')), 'dead', 'soft-404'],
    ['year 2404 is not a 404', input(response(200), page('关于2404号建议的答复')), 'ok', 'ok'],
    ['a number with 404 inside is not a 404', input(response(200), page('第14045号')), 'ok', 'ok'],
    ['a proposal numbered 404 is not a 404', input(response(200), page('关于第404号提案的答复')), 'ok', 'ok'],
    ['a page named …404 is not a 404', input(response(200), page('目标页面404')), 'ok', 'ok'],
    ['soft 404 “404 Not Found”', input(response(200), page('404 Not Found')), 'dead', 'soft-404'],
    ['soft 404 “错误404”', input(response(200), page('某某网', '错误 404')), 'dead', 'soft-404'],
    ['soft 404 “404错误页面”', input(response(200), page('系统提示', '404错误页面')), 'dead', 'soft-404'],
    ['404 in body text only', input(response(200), '<title>通知</title><p>电话 404 转</p>'), 'ok', 'ok'],
    ['image answered with HTML', input(response(200), page('首页'), 'image'), 'dead', 'missing-image'],
    ['image ok', input(response(200, { headers: { 'content-type': 'image/png' } }), undefined, 'image'), 'ok', 'ok'],
    ['pdf answered with 404-titled HTML', input(response(200), page('404'), 'file'), 'dead', 'soft-404'],
    ['unknown host', input(failure('name-not-resolved')), 'dead', 'name-not-resolved'],
    ['refused', input(failure('connection-refused')), 'dead', 'connection-refused'],
    ['reset (after the retry)', input(failure('connection-reset')), 'dead', 'connection-reset'],
    ['timeout', input(failure('timeout')), 'inconclusive', 'timeout'],
    ['cert', input(failure('cert')), 'inconclusive', 'cert'],
    ['other', input(failure('other')), 'inconclusive', 'network-error'],
    ['aborted', input(failure('aborted')), 'inconclusive', 'cancelled'],
    ['loop flagged', input(failure('too-many-redirects', [{ url: URL_A, status: 302 }], true)), 'dead', 'redirect-loop'],
    [
      'loop seen in chain',
      input(failure('too-many-redirects', [{ url: URL_A, status: 302 }, { url: 'https://x/b', status: 302 }, { url: URL_A, status: 302 }])),
      'dead',
      'redirect-loop',
    ],
    ['too many redirects', input(failure('too-many-redirects', [{ url: 'https://x/1', status: 302 }, { url: 'https://x/2', status: 302 }])), 'dead', 'too-many-redirects'],
  ];

  it.each(cases)('%s', (_name, given, state, reason) => {
    const got = classifyOutcome(given);
    expect([got.state, got.reason]).toEqual([state, reason]);
    expect(got.reasonText).toMatch(/[\u4e00-\u9fff]/);
  });

  it('keeps the status in the result and in the text of generic errors', () => {
    expect(classifyOutcome(input(response(418)))).toMatchObject({ httpStatus: 418, reasonText: expect.stringContaining('418') });
    expect(classifyOutcome(input(failure('timeout'))).httpStatus).toBeUndefined();
  });
});

describe('looksLikeChallenge', () => {
  it('does not take an ordinary page that sets a cookie for a challenge', () => {
    const big = `<html><title>首页</title>${'<p>新闻</p>'.repeat(1000)}<script>document.cookie="a=1";location.reload()</script></html>`;
    expect(looksLikeChallenge(big)).toBe(false);
    expect(looksLikeChallenge(page('首页'))).toBe(false);
  });
  it('recognises Cloudflare and 云锁', () => {
    expect(looksLikeChallenge('<title>Just a moment...</title>')).toBe(true);
    expect(looksLikeChallenge('<script>var yunsuo_session_verify=1</script>')).toBe(true);
  });
});
