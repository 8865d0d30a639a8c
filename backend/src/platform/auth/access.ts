import { SetMetadata } from '@nestjs/common';
import type { AppRole } from '@samrad/shared/contracts';

export const ACCESS_KEY = 'samrad:access';

/**
 * Who may call a route. Every route must say it: the guard refuses a route without a rule, and
 * the route-table test fails on one.
 * - `public`: anyone, logged in or not;
 * - `authenticated`: any logged-in user of the municipality;
 * - `member`: a current member of at least one body;
 * - `case_officer`, `admin`: the administration's roles (an admin passes every role check);
 * - `metrics_scraper`: a request with the METRICS_TOKEN bearer token (Prometheus);
 * - `operator`: an administrator listed in OPERATOR_EMAILS (installation-wide data, see isOperator);
 *   unlike the roles, a municipality's administrator does not pass it.
 */
export type AccessRule = AppRole | 'authenticated' | 'metrics_scraper' | 'operator';

export const Access = (...rules: AccessRule[]) => SetMetadata(ACCESS_KEY, rules);
export const Public = () => Access('public');
