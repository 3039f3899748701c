/** Shared test data for the bundle tests: a small quarter with hostile strings, plus zip helpers. */
import JSZip from 'jszip';
import type { EvidenceRecord, Finding, InspectionRecord, SiteRecord, SiteResultRecord, VerdictRecord } from '../../../lib/db/records';
import type { PairsResult } from '../../../lib/db/site-results-store';
import type { BundleInput, BundleSource } from '../../../lib/bundle/bundle-input';
import type { CurrentData, MergePlan } from '../../../lib/bundle/merge-plan';
import { pairsOfRecord } from '../../../lib/bundle/pairs-json';
import { sha256Hex } from '../../../lib/bundle/sha256';

export const QUARTER = '2026Q4';
export const CREATED_AT = '2026-12-31T04:00:00.000Z';
export const GENERATOR = { name: 'gov-site-inspector', version: '0.1.0' };

/** Bytes that start like a PNG; `seed` makes them differ. */
export function fakePng(seed: number, size = 64): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  for (let i = 8; i < size; i++) bytes[i] = (seed * 31 + i * 7) & 0xff;
  return bytes;
}

export function site(id: string, name: string, homeUrl: string, siteCode: string, updatedAt = '2026-10-01T00:00:00.000Z'): SiteRecord {
  return { id, name, homeUrl, siteCode, aliases: [], createdAt: '2026-01-05T00:00:00.000Z', updatedAt };
}

export function finding(siteKey: string, n: number, over: Partial<Finding> = {}): Finding {
  const key = `expression|https://www.a.gov.cn/p${n}.html|错误${n}`;
  return {
    id: `${QUARTER}|${key}`,
    key,
    siteKey,
    quarter: QUARTER,
    check: 'expression',
    severity: 'major',
    status: 'open',
    pageUrl: `https://www.a.gov.cn/p${n}.html`,
    pageTitle: `页面 ${n}`,
    message: '固定表述错误：应为“中国特色社会主义”',
    subject: `错误${n}`,
    excerpt: `……中国特色社会注意${n}……`,
    expected: '中国特色社会主义',
    firstSeen: '2026-10-10T02:00:00.000Z',
    lastSeen: '2026-11-10T02:00:00.000Z',
    ...over,
  };
}

export function inspection(siteId: string, over: Partial<InspectionRecord> = {}): InspectionRecord {
  return {
    id: `${siteId}|${QUARTER}`,
    siteId,
    quarter: QUARTER,
    profile: 'gov-2019',
    checklist: [
      { id: 'SV-W1', title: '网站标识码', status: 'pass', note: '', findingIds: [], evidenceIds: [], statusBy: 'proposal' },
      { id: 'SV-C1', title: '严重表述错误', status: 'fail', note: '首页有误', findingIds: [], evidenceIds: [], statusBy: 'inspector' },
    ],
    verdict: '不合格',
    problems: '存在固定表述错误 2 处',
    inspector: '张三',
    inspectedOn: '2026-11-12',
    createdAt: '2026-10-01T00:00:00.000Z',
    updatedAt: '2026-11-12T08:00:00.000Z',
    ...over,
  };
}

export function evidenceOf(siteKey: string, id: string, png: Uint8Array, sha256: string, findingIds: string[]): EvidenceRecord {
  return {
    id,
    siteKey,
    quarter: QUARTER,
    pageUrl: 'https://www.a.gov.cn/p1.html',
    capturedAt: '2026-11-10T03:00:00.000Z',
    sha256,
    bytes: png.byteLength,
    png: new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
    findingIds,
    note: '首页截图',
  };
}

/** A pair table with every category, hostile titles and a javascript: URL, in the order the site check stores it. */
export function samplePairs(): PairsResult {
  return {
    columns: [
      { kind: 'policy', name: '政策文件', url: 'https://www.a.gov.cn/zcwj/', source: 'nav' },
      { kind: 'interpretation', name: '政策解读', url: 'https://www.a.gov.cn/zcjd/', source: 'url' },
    ],
    rows: [
      {
        category: '双向关联',
        policy: { title: '关于印发<script>alert(1)</script>方案的通知', url: 'https://www.a.gov.cn/zcwj/1.html', docNumber: '青政发〔2026〕3号' },
        interpretation: { title: '一图读懂"方案" onmouseover="alert(1)', url: 'https://www.a.gov.cn/zcjd/1.html' },
        evidence: ['文件页链接到解读', '解读页链接到文件', '文号一致'],
      },
      {
        category: '仅文件→解读',
        policy: { title: '关于加强管理的意见', url: 'https://www.a.gov.cn/zcwj/2.html' },
        interpretation: { title: '《关于加强管理的意见》解读', url: 'https://www.a.gov.cn/zcjd/2.html' },
        evidence: ['文件页链接到解读', '解读页未链接到文件', '标题相似'],
        citedOther: '另一个文件',
      },
      {
        category: '仅解读→文件',
        policy: { title: '管理办法', url: 'https://www.a.gov.cn/zcwj/3.html' },
        interpretation: { title: '管理办法答记者问', url: 'https://www.a.gov.cn/zcjd/3.html' },
        evidence: ['文件页未链接到解读', '解读页链接到文件', '《》引用一致'],
      },
      {
        category: '文件无解读',
        policy: { title: '实施细则\'<img src=x>', url: 'javascript:alert(3)' },
        evidence: ['未找到链接或引用本文件的解读材料'],
        broken: [{ side: 'policy', url: 'https://www.a.gov.cn/zcjd/404.html', status: '404' }],
      },
      {
        category: '解读无文件',
        interpretation: { title: '图解：新政策', url: 'https://www.a.gov.cn/zcjd/5.html' },
        evidence: ['未引用可识别的文件'],
      },
    ],
    listPages: 4,
    items: 6,
    stopped: 'done',
    loops: [],
  };
}

