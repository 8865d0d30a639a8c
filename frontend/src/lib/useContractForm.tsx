import { useRef, useState, type FormEvent, type ReactElement } from 'react';
import type { z } from 'zod';
import { parseWith, type FieldError } from '@samrad/shared/contracts';
import { osloLocalToIso } from '@samrad/shared/domain';
import { FormErrorSummary } from '../components/FormErrorSummary.js';
import { ApiError } from './api.js';
import { translated } from '../i18n/index.js';

/** A stale edit: the server's message and the record as it is now (409 `{message, current}`). */
export interface StaleEdit {
  message: string;
  current: unknown;
}

export interface FormErrorsOptions {
  /** Maps an error path to the id of its field (the summary's links). */
  fieldIds: Record<string, string>;
  /** The field that shows an error the server gave no field for (network, 403, a message-only 400). */
  fallbackPath: string;
  /** …unless the form shows such an error elsewhere (an alert above the form, a message of the page). */
  onOtherError?: (error: unknown) => void;
  /** A 409 (someone else saved first) is shown by the form as `stale`, not as a field error. */
  onStale?: boolean;
}

export interface FormErrors {
  /** Runs a request: pending while it runs (a second one meanwhile is ignored); on success the errors are cleared, on failure they are shown. Answers whether it succeeded. */
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  errors: FieldError[];
  setErrors: (errors: FieldError[]) => void;
  /** The first message for a field, for its `error` prop. */
  error: (path: string) => string | undefined;
  /** The error summary, linked to the fields and focused when it appears. */
  summary: ReactElement;
  /** A request is under way. */
  pending: boolean;
  /** The last attempt succeeded (for the form's «saved» message); false again when the next one starts. */
  done: boolean;
  setDone: (done: boolean) => void;
  /** The last 409, when `onStale` is set; cleared by the next attempt. */
  stale: StaleEdit | null;
  clearStale: () => void;
}

/**
 * The error side of a form (also of actions that are buttons, not a form's submit): the server's field
 * errors (400 `{errors:[{path,message}]}`) on the fields, an error summary that links to them and takes
 * focus, a stale edit (409) where the form handles one, and the pending state.
 */
export function useFormErrors({ fieldIds, fallbackPath, onOtherError, onStale }: FormErrorsOptions): FormErrors {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const [stale, setStale] = useState<StaleEdit | null>(null);
  // A second submit while one is under way (a double click) sends nothing.
  const busy = useRef(false);

  async function run(action: () => Promise<unknown>) {
    if (busy.current) return false;
    busy.current = true;
    setStale(null);
    setDone(false);
    setPending(true);
    try {
      await action();
      setErrors([]);
      setDone(true);
      return true;
    } catch (error) {
      const fieldErrors = error instanceof ApiError ? error.fieldErrors : [];
      if (onStale && error instanceof ApiError && error.status === 409) {
        setErrors([]);
        setStale({ message: error.message, current: error.current });
      } else if (onOtherError && !fieldErrors.length) {
        setErrors([]);
        onOtherError(error);
      } else setErrors(toFieldErrors(error, fallbackPath));
      return false;
    } finally {
      busy.current = false;
      setPending(false);
    }
  }

  return {
    run,
    errors,
    setErrors,
    error: (path) => errors.find((e) => e.path === path)?.message,
    summary: <FormErrorSummary errors={errors} fieldIds={fieldIds} />,
    pending,
    done,
    stale,
    clearStale: () => setStale(null),
    setDone,
  };
}

export interface ContractFormOptions<V, D> extends FormErrorsOptions {
  /** The request contract: checked before anything is sent, with its Norwegian messages. */
  schema?: z.ZodType<D>;
  /** Reads the request from the form (the conversion between the fields and the contract lives here). */
  values: (form: FormData, element: HTMLFormElement) => V;
  /** Sends the request (validated, when there is a schema); resolving means done. */
  submit: (data: D, element: HTMLFormElement) => Promise<unknown>;
  /** Empties the form once the request has succeeded (a comment, an invitation: the next one starts blank). */
  resetOnDone?: boolean;
}

export interface ContractForm extends FormErrors {
  /** For `<form onSubmit>`. */
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
}

/**
 * One form against one request contract: {@link useFormErrors} plus reading the form and, with a
 * `schema`, client-side validation with the contract's Norwegian messages before anything is sent.
 *
 * The fields stay uncontrolled Designsystemet fields read with `FormData`, so the markup (ids, names,
 * labels) is the form's own; the hook owns only the submit and error plumbing.
 */
export function useContractForm<V, D = V>({ schema, values, submit, resetOnDone, ...options }: ContractFormOptions<V, D>): ContractForm {
  const form = useFormErrors(options);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const element = e.currentTarget;
    const value = values(new FormData(element), element);
    const send = async (data: D) => {
      await submit(data, element);
      if (resetOnDone) element.reset();
    };
    if (!schema) return void form.run(() => send(value as unknown as D));
    const parsed = parseWith(schema, value);
    if (!parsed.ok) {
      form.clearStale();
      form.setDone(false);
      // The contract speaks bokmål; the form shows its messages in the language on screen.
      form.setErrors(parsed.errors.map((e) => ({ ...e, message: translated(e.message) })));
      return;
    }
    void form.run(() => send(parsed.data));
  };
  return { ...form, onSubmit };
}

/** The field errors of a failed request, or one message on `fallbackPath` when the server gave none. */
export function toFieldErrors(error: unknown, fallbackPath: string): FieldError[] {
  return error instanceof ApiError && error.fieldErrors.length
    ? error.fieldErrors
    : [{ path: fallbackPath, message: (error as Error).message }];
}

/**
 * A `datetime-local` field's value (Oslo time) as the ISO instant the contracts take; empty stays empty
 * and a value that is no time stays as typed, so the contract names the problem.
 */
export function osloIsoOrAsIs(value: FormDataEntryValue | null): string {
  const local = typeof value === 'string' ? value : '';
  try {
    return local ? osloLocalToIso(local) : '';
  } catch {
    return local;
  }
}
