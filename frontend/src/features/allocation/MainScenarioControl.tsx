import { Alert, Button, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.js';
import { keys } from '../../lib/query-keys.js';
import { useAllocationMutation } from './api.js';

/**
 * The case's main scenario (hovedscenario): the page opens on it. The scenario on screen is marked when it
 * is the main one; a case officer makes another one the main one (PUT …/main-scenario, audited).
 */
export function MainScenarioControl({
  allocationId,
  mainScenarioId,
  scenario,
  canChoose,
}: {
  allocationId: string;
  mainScenarioId: string | null;
  scenario: { id: string; name: string };
  canChoose: boolean;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const choose = useAllocationMutation(keys.allocation.all, (scenarioId: string) =>
    api<void>(`/api/allocation-cases/${allocationId}/main-scenario`, { method: 'PUT', body: { scenarioId } }),
  );
  if (scenario.id === mainScenarioId) return <Tag data-color="info">{t('allocation.main.tag')}</Tag>;
  if (!canChoose) return null;
  return (
    <>
      <Button
        type="button"
        variant="secondary"
        data-size="sm"
        loading={choose.isPending}
        onClick={() => {
          setError(null);
          choose.mutate(scenario.id, { onError: (e) => setError((e as Error).message) });
        }}
      >
        {t('allocation.main.choose', { name: scenario.name })}
      </Button>
      {error && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
    </>
  );
}
