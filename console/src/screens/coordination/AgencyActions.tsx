import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CoordinationAcceptIncidentDocument,
  CoordinationRequestReassignmentDocument,
  CoordinationSubmitResultDocument,
  type CoordinationIncidentDetailFragment,
} from '../../__generated__/graphql';
import { ActionError } from './ActionError';

/** States from which the assigned agency may report its result (the hub's transition table). */
const RESULT_FROM = new Set(['ACCEPTED', 'IN_PROGRESS', 'RETURNED']);

/**
 * The assigned agency's steps: take the incident on or say it is not competent (with a reason), then report
 * what it did. Each passes the version shown.
 */
export function AgencyActions({ incident, reload }: { incident: CoordinationIncidentDetailFragment; reload(): void }) {
  const { t } = useTranslation('coordination');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState('');
  const [accept, accepted] = useMutation(CoordinationAcceptIncidentDocument);
  const [requestReassignment, requested] = useMutation(CoordinationRequestReassignmentDocument);
  const [submit, submitted] = useMutation(CoordinationSubmitResultDocument);
  const steps = [accepted, requested, submitted];
  const busy = steps.some((s) => s.loading);
  const error = steps.find((s) => s.error)?.error;
  const retry = () => {
    steps.forEach((s) => s.reset());
    reload();
  };
  const variables = { id: incident.id };
  const expectedVersion = incident.version;
  const run = (step: () => Promise<unknown>) => void step().catch(() => undefined);
  const canReassign = incident.state === 'ASSIGNED' || incident.state === 'ACCEPTED';
  const canSubmit = RESULT_FROM.has(incident.state);

  return (
    <div className="coordination-actions">
      {incident.state === 'ASSIGNED' && (
        <div className="coordination-buttons">
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => run(() => accept({ variables: { ...variables, input: { expectedVersion } } }))}
          >
            {t('actions.accept')}
          </button>
        </div>
      )}
      {canSubmit && (
        <div className="coordination-result">
          <label>
            {t('actions.resultNote')}
            <textarea rows={3} value={result} onChange={(e) => setResult(e.target.value)} />
          </label>
          <button
            type="button"
            className="primary"
            disabled={busy || result.trim().length < 10}
            onClick={() => run(() => submit({ variables: { ...variables, input: { expectedVersion, result: result.trim() } } }))}
          >
            {t('actions.submitResult')}
          </button>
        </div>
      )}
      {canReassign && (
        <div className="coordination-buttons">
          <label>
            {t('actions.reason')} <input value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button
            type="button"
            className="danger"
            disabled={busy || reason.trim().length < 3}
            onClick={() =>
              run(() => requestReassignment({ variables: { ...variables, input: { expectedVersion, reason: reason.trim() } } }))
            }
          >
            {t('actions.requestReassignment')}
          </button>
        </div>
      )}
      {!canReassign && !canSubmit && <p className="muted">{t('panel.noActions')}</p>}
      <ActionError error={error} onReload={retry} />
    </div>
  );
}
