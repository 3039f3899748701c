/**
 * `identity`: the footer identity block of a government website (indicators.md §c, GL3/D-GN3/D-GN4):
 * 网站标识码 present, well-formed and equal to the SiteIDCode meta and the 找错 sitecode; ICP备案 and 公安备案
 * well-formed and linked to their registries; 党政机关网站标识 present and not the error image; the 找错 entry
 * present (home page) and not on an outdated host; 主办单位 and contact details present.
 *
 * Fixture pages: tests/fixtures/site — the home page (clean) and the /identity-bad/ pages (planted errors).
 */
import { hostnameOf } from '../links/normalize-url';
import type { LinkInfo, PageSnapshot } from '../scan/snapshot-types';
import type { CheckContext, CheckResult, FindingLocation, PageCheck, Severity } from './types';
import { excerptAround } from '../text/excerpt';
import {
  CONAC_ERROR_IMAGE,
  CONAC_LINK,
  CONAC_SCRIPT,
  CONTACT,
  ICP_LABEL,
  ICP_LICENCE,
  ICP_NUMBER,
  JIUCUO,
  JIUCUO_CURRENT_HOST,
  JIUCUO_SITE_CODE,
  MIIT_HOSTS,
  MIIT_OUTDATED_HOSTS,
  POLICE_LABEL,
  POLICE_LINK,
  POLICE_NUMBER,
  SITE_CODE_LABELLED,
  SPONSOR,
  conacScriptConsistent,
  isHomePage,
  validateSiteCode,
} from './identity-rules';

/** How many closing blocks stand in for the footer on pages whose footer has no recognisable container. */
const FALLBACK_BLOCKS = 12;

interface FooterView {
  text: string;
  /** Block indexes the text came from, to place text findings. */
  blocks: number[];
}

function footerOf(snapshot: PageSnapshot): FooterView {
  const visible = snapshot.blocks.map((b, i) => ({ b, i })).filter(({ b }) => !b.hidden && b.source === 'page');
  const inFooter = visible.filter(({ b }) => b.region === 'footer');
  const chosen = inFooter.length ? inFooter : visible.slice(-FALLBACK_BLOCKS);
  return { text: chosen.map(({ b }) => b.text).join('\n'), blocks: chosen.map(({ i }) => i) };
}

function locate(snapshot: PageSnapshot, footer: FooterView, needle: string): FindingLocation | undefined {
  for (const index of footer.blocks) {
    const start = snapshot.blocks[index]?.text.indexOf(needle) ?? -1;
    if (start >= 0) return { kind: 'text', block: index, start, end: start + needle.length };
  }
  return undefined;
}

/** The footer text around the first `needle`. */
function excerptOf(text: string, needle: string): string {
  const at = Math.max(0, text.indexOf(needle));
  return excerptAround(text, at, at + needle.length).trim();
}

class IdentityRun {
  readonly results: CheckResult[] = [];
  readonly footer: FooterView;
  readonly links: LinkInfo[];

  constructor(readonly snapshot: PageSnapshot, readonly ctx: CheckContext) {
    this.footer = footerOf(snapshot);
    this.links = snapshot.links.filter((l) => l.kind === 'a' || l.kind === 'img' || l.kind === 'area');
  }

  add(severity: Severity, subject: string, message: string, extra: Partial<CheckResult> = {}): void {
    this.results.push({ check: 'identity', severity, subject, message, excerpt: '', ...extra });
  }

