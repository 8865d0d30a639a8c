import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createIntegrationTokenSchema, INTEGRATION_SCOPES } from '@samrad/shared/contracts';
import { LoadError, Loading } from '../../components/PageState.js';
import { formatDate, formatDateTime } from '../../i18n/index.js';
import { useContractForm } from '../../lib/useContractForm.js';
import { useCreateIntegrationToken, useIntegrationTokens, useRevokeIntegrationToken, type IntegrationTokenView } from './api.js';

const FIELD_IDS = {
  name: 'integration-name',
  system: 'integration-system',
  scopes: `integration-scope-${INTEGRATION_SCOPES[0]}`,
  expiresOn: 'integration-expires',
};

/**
 * Integration tokens (#21), for an administrator: the municipality's tokens for other systems (the archive, the web
 * site), a new one (its secret shown once, with a copy button), and revocation, which holds at once.
 */
export function IntegrationTokens() {
  const { t } = useTranslation();
  const tokens = useIntegrationTokens();
  const create = useCreateIntegrationToken();
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const form = useContractForm({
    fieldIds: FIELD_IDS,
    fallbackPath: 'name',
    schema: createIntegrationTokenSchema,
    values: (f) => ({
      name: f.get('name'),
      system: f.get('system'),
      scopes: f.getAll('scopes'),
      expiresOn: f.get('expiresOn'),
    }),
    resetOnDone: true,
    submit: async (data) => {
      setCopied(false);
      setSecret((await create.mutateAsync(data)).secret);
    },
  });
  const scopesError = form.error('scopes') ?? form.error('scopes.0');
  return (
    <section aria-labelledby="integrations-h" className="stack">
      <Heading level={2} data-size="sm" id="integrations-h">
        {t('integrations.heading')}
      </Heading>
      <Paragraph>{t('integrations.intro')}</Paragraph>
      {secret && (
        <Alert data-color="success" role="status">
          <Paragraph>{t('integrations.made')}</Paragraph>
          <div className="row">
            <Textfield id="integration-secret" label={t('integrations.secret')} readOnly value={secret} />
            <Button
              variant="secondary"
              data-size="sm"
              onClick={() =>
                void navigator.clipboard.writeText(secret).then(
                  () => setCopied(true),
                  () => setCopied(false),
                )
              }
            >
              {t('integrations.copy')}
            </Button>
          </div>
          {copied && <Paragraph data-size="sm">{t('integrations.copied')}</Paragraph>}
        </Alert>
      )}
      <div className="narrow">
        <Heading level={3} data-size="xs" id="integrations-new-h">
          {t('integrations.create')}
        </Heading>
        {form.summary}
        <form onSubmit={form.onSubmit} noValidate className="stack" aria-labelledby="integrations-new-h">
          <Textfield id={FIELD_IDS.name} name="name" label={t('integrations.name')} error={form.error('name')} />
          <Textfield
            id={FIELD_IDS.system}
            name="system"
            label={t('integrations.system')}
            description={t('integrations.systemHelp')}
            error={form.error('system')}
          />
          <Fieldset>
            <Fieldset.Legend>{t('integrations.scopes')}</Fieldset.Legend>
            {INTEGRATION_SCOPES.map((scope) => (
              <Checkbox
                key={scope}
                id={`integration-scope-${scope}`}
                name="scopes"
                value={scope}
                label={t(`integrations.scope.${scope}`)}
                description={t(`integrations.scopeHelp.${scope}`)}
              />
            ))}
            {scopesError && <ValidationMessage>{scopesError}</ValidationMessage>}
          </Fieldset>
          <Textfield
            id={FIELD_IDS.expiresOn}
            name="expiresOn"
            type="date"
            label={t('integrations.expiresOn')}
            error={form.error('expiresOn')}
          />
          <div>
            <Button type="submit" loading={form.pending}>
              {t('integrations.submit')}
            </Button>
          </div>
        </form>
      </div>
      {tokens.isPending && <Loading />}
      {tokens.error && <LoadError error={tokens.error} onRetry={() => void tokens.refetch()} />}
      {tokens.data &&
        (tokens.data.tokens.length === 0 ? (
          <Paragraph>{t('integrations.none')}</Paragraph>
        ) : (
          <Table className="full-width">
            <caption>{t('integrations.list')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('integrations.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('integrations.scopes')}</Table.HeaderCell>
                <Table.HeaderCell>{t('integrations.expiresAt')}</Table.HeaderCell>
                <Table.HeaderCell>{t('integrations.lastUsed')}</Table.HeaderCell>
                <Table.HeaderCell>{t('integrations.status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {tokens.data.tokens.map((tok) => (
                <TokenRow key={tok.id} token={tok} />
              ))}
            </Table.Body>
          </Table>
        ))}
    </section>
  );
}

function TokenRow({ token }: { token: IntegrationTokenView }) {
  const { t } = useTranslation();
  const revoke = useRevokeIntegrationToken();
  return (
    <Table.Row>
      <Table.Cell>
        {token.name}
        <div className="muted">
          {token.system} · <code>{token.prefix}…</code>
        </div>
      </Table.Cell>
      <Table.Cell>{token.scopes.map((s) => t(`integrations.scope.${s}`)).join(', ')}</Table.Cell>
      <Table.Cell>{formatDate(token.expiresAt)}</Table.Cell>
      <Table.Cell>
        {token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('integrations.neverUsed')}
        <div className="muted">{t('integrations.uses', { count: token.uses })}</div>
      </Table.Cell>
      <Table.Cell>
        {token.revokedAt ? (
          t('integrations.revokedAt', { date: formatDateTime(token.revokedAt) })
        ) : (
          <Button variant="secondary" data-size="sm" loading={revoke.isPending} onClick={() => revoke.mutate(token.id)}>
            {t('integrations.revoke', { name: token.name })}
          </Button>
        )}
        {revoke.error && (
          <Paragraph data-size="sm" role="alert">
            {revoke.error.message}
          </Paragraph>
        )}
      </Table.Cell>
    </Table.Row>
  );
}
