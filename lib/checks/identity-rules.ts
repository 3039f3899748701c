/**
 * Formats of the footer identity items of a government website (indicators.md §c): 网站标识码, ICP备案,
 * 公安机关备案, 党政机关网站标识, “我为政府网站找错”. Pure patterns and validators, used by identity.ts.
 */

const PROVINCE_ABBR = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';

/** First two digits of a numeric 网站标识码: the province part of the GB/T 2260 division code. */
const PROVINCE_CODES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65,
]);

/** “网站标识码：3702000001” — the label, then whatever stands after it up to a separator. */
export const SITE_CODE_LABELLED = /网站标识码\s*[:：]?\s*([A-Za-z0-9]*)/;
export const ICP_LABEL = /ICP\s*备|ICP\s*证/i;
export const ICP_NUMBER = new RegExp(`([${PROVINCE_ABBR}])ICP备(\\d{8}|\\d{10})号(?:\\s*-\\s*(\\d{1,3}))?`);
export const ICP_LICENCE = /ICP证/;
export const POLICE_LABEL = /公网安备/;
export const POLICE_NUMBER = new RegExp(`([${PROVINCE_ABBR}])公网安备\\s*(\\d{14})\\s*号`);
export const POLICE_LINK = /beian\.gov\.cn\/portal\/registerSystemInfo\?recordcode=(\d{14})/;
export const MIIT_HOSTS = /(^|\.)beian\.miit\.gov\.cn$/;
export const MIIT_OUTDATED_HOSTS = /(^|\.)miibeian\.gov\.cn$/;
export const CONAC_LINK = /bszs\.conac\.cn\/sitename\?method=show&id=[0-9A-Fa-f]{32}/;
export const CONAC_SCRIPT = /dcs\.conac\.cn\/js\/(\d{2})\/(\d{3})\/(\d{4})\/(\d{8})\/CA(\d{21})\.js/;
export const CONAC_ERROR_IMAGE = /red_error\.png/i;
export const JIUCUO = /(zfwzgl\.www\.gov\.cn|pucha\.kaipuyun\.cn|121\.43\.68\.40)\/exposure\/jiucuo\.(?:js|html)/;
export const JIUCUO_CURRENT_HOST = 'zfwzgl.www.gov.cn';
export const JIUCUO_SITE_CODE = /site_code=((?:bm)?\d{8,10})/i;
export const SPONSOR = /主办(?:单位)?\s*[:：]\s*(\S{2,40})/;
export const CONTACT = /(联系电话|电话|联系方式)\s*[:：]?\s*[0-9(（]|地址\s*[:：]|邮箱\s*[:：]|E-?mail/i;

export type SiteCodeProblem = 'ok' | 'shape' | 'province';

/** Check a 网站标识码: 10 digits with a province prefix, or “bm” + 8 digits for 国务院部门. */
export function validateSiteCode(code: string): SiteCodeProblem {
  if (/^bm\d{8}$/i.test(code)) return 'ok';
  if (!/^\d{10}$/.test(code)) return 'shape';
  return PROVINCE_CODES.has(Number(code.slice(0, 2))) ? 'ok' : 'province';
}

/** The 14 digits of a conac script URL must repeat as the start of its CA number. */
export function conacScriptConsistent(src: string): boolean {
  const m = CONAC_SCRIPT.exec(src);
  if (!m) return false;
  return (m[5] ?? '').startsWith(`${m[1]}${m[2]}${m[3]}${m[4]}`);
}

/** Home pages carry the 找错 entry; other pages need not. */
export function isHomePage(url: string): boolean {
  try {
    const path = new URL(url).pathname.toLowerCase();
    return /^\/(?:(?:index|default|main)\.(?:html?|shtml|jsp|php|aspx?))?$/.test(path);
  } catch {
    return false;
  }
}
