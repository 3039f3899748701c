/**
 * 导出季度包 / 导入季度包 on the inspections page. Runs in the extension page, not the service worker: only a
 * page can make the object URL the downloads API saves, and the page opens the extension's IndexedDB itself.
 * Export builds the zip with JSZip's async generation (the page stays responsive) behind a progress bar;
 * import checks the file completely, previews the merge, and writes only when the inspector confirms.
 */
import { useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { buildBundleBlob, bundleFileName } from '@/lib/bundle/build-bundle';
import { collectBundleInput } from '@/lib/bundle/bundle-input';
import type { MergePlan } from '@/lib/bundle/merge-plan';
import { readBundle, type ParsedBundle } from '@/lib/bundle/read-bundle';
import { importBundle, previewImport, readBundleSource } from '@/lib/db/bundle-store';
import { BundleImportPreview } from './BundleImportPreview';
import { errorText } from './error-text';
import { t } from './i18n';
import { pageDb } from './page-db';
import { saveBlob } from './save-file';
import './bundle-panel.css';

type State =
  | { kind: 'idle' }
  | { kind: 'exporting'; percent: number }
  | { kind: 'reading' }
  | { kind: 'preview'; bundle: ParsedBundle; plan: MergePlan; fileName: string }
  | { kind: 'importing' }
  | { kind: 'done'; message: string }
  | { kind: 'error'; message: string };

export function BundlePanel({ quarter, onImported }: { quarter: string; onImported?: () => void }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);
  const busy = state.kind === 'exporting' || state.kind === 'reading' || state.kind === 'importing';

  async function exportBundle(): Promise<void> {
    setState({ kind: 'exporting', percent: 0 });
    try {
      const createdAt = new Date();
      const source = await readBundleSource(pageDb(), quarter);
      const generator = { name: 'gov-site-inspector', version: browser.runtime.getManifest().version };
      const input = collectBundleInput(source, { quarter, createdAt: createdAt.toISOString(), generator });
      let shown = 0;
      // A Blob of small parts, never one buffer of the whole archive in the page.
      const zip = await buildBundleBlob(input, {
        // Repaint only when the whole percent changes: JSZip reports every chunk.
        onProgress: (p) => {
          const percent = Math.floor(p);
          if (percent !== shown) setState({ kind: 'exporting', percent: (shown = percent) });
        },
      });
      const filename = bundleFileName(quarter, createdAt);
      await saveBlob(zip, filename);
      setState({ kind: 'done', message: t('bundle_exported', filename) });
    } catch (err) {
      setState({ kind: 'error', message: t('bundle_export_failed', errorText(err)) });
    }
  }

  async function chooseFile(file: File | undefined): Promise<void> {
    if (!file) return;
    setState({ kind: 'reading' });
    const read = await readBundle(file);
    if (!read.ok) {
      setState({ kind: 'error', message: t('bundle_refused', read.error.message) });
      return;
    }
    try {
      const plan = await previewImport(pageDb(), read.bundle);
      setState({ kind: 'preview', bundle: read.bundle, plan, fileName: file.name });
    } catch (err) {
      setState({ kind: 'error', message: t('bundle_refused', errorText(err)) });
    }
  }

  async function confirmImport(bundle: ParsedBundle): Promise<void> {
    setState({ kind: 'importing' });
    try {
      const plan = await importBundle(pageDb(), bundle);
      const sum = (k: 'add' | 'update'): number => Object.values(plan.counts).reduce((n, c) => n + c[k], 0);
      setState({ kind: 'done', message: t('bundle_imported', [String(sum('add')), String(sum('update'))]) });
      onImported?.();
    } catch (err) {
      setState({ kind: 'error', message: t('bundle_import_failed', errorText(err)) });
    }
  }

  return (
    <section class="bundle-panel" aria-label={t('bundle_section')}>
      <div class="bundle-actions">
        <button type="button" class="primary" disabled={busy} onClick={() => void exportBundle()}>
          {t('bundle_export')}
        </button>
        <button type="button" disabled={busy} onClick={() => fileInput.current?.click()}>
          {t('bundle_import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".zip,application/zip"
          hidden
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            // Cleared so choosing the same file again (after fixing it) fires change again.
            input.value = '';
            void chooseFile(file);
          }}
        />
      </div>
      {state.kind === 'exporting' && (
        <div class="bundle-progress">
          <progress max={100} value={state.percent} aria-label={t('bundle_progress_label')} />
          <span role="status">{t('bundle_exporting', quarter)}</span>
        </div>
      )}
      {(state.kind === 'reading' || state.kind === 'importing') && (
        <p role="status">{t(state.kind === 'reading' ? 'bundle_reading' : 'bundle_importing')}</p>
      )}
      {state.kind === 'done' && <p role="status" class="notice">{state.message}</p>}
      {state.kind === 'error' && <p role="alert" class="notice error">{state.message}</p>}
      {state.kind === 'preview' && (
        <>
          <BundleImportPreview plan={state.plan} fileName={state.fileName} quarter={quarter} />
          <div class="bundle-actions">
            <button type="button" class="primary" disabled={!state.plan.hasChanges} onClick={() => void confirmImport(state.bundle)}>
              {t('bundle_confirm')}
            </button>
            <button type="button" onClick={() => setState({ kind: 'idle' })}>
              {t('bundle_cancel')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
