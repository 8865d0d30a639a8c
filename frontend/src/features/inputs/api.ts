import type { z } from 'zod';
import type { Answer, continuousInputSchema, dispositionSchema, submissionResponseSchema } from '@samrad/shared/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.js';
import { keys } from '../../lib/query-keys.js';

export type InputView = z.infer<typeof submissionResponseSchema>;
export type ContinuousInput = z.input<typeof continuousInputSchema>;
export type DispositionInput = z.input<typeof dispositionSchema>;
export type InputScope = { caseId: string; mandateItemId?: undefined } | { mandateItemId: string; caseId?: undefined };

/** «Innspill og behandling» of a case: every input the reader may see (the same key as the case page's summary). */
export const useInputTable = (caseId: string) =>
  useQuery({
    queryKey: keys.cases.summary(caseId),
    queryFn: () => api<Answer<'GET /api/cases/:id/input-summary'>>(`/api/cases/${caseId}/input-summary`),
  });

/** One's own inputs (every kind) on a case or a mandate item, with how each was handled. */
export const useMyInputs = (scope: InputScope) =>
  useQuery({
    queryKey: keys.inputs.mine(scope),
    queryFn: () =>
      api<Answer<'GET /api/inputs/mine'>>(
        `/api/inputs/mine?${scope.caseId ? `caseId=${encodeURIComponent(scope.caseId)}` : `mandateItemId=${encodeURIComponent(scope.mandateItemId!)}`}`,
      ),
  });
