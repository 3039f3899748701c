/**
 * Which tabs can be checked at all, with the reason in Chinese when not: browser pages, the extension store,
 * PDF and image tabs.
 */
const STORE_HOSTS = /^(chromewebstore\.google\.com|chrome\.google\.com|microsoftedge\.microsoft\.com)$/;

export function tabSupport(url: string): { checkable: boolean; notice: string } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { checkable: false, notice: '该标签页没有可检查的网页。' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:' && u.protocol !== 'file:') {
    return { checkable: false, notice: `浏览器内部页面（${u.protocol}//）不能检查，请打开要检查的政府网站页面。` };
  }
  if (STORE_HOSTS.test(u.hostname) && /webstore|addons|detail/.test(u.pathname + u.hostname)) {
    return { checkable: false, notice: '浏览器扩展商店页面不允许扩展读取，不能检查。' };
  }
  if (/\.pdf$/i.test(u.pathname)) {
    return { checkable: false, notice: 'PDF 文件在浏览器的阅读器中打开，不能逐字检查；附件能否打开由链接检查负责。' };
  }
  if (/\.(png|jpe?g|gif|webp|bmp|svg)$/i.test(u.pathname)) {
    return { checkable: false, notice: '这是一个图片，不是网页，没有可检查的文字和链接。' };
  }
  return { checkable: true, notice: '' };
}
