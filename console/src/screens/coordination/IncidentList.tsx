import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import {
  CoordinationIncidentChangedDocument,
  CoordinationIncidentsDocument,
  type IncidentFilter,
  type IncidentState,
} from '../../__generated__/graphql';
import { useLive } from '../../graphql/live';
import { navigate } from '../../router';
import { ActionError } from './ActionError';
import { SlaCountdown } from './SlaCountdown';
import { useLocalName } from './useNames';

/** The states a time-bound incident is still handled in (closed and published ones leave the desk). */
export const HANDLED_STATES: IncidentState[] = [
  'VERIFIED',
  'ASSIGNED',
  'ACCEPTED',
  'IN_PROGRESS',
  'REASSIGNMENT_REQUESTED',
  'RESULT_SUBMITTED',
  'RETURNED',
  'APPROVED',
];

/**
 * Time-bound incidents with their SLA countdown, each opening its panel; read again on every change of an
 * incident the caller may read (the hub scopes both the list and the stream: an agency sees its own).
 */
export function IncidentList({ heading, testId }: { heading: string; testId: string }) {
  const { t } = useTranslation('coordination');
  const name = useLocalName();
  const filter: IncidentFilter = { processes: ['TIMED'], states: HANDLED_STATES };
  const { data, error, refetch } = useQuery(CoordinationIncidentsDocument, { variables: { filter } });
  const reload = () => void refetch();
  useLive({ document: CoordinationIncidentChangedDocument, variables: { filter: { processes: ['TIMED'] } }, onEvent: reload });
  const incidents = data?.incidents.edges.map((e) => e.node) ?? [];
  return (
    <section className="coordination-incidents" aria-labelledby={`${testId}-heading`} data-testid={testId}>
      <h2 id={`${testId}-heading`}>{heading}</h2>
      <ActionError error={error} onReload={reload} />
      {data && !incidents.length && <p className="muted">{t('incidents.empty')}</p>}
      {incidents.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('incidents.code')}</th>
              <th>{t('incidents.titleCol')}</th>
              <th>{t('incidents.state')}</th>
              <th>{t('incidents.agency')}</th>
              <th>{t('incidents.sla')}</th>
            </tr>
          </thead>
          <tbody>
            {incidents.map((incident) => (
              <tr key={incident.id} data-testid="incident" data-incident-id={incident.id} data-state={incident.state}>
                <td>
                  <a
                    href={`${import.meta.env.BASE_URL}coordination/${incident.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate('coordination', incident.id);
                    }}
                  >
                    {incident.code}
                  </a>
                </td>
                <td>{incident.title}</td>
                <td>{t(`states.${incident.state}`)}</td>
                <td>{name(incident.agency)}</td>
                <td>
                  <SlaCountdown
                    deadline={incident.deadline}
                    state={incident.state}
                    overdue={incident.overdue}
                    inWorkingTime={incident.category.slaInWorkingTime}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
