/**
 * Finds the header of a site list: the row (or two rows, for merged/two-level headers) naming the columns
 * 网站名称, 首页网址 and optionally 网站标识码, in any order, below any title rows.
 */

export type SiteField = 'name' | 'url' | 'code';

/** Column index per field; code is -1 when the list has no 网站标识码 column. */
export interface HeaderColumns {
  name: number;
  url: number;
  code: number;
}

export interface HeaderMatch {
  /** Index (in the rows handed in) of the first and the last header row. */
  firstRow: number;
  lastRow: number;
  columns: HeaderColumns;
}

const EXACT: Readonly<Record<SiteField, readonly string[]>> = {
  code: ['网站标识码', '标识码', '网站标识', '站点标识码', 'sitecode', 'siteidcode', '网站代码'],
  url: ['首页网址', '网址', 'url', '网站地址', '网站网址', '首页地址', '网站首页', '首页链接', '网站链接', '域名', '网站域名', '网站url', '首页url'],
  name: ['网站名称', '名称', '网站', '站点名称', '网站名', '站点', 'name', 'sitename'],
};

const CONTAINS: Readonly<Record<SiteField, RegExp>> = {
  code: /标识码/,
  url: /网址|url|网站地址|域名/,
  name: /网站名|站点名/,
};

/** How far down a header may sit (title rows, notes). */
const SEARCH_ROWS = 20;

/** Header text without spaces, required-field marks, bracketed hints and colons, lower-cased. */
export function normalizeLabel(text: string): string {
  return text
    .replace(/[（(【\[][^）)】\]]*[）)】\]]/g, '')
    .replace(/[\s*＊:：]/g, '')
    .toLowerCase();
}

function classify(text: string, pass: 'exact' | 'contains'): SiteField | null {
  const label = normalizeLabel(text);
  if (label === '') return null;
  for (const field of ['code', 'url', 'name'] as const) {
    if (pass === 'exact' ? EXACT[field].includes(label) : CONTAINS[field].test(label)) return field;
  }
  return null;
}

/** Fields found in one header line (cells already combined across rows); the first column wins per field. */
function fieldsOf(cells: readonly string[]): Partial<HeaderColumns> {
  const found: Partial<HeaderColumns> = {};
  for (const pass of ['exact', 'contains'] as const) {
    cells.forEach((cell, index) => {
      const field = classify(cell, pass);
      if (field && found[field] === undefined && !Object.values(found).includes(index)) found[field] = index;
    });
  }
  return found;
}

/** A two-row header read as one: the lower cell names the column when it says something, else the upper. */
function combine(upper: readonly string[], lower: readonly string[]): string[] {
  const width = Math.max(upper.length, lower.length);
  return Array.from({ length: width }, (_, i) => {
    const below = lower[i] ?? '';
    return below !== '' && classify(below, 'contains') !== null ? below : (upper[i] ?? '') || below;
  });
}

function complete(found: Partial<HeaderColumns>): found is Pick<HeaderColumns, 'name' | 'url'> & Partial<HeaderColumns> {
  return found.name !== undefined && found.url !== undefined;
}

function count(found: Partial<HeaderColumns>): number {
  return Object.keys(found).length;
}

/** Finds the header among the first rows, or null when there is none with both 网站名称 and 首页网址. */
export function findHeader(rows: readonly (readonly string[])[]): HeaderMatch | null {
  const limit = Math.min(rows.length, SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const row = rows[i] ?? [];
    const next = rows[i + 1];
    const single = fieldsOf(row);
    const pair = next ? fieldsOf(combine(row, next)) : {};
    // The next row belongs to the header when it adds a column and carries no data (every cell it has is a label).
    const nextIsHeader =
      next !== undefined && next.every((cell) => cell === '' || classify(cell, 'contains') !== null || !looksLikeData(cell));
    // ... and this row adds a column the next one lacks (a title row above the header adds none).
    const upperAdds = next !== undefined && count(pair) > count(fieldsOf(next));
    if (complete(pair) && nextIsHeader && upperAdds && (count(pair) > count(single) || !complete(single))) {
      return { firstRow: i, lastRow: i + 1, columns: { name: pair.name, url: pair.url, code: pair.code ?? -1 } };
    }
    if (complete(single)) return { firstRow: i, lastRow: i, columns: { name: single.name, url: single.url, code: single.code ?? -1 } };
  }
  return null;
}

/** Data cells in a site list: a URL, a domain, a code or a number (序号). Labels are short words without these. */
function looksLikeData(cell: string): boolean {
  return /[./:]|\d/.test(cell);
}
