import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { scenarioCommentSchema } from '@samrad/shared/contracts';
import { SelectField } from '../../components/SelectField.js';
import { api } from '../../lib/api.js';
import { useContractForm } from '../../lib/useContractForm.js';
import { useAllocationMutation, useScenarioComments, type ScenarioView } from './api.js';
import { keys } from '../../lib/query-keys.js';

/** Comments on a scenario or one of its rows; members and officers may add one. */
export function ScenarioComments({
  scenario,
  canComment,
  onError,
}: {
  scenario: ScenarioView;
  canComment: boolean;
  onError: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const comments = useScenarioComments(scenario.id);
  const comment = useAllocationMutation(keys.scenarios.comments(scenario.id), (input: { text: string; unitId: string | null }) =>
    api(`/api/scenarios/${scenario.id}/comments`, { method: 'POST', body: input }),
  );
  const form = useContractForm({
    fieldIds: { text: 'scenario-comment', unitId: 'comment-unit' },
    fallbackPath: 'text',
    schema: scenarioCommentSchema,
    values: (f) => ({ text: String(f.get('text') ?? ''), unitId: (f.get('unitId') as string) || null }),
    resetOnDone: true,
    submit: async (data) => {
      await comment.mutateAsync(data);
      onError(null);
    },
    // A refusal that names no field is the page's message.
    onOtherError: (error) => onError((error as Error).message),
  });
  const unitName = (id: string) => scenario.result.units.find((u) => u.id === id)?.name ?? id;
  return (
    <section aria-labelledby="sc-comments-h">
      <Heading level={2} data-size="sm" id="sc-comments-h">
        {t('allocation.comments')}
      </Heading>
      <ul className="comment-list">
        {comments.data?.comments.map((c) => (
          <li key={c.id} className="comment">
            <Paragraph data-size="sm">
              <strong>{c.author.name}</strong>
              {c.unitId ? ` – ${t('allocation.commentRow', { unit: unitName(c.unitId) })}` : ''}
            </Paragraph>
            <Paragraph className="prewrap">{c.text}</Paragraph>
          </li>
        ))}
      </ul>
      {canComment && (
        <form onSubmit={form.onSubmit} className="stack narrow" noValidate>
          {form.summary}
          <SelectField
            id="comment-unit"
            name="unitId"
            label={t('allocation.commentUnit')}
            options={[
              { value: '', label: t('allocation.commentScenario') },
              ...scenario.result.units.map((u) => ({ value: u.id, label: u.name })),
            ]}
            error={form.error('unitId')}
          />
          <Textfield id="scenario-comment" name="text" multiline rows={3} label={t('cases.commentLabel')} error={form.error('text')} />
          <div>
            <Button type="submit" loading={form.pending}>
              {t('allocation.addComment')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
