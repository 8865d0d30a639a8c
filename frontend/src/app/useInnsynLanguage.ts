import { useEffect } from 'react';
import { useMe } from '../features/auth/api.js';
import { currentLanguage, rememberedLanguage, setLanguage } from '../i18n/index.js';
import { usePublicMunicipalities } from '../features/innsyn/api.js';

/**
 * Called by every innsyn page (in app/, since it joins two features: auth's `me` and innsyn's municipalities).
 * Innsyn speaks the municipality's målform (`languageForm` in the public API) to a visitor who has no language of
 * their own: no choice remembered in this browser and not logged in (a logged-in person's language is set by the
 * language switch: their choice, else their own municipality's målform). The choice is not remembered, so the
 * visitor's switch still rules.
 */
export function useInnsynLanguage(slug: string) {
  const { data: me, isPending: mePending } = useMe();
  const { data } = usePublicMunicipalities();
  const languageForm = data?.municipalities.find((m) => m.slug === slug)?.languageForm;
  useEffect(() => {
    if (!languageForm || mePending || me) return;
    if (rememberedLanguage()) return;
    if (currentLanguage() !== languageForm) void setLanguage(languageForm);
  }, [languageForm, me, mePending]);
}
