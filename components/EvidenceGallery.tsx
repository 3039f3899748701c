/** The screenshots of a site in a quarter: thumbnails with page, time, SHA-256 and linked findings; delete asks first. */
import { useState } from 'preact/hooks';
import type { EvidenceMeta } from '@/lib/db/evidence-store';
import { formatCaptureTime } from '@/lib/inspection/evidence-caption';
import { ConfirmDialog } from './ConfirmDialog';
import { useEvidenceUrl } from './evidence-images';
import { t } from './i18n';

interface Props {
  evidence: EvidenceMeta[];
  onDelete: (id: string) => void;
}

export function EvidenceGallery({ evidence, onDelete }: Props) {
  const [asking, setAsking] = useState<EvidenceMeta | null>(null);
  return (
    <section class="insp-card" aria-label={t('insp_gallery')}>
      <h2>
        {t('insp_gallery')} <span class="count">{evidence.length}</span>
      </h2>
      {evidence.length === 0 && <p class="insp-muted">{t('insp_galleryEmpty')}</p>}
      <ul class="insp-gallery">
        {evidence.map((e) => (
          <EvidenceItem key={e.id} evidence={e} onDelete={() => setAsking(e)} />
        ))}
      </ul>
      {asking && (
        <ConfirmDialog
          message={t('insp_deleteEvidenceAsk', formatCaptureTime(new Date(asking.capturedAt)))}
          confirmLabel={t('insp_delete')}
          onConfirm={() => {
            onDelete(asking.id);
            setAsking(null);
          }}
          onCancel={() => setAsking(null)}
        />
      )}
    </section>
  );
}

function EvidenceItem({ evidence, onDelete }: { evidence: EvidenceMeta; onDelete: () => void }) {
  const url = useEvidenceUrl(evidence.id);
  const time = formatCaptureTime(new Date(evidence.capturedAt));
  return (
    <li class="insp-shot" aria-label={t('insp_shotLabel', time)}>
      <a href={url || undefined} target="_blank" rel="noreferrer" class="insp-thumb">
        {url ? <img src={url} alt={t('insp_shotAlt', [time, evidence.pageUrl])} /> : <span class="insp-muted">{t('insp_loading')}</span>}
      </a>
      <div class="insp-shot-meta">
        <div>{time}</div>
        <div class="insp-url" title={evidence.pageUrl}>{evidence.pageUrl}</div>
        <div class="insp-muted">{t('insp_linkedFindings', String(evidence.findingIds.length))}</div>
        <div class="insp-hash">
          SHA-256 <code data-testid="sha256">{evidence.sha256}</code>
        </div>
        <button type="button" class="danger small" onClick={onDelete}>{t('insp_delete')}</button>
      </div>
    </li>
  );
}
