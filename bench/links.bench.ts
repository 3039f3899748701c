/**
 * Link-check speed and politeness on the fixture page /bench/links.html: 1,000 unique links whose targets answer
 * after 100 ms, checked in one process by
 *   1. our checker (collectLinks → LinkQueue with 4 per host → checkLink → node fetcher),
 *   2. a plain 4-wide pool of HEAD requests over the same URLs: the floor any checker that keeps 4 per host can reach,
 *   3. linkinator (npm, v7) asked for concurrency 4.
 * Each run gets its own fresh fixture server, so the server's in-flight counts are not mixed.
 *
 * linkinator 7.6.1 starts every link check as soon as it parses the link and only queues the waiting for it
 * (node_modules/linkinator/build/src/index.js, `checkPromise` in crawl()), so its `concurrency` does not limit
 * requests: the server sees hundreds at once. A checker that keeps 4 per host cannot match that time on a one-host
 * page (floor 1,000 × 100 ms ÷ 4 = 25 s); the bench prints that ratio for the record and holds us to the pool.
 */
import { LinkState, check as linkinatorCheck } from 'linkinator';
import { createJobChecker } from '../lib/links/check-page-links';
import { collectLinks } from '../lib/links/collect-links';
import { LinkQueue } from '../lib/links/host-queue';
import type { LinkInfo, PageSnapshot } from '../lib/scan/snapshot-types';
import { BENCH_LINK_COUNT, PAGES } from '../tests/fixtures/site/planted.ts';
import { startFixtureSite } from '../tests/fixtures/site/server.ts';
import { createNodeFetcher } from '../tests/support/node-fetcher.ts';

const PER_HOST = 4;
const TARGETS = '/bench/t/';

interface Run {
  ms: number;
  maxInFlight: number;
  /** By path (each run has its own server port): state:reason (ours) or OK | BROKEN | SKIPPED (linkinator). */
  states: Map<string, string>;
}

/** The links of the bench page as a snapshot (a regex suffices: the page is a plain list of <a href>). */
function snapshotOf(html: string, pageUrl: string): PageSnapshot {
  const links: LinkInfo[] = [...html.matchAll(/<a\s[^>]*href="([^"]*)"[^>]*>([^<]*)<\/a>/g)].map((m, ref) => {
    const raw = m[1] ?? '';
    return { ref, kind: 'a', raw, url: new URL(raw, pageUrl).href, text: m[2] ?? '', region: 'main', hidden: [] };
  });
  return {
    url: pageUrl, title: '', lang: 'zh-CN', hasLayout: false, blocks: [], links, anchors: [], headings: [], breadcrumb: [],
    nav: [], listItems: [], tables: [], meta: {}, scripts: [], footerText: '',
    stats: { nodes: 0, truncated: false, frames: 0, unreadableFrames: 0, isFrameset: false, millis: 0 },
  };
}

async function ours(): Promise<Run> {
  const site = await startFixtureSite();
  try {
    const pageUrl = `${site.origin}${PAGES.benchLinks}`;
    const started = performance.now();
    const html = await (await fetch(pageUrl)).text();
    const collected = collectLinks(snapshotOf(html, pageUrl));
    const queue = new LinkQueue({ check: createJobChecker(createNodeFetcher()), perHost: PER_HOST });
    const results = await queue.checkAll(collected.targets.map((t) => ({ url: t.url, credentials: 'include', expect: t.expect })));
    const ms = performance.now() - started;
    const states = new Map([...results].map(([url, r]) => [new URL(url).pathname, `${r.state}:${r.reason}`]));
    return { ms, maxInFlight: site.maxConcurrentByPath(TARGETS), states };
  } finally {
    await site.close();
  }
}

/** HEAD requests over known URLs, 4 at a time: no parsing, no classification, nothing but the requests. */
async function plainPool(): Promise<Run> {
  const site = await startFixtureSite();
  try {
    const urls = Array.from({ length: BENCH_LINK_COUNT }, (_, i) => `${site.origin}${TARGETS}${i + 1}`);
    const states = new Map<string, string>();
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < urls.length) {
        const url = urls[next++] ?? '';
        const res = await fetch(url, { method: 'HEAD' });
        states.set(new URL(url).pathname, String(res.status));
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: PER_HOST }, worker));
    return { ms: performance.now() - started, maxInFlight: site.maxConcurrentByPath(TARGETS), states };
  } finally {
    await site.close();
  }
}