  siteCode(): void {
    const { text } = this.footer;
    const match = SITE_CODE_LABELLED.exec(text);
    const meta = (this.snapshot.meta.siteidcode ?? '').trim();
    const jiucuoCode = this.jiucuoSiteCode();
    if (!match) {
      this.add('major', 'site-code-missing', '页面底部未标注网站标识码', { expected: meta || this.ctx.siteCode || undefined });
      return;
    }
    const code = match[1] ?? '';
    const where = { location: locate(this.snapshot, this.footer, match[0]), excerpt: excerptOf(text, match[0]) };
    const problem = validateSiteCode(code);
    if (problem !== 'ok') {
      const why = problem === 'shape' ? '应为10位数字，或“bm”加8位数字' : '前两位不是有效的省级行政区划代码';
      this.add('major', 'site-code-malformed', `网站标识码“${code}”格式错误：${why}`, where);
      return;
    }
    if (meta && meta.toLowerCase() !== code.toLowerCase()) {
      this.add('major', 'site-code-meta', `网站标识码与页面标签 SiteIDCode 不一致（页面底部：${code}，SiteIDCode：${meta}）`, { ...where, expected: code });
    }
    if (jiucuoCode && jiucuoCode.toLowerCase() !== code.toLowerCase()) {
      this.add('major', 'site-code-jiucuo', `网站标识码与“我为政府网站找错”入口的 site_code 不一致（页面底部：${code}，找错入口：${jiucuoCode}）`, { ...where, expected: code });
    }
    const registered = this.ctx.siteCode?.trim();
    if (registered && registered.toLowerCase() !== code.toLowerCase()) {
      this.add('major', 'site-code-registered', `页面底部的网站标识码（${code}）与登记的网站标识码（${registered}）不一致`, { ...where, expected: registered });
    }
  }

  private jiucuoSiteCode(): string {
    for (const s of this.snapshot.scripts) {
      if (JIUCUO.test(s.src) && s.attrs.sitecode) return s.attrs.sitecode.trim();
    }
    for (const l of this.links) {
      if (!JIUCUO.test(l.url)) continue;
      const m = JIUCUO_SITE_CODE.exec(l.url);
      if (m?.[1]) return m[1];
    }
    return '';
  }

  icp(): void {
    const { text } = this.footer;
    const number = ICP_NUMBER.exec(text);
    if (ICP_LICENCE.test(text)) {
      this.add('minor', 'icp-licence', '页面底部出现“ICP证”（经营许可证），政府网站应标注ICP备案编号', { excerpt: excerptOf(text, 'ICP证') });
    }
    if (!number) {
      const label = ICP_LABEL.exec(text);
      if (label) this.add('major', 'icp-malformed', 'ICP备案编号格式错误（应为“省份简称ICP备+8或10位数字+号”）', { excerpt: excerptOf(text, label[0]), location: locate(this.snapshot, this.footer, label[0]) });
      else this.add('major', 'icp-missing', '页面底部未标注ICP备案编号');
      return;
    }
    const link = this.links.find((l) => /ICP备/.test(l.text));
    if (!link) {
      this.add('minor', 'icp-unlinked', 'ICP备案编号未链接到工业和信息化部备案管理系统', { excerpt: number[0], expected: 'https://beian.miit.gov.cn/' });
    } else if (MIIT_OUTDATED_HOSTS.test(hostnameOf(link.url))) {
      this.add('minor', 'icp-outdated-link', 'ICP备案编号链接到已停用的旧地址（miibeian.gov.cn）', { excerpt: number[0], target: link.url, expected: 'https://beian.miit.gov.cn/', location: { kind: 'element', ref: link.ref } });
    } else if (!MIIT_HOSTS.test(hostnameOf(link.url))) {
      this.add('minor', 'icp-wrong-link', 'ICP备案编号没有链接到工业和信息化部备案管理系统', { excerpt: number[0], target: link.url, expected: 'https://beian.miit.gov.cn/', location: { kind: 'element', ref: link.ref } });
    }
  }

