/**
 * The DOM walk behind `takeSnapshot`: one pass over the nodes, in steps that can stop and resume (so a live tab
 * can be read in slices), collecting blocks of text with their node map, links, structure and metadata.
 * It reads the document and never changes it.
 */
import type {
  HiddenReason,
  LinkInfo,
  LinkKind,
  ListItem,
  PageSnapshot,
  ScriptInfo,
  TableRow,
  TextBlock,
  TextSource,
} from './snapshot-types';
import type { Segment, SnapshotMap } from './text-map';
import { CRUMB_LABEL, looksLikeBreadcrumb, looksLikeTitleBar, regionOf, type Region } from './page-regions';
import { createVisibilityReader, isRendered, markupHiddenReasons } from './visibility';
// Display strings (link text, labels, cells) are collapsed; block text keeps the page's own white space.
import { collapse } from '../text/collapse';

const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'svg', 'math', 'canvas', 'video', 'audio', 'select', 'datalist',
]);
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr',
  'ul', 'legend', 'option',
]);
const FIELD_TYPES = new Set(['', 'text', 'search']);
const BLOCK_SELECTOR = [...BLOCK_TAGS].join(',');
const LABEL_MAX = 24;
export const DEFAULT_MAX_NODES = 400_000;

interface BlockBuilder {
  text: string;
  segments: Segment[];
  element: Element;
  region: Region;
  source: TextSource;
  hidden: HiddenReason[];
  /** Characters that sit inside links; a block made only of link text is not a box label. */
  linkChars: number;
}

export interface Context {
  region: Region;
  source: TextSource;
  hidden: HiddenReason[];
  inLink: boolean;
  depth: number;
}

/** One open level of the walk: the next child to read, and what closing the level does. */
interface Frame {
  child: Node | null;
  ctx: Context;
  el: Element | null;
  tag: string;
  /** block: flush the text block and read its label; frame: flush the frame's text; plain: nothing. */
  kind: 'block' | 'frame' | 'plain';
}

/** Nodes read between two looks at the clock of a sliced walk. */
const PAUSE_CHECK_EVERY = 128;

function resolve(raw: string, base: string): string {
  const value = raw.trim();
  if (!value) return '';
  try {
    return new URL(value, base).href;
  } catch {
    return '';
  }
}

export class Walker {
  readonly blocks: TextBlock[] = [];
  readonly links: LinkInfo[] = [];
  readonly anchors = new Set<string>();
  readonly headings: PageSnapshot['headings'] = [];
  readonly listItems: ListItem[] = [];
  readonly tables: TableRow[] = [];
  readonly scripts: ScriptInfo[] = [];
  readonly map: SnapshotMap = { blocks: [], blockElements: [], elements: [] };
  readonly navRoots: Element[] = [];
  crumbElement: Element | null = null;
  nodes = 0;
  truncated = false;
  frames = 0;
  unreadableFrames = 0;
  private readonly stack: Frame[] = [];
  private current: BlockBuilder | null = null;
  private label = '';
  private readonly lists = new Map<Element, number>();
  private readonly linkHidden: ((el: Element) => HiddenReason[]) | null;

  constructor(
    private readonly doc: Document,
    private readonly layout: boolean,
    private readonly maxNodes: number,
  ) {
    const view = doc.defaultView;
    this.linkHidden = layout && view ? createVisibilityReader(view) : null;
  }

  /** Start reading the children of `root` (run them with `step`). */
  begin(root: Node, ctx: Context): void {
    this.stack.push({ child: root.firstChild, ctx, el: null, tag: '', kind: 'plain' });
  }

  /**
   * Read nodes depth first until done (true) or until `pause()` says to stop (false; call again to go on). The
   * walk keeps its place on an explicit stack, so a big page can be read in slices between the page's own tasks.
   */
  step(pause: () => boolean): boolean {
    const stack = this.stack;
    let budget = PAUSE_CHECK_EVERY;
    while (stack.length) {
      if (--budget === 0) {
        budget = PAUSE_CHECK_EVERY;
        if (pause()) return false;
      }
      const top = stack[stack.length - 1]!;
      const child = top.child;
      if (!child) {
        stack.pop();
        this.leave(top);
        continue;
      }
      top.child = child.nextSibling;
      if (++this.nodes > this.maxNodes) {
        // Over budget: close this level; each enclosing level stops at its next node the same way.
        this.truncated = true;
        stack.pop();
        this.leave(top);
        continue;
      }
      if (child.nodeType === 3) this.addText(child as Text, top.ctx);
      else if (child.nodeType === 1) this.enter(child as Element, top.ctx);
    }
    return true;
  }

  private leave(frame: Frame): void {
    if (frame.kind === 'block') {
      const text = this.flush();
      this.afterBlock(frame.el!, frame.tag, text);
    } else if (frame.kind === 'frame') this.flush();
  }

