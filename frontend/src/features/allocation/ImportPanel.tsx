import { Alert, Button, Heading, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.js';
import { useFormErrors } from '../../lib/useContractForm.js';
import { useAllocationMutation, useImportStatus } from './api.js';
import { keys } from '../../lib/query-keys.js';

/**
 * Imports a dataset: the file goes as it is (a raw body), so a workbook of many megabytes is never
 * turned into a string in the page. A large file is read by the worker; its progress is followed here.
 */
export function ImportPanel({ allocationId, onDone }: { allocationId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const importData = useAllocationMutation(keys.allocation.detail(allocationId), ({ file, name }: { file: File; name: string }) =>
    api<{ units?: number; importId?: string }>(
      `/api/allocation-cases/${allocationId}/datasets/file?${new URLSearchParams({ filename: file.name, name })}`,
      {
        method: 'POST',
        body: file,
      },
    ),
  );
  // The errors name rows and columns of the file (also those the worker finds later), listed above the form.
  const form = useFormErrors({ fieldIds: { file: 'import-file', name: 'import-name' }, fallbackPath: 'file' });
  const { errors, setErrors } = form;
  const [importId, setImportId] = useState<string | null>(null);
  const status = useImportStatus(importId);
  const state = status.data?.status;
  useEffect(() => {
    if (state !== 'done' && state !== 'failed') return;
    if (state === 'failed') setErrors(status.data?.errors ?? []);
    else onDone(t('allocation.importDoneJob'));
    setImportId(null);
  }, [state]); // eslint-disable-line react-hooks/exhaustive-deps
  const progress = importId !== null ? (status.data?.progress ?? 0) : null;

  async function onImport(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const file = (e.currentTarget.elements.namedItem('file') as HTMLInputElement | null)?.files?.[0];
    if (!file || file.size === 0) return setErrors([{ path: 'file', message: t('allocation.importFile') }]);
    await form.run(async () => {
      const r = await importData.mutateAsync({ file, name: String(f.get('name') ?? '') });
      if (r.importId) setImportId(r.importId);
      else onDone(t('allocation.importDone', { count: r.units }));
    });
  }

  return (
    <section aria-labelledby="import-h" className="panel narrow">
      <Heading level={2} data-size="sm" id="import-h">
        {t('allocation.import')}
      </Heading>
      <Paragraph>
        <Link href="/api/allocation-template.xlsx" download>
          {t('allocation.template')}
        </Link>
      </Paragraph>
      {errors.length > 0 && (
        <Alert data-color="danger" role="alert">
          <ul>
            {errors.map((e, i) => (
              <li key={i}>{`${e.path}: ${e.message}`}</li>
            ))}
          </ul>
        </Alert>
      )}
      {progress !== null && (
        <div role="status" aria-live="polite">
          <progress max={100} value={progress} aria-label={t('allocation.importProgress')} /> {progress} %
        </div>
      )}
      <form onSubmit={(e) => void onImport(e)} className="stack" noValidate>
        <Textfield id="import-name" name="name" label={t('allocation.importName')} />
        <div className="ds-field">
          <label className="ds-label" htmlFor="import-file">
            {t('allocation.importFile')}
          </label>
          <input id="import-file" name="file" type="file" accept=".csv,.xlsx,.json" className="ds-input" />
        </div>
        <div>
          <Button type="submit" loading={form.pending}>
            {t('allocation.importSubmit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