async function linkinator(): Promise<Run> {
  const site = await startFixtureSite();
  try {
    const pageUrl = `${site.origin}${PAGES.benchLinks}`;
    const started = performance.now();
    const result = await linkinatorCheck({ path: pageUrl, recurse: false, timeout: 15_000, concurrency: PER_HOST });
    const ms = performance.now() - started;
    const states = new Map(result.links.filter((l) => l.url.includes(TARGETS)).map((l) => [new URL(l.url).pathname, l.state as string]));
    return { ms, maxInFlight: site.maxConcurrentByPath(TARGETS), states };
  } finally {
    await site.close();
  }
}

/** Our state in linkinator's terms: a redirect works, so it is OK. */
function asLinkinator(stateAndReason: string | undefined): string {
  const state = stateAndReason?.split(':')[0];
  if (state === 'ok' || state === 'redirect') return LinkState.OK;
  if (state === 'dead') return LinkState.BROKEN;
  return state ?? 'missing';
}

/** Why our state may rightly differ from linkinator's; undefined when there is no known reason. */
function explain(ours: string | undefined): string | undefined {
  const reason = ours?.split(':')[1];
  if (reason === 'soft-404') return 'linkinator 不读页面标题，识别不了“软404”';
  if (ours?.startsWith('inconclusive')) return 'linkinator 没有“无法判断”状态，把防护墙、超时等当作失效或正常';
  return undefined;
}

export default async function run(): Promise<void> {
  const ourRun = await ours();
  const pool = await plainPool();
  const lk = await linkinator();

  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const vsPool = ourRun.ms / pool.ms;
  const vsLinkinator = ourRun.ms / lk.ms;
  console.log(`links: ${BENCH_LINK_COUNT} unique targets on one host, each answering after 100 ms; limit ${PER_HOST} per host`);
  console.log(`ours:            ${seconds(ourRun.ms)}, max ${ourRun.maxInFlight} in flight on the host`);
  console.log(`plain HEAD pool: ${seconds(pool.ms)}, max ${pool.maxInFlight} in flight (floor for ${PER_HOST} per host)`);
  console.log(`linkinator:      ${seconds(lk.ms)} asked for concurrency ${PER_HOST}, max ${lk.maxInFlight} in flight (its limit is not enforced)`);
  console.log(`ratio ours / pool: ${vsPool.toFixed(3)} (target ≤ 1.05) ${vsPool <= 1.05 ? 'OK' : 'OVER'}`);
  console.log(`ratio ours / linkinator: ${vsLinkinator.toFixed(2)} (issue target ≤ 1: not reachable at ${PER_HOST} per host while linkinator sends ${lk.maxInFlight} at once)`);

  const paths = new Set([...ourRun.states.keys(), ...lk.states.keys()]);
  const differences = [...paths].filter((p) => asLinkinator(ourRun.states.get(p)) !== (lk.states.get(p) ?? 'missing'));
  const unexplained = differences.filter((p) => explain(ourRun.states.get(p)) === undefined);
  console.log(`states: ours ${ourRun.states.size}, linkinator ${lk.states.size}, ${differences.length} differences (${unexplained.length} unexplained)`);
  for (const p of differences.slice(0, 20)) {
    console.log(`  ${p}: ours ${ourRun.states.get(p) ?? 'missing'}, linkinator ${lk.states.get(p) ?? 'missing'} — ${explain(ourRun.states.get(p)) ?? '原因不明'}`);
  }

  if (ourRun.states.size !== BENCH_LINK_COUNT) throw new Error(`只检查了 ${ourRun.states.size} 个链接（应为 ${BENCH_LINK_COUNT}）`);
  if (ourRun.maxInFlight > PER_HOST) throw new Error(`同一主机并发 ${ourRun.maxInFlight} 个请求，超过上限 ${PER_HOST}`);
  if (unexplained.length > 0) throw new Error(`${unexplained.length} 个链接的状态与 linkinator 不一致且原因不明`);
  if (vsPool > 1.05) throw new Error(`用时为同并发下限的 ${vsPool.toFixed(3)} 倍，超过 1.05`);
}
