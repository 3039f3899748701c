/** A modal question in our own UI (never window.confirm, which a side panel cannot show reliably). */
import { useEffect, useRef } from 'preact/hooks';
import { t } from './i18n';

interface Props {
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ message, confirmLabel, onConfirm, onCancel }: Props) {
  const cancel = useRef<HTMLButtonElement>(null);
  // The safe choice has the focus, so Enter does not delete by accident.
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div class="insp-backdrop" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <div class="insp-dialog" role="alertdialog" aria-modal="true" aria-label={message}>
        <p>{message}</p>
        <div class="insp-row">
          <button type="button" class="danger" onClick={onConfirm}>{confirmLabel}</button>
          <button type="button" ref={cancel} onClick={onCancel}>{t('insp_cancel')}</button>
        </div>
      </div>
    </div>
  );
}
