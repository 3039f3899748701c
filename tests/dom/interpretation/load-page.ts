/**
 * Turns the hand-made pages of tests/fixtures/html/interpretation into snapshots the way the background will:
 * bytes decoded by their declared charset (GBK included), parsed without layout, read by `takeSnapshot`.
 * Used by the DOM tests and by bench/eval-interpretation.ts (which runs in plain Node, hence happy-dom's Window).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { takeSnapshot } from '../../../lib/scan/snapshot';
import type { PageSnapshot } from '../../../lib/scan/snapshot-types';

// path arithmetic, not `new URL(…, import.meta.url)`: under happy-dom the global URL is not Node's.
export const FIXTURE_DIR = `${join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/html/interpretation')}/`;

export interface LabelledPage {
  file: string;
  key: string;
  url: string;
  kind: 'policy' | 'interpretation' | 'neither';
  /** Related links a person finds on the page (interpretation links on a policy, 原文 links on an interpretation). */
  links: string[];
  /** Subject prefixes of the findings the page deserves when every partner page can be fetched. */
  expect: string[];
}

export interface LabelledPair {
  category: string;
  policy?: string;
  interpretation?: string;
}

export interface Labels {
  pages: LabelledPage[];
  pairs: LabelledPair[];
}

export function readLabels(): Labels {
  return JSON.parse(readFileSync(`${FIXTURE_DIR}labels.json`, 'utf8')) as Labels;
}

/** The charset a page declares in its first bytes (meta charset or http-equiv), utf-8 when none. */
function sniffCharset(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return /charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase() ?? 'utf-8';
}

/** Parse HTML as if served at `url`, without layout (as fetched pages are). */
export function snapshotHtml(html: string, url: string): PageSnapshot {
  const window = new Window({ url });
  const doc = new window.DOMParser().parseFromString(html, 'text/html');
  return takeSnapshot(doc as unknown as Document, { layout: false }).snapshot;
}

/** Snapshot of one fixture file served at `url`. */
export function loadPage(file: string, url: string): PageSnapshot {
  const bytes = new Uint8Array(readFileSync(`${FIXTURE_DIR}${file}`));
  return snapshotHtml(new TextDecoder(sniffCharset(bytes)).decode(bytes), url);
}

/** Every labelled page with its snapshot. */
export function loadAll(): { label: LabelledPage; snapshot: PageSnapshot }[] {
  return readLabels().pages.map((label) => ({ label, snapshot: loadPage(label.file, label.url) }));
}
