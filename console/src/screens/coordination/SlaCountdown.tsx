import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CoordinationCalendarDocument } from '../../__generated__/graphql';
// The hub's own rule (office hours, days off, weekend days worked), bundled as is: the countdown agrees with the deadlines.
import { calendarFromDays, MINUTES_PER_WORKING_DAY, workingMinutesBetween } from '../../../../platform/src/time/workingTime';

/** States in which the agency owes a result: the deadline runs (the hub's RUNNING_STATES). */
const RUNNING = new Set(['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'RETURNED']);

/** The current time, renewed every half minute so that countdowns move on their own. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export interface SlaProps {
  deadline: string | null;
  state: string;
  overdue: boolean;
  inWorkingTime: boolean;
}

/**
 * The time left to the deadline: in working time (office hours of working days, by the hub's calendar) when
 * the category's SLA counts it so, else in calendar time; "overdue" as the hub marks it or once it is past.
 */
export function SlaCountdown({ deadline, state, overdue, inWorkingTime }: SlaProps) {
  const { t } = useTranslation('coordination');
  const now = useNow();
  const year = now.getUTCFullYear();
  const { data } = useQuery(CoordinationCalendarDocument, { variables: { year, nextYear: year + 1 }, skip: !inWorkingTime });
  const calendar = useMemo(() => calendarFromDays([...(data?.thisYear ?? []), ...(data?.nextYear ?? [])]), [data]);
  if (!deadline) return <span className="coordination-sla muted">{t('sla.none')}</span>;
  if (!RUNNING.has(state)) return <span className="coordination-sla muted">{t('sla.stopped')}</span>;
  const end = new Date(deadline);
  const minutes = inWorkingTime ? workingMinutesBetween(calendar, now, end) : Math.max(0, (end.getTime() - now.getTime()) / 60_000);
  if (overdue || minutes <= 0) {
    return (
      <span className="coordination-sla overdue" data-testid="sla" data-overdue="true">
        {t('sla.overdue')}
      </span>
    );
  }
  const perDay = inWorkingTime ? MINUTES_PER_WORKING_DAY : 24 * 60;
  const days = Math.floor(minutes / perDay);
  const hours = Math.floor((minutes % perDay) / 60);
  const rest = Math.floor(minutes % 60);
  const parts = [
    days ? t('sla.days', { count: days }) : '',
    hours ? t('sla.hours', { count: hours }) : '',
    days ? '' : t('sla.minutes', { count: rest }),
  ];
  const time = parts.filter(Boolean).join(' ');
  return (
    <span className={`coordination-sla ${days < 1 ? 'soon' : ''}`} data-testid="sla" data-minutes={Math.floor(minutes)}>
      {t('sla.left', { time })} <small className="muted">({t(inWorkingTime ? 'sla.workingTime' : 'sla.calendarTime')})</small>
    </span>
  );
}
