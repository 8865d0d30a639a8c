import { QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from './api.js';

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
}

/** A mutation that refreshes the given queries when it succeeds. */
export function useInvalidatingMutation<T, R = unknown>(fn: (input: T) => Promise<R>, ...keys: (readonly unknown[])[]) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      for (const queryKey of keys) await qc.invalidateQueries({ queryKey });
    },
  });
}
