import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { MandateItemView } from './api.js';

const COLOR: Record<MandateItemView['status'], string> = {
  not_started: 'neutral',
  in_progress: 'info',
  in_review: 'warning',
  done: 'success',
};

export function StatusTag({ item }: { item: Pick<MandateItemView, 'status' | 'late'> }) {
  const { t } = useTranslation();
  return (
    <span className="tags">
      <Tag data-color={COLOR[item.status] as never}>{t(`status.${item.status}`)}</Tag>
      {item.late && <Tag data-color="danger">{t('mandate.late')}</Tag>}
    </span>
  );
}
