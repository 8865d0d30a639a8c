import { useCallback, useState, type FormEvent, type ReactElement } from 'react';
import type { z } from 'zod';
import { parseWith, type FieldError } from '@samrad/shared/contracts';
import { osloLocalToIso } from '@samrad/shared/domain';
import { FormErrorSummary } from '../components/FormErrorSummary.js';
import { ApiError } from './api.js';

/** A stale edit: the server's message and the record as it is now (409 `{message, current}`). */
export interface StaleEdit {
  message: string;
  current: unknown;
}

export interface ContractFormOptions<V, D> {
  /** Maps an error path to the id of its field (the summary's links; also what `error(path)` answers for). */
  fieldIds: Record<string, string>;
  /** Where an error without a field (network, 403, a message-only 400) is shown. */
  fallbackPath: string;
  /** An error the server gave no field for (network, 403, a message-only 400), when the form shows it elsewhere than on `fallbackPath`. */
  onOtherError?: (error: unknown) => void;
  /** The request contract: checked before anything is sent, with its Norwegian messages. */
  schema?: z.ZodType<D>;
  /** Reads the request from the form (the conversion between the fields and the contract lives here). */
  values: (form: FormData, element: HTMLFormElement) => V;
  /** Sends the (validated) request; resolving means done and clears the errors. */
  submit: (data: D, element: HTMLFormElement) => Promise<unknown>;
  /** A 409 (someone else saved first): shown by the form, not as a field error. Without it a 409 is a field error. */
  onStale?: boolean;
}

export interface ContractForm {
  /** For `<form onSubmit>`. */
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  /** Runs an action that is not the form's submit (a second button) with the same error handling. */
  run: (action: () => Promise<unknown>) => Promise<boolean>;
  errors: FieldError[];
  setErrors: (errors: FieldError[]) => void;
  /** The first message for a field, for its `error` prop. */
  error: (path: string) => string | undefined;
  /** The error summary, linked to the fields and focused when it appears. */
  summary: ReactElement;
  /** A request is under way. */
  pending: boolean;
  /** The last 409, when `onStale` is set; cleared by the next attempt. */
  stale: StaleEdit | null;
  clearStale: () => void;
}

/**
 * One form against one request contract: client-side validation with the contract's Norwegian messages,
 * the server's field errors (400 `{errors:[{path,message}]}`) on the fields, an error summary that links
 * to them and takes focus, a stale edit (409) where the form handles one, and the pending state.
 *
 * The fields stay uncontrolled Designsystemet fields read with `FormData`, so the markup (ids, names,
 * labels) is the form's own; the hook owns only the error and submit plumbing.
 */
export function useContractForm<V, D = V>(options: ContractFormOptions<V, D>): ContractForm {
  const { fieldIds, fallbackPath, schema, values, submit, onStale, onOtherError } = options;
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [pending, setPending] = useState(false);
  const [stale, setStale] = useState<StaleEdit | null>(null);

  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      setStale(null);
      setPending(true);
      try {
        await action();
        setErrors([]);
        return true;
      } catch (error) {
        if (onStale && error instanceof ApiError && error.status === 409) {
          setErrors([]);
          setStale({ message: error.message, current: error.current });
        } else if (onOtherError && !(error instanceof ApiError && error.fieldErrors.length)) {
          setErrors([]);
          onOtherError(error);
        } else setErrors(toFieldErrors(error, fallbackPath));
        return false;
      } finally {
        setPending(false);
      }
    },
    [fallbackPath, onStale, onOtherError],
  );

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const element = e.currentTarget;
    const value = values(new FormData(element), element);
    if (schema) {
      const parsed = parseWith(schema, value);
      if (!parsed.ok) {
        setStale(null);
        setErrors(parsed.errors);
        return;
      }
      void run(() => submit(parsed.data, element));
    } else void run(() => submit(value as unknown as D, element));
  };

  return {
    onSubmit,
    run,
    errors,
    setErrors,
    error: (path) => errors.find((e) => e.path === path)?.message,
    summary: <FormErrorSummary errors={errors} fieldIds={fieldIds} />,
    pending,
    stale,
    clearStale: () => setStale(null),
  };
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
