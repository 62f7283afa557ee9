import { useTranslation } from 'react-i18next';
import type { CoordinationIncidentDetailFragment } from '../../__generated__/graphql';
import { useDateTime } from './useNames';

type Entry = CoordinationIncidentDetailFragment['timeline'][number];

/** The incident's audit trail, oldest first: who did what, when, from which state to which, and why. */
export function Timeline({ entries }: { entries: Entry[] }) {
  const { t } = useTranslation('coordination');
  const when = useDateTime();
  const state = (value: string | null) => (value ? t(`states.${value}`, { defaultValue: value }) : '');
  return (
    <section aria-labelledby="coordination-timeline">
      <h3 id="coordination-timeline">{t('panel.timeline')}</h3>
      <ol className="coordination-timeline" data-testid="timeline">
        {entries.map((entry) => (
          <li key={entry.id} data-action={entry.action}>
            <time dateTime={entry.at}>{when(entry.at)}</time> <strong>{t(`steps.${entry.action}`, { defaultValue: entry.action })}</strong>{' '}
            <span className="muted">{entry.actor}</span>
            {entry.toState && entry.fromState !== entry.toState && (
              <span>
                {' '}
                {state(entry.fromState)} → {state(entry.toState)}
              </span>
            )}
            {entry.note && <q>{entry.note}</q>}
          </li>
        ))}
      </ol>
    </section>
  );
}
