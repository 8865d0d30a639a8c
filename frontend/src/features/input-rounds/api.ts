import type { AttachmentMeta } from '@samrad/shared/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.js';
import { useInvalidatingMutation } from '../../lib/query.js';

export interface SubmissionView {
  id: string;
  body: { id: string; name: string } | null;
  author: { id: string; name: string; title: string };
  version: number;
  late: boolean;
  submittedAt: string;
  text: string;
  sha256: string;
  attachments: AttachmentMeta[];
  disposition: { outcome: string; reason: string; sectionKind: string | null } | null;
}

export interface RoundView {
  id: string;
  title: string;
  questions: string;
  caseId: string | null;
  /** The case by the title the reader may see (an invitee who may not read an exempt case gets its public title). */
  case?: { id: string; number: string; title: string } | null;
  closesAt: string;
  open: boolean;
  latePolicy: string;
  invitations: { bodyId: string; bodyName: string; status: string; extendedUntil: string | null }[];
  myBodyIds: string[];
  invitedPersons: { userId: string; name: string; title: string; status: string }[];
  invitedMe: boolean;
  documents: AttachmentMeta[];
  /** Officers only: each reminder sent, to a body or a person. */
  remindersSent?: { bodyId: string | null; userId: string | null; sentAt: string }[] | null;
  submissions: SubmissionView[];
}

export interface Receipt {
  id: string;
  version: number;
  submittedAt: string;
  sha256: string;
  late: boolean;
}

export const useRound = (id: string) => useQuery({ queryKey: ['rounds', id], queryFn: () => api<RoundView>(`/api/rounds/${id}`) });
export const useVersions = (submissionId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['submissions', submissionId, 'versions'],
    queryFn: () =>
      api<{ versions: { version: number; text: string; sha256: string; createdAt: string }[] }>(
        `/api/submissions/${submissionId}/versions`,
      ),
    enabled,
  });

export const useRoundMutation = <T, R = unknown>(roundId: string, fn: (input: T) => Promise<R>) =>
  useInvalidatingMutation(fn, ['rounds', roundId]);