  private enter(el: Element, parent: Context): void {
    const tag = el.localName;
    if (SKIP_TAGS.has(tag)) {
      if (tag === 'script') this.recordScript(el);
      return;
    }
    if (parent.depth > 600) return;
    if (el.id) this.anchors.add(el.id);
    const name = el.getAttribute('name');
    if (name && (tag === 'a' || tag === 'map')) this.anchors.add(name);

    const ctx: Context = { ...parent, depth: parent.depth + 1 };
    const region = regionOf(el);
    if (region) {
      if (region === 'nav' && parent.region !== 'nav') this.navRoots.push(el);
      ctx.region = region;
    }
    if (!this.crumbElement && looksLikeBreadcrumb(el)) this.crumbElement = el;
    if (parent.hidden.length === 0) {
      const own = this.layout ? (isRendered(el) ? [] : this.reasonsFor(el)) : markupHiddenReasons(el);
      if (own.length) ctx.hidden = own;
    }
    if ((el as HTMLElement).isContentEditable || el.getAttribute('contenteditable') === 'true') ctx.source = 'editor';

    this.collectLinks(el, ctx);
    if (tag === 'textarea' || tag === 'input') return this.addField(el as HTMLInputElement, ctx);
    if (tag === 'iframe' || tag === 'frame') return this.enterFrame(el as HTMLIFrameElement, ctx);
    if (tag === 'object' || tag === 'embed') return;
    if (tag === 'br') return this.addBreak();
    if (tag === 'a') ctx.inLink = true;

    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) this.flush();
    this.stack.push({ child: el.firstChild, ctx, el, tag, kind: isBlock ? 'block' : 'plain' });
  }

  private reasonsFor(el: Element): HiddenReason[] {
    return this.linkHidden ? this.linkHidden(el) : markupHiddenReasons(el);
  }

  private afterBlock(el: Element, tag: string, text: string | null): void {
    const label = text === null ? '' : collapse(text);
    if (/^h[1-6]$/.test(tag) && label) this.headings.push({ level: Number(tag[1]), text: label.slice(0, 200) });
    if (tag === 'li' || tag === 'tr') this.addListItem(el);
    if (tag === 'tr' || tag === 'dl') this.addTableRows(el, tag);
    if (!this.crumbElement && CRUMB_LABEL.test(label)) this.crumbElement = el;
    if (label && label.length <= LABEL_MAX && (looksLikeTitleBar(el) || /^h[1-6]$|^dt$|^th$|^div$|^p$|^span$/.test(tag))) {
      this.label = label.replace(/[:：]$/, '');
    }
  }

  private addText(node: Text, ctx: Context): void {
    const data = node.data;
    if (!data) return;
    const block = this.open(node.parentElement ?? this.doc.documentElement, ctx);
    block.segments.push({ start: block.text.length, length: data.length, node, nodeOffset: 0 });
    block.text += data;
    if (ctx.inLink) block.linkChars += data.trim().length;
  }

  private addBreak(): void {
    if (this.current) this.current.text += '\n';
  }

  private open(el: Element, ctx: Context): BlockBuilder {
    const cur = this.current;
    if (cur && cur.source === ctx.source && cur.region === ctx.region && cur.hidden === ctx.hidden) return cur;
    this.flush();
    const blockEl = el.closest?.(BLOCK_SELECTOR) ?? el;
    this.current = { text: '', segments: [], element: blockEl, region: ctx.region, source: ctx.source, hidden: ctx.hidden, linkChars: 0 };
    return this.current;
  }

  /** Close the open block; returns its text, or null when there was none worth keeping. */
  private flush(): string | null {
    const cur = this.current;
    this.current = null;
    if (!cur || !cur.text.trim()) return null;
    const block: TextBlock = { text: cur.text, source: cur.source, tag: cur.element.localName, region: cur.region };
    if (cur.hidden.length) block.hidden = cur.hidden;
    this.blocks.push(block);
    this.map.blocks.push(cur.segments);
    this.map.blockElements.push(cur.element);
    // A block made only of link text names no box: keep the previous label.
    if (cur.linkChars >= cur.text.trim().length) return null;
    return cur.text;
  }

  private addField(el: HTMLInputElement, ctx: Context): void {
    if (el.localName === 'input' && !FIELD_TYPES.has((el.getAttribute('type') ?? '').toLowerCase())) return;
    const value = el.value ?? '';
    if (!value.trim()) return;
    this.flush();
    const block: TextBlock = { text: value, source: 'field', tag: el.localName, region: ctx.region };
    if (ctx.hidden.length) block.hidden = ctx.hidden;
    this.blocks.push(block);
    this.map.blocks.push([{ start: 0, length: value.length, node: el, nodeOffset: 0 }]);
    this.map.blockElements.push(el);
  }

  private enterFrame(el: HTMLIFrameElement, ctx: Context): void {
    this.frames++;
    let inner: Document | null = null;
    try {
      inner = el.contentDocument;
    } catch {
      inner = null;
    }
    if (!inner?.body) {
      if (el.getAttribute('src')) this.unreadableFrames++;
      return;
    }
    this.flush();
    const editable = inner.designMode === 'on' || inner.body.isContentEditable || inner.body.getAttribute('contenteditable') === 'true';
    this.stack.push({ child: inner.body.firstChild, ctx: { ...ctx, source: editable ? 'editor' : 'frame' }, el: null, tag: '', kind: 'frame' });
  }

  recordScript(el: Element): void {
    const attrs: Record<string, string> = {};
    for (const attr of Array.from(el.attributes)) attrs[attr.name.toLowerCase()] = attr.value;
    this.scripts.push({ src: resolve(el.getAttribute('src') ?? '', this.doc.baseURI), id: el.id, attrs });
  }

  private collectLinks(el: Element, ctx: Context): void {
    const tag = el.localName;
    const add = (kind: LinkKind, raw: string | null, text = ''): void => {
      if (raw === null) return;
      this.pushLink(el, kind, raw, text, ctx);
    };
    if (tag === 'a' || tag === 'area') add(tag, el.getAttribute('href'), collapse(el.textContent ?? '') || el.getAttribute('title') || el.querySelector('img')?.getAttribute('alt') || '');
    else if (tag === 'img') {
      add('img', el.getAttribute('src'), el.getAttribute('alt') ?? '');
      const srcset = el.getAttribute('srcset');
      if (srcset) for (const part of srcset.split(',')) add('srcset', part.trim().split(/\s+/)[0] ?? '');
    } else if (tag === 'iframe' || tag === 'frame' || tag === 'embed') add(tag, el.getAttribute('src'));
    else if (tag === 'object') add('object', el.getAttribute('data'));
  }

  private pushLink(el: Element, kind: LinkKind, raw: string, text: string, ctx: Context): void {
    const ref = this.map.elements.length;
    this.map.elements.push(el);
    const info: LinkInfo = {
      ref,
      kind,
      raw,
      url: resolve(raw, this.doc.baseURI),
      text: text.slice(0, 300),
      region: ctx.region,
      hidden: ctx.hidden.length ? ctx.hidden : this.layout ? this.reasonsFor(el) : markupHiddenReasons(el),
    };
    const title = el.getAttribute('title');
    if (title) info.title = title;
    if (this.label) info.context = this.label;
    if (el.id) info.id = el.id;
    if (kind === 'img' && this.layout) {
      const img = el as HTMLImageElement;
      if (img.complete && img.naturalWidth === 0 && raw.trim()) info.broken = true;
    }
    this.links.push(info);
  }

  private addListItem(el: Element): void {
    const link = el.querySelector('a[href]');
    if (!link) return;
    const list = el.parentElement;
    if (!list) return;
    let index = this.lists.get(list);
    if (index === undefined) {
      index = this.lists.size;
      this.lists.set(list, index);
    }
    const item: ListItem = {
      text: collapse(el.textContent ?? '').slice(0, 400),
      url: resolve(link.getAttribute('href') ?? '', this.doc.baseURI),
      list: index,
      region: regionAbove(el),
    };
    const dated = el.querySelector('time[datetime],[data-date],[data-time]') ?? (el.hasAttribute('data-date') ? el : null);
    const dateAttr = dated?.getAttribute('datetime') ?? dated?.getAttribute('data-date') ?? dated?.getAttribute('data-time');
    if (dateAttr) item.dateAttr = dateAttr;
    this.listItems.push(item);
  }

  private addTableRows(el: Element, tag: string): void {
    if (this.tables.length >= 500) return;
    if (tag === 'tr') {
      const cells = Array.from(el.children).filter((c) => c.localName === 'td' || c.localName === 'th');
      if (cells.length) this.tables.push(cells.map((c) => collapse(c.textContent ?? '').slice(0, 300)));
      return;
    }
    let term = '';
    for (const child of Array.from(el.children)) {
      if (child.localName === 'dt') term = collapse(child.textContent ?? '');
      else if (child.localName === 'dd') this.tables.push([term, collapse(child.textContent ?? '').slice(0, 300)]);
    }
  }
}

/** The region of an element judged from its ancestors (used for list items after the walk moved on). */
function regionAbove(el: Element): Region {
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    const region = regionOf(cur);
    if (region) return region;
  }
  return 'main';
}

export function readMeta(doc: Document): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const el of Array.from(doc.querySelectorAll('meta[name][content]'))) {
    meta[(el.getAttribute('name') ?? '').toLowerCase()] = el.getAttribute('content') ?? '';
  }
  return meta;
}
