/** The longest a timer waits before it is set again (a browser fires a timer of more than 2³¹ − 1 ms at once). */
const LONGEST_WAIT_MS = 60 * 60 * 1000;

/**
 * For a query's `refetchInterval`: when to fetch again so that what the server decides by the clock (a
 * round open until its deadline) changes on the page at that moment, not at the next reload. `deadline`
 * is the earliest deadline still ahead on the page, or null (nothing waits for the clock: no refetch).
 * Just after the deadline; then every second while the server has not yet seen it pass (its clock may
 * lag a little behind this browser's).
 */
export function refetchAtDeadline(deadline: string | null, now = Date.now()): number | false {
  if (!deadline) return false;
  const wait = Date.parse(deadline) - now + 250;
  return Math.min(Math.max(wait, 1000), LONGEST_WAIT_MS);
}
