/**
 * A Document for DOM tests: HTML parsed by happy-dom at a given URL, so relative links resolve as on the site.
 * happy-dom has no layout, so snapshots taken from it use `layout: false`.
 */
import { Window } from 'happy-dom';

export function parseHtml(html: string, url = 'http://127.0.0.1/index.html'): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true, disableIframePageLoading: true } });
  window.document.write(html);
  return window.document as unknown as Document;
}
