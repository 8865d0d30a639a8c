import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer } from '@samrad/shared/contracts';
import { PEERS_FORMAT, type PeerComparisonInput } from '@samrad/shared/engine';
import { api } from '../../lib/api.js';
import { decimalOf, optionalDecimalOf, showDecimal } from '../../lib/numbers.js';
import { useFormErrors } from '../../lib/useContractForm.js';
import type { ToolView } from './api.js';
import { fieldId, patchRow, rowKey, useInputForm } from './draft.js';
import { AddButton, Cell, ListError, RemoveButton, SaveRow } from './EditCells.js';

type Imported = Answer<'POST /api/analysis-tools/:id/peer-import'>;
interface PeerDraft {
  key: number;
  chosen: boolean;
  name: string;
  costPerChild: string;
  pupilsPerSchool: string;
}
interface Draft {
  meta: { source?: string; year?: number; measure?: string };
  own: { name: string; costPerChild: string; children6to15: string; pupilsPerSchool: string };
  peers: PeerDraft[];
}

function draftOf(input: Omit<PeerComparisonInput, 'format'> | Imported): Draft {
  const { own, peers, source, year, measure } = input;
  return {
    meta: {
      ...(source !== undefined ? { source } : {}),
      ...(year !== undefined ? { year } : {}),
      ...(measure !== undefined ? { measure } : {}),
    },
    own: {
      name: own.name,
      costPerChild: showDecimal(own.costPerChild),
      children6to15: showDecimal(own.children6to15),
      pupilsPerSchool: showDecimal(own.pupilsPerSchool),
    },
    peers: peers.map((p) => ({
      key: rowKey(),
      chosen: p.chosen !== false,
      name: p.name,
      costPerChild: showDecimal(p.costPerChild),
      pupilsPerSchool: showDecimal(p.pupilsPerSchool),
    })),
  };
}

const withSize = (value: string) => {
  const v = optionalDecimalOf(value);
  return v === undefined ? {} : { pupilsPerSchool: v };
};

function inputOf(d: Draft): unknown {
  return {
    format: PEERS_FORMAT,
    ...d.meta,
    own: {
      name: d.own.name,
      costPerChild: decimalOf(d.own.costPerChild),
      children6to15: decimalOf(d.own.children6to15),
      ...withSize(d.own.pupilsPerSchool),
    },
    peers: d.peers.map((p) => ({
      name: p.name,
      costPerChild: decimalOf(p.costPerChild),
      ...withSize(p.pupilsPerSchool),
      ...(p.chosen ? {} : { chosen: false }),
    })),
  };
}

type ImportIssue = { path: string; message: string; row?: number | null; column?: string };

/**
 * Reads KOSTRA figures from a file (CSV, XLSX or the JSON format) on the server, which checks every row; the
 * municipalities go into the form below to be looked over, chosen and saved. Bad rows are listed by row and column.
 */
