import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../components/PageState.js';
import { formatDateTime } from '../../i18n/index.js';
import { useCalendarTokens, useCreateCalendarToken, useRevokeCalendarToken } from './api.js';

/**
 * The personal calendar feed on the profile page: an address (a secret token) a calendar app subscribes to without a
 * cookie, with one's meetings and deadlines. The address is shown once when made; revoking it stops it at once.
 */
export function CalendarFeeds() {
  const { t } = useTranslation();
  const tokens = useCalendarTokens();
  const create = useCreateCalendarToken();
  const revoke = useRevokeCalendarToken();
  const [url, setUrl] = useState<string | null>(null);
  const [revoked, setRevoked] = useState(false);
  return (
    <section aria-labelledby="calendar-feed-h" className="stack">
      <Heading level={2} data-size="sm" id="calendar-feed-h">
        {t('calendarFeed.heading')}
      </Heading>
      <Paragraph>{t('calendarFeed.intro')}</Paragraph>
      {tokens.isPending && <Loading />}
      {tokens.error && <LoadError error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {url && (
        <Alert data-color="success" role="status">
          <Paragraph>{t('calendarFeed.made')}</Paragraph>
          <Textfield id="calendar-feed-url" label={t('calendarFeed.url')} readOnly value={url} />
        </Alert>
      )}
      {revoked && (
        <Alert data-color="info" role="status">
          {t('calendarFeed.revoked')}
        </Alert>
      )}
      {tokens.data && tokens.data.tokens.length > 0 && (
        <ul>
          {tokens.data.tokens.map((tok) => (
            <li key={tok.id} className="row">
              <span>{t('calendarFeed.madeAt', { date: formatDateTime(tok.createdAt) })}</span>
              <Button
                variant="secondary"
                data-size="sm"
                loading={revoke.isPending}
                onClick={() =>
                  revoke.mutate(tok.id, {
                    onSuccess: () => {
                      setUrl(null);
                      setRevoked(true);
                    },
                  })
                }
              >
                {t('calendarFeed.revoke')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div>
        <Button
          variant="secondary"
          loading={create.isPending}
          onClick={() =>
            create.mutate(undefined, {
              onSuccess: (made) => {
                setRevoked(false);
                setUrl(made.url);
              },
            })
          }
        >
          {t('calendarFeed.create')}
        </Button>
      </div>
      {(create.error || revoke.error) && (
        <Alert data-color="danger" role="alert">
          {(create.error ?? revoke.error)?.message}
        </Alert>
      )}
    </section>
  );
}
