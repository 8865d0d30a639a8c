import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { StaleEdit } from '../../lib/useContractForm.js';

/** Someone saved the scenario first (409): the server's message and a way to read it again. */
export function StaleNotice({ stale, onReload }: { stale: StaleEdit | null; onReload: () => void }) {
  const { t } = useTranslation();
  if (!stale) return null;
  return (
    <Alert data-color="warning" role="alert">
      <Paragraph>{stale.message}</Paragraph>
      <Button variant="secondary" data-size="sm" onClick={onReload}>
        {t('allocation.reload')}
      </Button>
    </Alert>
  );
}
