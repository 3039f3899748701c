/** Loads a page of tests/fixtures/html/site-templates as if served at a URL: bytes decoded like the crawl does. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { decodeHtml } from '../../../lib/encoding/decode-html';
import { takeSnapshot } from '../../../lib/scan/snapshot';
import type { PageSnapshot } from '../../../lib/scan/snapshot-types';

// A path, not a URL object: under happy-dom the global URL is the DOM's, which node:fs does not accept.
const DIR = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/html/site-templates');

/** The site every template belongs to. */
export const ORIGIN = 'https://www.qs.gov.cn';

/** A parsed Document of a template served at `url` (relative links resolve against it). */
export function loadTemplate(file: string, url = `${ORIGIN}/wzdt/`): Document {
  const bytes = new Uint8Array(readFileSync(join(DIR, file)));
  const { text } = decodeHtml(bytes);
  const window = new Window({ url });
  return new window.DOMParser().parseFromString(text, 'text/html') as unknown as Document;
}

/** The page snapshot of a template (as the crawl would take it: no layout). */
export function snapshotTemplate(file: string, url: string): PageSnapshot {
  return takeSnapshot(loadTemplate(file, url), { layout: false }).snapshot;
}
