import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { measureAssessmentSchema, type Answer, type Measure } from '@samrad/shared/contracts';
import { SelectField } from '../../components/SelectField.js';
import { formatDate } from '../../i18n/index.js';
import { api } from '../../lib/api.js';
import { useInvalidatingMutation } from '../../lib/query.js';
import { keys } from '../../lib/query-keys.js';
import { useContractForm } from '../../lib/useContractForm.js';
import { useAdoptionText } from './ToolStates.js';
import type { SavingsInput, ToolView } from './api.js';

const opt = (v: FormDataEntryValue | null) => String(v ?? '');

/** The measures of a savings plan (none for the other kinds). */
export const measuresOf = (tool: ToolView): Measure[] => (tool.kind === 'savings' ? (tool.input as unknown as SavingsInput).measures : []);

/** What the vedtak of the case adopted: each measure, or the scenario as a whole (then it is locked). */
export function Adoptions({ tool }: { tool: ToolView }) {
  const { t } = useTranslation();
  const text = useAdoptionText();
  if (tool.adoptions.length === 0) return null;
  const titleOf = (id: string) => measuresOf(tool).find((m) => m.id === id)?.title ?? id;
  const whole = tool.adoptions.find((a) => a.measureId === null);
  return (
    <section aria-labelledby="adoptions-h">
      <Heading level={2} data-size="sm" id="adoptions-h">
        {t('analysisLinks.status.adopted')}
      </Heading>
      {whole && (
        <Alert data-color="success">
          <Paragraph>
            {text(whole)}. {t('analysisLinks.locked')}
          </Paragraph>
        </Alert>
      )}
      <ul>
        {tool.adoptions
          .filter((a) => a.measureId !== null)
          .map((a) => (
            <li key={a.measureId}>
              <strong>{titleOf(a.measureId!)}</strong>: {text(a)}. {t('analysisLinks.measureLocked')}
            </li>
          ))}
      </ul>
    </section>
  );
}

/**
 * An officer records that a vedtak of the tool's case adopted a measure (savings plan) or the scenario (school structure);
 * the server holds it to a vedtak of that case (the rule allocation scenarios follow).
 */
