/**
 * Export bench in real Chromium (issue 8): the built extension, its database seeded with 60 sites, 3,000
 * findings and 300 screenshots of ~300 KB (random bytes behind a PNG signature: incompressible, like real
 * screenshots), then 导出季度包 clicked on the inspections page — the whole path: IndexedDB → bundle → downloads.
 * Measures the time until the download is saved and the peak memory over the pre-export level of the extension's
 * renderer and of all of Chromium's processes (RSS from /proc), and the same for a baseline in the same page:
 * JSZip storing the same screenshot bytes, read from the same database, saved the same way.
 * Run: GSI_OUT_DIR=.output-bundle npx wxt build && GSI_OUT_DIR=.output-bundle npx tsx bench/run.ts bundle-chromium
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { quarterOf } from '../lib/inspection/quarter';
import { CHINESE_ENV, EXTENSION_DIR, chromiumPath, extensionArgs } from '../tests/support/chromium';

const SITES = 60;
const FINDINGS = 3000;
const SHOTS = 300;
const SHOT_BYTES = 300 * 1024;
const MB = 1024 * 1024;
const DB_NAME = 'gov-site-inspector';

function readProc(pid: string, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return ''; // gone meanwhile
  }
}

function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readProc(String(pid), 'status'));
  return m ? Number(m[1]) * 1024 : 0;
}

/**
 * Our Chromium's processes (Linux /proc): the browser process, the one started with our --user-data-dir, and
 * its descendants (renderers are forked by the zygote); `extension` are the renderers of extension pages.
 */
function processTree(profileDir: string): { all: number[]; extension: number[] } {
  const procs = readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .map((pid) => ({
      pid: Number(pid),
      // The parent pid is the 2nd field after the “(name)” of /proc/<pid>/stat.
      ppid: Number(readProc(pid, 'stat').split(') ')[1]?.split(' ')[1] ?? 0),
      // Forked children rewrite their title into one space-separated string.
      args: readProc(pid, 'cmdline').split(/[\0 ]/),
    }));
  const byPid = new Map(procs.map((p) => [p.pid, p]));
  const roots = new Set(procs.filter((p) => p.args.includes(`--user-data-dir=${profileDir}`) && !p.args.some((a) => a.startsWith('--type='))).map((p) => p.pid));
  const mine = procs.filter((p) => {
    for (let q: number | undefined = p.pid; q && q > 1; q = byPid.get(q)?.ppid) if (roots.has(q)) return true;
    return false;
  });
  return { all: mine.map((p) => p.pid), extension: mine.filter((p) => p.args.includes('--extension-process')).map((p) => p.pid) };
}

interface Measured {
  ms: number;
  rendererPeak: number;
  totalPeak: number;
  heapPeak: number;
}

