import { Heading, Link, List, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading.js';
import { usePublicMunicipalities } from '../../features/innsyn/api.js';

/**
 * The tilgjengelighetserklæring (accessibility statement) required of public bodies: the WCAG 2.1 status as the
 * browser tests measure it (axe-core on every page visited), what is known not to conform, and how to report a
 * problem (each municipality's contact address) or complain to Tilsynet for universell utforming.
 */
export default function AccessibilityPage() {
  const { t } = useTranslation();
  const { data } = usePublicMunicipalities();
  return (
    <>
      <PageHeading title={t('a11y.title')}>{t('a11y.title')}</PageHeading>
      <div className="stack">
        <Paragraph>{t('a11y.intro')}</Paragraph>
        <Heading level={2} data-size="sm">
          {t('a11y.statusHeading')}
        </Heading>
        <Paragraph>{t('a11y.status')}</Paragraph>
        <Heading level={2} data-size="sm">
          {t('a11y.testedHeading')}
        </Heading>
        <List.Unordered>
          <List.Item>{t('a11y.tested.axe')}</List.Item>
          <List.Item>{t('a11y.tested.keyboard')}</List.Item>
          <List.Item>{t('a11y.tested.csp')}</List.Item>
          <List.Item>{t('a11y.tested.zoom')}</List.Item>
          <List.Item>{t('a11y.tested.units')}</List.Item>
        </List.Unordered>
        <Heading level={2} data-size="sm">
          {t('a11y.knownHeading')}
        </Heading>
        <List.Unordered>
          <List.Item>{t('a11y.known.manual')}</List.Item>
          <List.Item>{t('a11y.known.documents')}</List.Item>
          <List.Item>{t('a11y.known.chart')}</List.Item>
        </List.Unordered>
        <Heading level={2} data-size="sm">
          {t('a11y.reportHeading')}
        </Heading>
        <Paragraph>{t('a11y.report')}</Paragraph>
        <List.Unordered>
          {data?.municipalities.map((m) => (
            <List.Item key={m.slug}>
              {m.name}: {m.contactEmail ? <Link href={`mailto:${m.contactEmail}`}>{m.contactEmail}</Link> : t('a11y.noContact')}
            </List.Item>
          ))}
        </List.Unordered>
        <Heading level={2} data-size="sm">
          {t('a11y.complainHeading')}
        </Heading>
        <Paragraph>
          {t('a11y.complain')} <Link href="https://www.uutilsynet.no/">{t('a11y.uutilsynet')}</Link>.
        </Paragraph>
      </div>
    </>
  );
}
