import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { tasksResponseSchema } from '@samrad/shared/contracts';
import { api } from '../../lib/api.js';
import { keys } from '../../lib/query-keys.js';

export type TasksView = z.infer<typeof tasksResponseSchema>;

/**
 * The start page is read afresh each time it is opened (the server's read cache keeps it cheap): changes
 * made on other pages (a vedtak in a meeting's minutes, a follow-up task) do not invalidate it, and a
 * cached answer up to 30 s old showed «Ingen vedtak ennå» right after a vedtak.
 */
export const useTasks = () => useQuery({ queryKey: keys.tasks, queryFn: () => api<TasksView>('/api/me/tasks'), refetchOnMount: 'always' });
