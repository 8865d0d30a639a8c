import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ANALYSIS_KINDS,
  MANUAL_MEASURE_STATUSES,
  analysisCommentSchema,
  measureSchema,
  type AnalysisKind,
  type Measure,
} from '@samrad/shared/contracts';
import { SelectField } from '../../components/SelectField.js';
import { useContractForm } from '../../lib/useContractForm.js';
import {
  templateInput,
  useAddComment,
  useAnalysisComments,
  useCreateTool,
  useUpdateTool,
  type SavingsInput,
  type ToolView,
} from './api.js';

const opt = (v: FormDataEntryValue | null) => String(v ?? '');

/** An officer creates a tool on a case (and a mandate item); it starts from a template that is changed afterwards. */
export function CreateToolForm({
  cases,
  items,
  onCreated,
}: {
  cases: { id: string; number: string; title: string }[];
  items: { id: string; number: number; title: string }[];
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateTool();
  const [kind, setKind] = useState<AnalysisKind>('savings');
  const form = useContractForm({
    fieldIds: { kind: 'tool-kind', caseId: 'tool-case', mandateItemId: 'tool-item', title: 'tool-title', input: 'tool-title' },
    fallbackPath: 'title',
    values: (f) => {
      const k = opt(f.get('kind')) as AnalysisKind;
      return {
        kind: k,
        caseId: opt(f.get('caseId')),
        mandateItemId: opt(f.get('mandateItemId')) || null,
        title: opt(f.get('title')),
        input: templateInput(k, Number(opt(f.get('firstYear'))) || new Date().getFullYear() + 1, opt(f.get('firstTarget'))),
      };
    },
    submit: async (data) => onCreated((await create.mutateAsync(data)).id),
  });
  return (
    <section aria-labelledby="create-tool-h">
      <Heading level={2} data-size="sm" id="create-tool-h">
        {t('analysis.create')}
      </Heading>
      <Paragraph data-size="sm">{t('analysis.templateNote')}</Paragraph>
      <form onSubmit={form.onSubmit} className="stack narrow" noValidate>
        {form.summary}
        <SelectField
          id="tool-kind"
          name="kind"
          label={t('analysis.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as AnalysisKind)}
          options={ANALYSIS_KINDS.map((k) => ({ value: k, label: t(`analysis.kinds.${k}`) }))}
          error={form.error('kind')}
        />
        <SelectField
          id="tool-case"
          name="caseId"
          label={t('analysis.case')}
          options={[
            { value: '', label: t('analysis.chooseCase') },
            ...cases.map((c) => ({ value: c.id, label: `${c.number} ${c.title}` })),
          ]}
          error={form.error('caseId')}
        />
        <SelectField
          id="tool-item"
          name="mandateItemId"
          label={t('analysis.mandateItem')}
          options={[{ value: '', label: t('analysis.noItem') }, ...items.map((i) => ({ value: i.id, label: `${i.number}. ${i.title}` }))]}
          error={form.error('mandateItemId')}
        />
        <Textfield id="tool-title" name="title" label={t('analysis.toolTitle')} error={form.error('title')} />
        {kind === 'savings' && (
          <>
            <Textfield id="tool-year" name="firstYear" label={t('analysis.firstYear')} inputMode="numeric" />
            <Textfield id="tool-target" name="firstTarget" label={t('analysis.firstTarget')} inputMode="decimal" />
          </>
        )}
        <div>
          <Button type="submit" loading={form.pending}>
            {t('analysis.createButton')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** Adds a measure to a savings plan: the whole input is saved as a new version and recomputed. */
export function MeasureForm({
  tool,
  items,
  people = [],
}: {
  tool: ToolView<'savings'>;
  items: { id: string; number: number; title: string }[];
  /** Who may own a measure (its owner writes the consequence assessment, with the unit leaders of its school). */
  people?: { id: string; name: string; title: string }[];
}) {
  const { t } = useTranslation();
  const update = useUpdateTool(tool.id);
  const input = tool.input as unknown as SavingsInput;
  const form = useContractForm({
    fieldIds: {
      title: 'measure-title',
      fullYearEffect: 'measure-effect',
      startMonth: 'measure-start',
      monthsFirstYear: 'measure-months',
      owner: 'measure-owner',
      status: 'measure-status',
      mandateItemId: 'measure-item',
      ownerId: 'measure-owner-id',
      school: 'measure-school',
    },
    fallbackPath: 'title',
    onStale: true,
    schema: measureSchema,
    resetOnDone: true,
    values: (f) => ({
      id: `tiltak-${input.measures.length + 1}-${Date.now().toString(36)}`,
      title: opt(f.get('title')),
      fullYearEffect: opt(f.get('fullYearEffect')).replace(/\s/g, '').replace(',', '.'),
      startMonth: opt(f.get('startMonth')),
      ...(opt(f.get('monthsFirstYear')) ? { monthsFirstYear: Number(opt(f.get('monthsFirstYear'))) } : {}),
      owner: opt(f.get('owner')),
      status: opt(f.get('status')),
      mandateItemId: opt(f.get('mandateItemId')) || null,
      // The consequence assessment is written afterwards by the measure's unit leaders (owner, rektor of its school).
      ownerId: opt(f.get('ownerId')) || null,
      school: opt(f.get('school')),
      scenarioId: null,
    }),
    submit: async (measure: Measure) => {
      await update.mutateAsync({ version: tool.version, input: { ...input, measures: [...input.measures, measure] } });
    },
  });
  return (
    <section aria-labelledby="add-measure-h">
      <Heading level={2} data-size="sm" id="add-measure-h">
        {t('analysis.addMeasure')}
      </Heading>
      <form onSubmit={form.onSubmit} className="stack narrow" noValidate>
        {form.summary}
        {form.stale && <Alert data-color="warning">{t('analysis.stale')}</Alert>}
        {form.done && <Alert data-color="success">{t('analysis.measureAdded')}</Alert>}
        <Textfield id="measure-title" name="title" label={t('analysis.measure')} error={form.error('title')} />
        <Textfield
          id="measure-effect"
          name="fullYearEffect"
          label={t('analysis.fullYearEffect')}
          inputMode="decimal"
          error={form.error('fullYearEffect')}
        />
        <Textfield
          id="measure-start"
          name="startMonth"
          label={t('analysis.start')}
          placeholder="2010-08"
          error={form.error('startMonth')}
        />
        <Textfield
          id="measure-months"
          name="monthsFirstYear"
          label={t('analysis.monthsFirstYear')}
          inputMode="numeric"
          error={form.error('monthsFirstYear')}
        />
        <Textfield id="measure-owner" name="owner" label={t('analysis.owner')} error={form.error('owner')} />
        <SelectField
          id="measure-status"
          name="status"
          label={t('analysis.measureStatus')}
          options={MANUAL_MEASURE_STATUSES.map((s) => ({ value: s, label: t(`analysis.statuses.${s}`) }))}
          error={form.error('status')}
        />
        <SelectField
          id="measure-item"
          name="mandateItemId"
          label={t('analysis.mandateItem')}
          options={[{ value: '', label: t('analysis.noItem') }, ...items.map((i) => ({ value: i.id, label: `${i.number}. ${i.title}` }))]}
          error={form.error('mandateItemId')}
        />
        <SelectField
          id="measure-owner-id"
          name="ownerId"
          label={t('analysisLinks.ownerId')}
          options={[
            { value: '', label: t('analysisLinks.noOwner') },
            ...people.map((p) => ({ value: p.id, label: p.title ? `${p.name} (${p.title})` : p.name })),
          ]}
          error={form.error('ownerId')}
        />
        <Textfield id="measure-school" name="school" label={t('analysisLinks.school')} error={form.error('school')} />
        <div>
          <Button type="submit" loading={form.pending}>
            {t('analysis.addMeasure')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** Comments on the tool or one of its measures: anyone who reads it may read them; members and officers add one. */
export function AnalysisComments({ tool, canComment }: { tool: ToolView; canComment: boolean }) {
  const { t } = useTranslation();
  const comments = useAnalysisComments(tool.id);
  const add = useAddComment(tool.id);
  const measures = tool.kind === 'savings' ? (tool.input as unknown as SavingsInput).measures : [];
  const form = useContractForm({
    fieldIds: { text: 'analysis-comment', measureId: 'comment-measure' },
    fallbackPath: 'text',
    schema: analysisCommentSchema,
    resetOnDone: true,
    values: (f) => ({ text: opt(f.get('text')), measureId: opt(f.get('measureId')) || null }),
    submit: (data) => add.mutateAsync(data),
  });
  const titleOf = (id: string) => measures.find((m) => m.id === id)?.title ?? id;
  return (
    <section aria-labelledby="analysis-comments-h">
      <Heading level={2} data-size="sm" id="analysis-comments-h">
        {t('analysis.comments')}
      </Heading>
      {comments.data?.comments.length === 0 && <Paragraph>{t('analysis.noComments')}</Paragraph>}
      <ul className="comment-list">
        {comments.data?.comments.map((c) => (
          <li key={c.id} className="comment">
            <Paragraph data-size="sm">
              <strong>{c.author.name}</strong>
              {c.measureId ? ` – ${t('analysis.commentMeasure', { title: titleOf(c.measureId) })}` : ''}
            </Paragraph>
            <Paragraph className="prewrap">{c.text}</Paragraph>
          </li>
        ))}
      </ul>
      {canComment && (
        <form onSubmit={form.onSubmit} className="stack narrow" noValidate>
          {form.summary}
          {measures.length > 0 && (
            <SelectField
              id="comment-measure"
              name="measureId"
              label={t('analysis.commentOn')}
              options={[{ value: '', label: t('analysis.commentWhole') }, ...measures.map((m) => ({ value: m.id, label: m.title }))]}
              error={form.error('measureId')}
            />
          )}
          <Textfield id="analysis-comment" name="text" multiline rows={3} label={t('analysis.commentLabel')} error={form.error('text')} />
          <div>
            <Button type="submit" loading={form.pending}>
              {t('analysis.addComment')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
