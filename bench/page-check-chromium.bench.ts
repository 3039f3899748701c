/**
 * 检查本页 on a big page in real Chromium (issue 3): a 2 MB page of ~30,000 nodes of government-style text with
 * 120 planted wrong forms, served by a small local server; the built extension checks it from the side panel.
 * Measures, in the page's own clock, the time from the click to the new highlights (snapshot, messaging, the
 * background's match and storage, highlights) and the longest main-thread task of the page meanwhile
 * (PerformanceObserver 'longtask'). Baseline in the same page: one `document.body.innerText` read.
 * Targets: ≤ 300 ms end to end, no page task over 100 ms.
 * Run: npm run build && npm run bench page-check-chromium
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHINESE_ENV, EXTENSION_DIR, chromiumPath, extensionArgs } from '../tests/support/chromium';

const TARGET_BYTES = 2 * 1024 * 1024;
const PLANTED = 120;
/** One cold check and eight more: the median of eight is steadier than of four on a busy two-core machine. */
const RUNS = 9;
const PAUSE_MS = 3000;
const HIGHLIGHTS = ['gsi-veto', 'gsi-major', 'gsi-minor', 'gsi-info'];

const SENTENCES = [
  '全市各级各部门要坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大和二十届历次全会精神。',
  '会议强调，要深入学习贯彻习近平总书记重要讲话精神，完整准确全面贯彻新发展理念，加快构建新发展格局。',
  '持续推进常态化扫黑除恶斗争，深化平安青山建设，不断增强人民群众的获得感、幸福感、安全感。',
  '围绕优化营商环境，市政务服务中心推行“一网通办”，全年办理政务服务事项一百二十万件。',
  '坚持全面从严治党，驰而不息纠治“四风”，持续巩固拓展主题教育成果。',
  '扎实推进乡村振兴战略，巩固拓展脱贫攻坚成果，推动共同富裕取得更为明显的实质性进展。',
  '本机关将按照《中华人民共和国政府信息公开条例》要求，及时公开政策文件及其解读材料。',
];
const WRONG = ['扫黑险恶', '全面从严冶党', '一代一路', '国务院办公庭', '渡假村', '再接再励', '共同富余', '精准扶贪'];

/** One item: div > (p > text, span > text, em > text) = 7 nodes. */
function item(i: number, wrong: string | null): string {
  const a = SENTENCES[i % SENTENCES.length]!;
  const b = SENTENCES[(i + 3) % SENTENCES.length]!;
  const body = wrong ? `${a.slice(0, 20)}${wrong}${a.slice(20)}` : a;
  return `<div class="item"><p>${body}${b}${SENTENCES[(i + 1) % SENTENCES.length]!}</p><span>第${i + 1}条 发布时间：2026-11-05</span><em>${SENTENCES[(i + 5) % SENTENCES.length]!.slice(0, 24)}</em></div>`;
}

function bigPage(): { html: string; nodes: number } {
  const parts: string[] = [];
  let bytes = 0;
  let i = 0;
  const sample = Buffer.byteLength(item(0, null));
  const count = Math.ceil(TARGET_BYTES / sample);
  const every = Math.floor(count / PLANTED);
  for (; bytes < TARGET_BYTES; i++) {
    const part = item(i, i % every === every - 1 ? WRONG[(i / every) % WRONG.length | 0]! : null);
    parts.push(part);
    bytes += Buffer.byteLength(part);
  }
  const html = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>青山市人民政府 - 大页面基准</title></head><body><h1>大页面基准</h1>\n${parts.join('\n')}\n</body></html>`;
  return { html, nodes: i * 7 + i };
}

function serve(html: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    if (req.url !== '/big.html') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => {
    const port = (server.address() as { port: number }).port;
    done({ server, url: `http://127.0.0.1:${port}/big.html` });
  }));
}

async function tabIdOf(context: BrowserContext, url: string): Promise<number> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return worker.evaluate(async (target) => {
    const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome;
    return (await api.tabs.query({})).find((t) => t.url === target)?.id ?? -1;
  }, url);
}

interface Run {
  endToEnd: number;
  longestTask: number;
  ranges: number;
}

