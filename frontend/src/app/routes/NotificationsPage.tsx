import { Button, Card, Link, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { api } from '../../lib/api.js';
import { keys } from '../../lib/query-keys.js';
import type { Answer } from '@samrad/shared/contracts';
import { locale } from '../../i18n/index.js';

type NotificationView = Answer<'GET /api/notifications'>['notifications'][number];

export default function NotificationsPage() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const { data, isPending, error, refetch } = useQuery({
    // The API says each notice in the language on screen: another language is another answer.
    queryKey: [...keys.notifications, i18n.language],
    queryFn: () => api<{ notifications: NotificationView[]; unread: number }>('/api/notifications'),
  });
  const markAll = useMutation({
    mutationFn: () => api('/api/notifications/all/read', { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.notifications }),
  });
  return (
    <>
      <PageHeading title={t('notifications.title')}>{t('notifications.title')}</PageHeading>
      {isPending && <Loading />}
      {error && <LoadError error={error} onRetry={() => void refetch()} />}
      {data?.notifications.length === 0 && <Paragraph>{t('notifications.none')}</Paragraph>}
      {!!data?.unread && (
        <Button variant="secondary" onClick={() => markAll.mutate()}>
          {t('notifications.markAll')}
        </Button>
      )}
      <ul className="card-list card-list--single">
        {data?.notifications.map((n) => (
          <li key={n.id}>
            <Card>
              <Paragraph>
                {!n.read && <Tag data-color="info">{t('notifications.unread')}</Tag>}{' '}
                <Link asChild>
                  <RouterLink to={n.link}>{n.title}</RouterLink>
                </Link>
              </Paragraph>
              <Paragraph data-size="sm" className="prewrap">
                {n.body}
              </Paragraph>
              <Paragraph data-size="xs" className="muted">
                {new Date(n.createdAt).toLocaleString(locale(), { timeZone: 'Europe/Oslo' })}
              </Paragraph>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
