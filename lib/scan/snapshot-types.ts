/**
 * The page as checks see it: plain, JSON-safe data read once from the DOM by `snapshot.ts`.
 * No DOM nodes live here; the content script keeps its own map from `block`/`ref` numbers back to nodes.
 */

/** Why a reader cannot see an element (hidden-link check, and text blocks marked hidden). */
export type HiddenReason =
  | 'display-none'
  | 'visibility-hidden'
  | 'opacity-zero'
  | 'off-screen'
  | 'zero-size'
  | 'clipped'
  | 'font-size-zero'
  | 'same-colour'
  | 'tiny-box';

/** Where a text block comes from. Editor areas are what an editor is writing; fields are textarea/input values. */
export type TextSource = 'page' | 'editor' | 'frame' | 'field';

/**
 * A run of visible text that reads as one piece (one block-level element, inline children joined).
 * Checks report offsets into `text`; offsets are UTF-16 code units, as in JavaScript strings.
 */
export interface TextBlock {
  text: string;
  source: TextSource;
  /** Tag of the block element (p, td, li, h1 …), lower case. */
  tag: string;
  /** Inside header/nav/footer/aside or a breadcrumb, as opposed to the main content. */
  region: 'main' | 'header' | 'nav' | 'footer' | 'aside';
  /** Set for text a reader cannot see (collected so the spam check can read hidden text). */
  hidden?: HiddenReason[];
}

export type LinkKind = 'a' | 'area' | 'img' | 'srcset' | 'iframe' | 'frame' | 'embed' | 'object' | 'script';

/** A link or a resource a reader can follow or see. */
export interface LinkInfo {
  /** Index into the content script's element list, for markers and scrolling. */
  ref: number;
  kind: LinkKind;
  /** The attribute exactly as written. */
  raw: string;
  /** Absolute URL resolved against the document base; '' when the attribute is not a valid URL. */
  url: string;
  /** Visible text, or the img alt / title when the link has no text. */
  text: string;
  title?: string;
  region: TextBlock['region'];
  /**
   * Text of the nearest heading or titled box above the link (e.g. “相关解读”, “政策原文”),
   * so checks can tell what block a link belongs to.
   */
  context?: string;
  /** Reasons the element cannot be seen; empty when visible (or when the snapshot had no layout). */
  hidden: HiddenReason[];
  /** For img: the browser finished loading and got no image (naturalWidth 0). */
  broken?: boolean;
  /** For img: the id and file name, used by the identity check (党政机关标识 red.png / red_error.png). */
  id?: string;
}

export interface HeadingInfo {
  level: number;
  text: string;
}

export interface NavItem {
  text: string;
  url: string;
  children: NavItem[];
}

/** One row of a table or one dt/dd pair, as cell texts. The policy metadata table (索引号, 发文机关 …) reads from these. */
export type TableRow = string[];

/** An item of a list that looks like a column list: its text (dates included), link and any date attribute. */
export interface ListItem {
  text: string;
  url: string;
  /** A date found in an attribute (datetime, data-date, title), as written. */
  dateAttr?: string;
  /** Index of the list this item belongs to, so a column page's list can be told from side lists. */
  list: number;
  region: TextBlock['region'];
}

export interface ScriptInfo {
  src: string;
  id: string;
  /** Attributes some government widgets carry (找错: sitecode). Lower-case names. */
  attrs: Record<string, string>;
}

export interface SnapshotStats {
  nodes: number;
  /** True when the walker stopped at its node budget; checks then see only the first part. */
  truncated: boolean;
  frames: number;
  /** Cross-origin frames whose text could not be read. */
  unreadableFrames: number;
  isFrameset: boolean;
  /** Milliseconds spent reading the DOM. */
  millis: number;
}

export interface PageSnapshot {
  url: string;
  title: string;
  lang: string;
  /** Whether layout (computed style, boxes) was available: false for pages parsed from fetched HTML. */
  hasLayout: boolean;
  blocks: TextBlock[];
  links: LinkInfo[];
  /** ids and names in the document, for checking in-page anchors. */
  anchors: string[];
  headings: HeadingInfo[];
  /** “当前位置：首页 > 政务公开 > 政策文件” as its parts, with links where there are any. */
  breadcrumb: { text: string; url: string }[];
  nav: NavItem[];
  listItems: ListItem[];
  tables: TableRow[];
  /** `<meta name=…>` lower-cased name → content (SiteIDCode, ColumnName, PubDate …). */
  meta: Record<string, string>;
  scripts: ScriptInfo[];
  /** The footer's visible text (the identity check reads this first). */
  footerText: string;
  stats: SnapshotStats;
}
