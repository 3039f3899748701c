/**
 * Column names as people compare them: “政策 文件”, “政策文件栏目”, “【政策文件】” and “政策文件” are one column.
 */

/**
 * Page furniture, not columns: one list for navigation, breadcrumbs and the site map, so the site map is never
 * compared against entries the real columns could not contain.
 */
export const NOT_A_COLUMN_NAME =
  /^(?:首页|网站首页|返回首页|主页|网站地图|站点地图|返回顶部|回到顶部|top|english|繁体|简体|繁體|无障碍|無障礙|关闭|打印|更多|more|>>|》|正文|详情|内容|当前位置)$/i;

/** NFKC (full-width → half-width), no spaces or punctuation, no trailing 栏目 / 专栏 suffix, lower case. */
export function normalizeColumnName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .replace(/(?:栏目|专栏)$/u, '')
    .toLowerCase();
}

/** Whether a text names a real column (not 首页, 网站地图, 更多 …). */
export function isColumnName(name: string): boolean {
  const n = name.replace(/\s+/g, '');
  return n.length > 0 && n.length <= 30 && !NOT_A_COLUMN_NAME.test(n);
}
