import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CoordinationAlertQueueDocument,
  CoordinationAlertReceivedDocument,
  CoordinationDismissAlertDocument,
  CoordinationMergeAlertDocument,
  CoordinationVerifyAlertDocument,
  type CoordinationAlertQueueQuery,
} from '../../__generated__/graphql';
import { useLive } from '../../graphql/live';
import { navigate } from '../../router';
import { ActionError } from './ActionError';
import { useDateTime, useLocalName } from './useNames';

type QueuedAlert = CoordinationAlertQueueQuery['alerts']['edges'][number]['node'];

/** One new alert with its possible duplicates and the three ways an operator settles it. */
function AlertRow({ alert, reload }: { alert: QueuedAlert; reload(): void }) {
  const { t } = useTranslation('coordination');
  const name = useLocalName();
  const when = useDateTime();
  const [reason, setReason] = useState('');
  const [dismissing, setDismissing] = useState(false);
  const [verify, verified] = useMutation(CoordinationVerifyAlertDocument);
  const [dismiss, dismissed] = useMutation(CoordinationDismissAlertDocument);
  const [merge, merged] = useMutation(CoordinationMergeAlertDocument);
  const busy = verified.loading || dismissed.loading || merged.loading;
  const error = verified.error ?? dismissed.error ?? merged.error;
  const expectedVersion = alert.version;
  const mergeable = alert.possibleDuplicates.filter((d) => d.incident);
  const retry = () => {
    verified.reset();
    dismissed.reset();
    merged.reset();
    reload();
  };

  const onVerify = async () => {
    const { data } = await verify({ variables: { id: alert.id, input: { expectedVersion } } }).catch(() => ({ data: undefined }));
    if (data) navigate('coordination', data.verifyAlert.id);
  };
  const onDismiss = async () => {
    const { data } = await dismiss({ variables: { id: alert.id, input: { expectedVersion, reason } } }).catch(() => ({ data: undefined }));
    if (data) reload();
  };
  const onMerge = async (incidentId: string) => {
    const { data } = await merge({ variables: { id: alert.id, input: { expectedVersion, incidentId } } }).catch(() => ({
      data: undefined,
    }));
    if (data) reload();
  };

  return (
    <li className="coordination-alert panel" data-testid="alert" data-alert-id={alert.id}>
      <div className="coordination-alert-head">
        <strong>{alert.headline}</strong>
        <span className={`coordination-severity ${alert.severity.toLowerCase()}`}>{t(`severity.${alert.severity}`)}</span>
      </div>
      <p className="muted">
        {name(alert.category)} · {alert.place ?? name(alert.unit)} · {t('alerts.received')} {when(alert.receivedAt)} · {alert.sourceSystem}
      </p>
      <p className="coordination-duplicates">
        {alert.possibleDuplicates.length
          ? `${t('alerts.duplicates')}: ${alert.possibleDuplicates.map((d) => d.incident?.code ?? d.headline).join('; ')}`
          : t('alerts.noDuplicates')}
      </p>
      <div className="coordination-buttons">
        <button type="button" className="primary" disabled={busy} onClick={onVerify}>
          {t('alerts.verify')}
        </button>
        {mergeable.map((d) => (
          <button key={d.id} type="button" disabled={busy} onClick={() => onMerge(d.incident!.id)}>
            {t('alerts.merge', { code: d.incident!.code })}
          </button>
        ))}
        {dismissing ? (
          <>
            <label>
              {t('alerts.dismissReason')} <input value={reason} onChange={(e) => setReason(e.target.value)} />
            </label>
            <button type="button" className="danger" disabled={busy || reason.trim().length < 3} onClick={onDismiss}>
              {t('alerts.confirmDismiss')}
            </button>
          </>
        ) : (
          <button type="button" className="danger" disabled={busy} onClick={() => setDismissing(true)}>
            {t('alerts.dismiss')}
          </button>
        )}
      </div>
      <ActionError error={error} onReload={retry} />
    </li>
  );
}

/** The center's queue of NEW alerts, newest first, read again whenever an alert arrives or is settled. */
export function AlertQueue() {
  const { t } = useTranslation('coordination');
  const { data, error, refetch } = useQuery(CoordinationAlertQueueDocument);
  const reload = () => void refetch();
  useLive({ document: CoordinationAlertReceivedDocument, onEvent: reload });
  const alerts = data?.alerts.edges.map((e) => e.node) ?? [];
  return (
    <section className="coordination-queue" aria-labelledby="coordination-alerts">
      <h2 id="coordination-alerts">{t('alerts.heading')}</h2>
      {data && <p className="muted">{t('alerts.count', { count: data.alerts.totalCount })}</p>}
      <ActionError error={error} onReload={reload} />
      {data && !alerts.length && <p className="muted">{t('alerts.empty')}</p>}
      <ul className="coordination-alerts">
        {alerts.map((alert) => (
          <AlertRow key={alert.id} alert={alert} reload={reload} />
        ))}
      </ul>
    </section>
  );
}
