/**
 * Reads the column tree of a 网站地图 / 站点地图 page from its DOM, whatever the template: nested lists, tables
 * (a group cell and its links, or a title row over a row of links), dl/dt/dd, and heading-plus-list groups (h2/h3
 * or “title” boxes followed by links). A site map drawn as an image or built by script has no readable links; the
 * result says so in Chinese instead of pretending the site map is empty.
 */
import { looksLikeTitleBar, regionOf } from '../scan/page-regions';
import { collapse } from '../text/collapse';
import { isColumnName } from './column-name';

export interface SitemapNode {
  name: string;
  /** Absolute URL, '' for a group title without a link. */
  url: string;
  children: SitemapNode[];
}

/** One column of the site map, flattened with its level (1 = top) and parent. */
export interface SitemapColumn {
  name: string;
  url: string;
  level: number;
  parentName: string;
  parentUrl: string;
}

export type SitemapShape = 'list' | 'table' | 'dl' | 'heading-list' | 'links' | 'image' | 'script' | 'empty';

export interface SitemapTree {
  roots: SitemapNode[];
  columns: SitemapColumn[];
  /** The dominant structure found (for the report and for tests). */
  shape: SitemapShape;
  /** Set when the tree could not be read: 'image' or 'script' (or 'empty'), with the reason in Chinese. */
  unreadable?: { reason: 'image' | 'script' | 'empty'; message: string };
}

const CONTAINER_NAME = /site-?map|site_map|wzdt|zddt|webmap|(?:^|[-_\s])map/i;
const HEADING_TAG = /^h([1-6])$/;

function linkOf(el: Element): { name: string; url: string } | undefined {
  const raw = el.getAttribute('href');
  const name = collapse(el.textContent) || collapse(el.getAttribute('title')) || collapse(el.getAttribute('alt'));
  if (!raw || !name || /^(?:javascript|mailto|tel):/i.test(raw.trim())) return undefined;
  try {
    return { name, url: new URL(raw, el.ownerDocument.baseURI).href };
  } catch {
    return undefined;
  }
}

function inChrome(el: Element, stop: Element): boolean {
  for (let cur: Element | null = el; cur && cur !== stop; cur = cur.parentElement) {
    const region = regionOf(cur);
    if (region === 'header' || region === 'footer' || region === 'nav' || region === 'aside') return true;
  }
  return false;
}

/** The element holding the site map: a container named like one, else the common ancestor of the content links. */
function findContainer(doc: Document): Element | undefined {
  const body = doc.body;
  if (!body) return undefined;
  const named = Array.from(body.querySelectorAll('[id],[class]')).filter(
    (el) => CONTAINER_NAME.test(`${el.id} ${el.getAttribute('class') ?? ''}`) && el.querySelector('a[href]'),
  );
  if (named[0]) return named.reduce((best, el) => (el.querySelectorAll('a[href]').length > best.querySelectorAll('a[href]').length ? el : best));
  const links = Array.from(body.querySelectorAll('a[href], area[href]')).filter((a) => !inChrome(a, body));
  if (links.length === 0) return undefined;
  let common: Element = links[0]!.parentElement ?? body;
  for (const a of links) while (!common.contains(a)) common = common.parentElement ?? body;
  // Links spread over table cells meet in a tbody or row: read the whole table so its group cells count.
  return common.closest('table') ?? common;
}

/** Short, at most one link, and named or tagged like a title: the label of the group that follows. */
function isGroupTitle(el: Element): boolean {
  if (HEADING_TAG.test(el.localName)) return true;
  if (el.localName === 'a' || el.querySelectorAll('a[href]').length > 1) return false;
  const text = collapse(el.textContent);
  return text.length > 0 && text.length <= 20 && (looksLikeTitleBar(el) || el.localName === 'strong' || el.localName === 'b');
}

function titleNode(el: Element): SitemapNode {
  const a = el.localName === 'a' ? el : el.querySelector('a[href]');
  const link = a ? linkOf(a) : undefined;
  return { name: link?.name ?? collapse(el.textContent), url: link?.url ?? '', children: [] };
}

type Shapes = Set<SitemapShape>;

/** Nodes for the children of `el`, grouping content under title elements (heading-plus-list). */
function readChildren(el: Element, shapes: Shapes): SitemapNode[] {
  const out: SitemapNode[] = [];
  const stack: { level: number; node: SitemapNode }[] = [];
  const push = (nodes: SitemapNode[]): void => {
    const top = stack[stack.length - 1];
    (top ? top.node.children : out).push(...nodes);
  };
  // A link directly followed by a list: the list holds that link's sub-columns.
  let lastLink: SitemapNode | undefined;
  for (const child of Array.from(el.children)) {
    if (lastLink && (child.localName === 'ul' || child.localName === 'ol')) {
      lastLink.children.push(...readElement(child, shapes));
      lastLink = undefined;
      continue;
    }
    lastLink = undefined;
    if (isGroupTitle(child) && child.localName !== 'li') {
      const level = Number(HEADING_TAG.exec(child.localName)?.[1] ?? 7);
      while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop();
      const node = titleNode(child);
      push([node]);
      stack.push({ level, node });
      shapes.add('heading-list');
      continue;
    }
    const nodes = readElement(child, shapes);
    if (child.localName === 'a' && nodes[0]) lastLink = nodes[0];
    push(nodes);
  }
  return out;
}

function readElement(el: Element, shapes: Shapes): SitemapNode[] {
  const tag = el.localName;
  if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template') return [];
  if (tag === 'a' || tag === 'area') {
    const link = linkOf(el);
    return link ? [{ ...link, children: [] }] : [];
  }
  if (tag === 'ul' || tag === 'ol') {
    shapes.add('list');
    return Array.from(el.children).flatMap((li) => readListItem(li, shapes));
  }
  if (tag === 'dl') return readDl(el, shapes);
  if (tag === 'table') return readTable(el, shapes);
  return readChildren(el, shapes);
}

