import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, ErrorSummaryHeading, ErrorSummaryItem, ErrorSummaryLink, ErrorSummaryList } from '@digdir/designsystemet-react';
import type { FieldError } from '@samrad/shared/contracts';

/**
 * The errors of a form, linked to their fields; focused when it appears so a screen reader user
 * hears it at once. `fieldIds` maps an error path to the id of its input.
 */
export function FormErrorSummary({ errors, fieldIds }: { errors: FieldError[]; fieldIds: Record<string, string> }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (errors.length) ref.current?.focus();
  }, [errors]);
  if (!errors.length) return null;
  return (
    <ErrorSummary ref={ref as never} tabIndex={-1}>
      <ErrorSummaryHeading>{t('app.errorSummaryHeading')}</ErrorSummaryHeading>
      <ErrorSummaryList>
        {errors.map((e, i) => (
          <ErrorSummaryItem key={`${e.path}-${i}`}>
            <ErrorSummaryLink href={`#${fieldIds[e.path] ?? Object.values(fieldIds)[0] ?? ''}`}>{e.message}</ErrorSummaryLink>
          </ErrorSummaryItem>
        ))}
      </ErrorSummaryList>
    </ErrorSummary>
  );
}

/** The first message for a field, for its `error` prop. */
export const fieldError = (errors: FieldError[], path: string) => errors.find((e) => e.path === path)?.message;
