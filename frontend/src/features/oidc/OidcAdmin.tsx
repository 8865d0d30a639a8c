import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createOidcProviderSchema,
  nationalIdSchema,
  defaultOidcClaim,
  OIDC_DEFAULT_ROLES,
  OIDC_KINDS,
  OIDC_ROLES,
  updateOidcProviderSchema,
  type OidcKind,
  type OidcProviderResponse,
} from '@samrad/shared/contracts';
import { SelectField } from '../../components/SelectField.js';
import { LoadError, Loading } from '../../components/PageState.js';
import { useContractForm, useFormErrors } from '../../lib/useContractForm.js';
import { useCreateProvider, useOidcSettings, usePeople, useSetNationalId, useSetPasswordLogin, useUpdateProvider } from './api.js';

const DEFAULT_SCOPES: Record<OidcKind, string> = {
  entra: 'openid email profile',
  idporten: 'openid profile',
  feide: 'openid email profile',
  generic: 'openid email profile',
};

const FIELD_IDS = {
  name: 'oidc-name',
  kind: 'oidc-kind',
  issuer: 'oidc-issuer',
  clientId: 'oidc-client-id',
  clientSecret: 'oidc-client-secret',
  scopes: 'oidc-scopes',
  claim: 'oidc-claim',
  allowedRoles: 'oidc-role-admin',
  autoCreate: 'oidc-auto-create',
  defaultRole: 'oidc-default-role',
  enabled: 'oidc-enabled',
};

