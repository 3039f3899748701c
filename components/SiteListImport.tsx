/**
 * 导入网站名单: a CSV or XLSX file read and previewed here (row-level errors named by row, merges with stored
 * sites); nothing is saved until 确认导入, and then all good rows in one transaction.
 */
import { useRef, useState } from 'preact/hooks';
import { previewSiteListFile, type ImportPreview, type ParsedSiteList } from '@/lib/site-list';
import { backgroundClient } from './background-client';
import { t } from './i18n';
import { useAction } from './use-inspection-data';

interface Loaded {
  fileName: string;
  file: ParsedSiteList;
  preview: ImportPreview | null;
}

export function SiteListImport({ quarter, onImported }: { quarter: string; onImported: (message: string) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const action = useAction();

  const read = async (file: File) => {
    await action.run(async () => {
      const { sites } = await backgroundClient.send('listSites', {});
      const result = await previewSiteListFile({ name: file.name, data: await file.arrayBuffer() }, sites);
      setLoaded({ fileName: file.name, ...result });
    });
    if (input.current) input.current.value = '';
  };

  const confirm = async () => {
    const preview = loaded?.preview;
    if (!preview) return;
    const result = await action.run(() => backgroundClient.send('importSites', { quarter, preview }));
    if (!result) return;
    setLoaded(null);
    onImported(t('insp_imported', [String(result.created), String(result.merged), String(result.added)]));
  };

  const preview = loaded?.preview ?? null;
  const importable = preview ? preview.rowsOk.length + preview.merges.length : 0;
  return (
    <>
      <button type="button" onClick={() => input.current?.click()} disabled={action.busy}>{t('insp_importList')}</button>
      <input
        ref={input}
        type="file"
        hidden
        aria-label={t('insp_importFile')}
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        onChange={(e) => {
          const file = (e.currentTarget as HTMLInputElement).files?.[0];
          if (file) void read(file);
        }}
      />
      {action.error && <span class="notice error" role="alert">{action.error}</span>}
      {loaded && (
        <section class="insp-card insp-preview wide" aria-label={t('insp_previewTitle')}>
          <h2>{t('insp_previewTitle')}：{loaded.fileName}</h2>
          {loaded.file.fileErrors.map((m) => <p key={m} class="notice error">{m}</p>)}
          {loaded.file.fileNotes.map((m) => <p key={m} class="insp-muted">{m}</p>)}
          {preview && (
            <>
              <p>
                {t('insp_previewSummary', [String(preview.summary.dataRows), String(preview.rowsOk.length), String(preview.merges.length), String(preview.rowsWithErrors.length)])}
              </p>
              {preview.messages.length > 0 && (
                <ul class="insp-messages" aria-label={t('insp_previewMessages')}>
                  {preview.messages.map((m) => (
                    <li key={`${m.line}-${m.text}`} class={`msg-${m.level}`}>{m.text}</li>
                  ))}
                </ul>
              )}
              <table class="insp-table">
                <thead>
                  <tr><th>{t('insp_colRow')}</th><th>{t('insp_colName')}</th><th>{t('insp_colUrl')}</th><th>{t('insp_colCode')}</th><th>{t('insp_colAction')}</th></tr>
                </thead>
                <tbody>
                  {preview.rowsOk.map((r) => (
                    <tr key={r.lines.join()}><td>{r.lines.join('、')}</td><td>{r.name}</td><td>{r.homeUrl}</td><td>{r.siteCode}</td><td>{t('insp_actionNew')}</td></tr>
                  ))}
                  {preview.merges.map((m) => (
                    <tr key={m.row.lines.join()}><td>{m.row.lines.join('、')}</td><td>{m.row.name}</td><td>{m.row.homeUrl}</td><td>{m.row.siteCode}</td><td>{t('insp_actionMerge', m.site.name)}</td></tr>
                  ))}
                  {preview.rowsWithErrors.map((r) => (
                    <tr key={r.lines.join()} class="row-error"><td>{r.lines.join('、')}</td><td>{r.name}</td><td>{r.homeUrl}</td><td>{r.siteCode}</td><td>{t('insp_actionSkip')}</td></tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <div class="insp-row">
            <button type="button" class="primary" disabled={!preview || importable === 0 || action.busy} onClick={() => void confirm()}>
              {t('insp_confirmImport')}
            </button>
            <button type="button" onClick={() => setLoaded(null)}>{t('insp_cancel')}</button>
          </div>
        </section>
      )}
    </>
  );
}
