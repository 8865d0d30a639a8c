import { Field, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, LANGUAGE_NAMES, isLanguage } from '@samrad/shared/i18n';
import { useMe, useSaveLanguage } from '../features/auth/api.js';
import { currentLanguage, setLanguage } from '../i18n/index.js';

/**
 * The language of the interface: each language named in itself («Bokmål», «Nynorsk», «English»). A
 * logged-in person's choice is kept on their profile; before log-in this browser remembers it.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const save = useSaveLanguage();

  // After log-in the person's language rules: their own choice, else the municipality's målform.
  const wanted = me ? (me.language ?? me.municipality.languageForm) : undefined;
  useEffect(() => {
    if (wanted && wanted !== currentLanguage()) void setLanguage(wanted);
  }, [wanted]);

  const onChange = (e: ChangeEvent<HTMLSelectElement>) => {
    const language = e.target.value;
    if (!isLanguage(language)) return;
    void setLanguage(language);
    if (me) save.mutate({ me, language });
  };

  return (
    <Field className="language-switch" data-size="sm">
      <Label htmlFor="language-switch">{t('language.label')}</Label>
      <Select id="language-switch" value={currentLanguage()} onChange={onChange} data-lang={i18n.language}>
        {LANGUAGES.map((l) => (
          <Select.Option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </Select.Option>
        ))}
      </Select>
      {save.isError && <ValidationMessage>{t('language.failed')}</ValidationMessage>}
    </Field>
  );
}