/** Creates a provider, or changes one (only what the form holds; an empty secret field keeps the stored secret). */
function ProviderForm({ provider, onClose }: { provider: OidcProviderResponse | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateProvider();
  const update = useUpdateProvider();
  const [kind, setKind] = useState<OidcKind>(provider?.kind ?? 'entra');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [provider?.id]);
  const read = (f: FormData) => ({
    name: f.get('name'),
    kind: f.get('kind'),
    issuer: f.get('issuer'),
    clientId: f.get('clientId'),
    scopes: f.get('scopes'),
    claim: f.get('claim'),
    allowedRoles: f.getAll('allowedRoles'),
    autoCreate: f.get('autoCreate') === 'on',
    defaultRole: f.get('defaultRole') || null,
    enabled: f.get('enabled') === 'on',
  });
  const createForm = useContractForm({
    fieldIds: FIELD_IDS,
    fallbackPath: 'name',
    schema: createOidcProviderSchema,
    values: (f) => ({ ...read(f), clientSecret: (f.get('clientSecret') as string) || undefined }),
    submit: async (data) => {
      await create.mutateAsync(data);
      onClose();
    },
  });
  const editForm = useContractForm({
    fieldIds: FIELD_IDS,
    fallbackPath: 'name',
    schema: updateOidcProviderSchema,
    values: (f) => ({ version: provider?.version, ...read(f), ...(f.get('clientSecret') ? { clientSecret: f.get('clientSecret') } : {}) }),
    submit: async (data) => {
      await update.mutateAsync({ id: provider!.id, ...data });
      onClose();
    },
  });
  const form = provider ? editForm : createForm;
  const title = provider ? t('oidc.admin.edit', { name: provider.name }) : t('oidc.admin.add');
  return (
    <section aria-labelledby="oidc-form-h" className="panel narrow">
      <Heading level={3} data-size="sm" id="oidc-form-h" ref={heading} tabIndex={-1}>
        {title}
      </Heading>
      {form.summary}
      <form onSubmit={form.onSubmit} noValidate className="stack" key={`${provider?.id ?? 'new'}-${provider?.version ?? 0}`}>
        <Textfield id={FIELD_IDS.name} name="name" label={t('oidc.admin.name')} defaultValue={provider?.name} error={form.error('name')} />
        <SelectField
          id={FIELD_IDS.kind}
          name="kind"
          label={t('oidc.admin.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as OidcKind)}
          options={OIDC_KINDS.map((k) => ({ value: k, label: t(`oidc.kinds.${k}`) }))}
          error={form.error('kind')}
        />
        <Textfield
          id={FIELD_IDS.issuer}
          name="issuer"
          label={t('oidc.admin.issuer')}
          description={t('oidc.admin.issuerHelp')}
          defaultValue={provider?.issuer}
          error={form.error('issuer')}
        />
        <Textfield
          id={FIELD_IDS.clientId}
          name="clientId"
          label={t('oidc.admin.clientId')}
          defaultValue={provider?.clientId}
          error={form.error('clientId')}
        />
        <Textfield
          id={FIELD_IDS.clientSecret}
          name="clientSecret"
          type="password"
          autoComplete="off"
          label={t('oidc.admin.clientSecret')}
          description={provider?.hasSecret ? t('oidc.admin.clientSecretKept') : t('oidc.admin.clientSecretNew')}
          error={form.error('clientSecret')}
        />
        <Textfield
          key={`scopes-${provider ? 'saved' : kind}`}
          id={FIELD_IDS.scopes}
          name="scopes"
          label={t('oidc.admin.scopes')}
          defaultValue={provider?.scopes ?? DEFAULT_SCOPES[kind]}
          error={form.error('scopes')}
        />
        <Textfield
          key={`claim-${provider ? 'saved' : kind}`}
          id={FIELD_IDS.claim}
          name="claim"
          label={t('oidc.admin.claim')}
          description={t('oidc.admin.claimHelp')}
          defaultValue={provider?.claim ?? defaultOidcClaim(kind)}
          error={form.error('claim')}
        />
        <Fieldset>
          <Fieldset.Legend>{t('oidc.admin.roles')}</Fieldset.Legend>
          <Fieldset.Description>{t('oidc.admin.rolesHelp')}</Fieldset.Description>
          {OIDC_ROLES.map((r) => (
            <Checkbox
              key={r}
              id={`oidc-role-${r}`}
              name="allowedRoles"
              value={r}
              label={t(`oidc.roles.${r}`)}
              defaultChecked={provider ? provider.allowedRoles.includes(r) : r !== 'admin' && r !== 'case_officer'}
              aria-invalid={form.error('allowedRoles') ? true : undefined}
            />
          ))}
          {form.error('allowedRoles') && <ValidationMessage>{form.error('allowedRoles')}</ValidationMessage>}
        </Fieldset>
        <Checkbox
          id={FIELD_IDS.autoCreate}
          name="autoCreate"
          label={t('oidc.admin.autoCreate')}
          description={t('oidc.admin.autoCreateHelp')}
          defaultChecked={provider?.autoCreate ?? false}
        />
        <SelectField
          id={FIELD_IDS.defaultRole}
          name="defaultRole"
          label={t('oidc.admin.defaultRole')}
          defaultValue={provider?.defaultRole ?? ''}
          options={[
            { value: '', label: t('oidc.admin.noDefaultRole') },
            ...OIDC_DEFAULT_ROLES.map((r) => ({ value: r, label: t(`oidc.defaultRoles.${r}`) })),
          ]}
          error={form.error('defaultRole')}
        />
        <Checkbox id={FIELD_IDS.enabled} name="enabled" label={t('oidc.admin.enabled')} defaultChecked={provider?.enabled ?? true} />
        <div className="row">
          <Button type="submit" loading={form.pending}>
            {t('oidc.admin.save')}
          </Button>
          <Button type="button" variant="secondary" onClick={onClose}>
            {t('oidc.admin.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}

/** Turns a provider on or off from the list. */
function ToggleProvider({ provider }: { provider: OidcProviderResponse }) {
  const { t } = useTranslation();
  const update = useUpdateProvider();
  const errors = useFormErrors({ fieldIds: {}, fallbackPath: 'enabled' });
  const message = errors.errors[0]?.message;
  return (
    <>
      <Button
        variant="tertiary"
        data-size="sm"
        loading={errors.pending}
        onClick={() =>
          void errors.run(() => update.mutateAsync({ id: provider.id, version: provider.version, enabled: !provider.enabled }))
        }
      >
        {provider.enabled ? t('oidc.admin.disable', { name: provider.name }) : t('oidc.admin.enable', { name: provider.name })}
      </Button>
      {message && (
        <Paragraph data-size="sm" role="alert">
          {message}
        </Paragraph>
      )}
    </>
  );
}

/** Password log-in on or off for the municipality. */
function PasswordLoginForm({ passwordLogin }: { passwordLogin: boolean }) {
  const { t } = useTranslation();
  const save = useSetPasswordLogin();
  const form = useContractForm({
    fieldIds: { passwordLogin: 'oidc-password-login' },
    fallbackPath: 'passwordLogin',
    values: (f) => ({ passwordLogin: f.get('passwordLogin') === 'on' }),
    submit: (data: { passwordLogin: boolean }) => save.mutateAsync(data),
  });
  return (
    <form onSubmit={form.onSubmit} noValidate className="stack" key={String(passwordLogin)}>
      {form.summary}
      <Checkbox
        id="oidc-password-login"
        name="passwordLogin"
        label={t('oidc.admin.passwordLogin')}
        description={t('oidc.admin.passwordHelp')}
        defaultChecked={passwordLogin}
        aria-invalid={form.error('passwordLogin') ? true : undefined}
      />
      <div>
        <Button type="submit" variant="secondary" loading={form.pending}>
          {t('oidc.admin.savePassword')}
        </Button>
      </div>
      {form.done && (
        <Alert data-color="success" role="status">
          {t('oidc.admin.saved')}
        </Alert>
      )}
    </form>
  );
}

/** Links a person to their national identity number (ID-porten); the server keeps only its keyed hash. */
function NationalIdForm() {
  const { t } = useTranslation();
  const people = usePeople(true);
  const save = useSetNationalId();
  const ids = { userId: 'oidc-pid-person', nationalId: 'oidc-pid-number' };
  const form = useContractForm({
    fieldIds: ids,
    fallbackPath: 'nationalId',
    schema: nationalIdSchema,
    values: (f) => ({ nationalId: f.get('nationalId'), userId: f.get('userId') as string }),
    submit: ({ nationalId }, element) => save.mutateAsync({ nationalId, userId: new FormData(element).get('userId') as string }),
    resetOnDone: true,
  });
  const options = (people.data?.users ?? [])
    .filter((u) => u.status !== 'disabled')
    .map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }));
  return (
    <form onSubmit={form.onSubmit} noValidate className="stack narrow">
      <Heading level={3} data-size="sm">
        {t('oidc.admin.nationalIdHeading')}
      </Heading>
      <Paragraph data-size="sm">{t('oidc.admin.nationalIdHelp')}</Paragraph>
      {form.summary}
      <SelectField id={ids.userId} name="userId" label={t('oidc.admin.person')} options={options} error={form.error('userId')} />
      <Textfield
        id={ids.nationalId}
        name="nationalId"
        inputMode="numeric"
        autoComplete="off"
        label={t('oidc.admin.nationalId')}
        error={form.error('nationalId')}
      />
      <div>
        <Button type="submit" variant="secondary" loading={form.pending}>
          {t('oidc.admin.link')}
        </Button>
      </div>
      {form.done && (
        <Alert data-color="success" role="status">
          {t('oidc.admin.linked')}
        </Alert>
      )}
    </form>
  );
}

/**
 * The municipality's log-in (for its administrators): its OpenID Connect providers — list, add, change, turn off — and
 * whether passwords may still be used.
 */
export function OidcAdmin() {
  const { t } = useTranslation();
  const settings = useOidcSettings();
  const [editing, setEditing] = useState<OidcProviderResponse | 'new' | null>(null);
  if (settings.isPending) return <Loading />;
  if (settings.error) return <LoadError error={settings.error} onRetry={() => void settings.refetch()} />;
  const { providers, passwordLogin, redirectUri } = settings.data;
  return (
    <section aria-labelledby="oidc-admin-h" className="stack">
      <Heading level={2} data-size="md" id="oidc-admin-h">
        {t('oidc.admin.heading')}
      </Heading>
      <Paragraph>{t('oidc.admin.intro')}</Paragraph>
      <Paragraph data-size="sm">
        {t('oidc.admin.redirectUri')} <code>{redirectUri}</code>
      </Paragraph>
      {providers.length === 0 ? (
        <Paragraph>{t('oidc.admin.none')}</Paragraph>
      ) : (
        <Table className="full-width">
          <caption className="visually-hidden">{t('oidc.admin.heading')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('oidc.admin.name')}</Table.HeaderCell>
              <Table.HeaderCell>{t('oidc.admin.kind')}</Table.HeaderCell>
              <Table.HeaderCell>{t('oidc.admin.roles')}</Table.HeaderCell>
              <Table.HeaderCell>{t('oidc.admin.status')}</Table.HeaderCell>
              <Table.HeaderCell>{t('oidc.admin.actions')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {providers.map((p) => (
              <Table.Row key={p.id}>
                <Table.Cell>{p.name}</Table.Cell>
                <Table.Cell>{t(`oidc.kinds.${p.kind}`)}</Table.Cell>
                <Table.Cell>{p.allowedRoles.map((r) => t(`oidc.roles.${r}`)).join(', ')}</Table.Cell>
                <Table.Cell>{p.enabled ? t('oidc.admin.on') : t('oidc.admin.off')}</Table.Cell>
                <Table.Cell>
                  <div className="row">
                    <Button variant="secondary" data-size="sm" onClick={() => setEditing(p)}>
                      {t('oidc.admin.edit', { name: p.name })}
                    </Button>
                    <ToggleProvider provider={p} />
                  </div>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {editing ? (
        <ProviderForm provider={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : (
        <div>
          <Button onClick={() => setEditing('new')}>{t('oidc.admin.add')}</Button>
        </div>
      )}
      {providers.some((p) => p.kind === 'idporten' || p.claim === 'pid') && <NationalIdForm />}
      <Heading level={3} data-size="sm">
        {t('oidc.admin.passwordHeading')}
      </Heading>
      <PasswordLoginForm passwordLogin={passwordLogin} />
    </section>
  );
}
