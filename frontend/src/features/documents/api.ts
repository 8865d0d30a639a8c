import { useQuery } from '@tanstack/react-query';
import type { Answer, GenerateDocument } from '@samrad/shared/contracts';
import { api } from '../../lib/api.js';
import { useInvalidatingMutation } from '../../lib/query.js';
import { keys } from '../../lib/query-keys.js';

/** The case's documents (every version), its meetings and one's own inputs on it. */
export const useCaseDocuments = (caseId: string) =>
  useQuery({
    queryKey: keys.cases.documents(caseId),
    queryFn: () => api<Answer<'GET /api/cases/:id/documents'>>(`/api/cases/${caseId}/documents`),
  });

/** Makes a document (a new version) and refreshes the case's list. */
export const useGenerateDocument = (caseId: string) =>
  useInvalidatingMutation(
    (input: GenerateDocument) => api<Answer<'POST /api/documents'>>('/api/documents', { method: 'POST', body: input }),
    keys.cases.documents(caseId),
  );

export const documentFileUrl = (id: string) => `/api/documents/${id}/file`;
export const archiveUrl = (caseId: string) => `/api/cases/${caseId}/arkivuttrekk`;
