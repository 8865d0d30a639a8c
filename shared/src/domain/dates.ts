/** Deadlines and dates are in Norway's time zone, whatever the server's. */
export const TIME_ZONE = 'Europe/Oslo';

const dateTime = new Intl.DateTimeFormat('nb-NO', { timeZone: TIME_ZONE, dateStyle: 'long', timeStyle: 'short' });

/** An instant as Norwegian date and time in Oslo, e.g. «1. desember 2026 kl. 12:00». */
export function formatOsloDateTime(instant: Date): string {
  return dateTime.format(instant);
}

const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Oslo at `now`, as YYYY-MM-DD. */
export function osloDate(now: Date): string {
  return isoDay.format(now);
}

/** A mandate item is late when its due date has passed in Oslo and it is not done. */
export function isLate(item: { dueDate: string | null; status: string }, now: Date): boolean {
  return item.dueDate !== null && item.status !== 'done' && item.dueDate < osloDate(now);
}

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Oslo's offset from UTC at `instant`, in minutes (60 in winter, 120 in summer). */
export function osloOffsetMinutes(instant: Date): number {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  const wall = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

/** A wall-clock time in Oslo ("2026-12-01T12:00", as from <input type="datetime-local">) as an ISO instant with offset. */
export function osloLocalToIso(local: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new Error(`Ugyldig tidspunkt: ${local}`);
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  let offset = osloOffsetMinutes(new Date(wall));
  offset = osloOffsetMinutes(new Date(wall - offset * 60000));
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${local}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** An instant as Oslo wall-clock "YYYY-MM-DDTHH:mm", for a datetime-local field. */
export function isoToOsloLocal(iso: string): string {
  const p = Object.fromEntries(parts.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}
