import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CoordinationAgenciesDocument,
  CoordinationApproveResultDocument,
  CoordinationAssignAgencyDocument,
  CoordinationPublishResultDocument,
  CoordinationReturnResultDocument,
  type CoordinationIncidentDetailFragment,
} from '../../__generated__/graphql';
import { ActionError } from './ActionError';
import { useLocalName } from './useNames';

/**
 * The center's steps on an incident in its current state: assign an agency (the deadline runs from then),
 * then moderate the result (return with a reason, or approve) and publish it. Each passes the version shown.
 */
export function CenterActions({ incident, reload }: { incident: CoordinationIncidentDetailFragment; reload(): void }) {
  const { t } = useTranslation('coordination');
  const name = useLocalName();
  const [agencyId, setAgencyId] = useState('');
  const [reason, setReason] = useState('');
  const [summary, setSummary] = useState('');
  const canAssign = incident.state === 'VERIFIED' || incident.state === 'REASSIGNMENT_REQUESTED';
  const agencies = useQuery(CoordinationAgenciesDocument, { skip: !canAssign });
  const [assign, assigned] = useMutation(CoordinationAssignAgencyDocument);
  const [approve, approved] = useMutation(CoordinationApproveResultDocument);
  const [sendBack, returned] = useMutation(CoordinationReturnResultDocument);
  const [publish, published] = useMutation(CoordinationPublishResultDocument);
  const steps = [assigned, approved, returned, published];
  const busy = steps.some((s) => s.loading);
  const error = steps.find((s) => s.error)?.error;
  const retry = () => {
    steps.forEach((s) => s.reset());
    reload();
  };
  const variables = { id: incident.id };
  const expectedVersion = incident.version;
  // A failure is shown from the mutation's own state; the promise's rejection needs no second handler.
  const run = (step: () => Promise<unknown>) => void step().catch(() => undefined);

  return (
    <div className="coordination-actions">
      {canAssign && (
        <div className="coordination-buttons">
          <label>
            {t('actions.agency')}{' '}
            <select value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
              <option value="">{t('actions.chooseAgency')}</option>
              {agencies.data?.agencies.edges.map(({ node }) => (
                <option key={node.id} value={node.id}>
                  {node.code} · {name(node)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="primary"
            disabled={busy || !agencyId}
            onClick={() => run(() => assign({ variables: { ...variables, input: { expectedVersion, agencyId } } }))}
          >
            {t('actions.assign')}
          </button>
        </div>
      )}
      {incident.state === 'RESULT_SUBMITTED' && (
        <div className="coordination-buttons">
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => run(() => approve({ variables: { ...variables, input: { expectedVersion, publish: false } } }))}
          >
            {t('actions.approve')}
          </button>
          <label>
            {t('actions.reason')} <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button
            type="button"
            className="danger"
            disabled={busy || reason.trim().length < 3}
            onClick={() => run(() => sendBack({ variables: { ...variables, input: { expectedVersion, reason } } }))}
          >
            {t('actions.returnResult')}
          </button>
        </div>
      )}
      {incident.state === 'APPROVED' && (
        <div className="coordination-buttons">
          <label>
            {t('actions.publicSummary')} <input value={summary} onChange={(e) => setSummary(e.target.value)} />
          </label>
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() =>
              run(() => publish({ variables: { ...variables, input: { expectedVersion, publicSummary: summary.trim() || undefined } } }))
            }
          >
            {t('actions.publish')}
          </button>
        </div>
      )}
      {!canAssign && incident.state !== 'RESULT_SUBMITTED' && incident.state !== 'APPROVED' && (
        <p className="muted">{t('panel.noActions')}</p>
      )}
      <ActionError error={error} onReload={retry} />
    </div>
  );
}
