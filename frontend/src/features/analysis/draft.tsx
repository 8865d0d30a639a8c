import { z } from 'zod';
import { analysisInputSchemas, type AnalysisKind } from '@samrad/shared/contracts';
import { AnalysisInputError, computeAnalysis } from '@samrad/shared/engine';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { useContractForm } from '../../lib/useContractForm.js';
import { useUpdateTool, type ToolView } from './api.js';

/** `changes[1].from` → `['changes', 1, 'from']` (the engine names its problems as text). */
export function pathParts(path: string): (string | number)[] {
  return path
    .split(/\.|\[(\d+)\]/)
    .filter((p) => p !== undefined && p !== '')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * A tool's new input as the PATCH sends it (`{ input }`): the kind's schema, and then the engine's own checks
 * (a kind or school a change names that is not there, grades that do not add up), so every problem is on its
 * field before anything is sent, under the same path (`input.kinds[0].places`) the server would answer.
 */
export function inputContract(kind: AnalysisKind) {
  return z.object({ input: analysisInputSchemas[kind] as z.ZodType }).superRefine((value, ctx) => {
    try {
      computeAnalysis(kind, value.input);
    } catch (e) {
      if (!(e instanceof AnalysisInputError)) throw e;
      for (const issue of e.errors) ctx.addIssue({ code: 'custom', path: ['input', ...pathParts(issue.path)], message: issue.message });
    }
  });
}

/** `kinds[0].places` → `kinds.0.places`, as the contracts spell a path. */
const dotted = (path: string) => path.replace(/\[(\d+)\]/g, '.$1');

/** The id of the field for an error path: `input.kinds[0].places` → `f-input-kinds-0-places`. */
export const fieldId = (path: string) => `f-${path.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-$/, '')}`;

/** Every error path links to the field {@link fieldId} names (the forms give each field that id). */
const everyField: Record<string, string> = new Proxy({} as Record<string, string>, {
  get: (_, path) => (typeof path === 'string' ? fieldId(path) : undefined),
});

/**
 * A form that edits a tool's whole input: checked by {@link inputContract}, saved as a new version with the version
 * it was read at (409: `stale`). `build` turns the form's draft into the input.
 */
export function useInputForm(tool: ToolView, build: () => unknown) {
  const update = useUpdateTool(tool.id);
  const form = useContractForm({
    fieldIds: everyField,
    fallbackPath: 'input',
    onStale: true,
    schema: inputContract(tool.kind) as z.ZodType<{ input: unknown }>,
    values: () => ({ input: build() }),
    submit: ({ input }) => update.mutateAsync({ version: tool.version, input }),
  });
  // The contract names `input.kinds.0.places`, the engine `input.kinds[0].places`: one spelling, and a number that
  // is no number is not also said to be too large (the first problem of each field).
  const all = form.errors.map((e) => ({ ...e, path: dotted(e.path) }));
  const first = all.filter((e, i) => all.findIndex((x) => x.path === e.path) === i);
  return {
    ...form,
    errors: first,
    summary: <FormErrorSummary errors={first} fieldIds={everyField} />,
    /** The message for a field by its path under `input` (`kinds[0].places`). */
    err: (path: string) => first.find((e) => e.path === dotted(`input.${path}`))?.message,
  };
}

/** A new key for a row of a table being edited (React's key, not stored). */
let next = 0;
export const rowKey = () => ++next;

/** The rows with the one whose key is `key` changed by `patch`. */
export const patchRow = <R extends { key: number }>(rows: R[], key: number, patch: Partial<R>): R[] =>
  rows.map((r) => (r.key === key ? { ...r, ...patch } : r));

/** An id not used yet by the rows: `plass-3`, `skole-4`. */
export function freeId(prefix: string, rows: { id: string }[]): string {
  let n = rows.length + 1;
  while (rows.some((r) => r.id === `${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}
