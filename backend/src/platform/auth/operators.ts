import type { AppConfig } from '../config/config.js';
import type { RequestContext } from './context.js';

/**
 * The one rule for installation-wide data: every municipality's jobs (the job board, the job view's
 * counts and failures) and the Prometheus metrics. Only administrators whose e-mail is listed in
 * OPERATOR_EMAILS run the installation; a municipality's own administrator is not one of them and sees
 * only their municipality's jobs. Used by the `operator` access rule (AuthGuard), the job board and
 * the job view (OpsService.jobs).
 */
export function isOperator(ctx: RequestContext | undefined, config: Pick<AppConfig, 'OPERATOR_EMAILS'>): boolean {
  if (!ctx?.roles.has('admin')) return false;
  const email = ctx.email.toLowerCase();
  return config.OPERATOR_EMAILS.some((e) => e.toLowerCase() === email);
}

export const OPERATORS_ONLY =
  'Dette er bare for driftsansvarlige for installasjonen (administratorer oppført i OPERATOR_EMAILS), fordi det gjelder alle kommunene.';
