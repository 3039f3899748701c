/**
 * sites/<folder>/pairs.json both ways. Out: the stored pair table (kind 'pairs' of `siteResults`) with its
 * `updatedAt`, keys in a fixed order and optional fields only when set, so re-exporting an imported table gives
 * the same bytes. In: the file checked field by field, then the `siteResults` record an import writes.
 */
import { siteResultId, type SiteResultRecord } from '../db/records';
import type { PairsResult } from '../db/site-results-store';
import type { ColumnKind, ColumnRef, ColumnSource } from '../interpretation/site-columns';
import { PAIR_CATEGORIES, type PairRow, type PairSide } from '../interpretation/site-pairs';
import { objectAt, type Fields } from './bundle-schema';
import type { BundlePairs } from './format';

const COLUMN_KINDS = ['policy', 'interpretation'] as const satisfies readonly ColumnKind[];
const COLUMN_SOURCES = ['nav', 'sitemap', 'link', 'url'] as const satisfies readonly ColumnSource[];

function side(s: PairSide): PairSide {
  return { title: s.title, url: s.url, ...(s.docNumber !== undefined ? { docNumber: s.docNumber } : {}) };
}

function row(r: PairRow): PairRow {
  return {
    category: r.category,
    ...(r.policy ? { policy: side(r.policy) } : {}),
    ...(r.interpretation ? { interpretation: side(r.interpretation) } : {}),
    evidence: [...r.evidence],
    ...(r.citedOther !== undefined ? { citedOther: r.citedOther } : {}),
    ...(r.broken ? { broken: r.broken.map((b) => ({ side: b.side, url: b.url, status: b.status })) } : {}),
  };
}

/** The stored pair table as pairs.json holds it. */
export function toBundlePairs(result: PairsResult, updatedAt: string): BundlePairs {
  return {
    updatedAt,
    rows: result.rows.map(row),
    columns: result.columns.map((c): ColumnRef => ({ kind: c.kind, name: c.name, url: c.url, source: c.source })),
    listPages: result.listPages,
    items: result.items,
    stopped: result.stopped,
    loops: [...result.loops],
  };
}

function parseSide(r: Fields, key: 'policy' | 'interpretation', file: string, where: string): PairSide | undefined {
  const obj = r.optObject(key);
  if (!obj) return undefined;
  const s = objectAt(obj, file, `${where}${key}.`);
  const docNumber = s.optStr('docNumber');
  return { title: s.str('title'), url: s.str('url'), ...(docNumber !== undefined ? { docNumber } : {}) };
}

function parseRow(v: unknown, file: string, i: number): PairRow {
  const where = `rows[${i}].`;
  const r = objectAt(v, file, where);
  const category = r.oneOf('category', PAIR_CATEGORIES);
  const policy = parseSide(r, 'policy', file, where);
  const interpretation = parseSide(r, 'interpretation', file, where);
  // Every row of the table names a policy, an interpretation or both.
  if (!policy && !interpretation) r.fail('policy', '对象（文件与解读至少一方）');
  const citedOther = r.optStr('citedOther');
  const broken = r.has('broken')
    ? r.array('broken').map((b, j) => {
        const x = objectAt(b, file, `${where}broken[${j}].`);
        return { side: x.oneOf('side', COLUMN_KINDS), url: x.str('url'), status: x.str('status') };
      })
    : undefined;
  return {
    category,
    ...(policy ? { policy } : {}),
    ...(interpretation ? { interpretation } : {}),
    evidence: r.strings('evidence'),
    ...(citedOther !== undefined ? { citedOther } : {}),
    ...(broken ? { broken } : {}),
  };
}

/** sites/<folder>/pairs.json, checked; throws a BundleError naming the file and the field. */
export function parsePairs(value: unknown, file: string): BundlePairs {
  const p = objectAt(value, file, '');
  const count = (key: string): number => {
    const n = p.num(key);
    return Number.isInteger(n) && n >= 0 ? n : p.fail(key, '非负整数');
  };
  const result: PairsResult = {
    rows: p.array('rows').map((v, i) => parseRow(v, file, i)),
    columns: p.array('columns').map((v, i) => {
      const c = objectAt(v, file, `columns[${i}].`);
      return { kind: c.oneOf('kind', COLUMN_KINDS), name: c.str('name'), url: c.str('url'), source: c.oneOf('source', COLUMN_SOURCES) };
    }),
    listPages: count('listPages'),
    items: count('items'),
    stopped: p.str('stopped'),
    loops: p.strings('loops'),
  };
  return toBundlePairs(result, p.str('updatedAt'));
}

/** The `siteResults` record (kind 'pairs') of a pair table from a bundle, under the local site's key. */
export function pairsRecordFrom(pairs: BundlePairs, siteKey: string, quarter: string): SiteResultRecord {
  const { updatedAt, ...data } = pairs;
  // The id is the one lib/db/site-results-store.ts gives a site's result of one kind in one quarter.
  return { id: siteResultId(siteKey, quarter, 'pairs'), siteKey, quarter, kind: 'pairs', data, updatedAt };
}

/** The stored pair table of a `siteResults` record of kind 'pairs'. */
export function pairsOfRecord(record: SiteResultRecord): BundlePairs {
  return toBundlePairs(record.data as PairsResult, record.updatedAt);
}