  police(): void {
    const { text } = this.footer;
    const number = POLICE_NUMBER.exec(text);
    if (!number) {
      if (POLICE_LABEL.test(text)) this.add('major', 'police-malformed', '公安机关备案号格式错误（应为“省份简称公网安备+14位数字+号”）', { excerpt: excerptOf(text, '公网安备'), location: locate(this.snapshot, this.footer, '公网安备') });
      else this.add('major', 'police-missing', '页面底部未标注公安机关备案号');
      return;
    }
    const digits = number[2] ?? '';
    const link = this.links.find((l) => POLICE_LINK.test(l.url));
    const recordcode = link ? POLICE_LINK.exec(link.url)?.[1] : undefined;
    if (!link) {
      this.add('minor', 'police-unlinked', '公安机关备案号未链接到全国互联网安全管理服务平台', { excerpt: number[0] });
    } else if (recordcode !== digits) {
      this.add('major', 'police-link-mismatch', `公安机关备案号（${digits}）与备案链接中的编号（${recordcode}）不一致`, { excerpt: number[0], target: link.url, expected: digits, location: { kind: 'element', ref: link.ref } });
    }
  }

  conac(): void {
    const image = this.snapshot.links.find((l) => l.kind === 'img' && (l.id === 'imgConac' || /conac/i.test(l.url)));
    const link = this.links.find((l) => CONAC_LINK.test(l.url));
    const script = this.snapshot.scripts.find((s) => CONAC_SCRIPT.test(s.src));
    if (image && CONAC_ERROR_IMAGE.test(image.url)) {
      this.add('major', 'conac-error', '党政机关网站标识显示为错误图标（证书无效或已过期）', { target: image.url, location: { kind: 'element', ref: image.ref } });
      return;
    }
    if (!image && !link && !script) {
      this.add('major', 'conac-missing', '页面底部未发现党政机关网站标识');
      return;
    }
    if (script && !conacScriptConsistent(script.src)) {
      this.add('minor', 'conac-script', '党政机关网站标识脚本地址中的编号前后不一致', { target: script.src });
    }
  }

  jiucuo(): void {
    const entries = [
      ...this.snapshot.scripts.filter((s) => JIUCUO.test(s.src)).map((s) => ({ url: s.src, ref: undefined as number | undefined })),
      ...this.links.filter((l) => JIUCUO.test(l.url)).map((l) => ({ url: l.url, ref: l.ref as number | undefined })),
    ];
    const outdated = entries.find((e) => hostnameOf(e.url) !== JIUCUO_CURRENT_HOST);
    if (outdated) {
      const location: FindingLocation | undefined = outdated.ref === undefined ? undefined : { kind: 'element', ref: outdated.ref };
      this.add('minor', 'jiucuo-outdated', '“我为政府网站找错”入口指向已停用的旧地址', { target: outdated.url, expected: `https://${JIUCUO_CURRENT_HOST}/exposure/jiucuo.html`, location });
    }
    const hasTextEntry = this.links.some((l) => /我为政府网站找错|政府网站找错/.test(l.text));
    if (!entries.length && !hasTextEntry && isHomePage(this.snapshot.url)) {
      this.add('major', 'jiucuo-missing', '首页未设置“我为政府网站找错”入口');
    }
  }

  sponsor(): void {
    const { text } = this.footer;
    if (!SPONSOR.test(text)) this.add('major', 'sponsor-missing', '页面底部未标明主办单位');
    if (!CONTACT.test(text)) this.add('minor', 'contact-missing', '页面底部未提供联系方式（电话、地址或邮箱）');
  }
}

export const identityCheck: PageCheck = {
  id: 'identity',
  run(snapshot, ctx) {
    const hasFooter = snapshot.blocks.some((b) => b.region === 'footer' && !b.hidden);
    if (!hasFooter && !/网站标识码|ICP备|公网安备|主办/.test(footerOf(snapshot).text)) {
      return [{
        check: 'identity',
        severity: 'major',
        subject: 'footer-missing',
        message: '未识别到页面底部功能区：网站标识码、备案编号、主办单位等均未找到',
        excerpt: '',
      }];
    }
    const run = new IdentityRun(snapshot, ctx);
    run.siteCode();
    run.icp();
    run.police();
    run.conac();
    run.jiucuo();
    run.sponsor();
    return run.results;
  },
};
