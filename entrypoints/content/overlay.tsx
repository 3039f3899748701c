/**
 * The in-page overlay: text marks through the Highlight API, and boxes plus one tooltip drawn in a single
 * shadow-root host hung on <html> (not <body>), so the page's own content tree never changes.
 */
import { render } from 'preact';
import type { Finding, Severity } from '@/lib/checks/types';
import { locationsOf } from '@/lib/checks/place-findings';
import { centreScroll, hitTest, inflate, placeTooltip, toDocumentBox, type Box } from '@/lib/overlay/geometry';
import { elementForBlock, rangeFor, type SnapshotMap } from '@/lib/scan/text-map';
import { clearHighlights, flashRange, setHighlights } from './highlights';
import { MarkTooltip } from './overlay-link-tip';
import { OVERLAY_CSS } from './overlay-style';

interface Mark {
  id: string;
  finding: Finding;
  box: Box;
  /** Element findings get a drawn box; text findings are marked by the Highlight API and only hit-tested. */
  drawn: boolean;
}

interface Placed {
  ranges: Range[];
  elements: Element[];
}

const HOST_TAG = 'gsi-overlay';

function docBox(rect: DOMRect): Box {
  return toDocumentBox(rect, window.scrollX, window.scrollY);
}

/** A range or element inside an iframe: its rect is relative to the frame, so add the frame's offset. */
function frameOffset(node: Node): { x: number; y: number } {
  const frame = node.ownerDocument?.defaultView?.frameElement;
  if (!frame || node.ownerDocument === document) return { x: 0, y: 0 };
  const r = frame.getBoundingClientRect();
  return { x: r.left, y: r.top };
}

export class Overlay {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private findings: Finding[] = [];
  private map: SnapshotMap | null = null;
  private marks: Mark[] = [];
  private hovered: Mark | null = null;
  private pinned: { mark: Mark; until: number } | null = null;
  private flashId = '';
  private enabled = true;
  private relayout = 0;
  private readonly frames = new WeakSet<Document>();

  constructor() {
    window.addEventListener('resize', () => this.scheduleLayout(), { passive: true });
    document.addEventListener('mousemove', (e) => this.onPointer(e.pageX, e.pageY), { passive: true, capture: true });
  }

  show(findings: Finding[], map: SnapshotMap): void {
    this.findings = findings;
    this.map = map;
    this.paint();
  }

  /** Pointer moves inside a same-origin editor iframe never reach the top document: listen there too. */
  watchFrame(doc: Document): void {
    const frame = doc.defaultView?.frameElement;
    if (!frame || this.frames.has(doc)) return;
    this.frames.add(doc);
    doc.addEventListener('mousemove', (e) => {
      const r = frame.getBoundingClientRect();
      this.onPointer(e.clientX + r.left + window.scrollX, e.clientY + r.top + window.scrollY);
    }, { passive: true, capture: true });
  }

