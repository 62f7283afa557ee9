import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CoordinationIncidentChangedDocument, CoordinationIncidentDocument } from '../../__generated__/graphql';
import { useViewer } from '../../graphql/ConnectionContext';
import { useLive } from '../../graphql/live';
import { navigate } from '../../router';
import { ActionError } from './ActionError';
import { AgencyActions } from './AgencyActions';
import { CenterActions } from './CenterActions';
import { SlaCountdown } from './SlaCountdown';
import { Timeline } from './Timeline';
import { useDateTime, useLocalName } from './useNames';

/**
 * One incident: what it is, its deadline, its result, its timeline and the steps the viewer may take. The
 * record is not replaced under the viewer's hands when someone else changes it: a notice says so and the
 * viewer reloads (acting on the old version anyway is refused by the hub as a CONFLICT).
 */
export function IncidentPanel({ id }: { id: string }) {
  const { t } = useTranslation('coordination');
  const name = useLocalName();
  const when = useDateTime();
  const viewer = useViewer();
  const { data, error, loading, refetch } = useQuery(CoordinationIncidentDocument, { variables: { id } });
  const [changedTo, setChangedTo] = useState<string | null>(null);
  useLive({
    document: CoordinationIncidentChangedDocument,
    variables: { filter: { incidentId: id } },
    onEvent: (event) => setChangedTo(event.incidentChanged.toState ?? null),
  });
  const reload = () => void refetch();
  const incident = data?.incident;
  const isCenter = viewer.roles.includes('OPERATOR') || viewer.roles.includes('LEADER');

  return (
    <article className="coordination-panel" aria-labelledby="coordination-panel-title" data-testid="incident-panel">
      <a
        href={`${import.meta.env.BASE_URL}coordination`}
        onClick={(e) => {
          e.preventDefault();
          navigate('coordination');
        }}
      >
        ← {t('panel.back')}
      </a>
      <ActionError error={error} onReload={reload} />
      {!incident && !loading && !error && <p role="alert">{t('panel.notFound')}</p>}
      {incident && (
        <>
          <h2 id="coordination-panel-title">
            {incident.code} · {incident.title}
          </h2>
          <p>
            <span className="coordination-state" data-testid="incident-state" data-state={incident.state}>
              {t(`states.${incident.state}`)}
            </span>{' '}
            <SlaCountdown
              deadline={incident.deadline}
              state={incident.state}
              overdue={incident.overdue}
              inWorkingTime={incident.category.slaInWorkingTime}
            />
          </p>
          {changedTo && changedTo !== incident.state && (
            <div className="coordination-changed" role="status">
              {t('panel.changedElsewhere')}{' '}
              <button type="button" onClick={reload}>
                {t('reload', { ns: 'common' })}
              </button>
            </div>
          )}
          <dl className="coordination-facts">
            <dt>{t('panel.category')}</dt>
            <dd>{name(incident.category)}</dd>
            <dt>{t('panel.agency')}</dt>
            <dd>{name(incident.agency) || '—'}</dd>
            <dt>{t('panel.deadline')}</dt>
            <dd>{when(incident.deadline) || '—'}</dd>
          </dl>
          <p>{incident.description}</p>
          {incident.result && (
            <section aria-labelledby="coordination-result">
              <h3 id="coordination-result">{t('panel.result')}</h3>
              <p data-testid="incident-result">{incident.result}</p>
            </section>
          )}
          {incident.publication && (
            <section aria-labelledby="coordination-publication">
              <h3 id="coordination-publication">{t('panel.publication')}</h3>
              <p>{incident.publication.summary}</p>
            </section>
          )}
          <section aria-labelledby="coordination-actions">
            <h3 id="coordination-actions">{t('panel.actions')}</h3>
            {isCenter ? <CenterActions incident={incident} reload={reload} /> : <AgencyActions incident={incident} reload={reload} />}
          </section>
          <Timeline entries={incident.timeline} />
        </>
      )}
    </article>
  );
}