/** One 检查本页: the page's clock from just before the click until the new highlights are set. */
async function checkOnce(page: Page, panel: Page): Promise<Run> {
  await page.evaluate((names) => {
    const w = window as unknown as { __bench: { tasks: number[]; before: unknown[]; t0: number } };
    const tasks: number[] = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push(e.duration);
    }).observe({ type: 'longtask' });
    w.__bench = { tasks, before: names.map((n) => CSS.highlights.get(n)), t0: performance.now() };
  }, HIGHLIGHTS);
  // The panel sits in a background tab here, where Playwright's click waits for throttled animation frames
  // (up to a second): press the button directly, as the click handler would run.
  await panel.getByRole('button', { name: '检查本页', exact: true }).evaluate((b: HTMLButtonElement) => b.click());
  const result = await page.waitForFunction(
    (names) => {
      const w = window as unknown as { __bench: { tasks: number[]; before: unknown[]; t0: number } };
      if (!names.some((n, i) => CSS.highlights.get(n) && CSS.highlights.get(n) !== w.__bench.before[i])) return null;
      let ranges = 0;
      for (const n of names) ranges += CSS.highlights.get(n)?.size ?? 0;
      return { endToEnd: performance.now() - w.__bench.t0, ranges };
    },
    HIGHLIGHTS,
    { polling: 'raf', timeout: 30_000 },
  );
  const { endToEnd, ranges } = (await result.jsonValue()) as { endToEnd: number; ranges: number };
  // Long tasks are reported after they end: give the observer a frame to deliver the last ones.
  await page.waitForTimeout(300);
  const tasks = await page.evaluate(() => (window as unknown as { __bench: { tasks: number[] } }).__bench.tasks);
  await panel.getByRole('status').filter({ hasText: '检查时间' }).waitFor({ timeout: 30_000 });
  return { endToEnd, longestTask: Math.max(0, ...tasks), ranges };
}

export default async function run(): Promise<void> {
  // extensionArgs throws (in Chinese) when the extension was not built into GSI_OUT_DIR.
  const args = extensionArgs(EXTENSION_DIR);
  const { html, nodes } = bigPage();
  const { server, url } = await serve(html);
  const profile = mkdtempSync(join(tmpdir(), 'gsi-bench-page-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    env: { ...process.env, ...CHINESE_ENV },
    headless: false,
    args,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const counted = await page.evaluate(() => {
      let n = 0;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ALL);
      while (walker.nextNode()) n++;
      return n;
    });
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?tabId=${await tabIdOf(context, url)}`);
    await panel.getByRole('button', { name: '检查本页', exact: true }).waitFor();
    await page.bringToFront();

    const baselines: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      baselines.push(await page.evaluate(() => {
        const t = performance.now();
        void document.body.innerText.length;
        return performance.now() - t;
      }));
    }
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      runs.push(await checkOnce(page, panel));
      // The follow-up stages of a check (links, interpretation) run on in the background: let them finish, as
      // they do while an inspector reads the results, so each run measures one check.
      await page.waitForTimeout(PAUSE_MS);
    }

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    const warm = runs.slice(1);
    const e2e = median(warm.map((r) => r.endToEnd));
    const longest = Math.max(...runs.map((r) => r.longestTask));
    const base = median(baselines);
    console.log(`page: ${(Buffer.byteLength(html) / 1024 / 1024).toFixed(2)} MB, ${counted.toLocaleString()} nodes (generated ${nodes.toLocaleString()}), ${PLANTED} planted wrong forms`);
    console.log(`highlighted ranges: ${runs.map((r) => r.ranges).join(', ')}`);
    console.log(`end to end (click → highlights), per run: ${runs.map((r) => r.endToEnd.toFixed(0)).join(', ')} ms; first run ${runs[0]!.endToEnd.toFixed(0)} ms, median of the rest ${e2e.toFixed(0)} ms (target ≤ 300)`);
    console.log(`longest page main-thread task, per run: ${runs.map((r) => r.longestTask.toFixed(0)).join(', ')} ms; worst ${longest.toFixed(0)} ms (target ≤ 100)`);
    console.log(`baseline document.body.innerText: median ${base.toFixed(1)} ms → end to end = ${(e2e / base).toFixed(1)}× the baseline, longest task = ${(longest / base).toFixed(1)}×`);
    const ok = e2e <= 300 && longest <= 100;
    console.log(ok ? '目标达成。' : '未达到目标。');
    if (!ok) process.exitCode = 1;
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
