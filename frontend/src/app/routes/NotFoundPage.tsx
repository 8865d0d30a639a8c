import { Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { PageHeading } from '../../components/PageHeading.js';
import { paths } from '../../config/paths.js';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('app.notFound')}>{t('app.notFound')}</PageHeading>
      <Paragraph>{t('app.notFoundText')}</Paragraph>
      <Link asChild>
        <RouterLink to={paths.home}>{t('app.goHome')}</RouterLink>
      </Link>
    </>
  );
}
