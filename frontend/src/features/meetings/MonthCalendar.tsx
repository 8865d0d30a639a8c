import { Button, Link, Table } from '@digdir/designsystemet-react';
import { osloDate } from '@samrad/shared/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { dateTimeFormat } from '../../i18n/index.js';

interface CalendarMeeting {
  id: string;
  title: string;
  startsAt: string;
  body: { name: string };
}

const monthName = dateTimeFormat({ month: 'long', year: 'numeric', timeZone: 'UTC' });
const time = dateTimeFormat({ hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Oslo' });
const dayLabel = dateTimeFormat({ weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

/** The weeks (Monday first) of a month, as ISO dates; null for days outside the month. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = new Date(Date.UTC(year, month, 1));
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = [...Array<null>(lead).fill(null)];
  for (let d = 1; d <= days; d++) cells.push(new Date(Date.UTC(year, month, d)).toISOString().slice(0, 10));
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/**
 * A month as a table (weeks × weekdays), each day listing its meetings in Oslo time. A table keeps
 * it readable for screen readers: each cell has its full date as its header.
 */
export function MonthCalendar({ meetings, today = new Date() }: { meetings: CalendarMeeting[]; today?: Date }) {
  const { t } = useTranslation();
  const [y, m] = osloDate(today).split('-').map(Number) as [number, number];
  const [shown, setShown] = useState({ year: y, month: m - 1 });
  const byDay = new Map<string, CalendarMeeting[]>();
  for (const meeting of meetings) {
    const day = osloDate(new Date(meeting.startsAt));
    byDay.set(day, [...(byDay.get(day) ?? []), meeting]);
  }
  const move = (delta: number) =>
    setShown(({ year, month }) => ({ year: year + Math.floor((month + delta) / 12), month: (((month + delta) % 12) + 12) % 12 }));
  const caption = monthName.format(new Date(Date.UTC(shown.year, shown.month, 1)));
  const weekdays = [
    t('calendar.mon'),
    t('calendar.tue'),
    t('calendar.wed'),
    t('calendar.thu'),
    t('calendar.fri'),
    t('calendar.sat'),
    t('calendar.sun'),
  ];
  const todayIso = osloDate(today);
  return (
    <div className="stack">
      <div className="row">
        <Button variant="secondary" data-size="sm" onClick={() => move(-1)}>
          {t('calendar.previous')}
        </Button>
        <Button variant="secondary" data-size="sm" onClick={() => move(1)}>
          {t('calendar.next')}
        </Button>
      </div>
      <Table className="full-width calendar">
        <caption aria-live="polite">{caption}</caption>
        <Table.Head>
          <Table.Row>
            {weekdays.map((d) => (
              <Table.HeaderCell key={d} scope="col">
                {d}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {monthWeeks(shown.year, shown.month).map((week, w) => (
            <Table.Row key={w}>
              {week.map((day, d) => (
                <Table.Cell key={day ?? `empty-${w}-${d}`} aria-current={day === todayIso ? 'date' : undefined}>
                  {day && (
                    <>
                      <span className="calendar__day" aria-label={dayLabel.format(new Date(`${day}T00:00:00Z`))}>
                        {Number(day.slice(8))}
                      </span>
                      <ul className="calendar__items">
                        {(byDay.get(day) ?? []).map((mt) => (
                          <li key={mt.id}>
                            <Link asChild>
                              <RouterLink
                                to={`/moter/${mt.id}`}
                              >{`${time.format(new Date(mt.startsAt))} ${mt.body.name}: ${mt.title}`}</RouterLink>
                            </Link>
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}
