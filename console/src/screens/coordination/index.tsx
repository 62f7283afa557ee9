import { useTranslation } from 'react-i18next';
import { useViewer } from '../../graphql/ConnectionContext';
import { useRoute } from '../../router';
import { AlertQueue } from './AlertQueue';
import { IncidentList } from './IncidentList';
import { IncidentPanel } from './IncidentPanel';
import './coordination.css';

/**
 * Coordination (điều hành) of the time-bound process: for the center, the queue of new alerts and the
 * incidents with their deadlines; for an agency's staff, its own inbox. `/console/coordination/<id>` opens
 * one incident.
 */
export default function CoordinationScreen() {
  const { t } = useTranslation('coordination');
  const [, item] = useRoute();
  const viewer = useViewer();
  const isCenter = viewer.roles.includes('OPERATOR') || viewer.roles.includes('LEADER');
  if (item) return <IncidentPanel key={item} id={item} />;
  return (
    <div className="coordination">
      <h1>{isCenter ? t('title') : t('inboxTitle')}</h1>
      {isCenter ? (
        <div className="coordination-desk" data-testid="coordination-desk">
          <AlertQueue />
          <IncidentList heading={t('incidents.heading')} testId="incident-list" />
        </div>
      ) : (
        <div data-testid="coordination-inbox">
          <IncidentList heading={t('incidents.heading')} testId="incident-list" />
        </div>
      )}
    </div>
  );
}
