import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.js';

export interface TasksView {
  openRounds: {
    id: string;
    title: string;
    deadline: string;
    body: { id: string; name: string } | null;
    status: string;
    case: { id: string; number: string } | null;
  }[];
  meetings: { id: string; title: string; startsAt: string; bodyName: string }[];
  decisions: { id: string; decidedOn: string; committeeNumber: string | null; bodyName: string; case: { id: string; title: string } }[];
  unreadNotifications: number;
  awaitingDisposition?: { submissionId: string; roundId: string; title: string }[];
  casesToReview?: { id: string; number: string; title: string }[];
}

export const useTasks = () => useQuery({ queryKey: ['tasks'], queryFn: () => api<TasksView>('/api/me/tasks') });
