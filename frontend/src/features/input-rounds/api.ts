import type { z } from 'zod';
import type {
  Answer,
  dispositionSchema,
  editSubmissionSchema,
  extensionSchema,
  noCommentSchema,
  receiptResponseSchema,
  roundDetailResponseSchema,
  submissionResponseSchema,
  submissionSchema,
} from '@samrad/shared/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.js';
import { useInvalidatingMutation } from '../../lib/query.js';
import { keys } from '../../lib/query-keys.js';
import { refetchAtDeadline } from '../../lib/deadline.js';

// What the API answers, from the shared response contracts.
export type SubmissionView = z.infer<typeof submissionResponseSchema>;
export type RoundView = z.infer<typeof roundDetailResponseSchema>;
export type Receipt = z.infer<typeof receiptResponseSchema>;

// What the forms send, from the shared request contracts.
export type SubmissionInput = z.input<typeof submissionSchema>;
export type EditSubmissionInput = z.input<typeof editSubmissionSchema>;
export type NoCommentInput = z.input<typeof noCommentSchema>;
export type ExtensionInput = z.input<typeof extensionSchema>;
export type DispositionInput = z.input<typeof dispositionSchema>;

export const useRound = (id: string) =>
  useQuery({
    queryKey: keys.rounds.detail(id),
    queryFn: () => api<RoundView>(`/api/rounds/${id}`),
    // An open round closes at its deadline: fetched again then, so «Åpen» and the forms follow the clock.
    refetchInterval: (q) => refetchAtDeadline(q.state.data?.open ? q.state.data.closesAt : null),
  });
export const useVersions = (submissionId: string, enabled: boolean) =>
  useQuery({
    queryKey: keys.submissions.versions(submissionId),
    queryFn: () => api<Answer<'GET /api/submissions/:id/versions'>>(`/api/submissions/${submissionId}/versions`),
    enabled,
  });

export const useRoundMutation = <T, R = unknown>(roundId: string, fn: (input: T) => Promise<R>) =>
  useInvalidatingMutation(fn, [...keys.rounds.detail(roundId)]);
