/**
 * Crawl throughput: the 500-page fixture site under /big/ served with 50 ms latency per response, crawled with
 * `CrawlQueue` (4 requests per host) and node's fetch, decoding each page with `decodeHtml`.
 * Prints total time against the ideal (pages × latency ÷ concurrency; target ≤ 1.5×), against a baseline measured
 * in the same process (the same URLs fetched by a plain 4-wide pool that knows them in advance), and peak memory.
 */
import { decodeHtml } from '../lib/encoding/decode-html';
import { CrawlQueue } from '../lib/site/crawl-queue';
import type { CrawlFetch } from '../lib/site/crawl-types';
import { startFixtureSite } from '../tests/fixtures/site/server.ts';

const LATENCY_MS = 50;
const CONCURRENCY = 4;

const nodeFetch: CrawlFetch = async (url, signal) => {
  try {
    const res = await fetch(url, { signal, redirect: 'follow' });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const contentType = res.headers.get('content-type') ?? undefined;
    return { status: res.status, finalUrl: res.url, html: decodeHtml(bytes, contentType).text, ...(contentType ? { contentType } : {}) };
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
};

/** Fetches known URLs with a fixed-width pool: the floor any crawler can reach on this server. */
async function plainPool(urls: readonly string[]): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < urls.length) {
      const url = urls[next++]!;
      await nodeFetch(url, new AbortController().signal);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

export default async function run(): Promise<void> {
  const site = await startFixtureSite({ latencyMs: LATENCY_MS });
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);
  try {
    const queue = new CrawlQueue({ startUrl: `${site.origin}/big/index.html`, perHostConcurrency: CONCURRENCY });
    const started = performance.now();
    const status = await queue.run({ fetch: nodeFetch });
    const crawlMs = performance.now() - started;
    const pages = queue.records.length;
    const maxInFlight = site.maxConcurrentByPath('/big/');

    const baseStarted = performance.now();
    await plainPool(queue.records.map((r) => r.url));
    const baselineMs = performance.now() - baseStarted;

    const idealMs = (pages * LATENCY_MS) / CONCURRENCY;
    const ratio = crawlMs / idealMs;
    console.log(`crawl: ${status}, ${pages} pages, ${queue.records.filter((r) => r.status === 200).length} ok, max ${maxInFlight} in flight on the server`);
    console.log(`time: ${crawlMs.toFixed(0)} ms; ideal ${idealMs.toFixed(0)} ms (${pages} × ${LATENCY_MS} ms ÷ ${CONCURRENCY}); ratio ${ratio.toFixed(2)} (target ≤ 1.5) ${ratio <= 1.5 ? 'OK' : 'OVER'}`);
    console.log(`baseline (plain ${CONCURRENCY}-wide pool over the same URLs): ${baselineMs.toFixed(0)} ms; crawl/baseline ${(crawlMs / baselineMs).toFixed(2)}`);
    console.log(`state JSON: ${(JSON.stringify(queue.toJSON()).length / 1024).toFixed(0)} KB`);
    console.log(`peak memory: rss ${(peakRss / 2 ** 20).toFixed(0)} MB, heap ${(peakHeap / 2 ** 20).toFixed(0)} MB`);
    if (pages < 500) throw new Error(`只抓取了 ${pages} 个页面（应为 500）`);
    if (ratio > 1.5) throw new Error(`抓取用时为理想值的 ${ratio.toFixed(2)} 倍，超过 1.5 倍`);
  } finally {
    clearInterval(sample);
    await site.close();
  }
}
