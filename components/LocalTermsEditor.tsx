/**
 * The user's local terms (e.g. the city's 书记 and 市长 with their titles): add one with its wrong forms, category
 * and source, remove one, import a JSON or CSV file (正确写法, 错误写法, 类别, 来源 — all or nothing, bad rows
 * named), export the same formats. The background checks every term and says why it refuses one.
 */
import { useRef, useState } from 'preact/hooks';
import type { DictionarySettings } from '@/lib/db/dictionary-store';
import { EXPRESSION_CATEGORIES, type ExpressionCategory } from '@/lib/expressions/types';
import { formatLocalDate } from '@/lib/inspection/evidence-caption';
import { decodeText } from '@/lib/site-list/decode';
import { backgroundClient } from './background-client';
import { errorText } from './error-text';
import { t } from './i18n';

interface Props {
  settings: DictionarySettings;
  onSettings: (settings: DictionarySettings) => void;
}

/** Several wrong forms go one per line or separated by ；/; (、 occurs inside expressions, so it is no separator). */
function splitForms(text: string): string[] {
  return text.split(/[\n;；]/).map((s) => s.trim()).filter((s) => s !== '');
}

function download(content: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function LocalTermsEditor({ settings, onSettings }: Props) {
  const [correct, setCorrect] = useState('');
  const [wrong, setWrong] = useState('');
  const [category, setCategory] = useState<ExpressionCategory>('领导人姓名与职务');
  const [source, setSource] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setErrors([]);
    setDone('');
    try {
      await action();
    } catch (e) {
      setErrors([errorText(e)]);
    } finally {
      setBusy(false);
    }
  };

  const add = (event: Event) => {
    event.preventDefault();
    void run(async () => {
      const result = await backgroundClient.send('addLocalTerm', { correct, wrong: splitForms(wrong), category, source });
      onSettings(result.settings);
      setDone(t('dict_added', correct.trim()));
      setCorrect('');
      setWrong('');
    });
  };

  const importFile = (file: File) =>
    run(async () => {
      const format = /\.json$/i.test(file.name) ? 'json' : 'csv';
      const { text } = decodeText(new Uint8Array(await file.arrayBuffer()));
      const result = await backgroundClient.send('importLocalTerms', { content: text, format });
      if (fileInput.current) fileInput.current.value = '';
      if (result.errors.length) {
        setErrors([t('dict_importRefused', file.name), ...result.errors]);
        return;
      }
      onSettings(result.settings);
      setDone(t('dict_imported', [file.name, String(result.imported)]));
    });

  const exportFile = (format: 'json' | 'csv') =>
    run(async () => {
      const { content } = await backgroundClient.send('exportLocalTerms', { format });
      download(content, `${t('dict_exportName')}-${formatLocalDate(new Date())}.${format}`, format === 'json' ? 'application/json' : 'text/csv;charset=utf-8');
    });

  const remove = (id: string) => run(async () => onSettings((await backgroundClient.send('removeLocalTerm', { id })).settings));

  return (
    <section class="opt-card" aria-label={t('dict_localTerms')}>
      <h2>{t('dict_localTerms')}</h2>
      <form class="opt-form" onSubmit={add}>
        <label>
          {t('dict_colCorrect')}
          <input type="text" value={correct} onInput={(e) => setCorrect(e.currentTarget.value)} placeholder={t('dict_correctHint')} />
        </label>
        <label>
          {t('dict_colWrong')}
          <textarea rows={2} value={wrong} onInput={(e) => setWrong(e.currentTarget.value)} placeholder={t('dict_wrongHint')} />
        </label>
        <label>
          {t('dict_colCategory')}
          <select value={category} onChange={(e) => setCategory(e.currentTarget.value as ExpressionCategory)}>
            {EXPRESSION_CATEGORIES.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        <label>
          {t('dict_colSource')}
          <input type="text" value={source} onInput={(e) => setSource(e.currentTarget.value)} placeholder={t('dict_sourceHint')} />
        </label>
        <button type="submit" class="primary" disabled={busy}>{t('dict_add')}</button>
      </form>
      <div class="toolbar">
        <button type="button" disabled={busy} onClick={() => fileInput.current?.click()}>{t('dict_import')}</button>
        <input ref={fileInput} type="file" hidden aria-label={t('dict_importFile')} accept=".json,.csv,application/json,text/csv" onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void importFile(file);
        }} />
        <button type="button" disabled={busy || !settings.local.length} onClick={() => void exportFile('json')}>{t('dict_exportJson')}</button>
        <button type="button" disabled={busy || !settings.local.length} onClick={() => void exportFile('csv')}>{t('dict_exportCsv')}</button>
        <span class="opt-muted">{t('dict_fileColumns')}</span>
      </div>
      {errors.length > 0 && (
        <div class="notice error" role="alert">
          {errors.map((m) => <div key={m}>{m}</div>)}
        </div>
      )}
      {done && <p class="notice" role="status">{done}</p>}
      {settings.local.length > 0 && (
        <ul class="opt-local" aria-label={t('dict_localList')}>
          {settings.local.map((e) => (
            <li key={e.id}>
              <strong>{e.correct}</strong>
              <span>{e.wrong.map((w) => w.form).join('、')}</span>
              <span class="opt-muted">{e.category} · {e.source.join('；')} · {e.asOf}</span>
              <button type="button" disabled={busy} aria-label={t('dict_removeTerm', e.correct)} onClick={() => void remove(e.id)}>{t('dict_remove')}</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
