import { Field, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { useEffect, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, LANGUAGE_NAMES, isLanguage } from '@samrad/shared/i18n';
import { useMe, useSaveLanguage } from '../features/auth/api.js';
import { currentLanguage, rememberedLanguage, setLanguage } from '../i18n/index.js';

/**
 * The language of the interface: each language named in itself («Bokmål», «Nynorsk», «English»). A
 * logged-in person's choice is kept on their profile; before log-in this browser remembers it.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const save = useSaveLanguage();

  // After log-in the person's language rules: their own choice, else the municipality's målform. A choice
  // made in this browser before log-in by a person who has none carries over to their profile.
  useEffect(() => {
    if (!me) return;
    const chosenHere = rememberedLanguage();
    if (me.language === null && chosenHere && chosenHere !== me.municipality.languageForm && !save.isPending) {
      void setLanguage(chosenHere);
      save.mutate({ me, language: chosenHere });
      return;
    }
    const wanted = me.language ?? me.municipality.languageForm;
    if (wanted !== currentLanguage()) void setLanguage(wanted);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when the person's settings change, not on each save state
  }, [me?.language, me?.municipality.languageForm, me?.id]);

  const onChange = (e: ChangeEvent<HTMLSelectElement>) => {
    const language = e.target.value;
    if (!isLanguage(language)) return;
    void setLanguage(language, { remember: true });
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
