/** The inspector's verdict on one finding: 确认 / 误报 / 不适用 / 已整改 (pressed = current). */
import type { FindingStatus } from '@/lib/checks/types';
import { statusLabel } from './i18n';

const CHOICES: FindingStatus[] = ['confirmed', 'false-positive', 'not-applicable', 'fixed'];

export function VerdictButtons({ status, onChange }: { status: FindingStatus; onChange: (status: FindingStatus) => void }) {
  return (
    <div class="verdicts" role="group">
      {CHOICES.map((choice) => (
        <button
          type="button"
          key={choice}
          class={`verdict v-${choice}`}
          aria-pressed={status === choice}
          onClick={(e) => {
            e.stopPropagation();
            // Pressing the current verdict again takes it back to 待复核.
            onChange(status === choice ? 'open' : choice);
          }}
        >
          {statusLabel(choice)}
        </button>
      ))}
    </div>
  );
}
