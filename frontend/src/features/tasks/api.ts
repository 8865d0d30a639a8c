import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { tasksResponseSchema } from '@samrad/shared/contracts';
import { api } from '../../lib/api.js';
import { keys } from '../../lib/query-keys.js';

export type TasksView = z.infer<typeof tasksResponseSchema>;

export const useTasks = () => useQuery({ queryKey: keys.tasks, queryFn: () => api<TasksView>('/api/me/tasks') });
