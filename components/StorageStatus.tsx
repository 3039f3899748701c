/**
 * Asks the browser to keep our data (navigator.storage.persist) and shows the answer with the space used, so an
 * inspector knows a quarter of screenshots will not be evicted when the disk runs low.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from './i18n';

interface Answer {
  persisted: boolean | null;
  usage: number | null;
  quota: number | null;
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);
}

export function StorageStatus() {
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    const ask = async (): Promise<Answer> => {
      const storage = navigator.storage;
      if (!storage?.persist) return { persisted: null, usage: null, quota: null };
      const persisted = (await storage.persisted()) || (await storage.persist());
      const estimate = await storage.estimate().catch(() => ({}) as StorageEstimate);
      return { persisted, usage: estimate.usage ?? null, quota: estimate.quota ?? null };
    };
    ask().then(setAnswer, () => setAnswer({ persisted: null, usage: null, quota: null }));
  }, []);
  if (!answer) return null;
  const text = answer.persisted === null ? t('insp_persistUnknown') : answer.persisted ? t('insp_persistYes') : t('insp_persistNo');
  return (
    <p class={`insp-storage ${answer.persisted ? 'ok' : 'warn'}`} role="status" aria-label={t('insp_storage')}>
      {text}
      {answer.usage !== null && answer.quota !== null && ` ${t('insp_storageUsage', [megabytes(answer.usage), megabytes(answer.quota)])}`}
    </p>
  );
}
