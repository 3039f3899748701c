/**
 * Off-site hosts a government page links to in ordinary, sometimes collapsed, blocks (“政府网站” drop-downs of
 * sister sites, central media banners): a hidden link to them is a menu, not a 暗链.
 */

/** Domain suffixes of government, Party and central media sites. */
const TRUSTED_SUFFIXES = [
  'gov.cn', 'gov', '12371.cn', 'people.com.cn', 'people.cn', 'xinhuanet.com', 'news.cn', 'cctv.com', 'cctv.cn',
  'gmw.cn', 'chinadaily.com.cn', 'qstheme.cn', 'qsjournal.org.cn', 'cnr.cn', 'china.com.cn', 'ce.cn', 'youth.cn',
  'chinanews.com.cn', 'chinanews.com', 'xuexi.cn', 'cpcnews.cn', 'ccdi.gov.cn', 'court.gov.cn', 'spp.gov.cn',
  'npc.gov.cn', 'cppcc.gov.cn', 'edu.cn', 'ac.cn',
];

/** Whether a host belongs to a government, Party, academic or central-media site. */
export function isTrustedHost(host: string): boolean {
  const h = host.toLowerCase().replace(/:\d+$/, '');
  return TRUSTED_SUFFIXES.some((s) => h === s || h.endsWith(`.${s}`));
}