function readListItem(li: Element, shapes: Shapes): SitemapNode[] {
  const own = Array.from(li.children).find((c) => c.localName === 'a' || (!/^(?:ul|ol|dl|table)$/.test(c.localName) && c.querySelector('a[href]') && !c.querySelector('ul,ol')));
  const sub = Array.from(li.children).filter((c) => c !== own);
  const nested = sub.flatMap((c) => readElement(c, shapes));
  if (!own) return collapse(li.textContent) && !li.querySelector('a[href]') ? [] : nested;
  const head = titleNode(own);
  if (!head.name) return nested;
  head.children = nested;
  return [head];
}

function readDl(dl: Element, shapes: Shapes): SitemapNode[] {
  shapes.add('dl');
  const out: SitemapNode[] = [];
  let current: SitemapNode | undefined;
  for (const child of Array.from(dl.children)) {
    if (child.localName === 'dt') {
      current = titleNode(child);
      out.push(current);
    } else {
      const nodes = child.localName === 'dd' ? readChildren(child, shapes) : readElement(child, shapes);
      (current ? current.children : out).push(...nodes);
    }
  }
  return out;
}

/** A row's only cell is a group title when it has no link, or is a th, a bold or a “title”-named cell. */
function isTitleCell(cell: Element): boolean {
  const links = cell.querySelectorAll('a[href]').length;
  if (links > 1 || collapse(cell.textContent).length > 20) return false;
  return links === 0 || cell.localName === 'th' || looksLikeTitleBar(cell) || cell.querySelector('strong,b,h1,h2,h3,h4,h5,h6') !== null;
}

function readTable(table: Element, shapes: Shapes): SitemapNode[] {
  shapes.add('table');
  const out: SitemapNode[] = [];
  let current: SitemapNode | undefined;
  for (const row of Array.from(table.querySelectorAll('tr'))) {
    if (row.closest('table') !== table) continue;
    const cells = Array.from(row.children).filter((c) => c.localName === 'td' || c.localName === 'th');
    const first = cells[0];
    if (!first) continue;
    const rest = cells.slice(1);
    const firstIsTitle = first.querySelectorAll('a[href]').length <= 1 && collapse(first.textContent).length <= 20;
    if (firstIsTitle && rest.some((c) => c.querySelector('a[href]'))) {
      current = titleNode(first);
      current.children = rest.flatMap((c) => readChildren(c, shapes));
      out.push(current);
    } else if (cells.length === 1 && collapse(first.textContent) && isTitleCell(first)) {
      current = titleNode(first);
      out.push(current);
    } else {
      const nodes = cells.flatMap((c) => readChildren(c, shapes));
      (current ? current.children : out).push(...nodes);
    }
  }
  return out;
}

/** Drops what is not a column (furniture links, untitled groups: see isColumnName), keeping their children. */
function prune(nodes: SitemapNode[]): SitemapNode[] {
  return nodes.flatMap((n) => {
    const children = prune(n.children);
    if (!isColumnName(n.name)) return children;
    return [{ ...n, children }];
  });
}

function flatten(nodes: SitemapNode[], level: number, parent: SitemapNode | undefined, out: SitemapColumn[]): SitemapColumn[] {
  for (const n of nodes) {
    out.push({ name: n.name, url: n.url, level, parentName: parent?.name ?? '', parentUrl: parent?.url ?? '' });
    flatten(n.children, level + 1, n, out);
  }
  return out;
}

function unreadable(doc: Document): SitemapTree['unreadable'] {
  const body = doc.body;
  const scripted = Array.from(doc.querySelectorAll('script')).some((s) =>
    /document\.write|innerHTML|appendChild|createElement|\.append\(|\$\(|jQuery|tree|menu|sitemap|json/i.test(`${s.getAttribute('src') ?? ''} ${s.textContent ?? ''}`),
  );
  const images = body ? Array.from(body.querySelectorAll('img')).filter((img) => !inChrome(img, body)) : [];
  if (images.length > 0 && !scripted) {
    return { reason: 'image', message: '网站地图是图片，没有可读取的栏目链接，无法与实际栏目比对，请人工核对' };
  }
  if (scripted) {
    return {
      reason: 'script',
      message: '网站地图由脚本生成，下载的页面中没有栏目链接；请在浏览器中打开网站地图页面后重新读取，或人工核对',
    };
  }
  return { reason: 'empty', message: '网站地图页面没有栏目链接' };
}

/** Reads the site map of `doc` (its `baseURI` resolves relative links). */
export function readSitemapTree(doc: Document): SitemapTree {
  const container = findContainer(doc);
  const shapes: Shapes = new Set();
  const roots = container ? prune(readElement(container, shapes)) : [];
  const columns = flatten(roots, 1, undefined, []);
  if (columns.length === 0) {
    const why = unreadable(doc);
    return { roots: [], columns: [], shape: why?.reason ?? 'empty', ...(why ? { unreadable: why } : {}) };
  }
  const shape: SitemapShape = shapes.has('table') ? 'table' : shapes.has('dl') ? 'dl' : shapes.has('heading-list') ? 'heading-list' : shapes.has('list') ? 'list' : 'links';
  const tree: SitemapTree = { roots, columns, shape };
  // An image map (<area>) gives links but no levels: read them, and say the structure is a picture.
  if (container?.querySelector('area[href]') && !container.querySelector('a[href]')) {
    tree.unreadable = { reason: 'image', message: '网站地图是带热区的图片，只能读到栏目链接，读不到栏目层级' };
  }
  return tree;
}