export function AdoptionForm({
  tool,
  decisions,
}: {
  tool: ToolView;
  decisions: { id: string; bodyName: string; decidedOn: string; committeeNumber: string | null }[];
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const adopt = useInvalidatingMutation(
    (input: { decisionId: string; measureId: string | null }) =>
      api<Answer<'POST /api/analysis-tools/:id/adoptions'>>(`/api/analysis-tools/${tool.id}/adoptions`, { method: 'POST', body: input }),
    keys.analysis.all,
    keys.mandate,
  );
  const adopted = new Set(tool.adoptions.map((a) => a.measureId));
  const open = measuresOf(tool).filter((m) => !adopted.has(m.id));
  const form = useContractForm({
    fieldIds: { decisionId: 'adopt-tool-decision', measureId: 'adopt-tool-measure' },
    fallbackPath: 'decisionId',
    resetOnDone: true,
    values: (f) => {
      setError(null);
      return { decisionId: opt(f.get('decisionId')), measureId: tool.kind === 'savings' ? opt(f.get('measureId')) || null : null };
    },
    submit: (data) => adopt.mutateAsync(data),
    onOtherError: (err) => setError((err as Error).message),
  });
  if (tool.kind === 'savings' ? open.length === 0 : tool.kind !== 'structure' || adopted.has(null)) return null;
  return (
    <section aria-labelledby="adopt-tool-h" className="panel narrow">
      <Heading level={2} data-size="sm" id="adopt-tool-h">
        {t('analysisLinks.adopt')}
      </Heading>
      <Paragraph data-size="sm">{t('analysisLinks.adoptHelp')}</Paragraph>
      {decisions.length === 0 ? (
        <Paragraph>{t('analysisLinks.noDecisions')}</Paragraph>
      ) : (
        <form onSubmit={form.onSubmit} noValidate className="stack">
          {form.summary}
          {error && (
            <Alert data-color="danger" role="alert">
              <Paragraph>{error}</Paragraph>
            </Alert>
          )}
          {form.done && (
            <Alert data-color="success" role="status">
              <Paragraph>{t('analysisLinks.adopted')}</Paragraph>
            </Alert>
          )}
          {tool.kind === 'savings' && (
            <SelectField
              id="adopt-tool-measure"
              name="measureId"
              label={t('analysisLinks.adoptMeasure')}
              options={open.map((m) => ({ value: m.id, label: m.title }))}
              error={form.error('measureId')}
            />
          )}
          <SelectField
            id="adopt-tool-decision"
            name="decisionId"
            label={t('analysisLinks.decision')}
            options={decisions.map((d) => ({
              value: d.id,
              label: `${d.bodyName} ${formatDate(d.decidedOn)}${d.committeeNumber ? ` (sak ${d.committeeNumber})` : ''}`,
            }))}
            error={form.error('decisionId')}
          />
          <div>
            <Button type="submit" loading={form.pending}>
              {t('analysisLinks.adoptButton')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

/** One measure's consequence assessment, for its unit leaders (the server says who: `mayAssess`). */
function AssessmentForm({ tool, measure }: { tool: ToolView; measure: Measure }) {
  const { t } = useTranslation();
  const save = useInvalidatingMutation(
    (input: { version: number; pupils: string; parents: string; staff: string }) =>
      api<Answer<'PUT /api/analysis-tools/:id/measures/:measureId/assessment'>>(
        `/api/analysis-tools/${tool.id}/measures/${encodeURIComponent(measure.id)}/assessment`,
        { method: 'PUT', body: input },
      ),
    keys.analysis.all,
  );
  const id = (field: string) => `assess-${measure.id}-${field}`;
  const form = useContractForm({
    fieldIds: { pupils: id('pupils'), parents: id('parents'), staff: id('staff') },
    fallbackPath: 'pupils',
    onStale: true,
    schema: measureAssessmentSchema,
    values: (f) => ({ version: tool.version, pupils: opt(f.get('pupils')), parents: opt(f.get('parents')), staff: opt(f.get('staff')) }),
    submit: (data) => save.mutateAsync(data),
  });
  const headingId = id('h');
  return (
    <form onSubmit={form.onSubmit} noValidate className="stack panel narrow" aria-labelledby={headingId}>
      <Heading level={3} data-size="xs" id={headingId}>
        {t('analysisLinks.assessmentHeading', { title: measure.title })}
      </Heading>
      {form.summary}
      {form.stale && <Alert data-color="warning">{t('analysis.stale')}</Alert>}
      {form.done && (
        <Alert data-color="success" role="status">
          <Paragraph>{t('analysisLinks.assessmentSaved')}</Paragraph>
        </Alert>
      )}
      <Textfield
        id={id('pupils')}
        name="pupils"
        multiline
        rows={2}
        label={t('analysis.forPupils')}
        defaultValue={measure.assessment.pupils}
        error={form.error('pupils')}
      />
      <Textfield
        id={id('parents')}
        name="parents"
        multiline
        rows={2}
        label={t('analysis.forParents')}
        defaultValue={measure.assessment.parents}
        error={form.error('parents')}
      />
      <Textfield
        id={id('staff')}
        name="staff"
        multiline
        rows={2}
        label={t('analysis.forStaff')}
        defaultValue={measure.assessment.staff}
        error={form.error('staff')}
      />
      <div>
        <Button type="submit" loading={form.pending}>
          {t('analysisLinks.assessmentSave')}
        </Button>
      </div>
    </form>
  );
}

/** The consequence assessments the reader may write (as owner of the measure or rektor of its school). */
export function Assessments({ tool }: { tool: ToolView }) {
  const { t } = useTranslation();
  const mine = measuresOf(tool).filter((m) => tool.mayAssess.includes(m.id));
  if (mine.length === 0) return null;
  return (
    <section aria-labelledby="assessments-h">
      <Heading level={2} data-size="sm" id="assessments-h">
        {t('analysis.assessment')}
      </Heading>
      <Paragraph data-size="sm">{t('analysisLinks.assessmentHelp')}</Paragraph>
      {mine.map((m) => (
        <AssessmentForm key={m.id} tool={tool} measure={m} />
      ))}
    </section>
  );
}
