/**
 * Runs a check of the page: snapshot in this tab, checks in the background, marks back here. Re-checks editor
 * areas as the editor types (debounced), so highlights follow the text being written.
 */
import { browser } from 'wxt/browser';
import { createClient } from '@/lib/messaging/client';
import type { ContentToBackground } from '@/lib/messaging/protocol';
import { takeSnapshotInSlices } from '@/lib/scan/snapshot';
import { prepareHighlights } from './highlights';
import type { Overlay } from './overlay';

const EDIT_DEBOUNCE_MS = 700;

export const background = createClient<ContentToBackground>((message) => browser.runtime.sendMessage(message));

export class PageChecker {
  private running: Promise<void> | null = null;
  private again = false;
  private editTimer = 0;
  private readonly watched = new WeakSet<Document>();

  constructor(private readonly overlay: Overlay) {}

  /** Check now; a request while a check runs is folded into one more run after it. */
  check(reason: 'auto' | 'manual' | 'edit'): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run(reason).finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        void this.check('edit');
      }
    });
    return this.running;
  }

  private async run(reason: 'auto' | 'manual' | 'edit'): Promise<void> {
    // Restyling the page for our highlight sheet happens between the snapshot's slices, not in the paint frame;
    // the snapshot is read in slices because a big page takes longer to read than one page task should last.
    prepareHighlights();
    const { snapshot, map } = await takeSnapshotInSlices(document, { layout: true });
    const { findings } = await background.send('checkPage', { snapshot, reason });
    this.overlay.show(findings, map);
    this.watchEditors();
  }

  /** Listen for typing in the page and in same-origin editor iframes (UEditor, KindEditor, CKEditor, TinyMCE). */
  private watchEditors(): void {
    const docs: Document[] = [document];
    for (const frame of Array.from(document.querySelectorAll('iframe'))) {
      try {
        if (frame.contentDocument) docs.push(frame.contentDocument);
      } catch {
        // Cross-origin frame: not ours to read.
      }
    }
    for (const doc of docs) {
      if (doc !== document) this.overlay.watchFrame(doc);
      if (this.watched.has(doc)) continue;
      this.watched.add(doc);
      doc.addEventListener('input', (e) => this.onInput(e), { capture: true, passive: true });
    }
  }

  private onInput(event: Event): void {
    const target = event.target as (Element & { isContentEditable?: boolean }) | null;
    const doc = target?.ownerDocument;
    const editable = target?.isContentEditable || target?.localName === 'textarea' || target?.localName === 'input' || doc?.designMode === 'on';
    if (!editable) return;
    clearTimeout(this.editTimer);
    this.editTimer = window.setTimeout(() => void this.check('edit'), EDIT_DEBOUNCE_MS);
  }
}
