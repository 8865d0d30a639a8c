import { Checkbox, Fieldset, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '@samrad/shared/contracts';
import { fieldError } from './FormErrorSummary.js';

/**
 * A deciding vedtak while input is open: a checkbox to decide anyway and the reason (kept with the
 * vedtak, shown in the protocol and on the case). `reasonPath` is where the form's schema puts the reason.
 */
export function OpenInputConfirmation({
  idPrefix,
  openInput,
  errors,
  reasonPath,
}: {
  idPrefix: string;
  openInput: string | null;
  errors: FieldError[];
  reasonPath: string;
}) {
  const { t } = useTranslation();
  const [checked, setChecked] = useState(false);
  const message = fieldError(errors, 'confirmOpenInput');
  return (
    <Fieldset>
      <Fieldset.Legend>{t('lifecycle.openInput', { text: openInput ?? message ?? '' })}</Fieldset.Legend>
      <Checkbox
        id={`${idPrefix}-confirm`}
        name="confirmOpenInput"
        label={t('lifecycle.confirmOpenInput')}
        checked={checked}
        onChange={(e) => setChecked(e.target.checked)}
        error={message}
      />
      {checked && (
        <Textfield
          id={`${idPrefix}-confirm-reason`}
          name="confirmReason"
          multiline
          rows={2}
          label={t('lifecycle.confirmReason')}
          error={fieldError(errors, reasonPath)}
        />
      )}
    </Fieldset>
  );
}
