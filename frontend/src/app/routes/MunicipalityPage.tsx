import { Alert, Button, Fieldset, Paragraph, Radio, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { languageFormSchema, type LanguageFormRequest, type MunicipalityResponse } from '@samrad/shared/contracts';
import { LANGUAGE_FORMS } from '@samrad/shared/i18n';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { hasRole, useMe } from '../../features/auth/api.js';
import { OidcAdmin } from '../../features/oidc/OidcAdmin.js';
import { IntegrationTokens } from '../../features/integrations/IntegrationTokens.js';
import { api } from '../../lib/api.js';
import { useInvalidatingMutation } from '../../lib/query.js';
import { keys } from '../../lib/query-keys.js';
import { useContractForm } from '../../lib/useContractForm.js';

/**
 * The municipality's settings: its official written form (målform), chosen by an administrator. It is the
 * default language of its people (who may choose another for themselves), and of its documents and innsyn.
 */
export default function MunicipalityPage() {
  const { t } = useTranslation();
  const me = useMe();
  // The person's default language follows the målform: read «me» afresh.
  const save = useInvalidatingMutation(
    (input: LanguageFormRequest) => api<MunicipalityResponse>('/api/municipality/language-form', { method: 'PUT', body: input }),
    keys.me,
  );
  const form = useContractForm({
    fieldIds: { languageForm: 'language-form-nb' },
    fallbackPath: 'languageForm',
    schema: languageFormSchema,
    values: (f) => ({ languageForm: f.get('languageForm') }),
    submit: (data) => save.mutateAsync(data),
  });

  if (me.isPending) return <Loading />;
  if (me.error) return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  const admin = hasRole(me.data, 'admin');
  const current = me.data?.municipality.languageForm ?? 'nb';
  return (
    <>
      <PageHeading title={t('municipality.title')}>{me.data?.municipality.name ?? t('municipality.title')}</PageHeading>
      {!admin ? (
        <Paragraph>
          {t('municipality.languageForm')}: {t(`municipality.${current}`)}
        </Paragraph>
      ) : (
        <form onSubmit={form.onSubmit} className="stack" noValidate>
          {form.summary}
          <Fieldset>
            <Fieldset.Legend>{t('municipality.languageForm')}</Fieldset.Legend>
            <Fieldset.Description>{t('municipality.languageFormHelp')}</Fieldset.Description>
            {LANGUAGE_FORMS.map((f) => (
              <Radio
                key={`${f}-${current}`}
                id={`language-form-${f}`}
                name="languageForm"
                value={f}
                lang={f}
                label={t(`municipality.${f}`)}
                defaultChecked={current === f}
              />
            ))}
            {form.error('languageForm') && <ValidationMessage>{form.error('languageForm')}</ValidationMessage>}
          </Fieldset>
          <div>
            <Button type="submit" loading={form.pending}>
              {t('municipality.save')}
            </Button>
          </div>
          {form.done && (
            <Alert data-color="success" role="status">
              {t('municipality.saved')}
            </Alert>
          )}
        </form>
      )}
      {admin && <OidcAdmin />}
      {admin && <IntegrationTokens />}
    </>
  );
}
