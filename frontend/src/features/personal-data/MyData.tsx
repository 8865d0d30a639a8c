import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/**
 * «Mine data» on the profile page: what Samråd holds about the person (GDPR art. 15), to download as JSON (for
 * machines) or as a PDF (to read and keep). Plain links: the browser downloads with the session cookie.
 */
export function MyData() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="my-data-h" className="stack">
      <Heading level={2} data-size="sm" id="my-data-h">
        {t('myData.heading')}
      </Heading>
      <Paragraph>{t('myData.intro')}</Paragraph>
      <ul>
        <li>
          <a href="/api/me/personal-data.pdf" download>
            {t('myData.pdf')}
          </a>
        </li>
        <li>
          <a href="/api/me/personal-data" download="mine-data.json">
            {t('myData.json')}
          </a>
        </li>
      </ul>
    </section>
  );
}
