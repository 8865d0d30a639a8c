import { Alert, Button, Fieldset, Heading, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { columnMappingSchema, MAPPED_UNIT_FIELDS, parseWith, type Answer } from '@samrad/shared/contracts';
import { SelectField } from '../../components/SelectField.js';
import { api } from '../../lib/api.js';
import { useFormErrors } from '../../lib/useContractForm.js';
import { useAllocationMutation, useImportStatus } from './api.js';
import { keys } from '../../lib/query-keys.js';

type ColumnsView = Answer<'POST /api/allocation-cases/:id/datasets/columns'>;
/** The officer's choice per field: a column's index as the select holds it, or '' for «not in the file». */
type MappingDraft = Record<string, string>;

/** The id of the select of a mapping field (`pupils@1` → `map-pupils-1`). */
const selectId = (key: string) => `map-${key.replace('@', '-')}`;
const isSpreadsheet = (file: File) => /\.(csv|xlsx)$/i.test(file.name);

/** The draft as the contract's mapping (the fields given a column). */
const mappingOf = (draft: MappingDraft) =>
  Object.fromEntries(
    Object.entries(draft)
      .filter(([, v]) => v !== '')
      .map(([k, v]) => [k, Number(v)]),
  );

/** The file is the template as it is: every column is one of its fields and the officer kept the suggestion. */
const isTemplate = (columns: ColumnsView, draft: MappingDraft) => {
  const suggested = Object.entries(columns.suggested);
  const chosen = Object.entries(mappingOf(draft));
  return (
    suggested.length === columns.columns.length &&
    chosen.length === suggested.length &&
    chosen.every(([k, v]) => columns.suggested[k] === v)
  );
};

/**
 * Imports a dataset: the file goes as it is (a raw body), so a workbook of many megabytes is never
 * turned into a string in the page. A spreadsheet's header row is read by the server first, and the
 * officer says which of its columns is which field (the template's headers are chosen already); the
 * municipality's own headers need no renaming. A large file is read by the worker; its progress is
 * followed here. The errors name the file's rows and its own column names.
 */
export function ImportPanel({
  allocationId,
  budgetYear,
  onDone,
}: {
  allocationId: string;
  budgetYear: number;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const importData = useAllocationMutation(
    keys.allocation.detail(allocationId),
    ({ file, name, mapping }: { file: File; name: string; mapping: Record<string, number> | null }) =>
      api<{ units?: number; importId?: string }>(
        `/api/allocation-cases/${allocationId}/datasets/file?${new URLSearchParams({
          filename: file.name,
          name,
          ...(mapping ? { mapping: JSON.stringify(mapping) } : {}),
        })}`,
        { method: 'POST', body: file },
      ),
  );
  const [file, setFile] = useState<File | null>(null);
  const [columns, setColumns] = useState<ColumnsView | null>(null);
  const [reading, setReading] = useState(false);
  const [draft, setDraft] = useState<MappingDraft>({});
  // A new file input after an import, so the next one starts from no file.
  const [inputKey, setInputKey] = useState(0);
  // The errors name rows and columns of the file (also those the worker finds later), listed above the form;
  // a mapping field's error is also on its select.
  const form = useFormErrors({ fieldIds: { file: 'import-file', name: 'import-name' }, fallbackPath: 'file' });
  const { errors, setErrors } = form;
  const [importId, setImportId] = useState<string | null>(null);
  const status = useImportStatus(importId);
  const state = status.data?.status;
  useEffect(() => {
    if (state !== 'done' && state !== 'failed') return;
    if (state === 'failed') setErrors(status.data?.errors ?? []);
    else finished(t('allocation.importDoneJob'));
    setImportId(null);
  }, [state]); // eslint-disable-line react-hooks/exhaustive-deps
  const progress = importId !== null ? (status.data?.progress ?? 0) : null;

  function finished(message: string) {
    setFile(null);
    setColumns(null);
    setDraft({});
    setInputKey((k) => k + 1);
    onDone(message);
  }

  // The header row being read: an import sent meanwhile waits for it (and goes by the template's headers when they are all there).
  const pendingColumns = useRef<Promise<ColumnsView | null> | null>(null);
  const suggestion = (read: ColumnsView): MappingDraft =>
    Object.fromEntries(Object.entries(read.suggested).map(([k, v]) => [k, String(v)]));

  /** The mapping step: the server reads the header row; the template's headers come chosen. */
  async function onFile(chosen: File | null) {
    setFile(chosen);
    setColumns(null);
    setDraft({});
    setErrors([]);
    pendingColumns.current = null;
    if (!chosen || chosen.size === 0 || !isSpreadsheet(chosen)) return;
    setReading(true);
    const pending = api<ColumnsView>(
      `/api/allocation-cases/${allocationId}/datasets/columns?${new URLSearchParams({ filename: chosen.name })}`,
      { method: 'POST', body: chosen },
    ).catch(async (error: unknown) => {
      await form.run(() => Promise.reject(error));
      return null;
    });
    pendingColumns.current = pending;
    const read = await pending;
    // Another file was chosen meanwhile: its own reading decides.
    if (pendingColumns.current !== pending) return;
    pendingColumns.current = null;
    setReading(false);
    if (read) {
      setColumns(read);
      setDraft(suggestion(read));
    }
  }

  async function onImport(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    if (!file || file.size === 0) return setErrors([{ path: 'file', message: t('allocation.importFile') }]);
    let read = columns;
    let chosen = draft;
    if (pendingColumns.current) {
      read = await pendingColumns.current;
      if (!read) return;
      chosen = suggestion(read);
    }
    let mapping: Record<string, number> | null = null;
    if (read && !isTemplate(read, chosen)) {
      const checked = parseWith(columnMappingSchema, mappingOf(chosen));
      if (!checked.ok) return setErrors(checked.errors.map((p) => ({ path: `mapping.${p.path}`, message: p.message })));
      mapping = checked.data;
    }
    await form.run(async () => {
      const r = await importData.mutateAsync({ file, name: String(f.get('name') ?? ''), mapping });
      if (r.importId) setImportId(r.importId);
      else finished(t('allocation.importDone', { count: r.units }));
    });
  }

  const options = [
    { value: '', label: t('allocation.mapping.notInFile') },
    ...(columns?.columns ?? []).map((c) => ({
      value: String(c.index),
      label: c.samples.length ? t('allocation.mapping.column', { name: c.name, samples: c.samples.join(', ') }) : c.name,
    })),
  ];
  const fieldError = (key: string) => errors.find((e) => e.path === `mapping.${key}`)?.message;
  const select = (key: string, label: string) => (
    <SelectField
      key={key}
      id={selectId(key)}
      name={key}
      label={label}
      value={draft[key] ?? ''}
      onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
      options={options}
      error={fieldError(key)}
    />
  );
  const used = new Set(Object.values(draft).filter((v) => v !== ''));
  const unused = (columns?.columns ?? []).filter((c) => !used.has(String(c.index))).map((c) => c.name);
  const years = {
    spring: t('allocation.mapping.spring', { year: budgetYear, from: budgetYear - 1, to: String(budgetYear).slice(2) }),
    autumn: t('allocation.mapping.autumn', { year: budgetYear, from: budgetYear, to: String(budgetYear + 1).slice(2) }),
  };

  return (
    // Wider while the columns are mapped: a count's three selects side by side.
    <section aria-labelledby="import-h" className={columns ? 'panel' : 'panel narrow'}>
      <Heading level={2} data-size="sm" id="import-h">
        {t('allocation.import')}
      </Heading>
      <Paragraph>{t('allocation.mapping.intro')}</Paragraph>
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
          <input
            key={inputKey}
            id="import-file"
            name="file"
            type="file"
            accept=".csv,.xlsx,.json"
            className="ds-input"
            onChange={(e) => void onFile(e.currentTarget.files?.[0] ?? null)}
          />
        </div>
        {reading && <Paragraph role="status">{t('allocation.mapping.reading')}</Paragraph>}
        {columns && <Paragraph data-size="sm">{t('allocation.mapping.help')}</Paragraph>}
        {columns && (
          <Fieldset className="stack">
            <Fieldset.Legend>{t('allocation.mapping.title')}</Fieldset.Legend>
            <div className="row">{MAPPED_UNIT_FIELDS.map((f) => select(f, t(`allocation.mapping.fields.${f}`)))}</div>
            {columns.drivers.map((d) => (
              <div className="row" key={d.id}>
                {select(d.id, t('allocation.mapping.wholeYear', { driver: d.label }))}
                {select(`${d.id}@1`, `${d.label}, ${years.spring}`)}
                {select(`${d.id}@2`, `${d.label}, ${years.autumn}`)}
              </div>
            ))}
            {unused.length > 0 && <Paragraph data-size="sm">{t('allocation.mapping.unused', { columns: unused.join(', ') })}</Paragraph>}
          </Fieldset>
        )}
        <div>
          <Button type="submit" loading={form.pending}>
            {t('allocation.importSubmit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