function PeerImport({ toolId, onRead }: { toolId: string; onRead: (data: Imported, file: string) => void }) {
  const { t } = useTranslation();
  const form = useFormErrors({ fieldIds: { file: 'peer-file' }, fallbackPath: 'file' });
  const [read, setRead] = useState<{ file: string; count: number } | null>(null);
  const issues = form.errors as ImportIssue[];
  const fileError = issues.find((e) => e.path === 'file' && e.row == null)?.message;
  const report = issues.filter((e) => !(e.path === 'file' && e.row == null));

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const file = (e.currentTarget.elements.namedItem('file') as HTMLInputElement | null)?.files?.[0];
    setRead(null);
    if (!file) return form.setErrors([{ path: 'file', message: t('analysis.import.chooseFile') }]);
    await form.run(async () => {
      const data = await api<Imported>(`/api/analysis-tools/${toolId}/peer-import?${new URLSearchParams({ filename: file.name })}`, {
        method: 'POST',
        body: file,
      });
      onRead(data, file.name);
      setRead({ file: file.name, count: data.peers.length + 1 });
    });
  }

  return (
    <section aria-labelledby="peer-import-h" className="panel narrow">
      <Heading level={3} data-size="xs" id="peer-import-h">
        {t('analysis.import.title')}
      </Heading>
      <Paragraph data-size="sm">{t('analysis.import.help')}</Paragraph>
      {report.length > 0 && (
        <Alert data-color="danger" role="alert">
          <Paragraph>{t('analysis.import.failed', { count: report.length })}</Paragraph>
          <div className="table-scroll">
            <Table data-size="sm">
              <caption className="visually-hidden">{t('analysis.import.reportCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('analysis.import.row')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('analysis.import.column')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('analysis.import.problem')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {report.map((e, i) => (
                  <Table.Row key={i}>
                    <Table.Cell>{e.row ?? '–'}</Table.Cell>
                    <Table.Cell>{e.column || (e.row == null ? e.path : '–')}</Table.Cell>
                    <Table.Cell>{e.message}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </Alert>
      )}
      {read && (
        <Alert data-color="success" role="status">
          {t('analysis.import.read', { count: read.count, file: read.file })}
        </Alert>
      )}
      <form onSubmit={(e) => void onSubmit(e)} className="stack" noValidate>
        <div className="ds-field">
          <label className="ds-label" htmlFor="peer-file">
            {t('analysis.import.file')}
          </label>
          <input
            id="peer-file"
            name="file"
            type="file"
            accept=".csv,.xlsx,.json"
            className="ds-input"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? 'peer-file-error' : undefined}
          />
          {fileError && (
            <p className="ds-validation-message" data-color="danger" id="peer-file-error">
              {fileError}
            </p>
          )}
        </div>
        <div>
          <Button type="submit" variant="secondary" loading={form.pending}>
            {t('analysis.import.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/**
 * The peer comparison as a form: the own municipality (cost per child 6-15, children 6-15, pupils per school) and
 * the others, each chosen for the comparison or only counted in the curve; filled by hand or from a file.
 */
export function PeersForm({ tool }: { tool: ToolView<'peers'> }) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>(() => draftOf(tool.input as unknown as PeerComparisonInput));
  const form = useInputForm(tool, () => inputOf(d));
  const { err } = form;
  const setOwn = (patch: Partial<Draft['own']>) => setD((x) => ({ ...x, own: { ...x.own, ...patch } }));
  const setPeer = (key: number, patch: Partial<PeerDraft>) => setD((x) => ({ ...x, peers: patchRow(x.peers, key, patch) }));
  const peerName = (p: PeerDraft, i: number) => p.name.trim() || t('analysis.form.rowN', { n: i + 1 });
  const cols = {
    chosen: t('analysis.form.chosen'),
    name: t('analysis.municipality'),
    cost: t('analysis.costPerChild'),
    size: t('analysis.pupilsPerSchool'),
  };

  return (
    <section aria-labelledby="peers-form-h" className="stack">
      <Heading level={2} data-size="sm" id="peers-form-h">
        {t('analysis.form.peersTitle')}
      </Heading>
      <PeerImport
        toolId={tool.id}
        onRead={(data, file) => {
          form.setErrors([]);
          setD(draftOf({ ...data, source: data.source ?? t('analysis.import.source', { file }) }));
        }}
      />
      <Paragraph data-size="sm">{t('analysis.form.saveNote')}</Paragraph>
      <form onSubmit={form.onSubmit} className="stack" noValidate>
        {form.summary}
        <Fieldset>
          <Fieldset.Legend>{t('analysis.form.ownTitle')}</Fieldset.Legend>
          <div className="row">
            <Textfield
              id={fieldId('input.own.name')}
              label={t('analysis.form.ownName')}
              value={d.own.name}
              onChange={(e) => setOwn({ name: e.target.value })}
              error={err('own.name')}
            />
            <Textfield
              id={fieldId('input.own.costPerChild')}
              label={t('analysis.form.ownCost')}
              inputMode="decimal"
              value={d.own.costPerChild}
              onChange={(e) => setOwn({ costPerChild: e.target.value })}
              error={err('own.costPerChild')}
            />
            <Textfield
              id={fieldId('input.own.children6to15')}
              label={t('analysis.form.ownChildren')}
              inputMode="numeric"
              value={d.own.children6to15}
              onChange={(e) => setOwn({ children6to15: e.target.value })}
              error={err('own.children6to15')}
            />
            <Textfield
              id={fieldId('input.own.pupilsPerSchool')}
              label={t('analysis.form.ownSize')}
              inputMode="decimal"
              value={d.own.pupilsPerSchool}
              onChange={(e) => setOwn({ pupilsPerSchool: e.target.value })}
              error={err('own.pupilsPerSchool')}
            />
          </div>
        </Fieldset>
        <Paragraph data-size="sm">{t('analysis.form.chosenHelp')}</Paragraph>
        <div className="table-scroll">
          <Table>
            <caption>{t('analysis.form.peersCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{cols.chosen}</Table.HeaderCell>
                <Table.HeaderCell>{cols.name}</Table.HeaderCell>
                <Table.HeaderCell>{cols.cost}</Table.HeaderCell>
                <Table.HeaderCell>{cols.size}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="visually-hidden">{t('analysis.form.remove')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {d.peers.map((p, i) => (
                <Table.Row key={p.key}>
                  <Table.Cell>
                    <Checkbox
                      id={fieldId(`input.peers[${i}].chosen`)}
                      aria-label={`${cols.chosen} – ${peerName(p, i)}`}
                      checked={p.chosen}
                      onChange={(e) => setPeer(p.key, { chosen: e.target.checked })}
                    />
                  </Table.Cell>
                  <Table.Cell>
                    <Cell
                      path={`peers[${i}].name`}
                      numeric={false}
                      label={`${cols.name} – ${t('analysis.form.rowN', { n: i + 1 })}`}
                      value={p.name}
                      onChange={(v) => setPeer(p.key, { name: v })}
                      error={err(`peers[${i}].name`)}
                      width="11rem"
                    />
                  </Table.Cell>
                  <Table.Cell>
                    <Cell
                      path={`peers[${i}].costPerChild`}
                      label={`${cols.cost} – ${peerName(p, i)}`}
                      value={p.costPerChild}
                      onChange={(v) => setPeer(p.key, { costPerChild: v })}
                      error={err(`peers[${i}].costPerChild`)}
                    />
                  </Table.Cell>
                  <Table.Cell>
                    <Cell
                      path={`peers[${i}].pupilsPerSchool`}
                      label={`${cols.size} – ${peerName(p, i)}`}
                      value={p.pupilsPerSchool}
                      onChange={(v) => setPeer(p.key, { pupilsPerSchool: v })}
                      error={err(`peers[${i}].pupilsPerSchool`)}
                    />
                  </Table.Cell>
                  <Table.Cell>
                    <RemoveButton
                      label={t('analysis.form.removeRow', { name: peerName(p, i) })}
                      onClick={() => setD((x) => ({ ...x, peers: x.peers.filter((y) => y.key !== p.key) }))}
                    />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
        <ListError path="peers" error={err('peers')} />
        <AddButton
          label={t('analysis.form.addPeer')}
          onClick={() =>
            setD((x) => ({ ...x, peers: [...x.peers, { key: rowKey(), chosen: true, name: '', costPerChild: '', pupilsPerSchool: '' }] }))
          }
        />
        <SaveRow pending={form.pending} stale={form.stale !== null} done={form.done} />
      </form>
    </section>
  );
}
