import { Alert, Button, Select, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { fieldId } from './draft.js';

/**
 * The cells of the tables the analysis forms edit: each input carries its column and row in its accessible name
 * («Plasser – Hel plass»), the id its error path links to, and its field error under it.
 */
export function Cell({
  path,
  label,
  value,
  onChange,
  error,
  numeric = true,
  width,
}: {
  /** The error path without `input.` (`kinds[0].places`). */
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  numeric?: boolean;
  width?: string;
}) {
  return (
    <Textfield
      id={fieldId(`input.${path}`)}
      aria-label={label}
      data-size="sm"
      inputMode={numeric ? 'decimal' : undefined}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      style={width ? { minWidth: width } : undefined}
    />
  );
}

export function SelectCell({
  path,
  label,
  value,
  onChange,
  options,
  error,
}: {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
  error?: string;
}) {
  const id = fieldId(`input.${path}`);
  return (
    <>
      <Select
        id={id}
        aria-label={label}
        data-size="sm"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
      {error && <ValidationMessage id={`${id}-error`}>{error}</ValidationMessage>}
    </>
  );
}

/** A problem of a whole list (no rows, none chosen), where the error summary links to. */
export function ListError({ path, error }: { path: string; error?: string }) {
  if (!error) return null;
  return (
    <ValidationMessage id={fieldId(`input.${path}`)} tabIndex={-1}>
      {error}
    </ValidationMessage>
  );
}

export function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Button type="button" variant="tertiary" data-size="sm" onClick={onClick} aria-label={label}>
      {t('analysis.form.remove')}
    </Button>
  );
}

export function AddButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <div>
      <Button type="button" variant="secondary" data-size="sm" onClick={onClick}>
        {label}
      </Button>
    </div>
  );
}

/** The end of an input form: stale and saved notices, and the save button. */
export function SaveRow({ pending, stale, done }: { pending: boolean; stale: boolean; done: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {stale && <Alert data-color="warning">{t('analysis.stale')}</Alert>}
      {done && (
        <Alert data-color="success" role="status">
          {t('analysis.saved')}
        </Alert>
      )}
      <div>
        <Button type="submit" loading={pending}>
          {t('analysis.save')}
        </Button>
      </div>
    </>
  );
}
