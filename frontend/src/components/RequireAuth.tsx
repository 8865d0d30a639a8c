import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { paths } from '../config/paths.js';
import { useMe } from '../features/auth/api.js';
import { LoadError, Loading } from './PageState.js';

/** Sends anonymous visitors to the log-in page, and back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isPending, error, refetch } = useMe();
  const location = useLocation();
  if (isPending) return <Loading />;
  if (error) return <LoadError error={error} onRetry={() => void refetch()} />;
  if (!me) return <Navigate to={`${paths.login}?neste=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}
