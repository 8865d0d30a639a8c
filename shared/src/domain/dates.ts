/** Deadlines and dates are in Norway's time zone, whatever the server's. */
export const TIME_ZONE = 'Europe/Oslo';

const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Oslo at `now`, as YYYY-MM-DD. */
export function osloDate(now: Date): string {
  return isoDay.format(now);
}

/** A mandate item is late when its due date has passed in Oslo and it is not done. */
export function isLate(item: { dueDate: string | null; status: string }, now: Date): boolean {
  return item.dueDate !== null && item.status !== 'done' && item.dueDate < osloDate(now);
}