export function pairsRecord(siteKey: string, data: PairsResult, updatedAt = '2026-11-20T06:00:00.000Z', quarter = QUARTER): SiteResultRecord {
  return { id: `${siteKey}|${quarter}|pairs`, siteKey, quarter, kind: 'pairs', data, updatedAt };
}

/** Three sites: one full (with hostile text), one with a colliding host and no code, one without inspection. */
export async function sampleSource(): Promise<BundleSource> {
  const a = site('site-a', '示例市人民政府 <script>alert(1)</script>', 'https://www.a.gov.cn/', '1101000001');
  const b = site('site-b', '示例区"政府"', 'http://b.gov.cn/index.html', '');
  const c = site('site-c', '无检查的网站', 'https://c.gov.cn/', '');
  const f1 = finding('site-a', 1, { status: 'confirmed', note: '已核实' });
  const f2 = finding('site-a', 2, {
    check: 'link',
    severity: 'veto',
    message: '链接打不开" onmouseover="alert(1)',
    target: 'javascript:alert(1)',
    httpStatus: 404,
    expected: undefined,
    pageUrl: 'javascript:alert(2)',
    detail: { chain: ['a', 'b'] },
    location: { kind: 'element', ref: 3 },
  });
  delete f2.expected;
  const f3 = finding('site-b', 3, { status: 'false-positive', severity: 'minor', key: 'typo|http://b.gov.cn/|的地得', id: `${QUARTER}|typo|http://b.gov.cn/|的地得`, check: 'typo' });
  const png1 = fakePng(1);
  const png2 = fakePng(2, 100);
  const insA = inspection('site-a');
  insA.checklist[1]!.findingIds = [f1.id];
  insA.checklist[1]!.evidenceIds = ['ev-1'];
  return {
    sites: [a, b, c],
    inspections: [insA, inspection('site-b', { verdict: '合格', inspector: '李四', score: 92, verdictOverride: { verdict: '单项否决', reason: '首页暗链' } })],
    findings: [f1, f2, f3],
    evidence: [
      evidenceOf('site-a', 'ev-1', png1, await sha256Hex(png1), [f1.id]),
      evidenceOf('site-a', 'ev/2 "x"', png2, await sha256Hex(png2), [f1.id, f2.id]),
    ],
    verdicts: [
      { id: `site-a|${f1.key}`, siteKey: 'site-a', findingKey: f1.key, check: 'expression', status: 'confirmed', note: '已核实', updatedAt: '2026-11-11T00:00:00.000Z' },
      { id: `site-b|${f3.key}`, siteKey: 'site-b', findingKey: f3.key, check: 'typo', status: 'false-positive', note: '', updatedAt: '2026-11-11T00:00:00.000Z' },
    ],
    siteResults: [
      pairsRecord('site-a', samplePairs()),
      // Not exported: another kind of site result, and site B's pair table of another quarter.
      { id: `site-a|${QUARTER}|sitemap`, siteKey: 'site-a', quarter: QUARTER, kind: 'sitemap', data: {}, updatedAt: '2026-11-20T06:00:00.000Z' },
      pairsRecord('site-b', samplePairs(), '2026-08-01T00:00:00.000Z', '2026Q3'),
    ],
  };
}

function pairsInput(source: BundleSource, siteKey: string): { pairs?: ReturnType<typeof pairsOfRecord> } {
  const record = source.siteResults?.find((r) => r.siteKey === siteKey && r.quarter === QUARTER && r.kind === 'pairs');
  return record ? { pairs: pairsOfRecord(record) } : {};
}

export function sampleInput(source: BundleSource, createdAt = CREATED_AT): BundleInput {
  const sites = source.sites.map((s) => ({
    site: s,
    inspection: source.inspections.find((i) => i.siteId === s.id),
    findings: source.findings.filter((f) => f.siteKey === s.id),
    evidence: source.evidence.filter((e) => e.siteKey === s.id),
    verdicts: source.verdicts.filter((v) => v.siteKey === s.id),
    ...pairsInput(source, s.id),
  }));
  return { quarter: QUARTER, createdAt, generator: GENERATOR, sites };
}

export const emptyDb = (): CurrentData => ({ sites: [], inspections: [], findings: [], evidence: [], verdicts: [], siteResults: [] });

/** What the Dexie glue does with a plan: put every record of `writes` (by id) into the tables. */
export function applyPlan(db: CurrentData, plan: MergePlan): CurrentData {
  const put = <T extends { id: string }>(rows: readonly T[], writes: readonly T[]): T[] => {
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const w of writes) byId.set(w.id, w);
    return [...byId.values()];
  };
  return {
    sites: put(db.sites, plan.writes.sites),
    inspections: put(db.inspections, plan.writes.inspections),
    findings: put(db.findings, plan.writes.findings),
    evidence: put(db.evidence, plan.writes.evidence),
    verdicts: put(db.verdicts, plan.writes.verdicts),
    siteResults: put(db.siteResults, plan.writes.siteResults),
  };
}

/** Every file of a zip as bytes, by path. */
export async function unzipAll(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Uint8Array>();
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async('uint8array'));
  return out;
}

/** A zip made of `files` (strings or bytes), in the given order. */
export async function zipOf(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [path, data] of Object.entries(files)) zip.file(path, data, { createFolders: false });
  return zip.generateAsync({ type: 'uint8array' });
}

export const text = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes);
