import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/index.js';
import type { MandateItemView } from './api.js';

/**
 * Items placed on a line from the earliest due date to the mandate's end date. The same facts are
 * in the table below, so the picture is hidden from screen readers.
 */
export function MandateTimeline({ items, endDate }: { items: MandateItemView[]; endDate: string }) {
  const { t } = useTranslation();
  const dated = items.filter((i) => i.dueDate);
  if (!dated.length) return null;
  const day = (d: string) => new Date(`${d}T12:00:00Z`).getTime();
  const start = Math.min(...dated.map((i) => day(i.dueDate!))) - 14 * 86400000;
  const end = day(endDate);
  const pos = (d: string) => Math.max(0, Math.min(100, ((day(d) - start) / (end - start)) * 100));
  return (
    <figure className="timeline" aria-hidden="true">
      <figcaption>{t('mandate.timeline', { date: formatDate(endDate) })}</figcaption>
      <div className="timeline__track">
        {dated.map((i) => (
          <span
            key={i.id}
            className={`timeline__dot timeline__dot--${i.late ? 'late' : i.status}`}
            style={{ left: `${pos(i.dueDate!)}%` }}
            title={`${i.number}. ${i.title} – ${formatDate(i.dueDate)}`}
          >
            {i.number}
          </span>
        ))}
        <span className="timeline__end" style={{ left: '100%' }} />
      </div>
    </figure>
  );
}
