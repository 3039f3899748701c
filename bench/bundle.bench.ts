/**
 * Export bench for issue 8: 60 sites, 3,000 findings, 300 screenshots of ~300 KB (random bytes behind a PNG
 * signature: incompressible, like real screenshots). Prints export time and peak memory over the
 * pre-export level, with the bundle size and the ratios against the targets (< 10 s, < 2 × bundle size),
 * and a baseline in the same process: JSZip storing the same raw bytes with none of our work.
 * Run: node --import tsx -e "import('./bench/bundle.bench.ts').then((m) => m.default())"
 */
import { randomFillSync } from 'node:crypto';
import JSZip from 'jszip';
import { buildBundle } from '../lib/bundle/build-bundle';
import type { BundleInput, BundleSiteInput } from '../lib/bundle/bundle-input';
import type { Finding } from '../lib/db/records';

const SITES = 60;
const FINDINGS = 3000;
const SHOTS = 300;
const SHOT_BYTES = 300 * 1024;
const MB = 1024 * 1024;

function screenshot(): Uint8Array {
  const bytes = new Uint8Array(SHOT_BYTES);
  randomFillSync(bytes);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return bytes;
}

function makeInput(): BundleInput {
  const sites: BundleSiteInput[] = [];
  for (let s = 0; s < SITES; s++) {
    const siteId = `site-${s}`;
    const findings: Finding[] = [];
    for (let i = 0; i < FINDINGS / SITES; i++) {
      const key = `link|https://www${s}.example.gov.cn/col/${i}.html|https://www${s}.example.gov.cn/dead/${i}`;
      findings.push({
        id: `2026Q4|${key}`, key, siteKey: siteId, quarter: '2026Q4', check: i % 3 ? 'link' : 'expression',
        severity: i % 7 ? 'major' : 'veto', status: i % 2 ? 'confirmed' : 'open',
        pageUrl: `https://www${s}.example.gov.cn/col/${i}.html`, pageTitle: `栏目页面 ${i}`,
        message: '链接无法访问（404）', subject: `https://www${s}.example.gov.cn/dead/${i}`,
        excerpt: '关于印发《政府网站与政务新媒体检查指标》的通知'.repeat(2), target: `https://www${s}.example.gov.cn/dead/${i}`,
        httpStatus: 404, firstSeen: '2026-10-10T02:00:00.000Z', lastSeen: '2026-11-10T02:00:00.000Z',
      });
    }
    const evidence = Array.from({ length: SHOTS / SITES }, (_, i) => ({
      id: `ev-${s}-${i}`, siteKey: siteId, quarter: '2026Q4', pageUrl: `https://www${s}.example.gov.cn/col/${i}.html`,
      capturedAt: '2026-11-10T03:00:00.000Z', sha256: '', bytes: SHOT_BYTES, png: screenshot(),
      findingIds: findings.slice(i * 3, i * 3 + 3).map((f) => f.id), note: '截图',
    }));
    sites.push({
      site: { id: siteId, name: `示例市第${s}个政府网站`, homeUrl: `https://www${s}.example.gov.cn/`, siteCode: `11010000${String(s).padStart(2, '0')}`, aliases: [], createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' },
      inspection: {
        id: `${siteId}|2026Q4`, siteId, quarter: '2026Q4', profile: 'gov-2019', verdict: '不合格', problems: '存在错链断链', inspector: '张三',
        inspectedOn: '2026-11-12', createdAt: '2026-10-01T00:00:00.000Z', updatedAt: '2026-11-12T00:00:00.000Z',
        checklist: [{ id: 'SV-L1', title: '错链断链', status: 'fail', note: '', findingIds: findings.slice(0, 10).map((f) => f.id), evidenceIds: [] }],
      },
      findings,
      evidence,
    });
  }
  return { quarter: '2026Q4', createdAt: '2026-12-31T04:00:00.000Z', generator: { name: 'bench', version: '0' }, sites };
}

/** Runs `task`, sampling RSS and heap every 5 ms; returns its result, the time and the peaks over the start. */
async function measure<T>(task: () => Promise<T>): Promise<{ result: T; ms: number; rssPeak: number; heapPeak: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.memoryUsage();
  let rssPeak = 0;
  let heapPeak = 0;
  const sample = (): void => {
    const m = process.memoryUsage();
    rssPeak = Math.max(rssPeak, m.rss - start.rss);
    heapPeak = Math.max(heapPeak, m.heapUsed + m.arrayBuffers - start.heapUsed - start.arrayBuffers);
  };
  const timer = setInterval(sample, 5);
  const t0 = performance.now();
  const result = await task();
  const ms = performance.now() - t0;
  sample();
  clearInterval(timer);
  return { result, ms, rssPeak, heapPeak };
}

export default async function run(): Promise<void> {
  const input = makeInput();
  const shots = input.sites.flatMap((s) => s.evidence.map((e) => e.png as Uint8Array));

  const baseline = await measure(async () => {
    const zip = new JSZip();
    shots.forEach((png, i) => zip.file(`evidence/${i}.png`, png, { compression: 'STORE', createFolders: false }));
    return zip.generateAsync({ type: 'uint8array' });
  });
  const ours = await measure(() => buildBundle(input));
  const size = ours.result.byteLength;
  // As the extension page gets them from IndexedDB: PNGs as Blobs, read during the export.
  const blobInput = { ...input, sites: input.sites.map((s) => ({ ...s, evidence: s.evidence.map((e) => ({ ...e, png: new Blob([e.png as Uint8Array<ArrayBuffer>]) })) })) };
  const fromBlobs = await measure(() => buildBundle(blobInput));

  console.log('bundle export (60 sites, 3,000 findings, 300 × 300 KB screenshots)');
  console.log(`  bundle size            ${(size / MB).toFixed(1)} MB`);
  console.log(`  export time            ${(ours.ms / 1000).toFixed(2)} s   (target < 10 s: ${((ours.ms / 10000) * 100).toFixed(0)} % of budget)`);
  console.log(`  baseline (JSZip STORE) ${(baseline.ms / 1000).toFixed(2)} s   → ours / baseline = ${(ours.ms / baseline.ms).toFixed(2)}×`);
  console.log(`  peak RSS over start    ${(ours.rssPeak / MB).toFixed(0)} MB = ${(ours.rssPeak / size).toFixed(2)} × bundle (target < 2×); baseline ${(baseline.rssPeak / MB).toFixed(0)} MB = ${(baseline.rssPeak / size).toFixed(2)}×`);
  console.log(`  PNGs given as Blobs    ${(fromBlobs.ms / 1000).toFixed(2)} s, peak RSS over start ${(fromBlobs.rssPeak / MB).toFixed(0)} MB = ${(fromBlobs.rssPeak / size).toFixed(2)} × bundle`);
  console.log(`  peak heap+buffers      ${(ours.heapPeak / MB).toFixed(0)} MB = ${(ours.heapPeak / size).toFixed(2)} × bundle; baseline ${(baseline.heapPeak / MB).toFixed(0)} MB`);
}
