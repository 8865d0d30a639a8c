import { Field, Label, Select, ValidationMessage } from '@digdir/designsystemet-react';
import type { ChangeEvent } from 'react';

/** A labelled native select (Designsystemet's Field connects label, field and error). */
export function SelectField(props: {
  id: string;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  value?: string;
  defaultValue?: string;
  onChange?: (e: ChangeEvent<HTMLSelectElement>) => void;
  error?: string;
}) {
  return (
    <Field>
      <Label htmlFor={props.id}>{props.label}</Label>
      <Select
        id={props.id}
        name={props.name}
        value={props.value}
        defaultValue={props.defaultValue}
        onChange={props.onChange}
        aria-invalid={props.error ? true : undefined}
      >
        {props.options.map((o) => (
          <Select.Option key={o.value} value={o.value}>
            {o.label}
          </Select.Option>
        ))}
      </Select>
      {props.error && <ValidationMessage>{props.error}</ValidationMessage>}
    </Field>
  );
}