  /** New verdicts on the same page: a dismissed finding loses its mark. */
  update(findings: Finding[]): void {
    this.findings = findings;
    this.paint();
  }

  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    this.paint();
  }

  /** Scroll to a finding and flash it. Returns false when it is not on this page (any more). */
  focus(findingId: string): boolean {
    const finding = this.findings.find((f) => f.id === findingId);
    if (!finding || !this.map) return false;
    const placed = this.place(finding);
    const target = placed.ranges[0] ?? placed.elements[0];
    if (!target) return false;
    const off = frameOffset(target instanceof Range ? target.startContainer : target);
    const rect = target.getBoundingClientRect();
    const box = toDocumentBox({ left: rect.left + off.x, top: rect.top + off.y, width: rect.width, height: rect.height }, window.scrollX, window.scrollY);
    const to = centreScroll(box, { width: window.innerWidth, height: window.innerHeight });
    window.scrollTo({ left: to.left, top: to.top, behavior: 'instant' as ScrollBehavior });
    if (placed.ranges[0]) flashRange(placed.ranges[0]);
    this.flashId = finding.id;
    this.paint();
    const mark = this.marks.find((m) => m.id === finding.id);
    if (mark) this.pinned = { mark, until: Date.now() + 4000 };
    this.renderLayer();
    setTimeout(() => {
      this.flashId = '';
      this.renderLayer();
    }, 1600);
    return true;
  }

  private place(finding: Finding): Placed {
    const placed: Placed = { ranges: [], elements: [] };
    const map = this.map;
    if (!map) return placed;
    for (const loc of locationsOf(finding)) {
      if (loc.kind === 'text') {
        const range = rangeFor(map, loc.block, loc.start, loc.end);
        if (range) placed.ranges.push(range);
        else {
          const el = elementForBlock(map, loc.block);
          if (el) placed.elements.push(el);
        }
      } else {
        const el = map.elements[loc.ref];
        if (el?.isConnected) placed.elements.push(el);
      }
    }
    return placed;
  }

  private paint(): void {
    if (!this.enabled || !this.map) {
      clearHighlights();
      this.marks = [];
      this.renderLayer();
      return;
    }
    const groups = new Map<Severity, Range[]>();
    const marks: Mark[] = [];
    for (const finding of this.findings) {
      if (finding.status === 'false-positive' || finding.status === 'not-applicable') continue;
      const placed = this.place(finding);
      let group = groups.get(finding.severity);
      if (!group) groups.set(finding.severity, (group = []));
      group.push(...placed.ranges);
      for (const range of placed.ranges) {
        const off = frameOffset(range.startContainer);
        for (const r of Array.from(range.getClientRects())) {
          marks.push({ id: finding.id, finding, drawn: false, box: docBox(new DOMRect(r.left + off.x, r.top + off.y, r.width, r.height)) });
        }
      }
      for (const el of placed.elements) {
        const off = frameOffset(el);
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        marks.push({ id: finding.id, finding, drawn: true, box: inflate(docBox(new DOMRect(r.left + off.x, r.top + off.y, r.width, r.height)), 2) });
      }
    }
    setHighlights(groups);
    this.marks = marks;
    this.renderLayer();
  }

  private scheduleLayout(): void {
    clearTimeout(this.relayout);
    this.relayout = window.setTimeout(() => this.paint(), 200);
  }

  private onPointer(x: number, y: number): void {
    if (!this.marks.length) return;
    const hit = hitTest(this.marks, x, y) ?? null;
    if (hit?.id === this.hovered?.id) return;
    this.hovered = hit;
    this.renderLayer();
  }

  private ensureHost(): ShadowRoot {
    if (this.root && this.host?.isConnected) return this.root;
    const host = document.createElement(HOST_TAG);
    host.setAttribute('style', 'all: initial; position: absolute; left: 0; top: 0; width: 0; height: 0; z-index: 2147483647; pointer-events: none;');
    const root = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = OVERLAY_CSS;
    root.append(style);
    document.documentElement.append(host);
    this.host = host;
    this.root = root;
    return root;
  }

  private renderLayer(): void {
    const root = this.ensureHost();
    let container = root.querySelector('.layer');
    if (!container) {
      container = document.createElement('div');
      container.className = 'layer';
      root.append(container);
    }
    const active = this.pinned && this.pinned.until > Date.now() ? this.pinned.mark : this.hovered;
    const tipPos = active
      ? placeTooltip(active.box, { width: 360, height: 110 }, { scrollX: window.scrollX, scrollY: window.scrollY, width: window.innerWidth, height: window.innerHeight })
      : null;
    render(
      <>
        {this.marks.filter((m) => m.drawn || m.id === this.flashId).map((m, i) => {
          const state = m.finding.detail?.state as string | undefined;
          const cls = `mark sev-${m.finding.severity}${state ? ` state-${state}` : ''}${m.id === this.flashId ? ' flash' : ''}`;
          return <div key={`${m.id}:${i}`} class={cls} data-finding={m.id} style={{ left: m.box.x, top: m.box.y, width: m.box.width, height: m.box.height }} />;
        })}
        {active && tipPos && (
          <div style={{ position: 'absolute', left: tipPos.x, top: tipPos.y }}>
            <MarkTooltip finding={active.finding} />
          </div>
        )}
      </>,
      container,
    );
  }
}
