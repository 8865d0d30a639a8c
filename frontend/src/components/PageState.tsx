import { Alert, Button, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api.js';

export function Loading() {
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite">
      <Spinner aria-hidden data-size="md" /> <span>{t('app.loading')}</span>
    </div>
  );
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const status = error instanceof ApiError ? error.status : 0;
  const text =
    status === 503 ? t('app.unavailable') : error instanceof ApiError ? error.message || t('app.forbidden') : t('app.loadFailed');
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph>{text}</Paragraph>
      {onRetry && status !== 403 && (
        <Button variant="secondary" data-size="sm" onClick={onRetry}>
          {t('app.retry')}
        </Button>
      )}
    </Alert>
  );
}
