import { Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/** A clear marker of the case's access level. */
export function AccessTag({ access, legalBasis }: { access: 'public' | 'exempt'; legalBasis?: string | null }) {
  const { t } = useTranslation();
  return access === 'public' ? (
    <Tag data-color="success">{t('cases.public')}</Tag>
  ) : (
    <Tag data-color="danger">{legalBasis ? t('cases.exempt', { basis: legalBasis }) : t('cases.exemptTitle')}</Tag>
  );
}
