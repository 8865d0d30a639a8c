import { Alert, Button, Link, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { paths } from '../config/paths.js';
import { ApiError } from '../lib/api.js';

export function Loading() {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite">
      <Spinner aria-hidden data-size="md" /> <span>{t('app.loading')}</span>
    </div>
  );
}

/**
 * What a page shows when its data could not be loaded. A retry is offered only where trying again can
 * help (a network fault, a server that is busy or away); what does not exist (404) or may not be read
 * (403) gets the ways on instead: the page's list (`back`) and the start page.
 */
export function LoadError({ error, onRetry, back }: { error: unknown; onRetry?: () => void; back?: { to: string; label: string } }) {
  const { t } = useTranslation();
  const status = error instanceof ApiError ? error.status : 0;
  const final = status === 404 || status === 403;
  const text =
    status === 503
      ? t('app.unavailable')
      : error instanceof ApiError
        ? error.message || (status === 404 ? t('app.notFoundText') : t('app.forbidden'))
        : t('app.loadFailed');
  return (
    <Alert data-color={final ? 'warning' : 'danger'} role="alert">
      <Paragraph>{text}</Paragraph>
      {onRetry && !final && (
        <Button variant="secondary" data-size="sm" onClick={onRetry}>
          {t('app.retry')}
        </Button>
      )}
      {final && (
        <div className="row">
          {back && (
            <Link asChild>
              <RouterLink to={back.to}>{back.label}</RouterLink>
            </Link>
          )}
          <Link asChild>
            <RouterLink to={paths.home}>{t('app.goHome')}</RouterLink>
          </Link>
        </div>
      )}
    </Alert>
  );
}