/** Runs `task`, sampling RSS every 20 ms and the page's JS heap; peaks are over the level just before. */
async function measure(page: Page, profileDir: string, task: () => Promise<void>): Promise<Measured> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const tree = processTree(profileDir);
  if (tree.all.length === 0 || tree.extension.length === 0) throw new Error(`没有找到 Chromium 的进程（共 ${tree.all.length} 个，扩展页面 ${tree.extension.length} 个）`);
  const sum = (pids: number[]): number => pids.reduce((n, pid) => n + rssBytes(pid), 0);
  const heap = async (): Promise<number> =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  const start = { renderer: sum(tree.extension), total: sum(tree.all), heap: await heap() };
  let rendererPeak = 0;
  let totalPeak = 0;
  let heapPeak = 0;
  const sample = (): void => {
    rendererPeak = Math.max(rendererPeak, sum(tree.extension) - start.renderer);
    totalPeak = Math.max(totalPeak, sum(tree.all) - start.total);
  };
  const timer = setInterval(sample, 20);
  let heapSampling = true;
  const heapLoop = (async () => {
    while (heapSampling) {
      heapPeak = Math.max(heapPeak, (await heap().catch(() => 0)) - start.heap);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const t0 = performance.now();
  await task();
  const ms = performance.now() - t0;
  sample();
  clearInterval(timer);
  heapSampling = false;
  await heapLoop;
  await cdp.detach();
  return { ms, rendererPeak, totalPeak, heapPeak };
}

/** Seeds the quarter through the plain IndexedDB API of the extension page (the same database Dexie opened). */
async function seed(page: Page, quarter: string): Promise<void> {
  await page.evaluate(
    async ({ name, quarter, SITES, FINDINGS, SHOTS, SHOT_BYTES }) => {
      const open = (): Promise<IDBDatabase> =>
        new Promise((res, rej) => {
          const r = indexedDB.open(name);
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(r.error);
        });
      const put = (db: IDBDatabase, table: string, rows: unknown[]): Promise<void> =>
        new Promise((res, rej) => {
          const tx = db.transaction(table, 'readwrite');
          for (const row of rows) tx.objectStore(table).put(row);
          tx.oncomplete = () => res();
          tx.onerror = () => rej(tx.error);
        });
      const db = await open();
      const at = '2026-11-10T02:00:00.000Z';
      for (let s = 0; s < SITES; s++) {
        const siteId = `bench-site-${s}`;
        const origin = `https://www${s}.example.gov.cn`;
        const findings = Array.from({ length: FINDINGS / SITES }, (_, i) => {
          const key = `link|${origin}/col/${i}.html|${origin}/dead/${i}`;
          return {
            id: `${quarter}|${key}`, key, siteKey: siteId, quarter, check: i % 3 ? 'link' : 'expression',
            severity: i % 7 ? 'major' : 'veto', status: i % 2 ? 'confirmed' : 'open', pageUrl: `${origin}/col/${i}.html`,
            pageTitle: `栏目页面 ${i}`, message: '链接无法访问（404）', subject: `${origin}/dead/${i}`,
            excerpt: '关于印发《政府网站与政务新媒体检查指标》的通知'.repeat(2), target: `${origin}/dead/${i}`, httpStatus: 404,
            firstSeen: at, lastSeen: at,
          };
        });
        const evidence = Array.from({ length: SHOTS / SITES }, (_, i) => {
          const bytes = new Uint8Array(SHOT_BYTES);
          for (let o = 0; o < SHOT_BYTES; o += 65536) crypto.getRandomValues(bytes.subarray(o, Math.min(o + 65536, SHOT_BYTES)));
          bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
          return {
            id: `ev-${s}-${i}`, siteKey: siteId, quarter, pageUrl: `${origin}/col/${i}.html`, capturedAt: at, sha256: '',
            bytes: SHOT_BYTES, png: new Blob([bytes], { type: 'image/png' }), findingIds: findings.slice(i * 3, i * 3 + 3).map((f) => f.id), note: '截图',
          };
        });
        await put(db, 'sites', [{ id: siteId, name: `示例市第${s}个政府网站`, homeUrl: `${origin}/`, siteCode: `11010000${String(s).padStart(2, '0')}`, aliases: [], createdAt: at, updatedAt: at }]);
        await put(db, 'inspections', [{
          id: `${siteId}|${quarter}`, siteId, quarter, profile: 'national-2019', verdict: '不合格', problems: '存在错链断链', inspector: '张三',
          inspectedOn: '2026-11-12', createdAt: at, updatedAt: at,
          checklist: [{ id: 'SV-L1', title: '错链断链', status: 'fail', note: '', findingIds: findings.slice(0, 10).map((f) => f.id), evidenceIds: [] }],
        }]);
        await put(db, 'findings', findings);
        await put(db, 'evidence', evidence);
      }
      db.close();
    },
    { name: DB_NAME, quarter, SITES, FINDINGS, SHOTS, SHOT_BYTES },
  );
}

/** Waits until the downloads API reports download `count` (1-based, in start order) complete; returns its size. */
async function downloadedSize(page: Page, count: number): Promise<number> {
  for (;;) {
    const items = await page.evaluate(() =>
      (globalThis as unknown as { chrome: { downloads: { search(q: object): Promise<{ state: string; fileSize: number }[]> } } }).chrome.downloads.search({ orderBy: ['startTime'] }),
    );
    const item = items[count - 1];
    if (item?.state === 'complete') return item.fileSize;
    if (item?.state === 'interrupted') throw new Error('下载被中断');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The baseline in the same page: JSZip (its own dist file) storing the screenshots read from the database. */
async function baselineExport(page: Page): Promise<void> {
  await page.evaluate(async (name) => {
    const JSZip = (globalThis as unknown as { JSZip: new () => { file(p: string, d: Blob, o: object): void; generateAsync(o: object): Promise<Uint8Array> } }).JSZip;
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const rows = await new Promise<{ id: string; png: Blob }[]>((res, rej) => {
      const r = db.transaction('evidence').objectStore('evidence').getAll();
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    db.close();
    const zip = new JSZip();
    for (const row of rows) zip.file(`evidence/${row.id}.png`, row.png, { compression: 'STORE', binary: true, createFolders: false });
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
    const api = (globalThis as unknown as { chrome: { downloads: { download(o: object): Promise<number> } } }).chrome.downloads;
    await api.download({ url, filename: 'baseline.zip', conflictAction: 'uniquify' });
  }, DB_NAME);
}

export default async function run(): Promise<void> {
  if (!existsSync(resolve(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`没有找到构建好的扩展：${EXTENSION_DIR}。请先运行 GSI_OUT_DIR=… npx wxt build（或 npm run build）。`);
  }
  if (process.platform !== 'linux') throw new Error('此基准测试从 /proc 读取内存，只能在 Linux 上运行');
  const profileDir = mkdtempSync(join(tmpdir(), 'gsi-bench-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: chromiumPath(),
      env: { ...process.env, ...CHINESE_ENV },
      headless: false, // --headless=new comes from extensionArgs
      args: extensionArgs(),
      locale: 'zh-CN',
      // Lets the baseline load JSZip's dist file into the extension page, whose CSP allows only its own scripts.
      bypassCSP: true,
    });
    // tsx names the functions it compiles with a `__name` helper that page.evaluate bodies need in the page too.
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const quarter = quarterOf(new Date());
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/inspections.html#q=${quarter}`);
    const exportButton = page.getByRole('button', { name: '导出季度包', exact: true });
    await exportButton.waitFor();
    for (let i = 0; i < 100 && !(await page.evaluate(async (n) => (await indexedDB.databases()).some((d) => d.name === n), DB_NAME)); i++) {
      await page.waitForTimeout(100);
    }
    const seeded = performance.now();
    await seed(page, quarter);
    console.log(`seeded ${SITES} sites, ${FINDINGS} findings, ${SHOTS} × ${SHOT_BYTES / 1024} KB screenshots in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
    await page.reload();
    await exportButton.waitFor();

    const ours = await measure(page, profileDir, async () => {
      await exportButton.click();
      await page.getByRole('region', { name: '季度包' }).getByRole('status').filter({ hasText: '已导出' }).waitFor({ timeout: 120_000 });
      await downloadedSize(page, 1);
    });
    const size = await downloadedSize(page, 1);

    await page.reload();
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('jszip/dist/jszip.min.js') });
    const baseline = await measure(page, profileDir, async () => {
      await baselineExport(page);
      await downloadedSize(page, 2);
    });
    const baseSize = await downloadedSize(page, 2);

    const mb = (n: number): string => `${(n / MB).toFixed(0)} MB`;
    console.log(`bundle export in Chromium (${SITES} sites, ${FINDINGS} findings, ${SHOTS} × ${SHOT_BYTES / 1024} KB screenshots)`);
    console.log(`  bundle size              ${(size / MB).toFixed(1)} MB (baseline zip ${(baseSize / MB).toFixed(1)} MB)`);
    console.log(`  export time              ${(ours.ms / 1000).toFixed(2)} s = ${((ours.ms / 10_000) * 100).toFixed(0)} % of the 10 s target; baseline ${(baseline.ms / 1000).toFixed(2)} s → ours / baseline = ${(ours.ms / baseline.ms).toFixed(2)}×`);
    console.log(`  peak RSS, extension page ${mb(ours.rendererPeak)} = ${(ours.rendererPeak / size).toFixed(2)} × bundle (target < 2×); baseline ${mb(baseline.rendererPeak)} = ${(baseline.rendererPeak / baseSize).toFixed(2)}× → ours / baseline = ${(ours.rendererPeak / baseline.rendererPeak).toFixed(2)}×`);
    console.log(`  peak RSS, all processes  ${mb(ours.totalPeak)} = ${(ours.totalPeak / size).toFixed(2)} × bundle; baseline ${mb(baseline.totalPeak)} = ${(baseline.totalPeak / baseSize).toFixed(2)}× → ours / baseline = ${(ours.totalPeak / baseline.totalPeak).toFixed(2)}×`);
    console.log(`  peak JS heap (sampled)   ${mb(ours.heapPeak)} = ${(ours.heapPeak / size).toFixed(2)} × bundle; baseline ${mb(baseline.heapPeak)}`);
  } finally {
    await context?.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}
