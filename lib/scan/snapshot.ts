/**
 * The only module that walks a page's DOM. It reads a Document once into a plain `PageSnapshot` (what checks
 * see) and a `SnapshotMap` (how the content script finds the nodes again). It never changes the document.
 *
 * Fixture pages that exercise it: every page of tests/fixtures/site (see tests/dom/scan/snapshot.test.ts).
 *
 * The walk itself is in dom-walker.ts.
 */
import type { PageSnapshot } from './snapshot-types';
import type { SnapshotMap } from './text-map';
import { collapse } from '../text/collapse';
import { DEFAULT_MAX_NODES, readMeta, Walker, type Context } from './dom-walker';
import { readBreadcrumb, readNavTree } from './structure';

export interface SnapshotOptions {
  /** Read computed style and boxes (a live tab). False for documents parsed from fetched HTML. */
  layout?: boolean;
  /** Stop after this many nodes; the snapshot is then marked truncated. */
  maxNodes?: number;
  /** Clock for the millis statistic (tests pass a fake). */
  clock?: () => number;
  /** The page's address when the document was parsed from fetched HTML (its own URL is then about:blank). */
  url?: string;
}

export interface SnapshotResult {
  snapshot: PageSnapshot;
  map: SnapshotMap;
}

/**
 * Read a document into a snapshot and its DOM map.
 * Never throws on odd pages (framesets, huge pages, pages that break built-ins): the walker runs in the
 * extension's isolated world, and the node budget keeps a 50,000-node page bounded.
 */
export function takeSnapshot(doc: Document, options: SnapshotOptions = {}): SnapshotResult {
  const read = startReading(doc, options);
  read.walker.step(() => false);
  return read.finish();
}

/**
 * How long one slice of a sliced read may take: well under the 50 ms that makes a task “long”, with room for a
 * slow or busy machine (the last node read in a slice may force a style update).
 */
const SLICE_MS = 20;

/**
 * `takeSnapshot` for a live tab, read in slices of about 20 ms with the page's own tasks in between (a 2 MB page
 * takes longer than a page task should). Between slices the page may change: nodes read earlier keep their text
 * as read, and text marks check their ranges again when they are placed (`rangeFor`).
 */
export async function takeSnapshotInSlices(
  doc: Document,
  options: SnapshotOptions = {},
  pause: () => Promise<void> = yieldToPage,
  sliceMs = SLICE_MS,
): Promise<SnapshotResult> {
  const read = startReading(doc, options);
  const now = () => performance.now();
  for (let paused = false; ; paused = true) {
    const until = now() + sliceMs;
    if (read.walker.step(() => now() >= until)) {
      // The caller's next step (sending a big snapshot) gets a task of its own.
      if (paused) await pause();
      break;
    }
    await pause();
  }
  return read.finish();
}

/** Let the page run its queued tasks, then go on (scheduler.yield where there is one: it is not throttled). */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done();
    channel.port2.postMessage(null);
  });
}

function startReading(doc: Document, options: SnapshotOptions): { walker: Walker; finish: () => SnapshotResult } {
  const clock = options.clock ?? (() => Date.now());
  const started = clock();
  const layout = options.layout ?? false;
  const walker = new Walker(doc, layout, options.maxNodes ?? DEFAULT_MAX_NODES);
  const rootCtx: Context = { region: 'main', source: 'page', hidden: [], inLink: false, depth: 0 };
  const frameset = doc.querySelector('frameset');
  const root = doc.body ?? frameset ?? doc.documentElement;
  if (frameset && !doc.body) walker.begin(frameset, rootCtx);
  else if (root) walker.begin(root, rootCtx);
  const finish = (): SnapshotResult => {
    // Scripts in <head> carry identity widgets (找错, 党政机关标识) too.
    if (doc.head) for (const el of Array.from(doc.head.querySelectorAll('script'))) walker.recordScript(el);
    const blocks = walker.blocks;
    const footerText = blocks.filter((b) => b.region === 'footer' && !b.hidden).map((b) => collapse(b.text)).join('\n');
    const snapshot: PageSnapshot = {
      url: options.url ?? doc.URL,
      title: collapse(doc.title ?? ''),
      lang: doc.documentElement?.getAttribute('lang') ?? '',
      hasLayout: layout,
      blocks,
      links: walker.links,
      anchors: [...walker.anchors],
      headings: walker.headings,
      breadcrumb: walker.crumbElement ? readBreadcrumb(walker.crumbElement) : [],
      nav: walker.navRoots.flatMap((el) => readNavTree(el)),
      listItems: walker.listItems,
      tables: walker.tables,
      meta: readMeta(doc),
      scripts: walker.scripts,
      footerText,
      stats: {
        nodes: walker.nodes,
        truncated: walker.truncated,
        frames: walker.frames,
        unreadableFrames: walker.unreadableFrames,
        isFrameset: Boolean(frameset),
        millis: clock() - started,
      },
    };
    return { snapshot, map: walker.map };
  };
  return { walker, finish };
}
