import type { BusEvent } from '../bus';
import { breachStepOf, isBreachEventType, isBreachPayload } from './breach';
import { ALERT_EVENT_TYPES, ASSIGNMENT_EVENT_TYPES, INCIDENT_EVENT_TYPES, isEventOf, OPERATION_EVENT_TYPES } from './eventContracts';
import { isIncidentStateName } from './incidents';

const breach = { categoryCode: 'ENV_WATER_LEVEL', headline: 'Mực nước vượt báo động II', startedAt: '2026-10-14T01:00:00.000Z' };

const busEvent = (type: string, payload: Record<string, unknown> = {}): BusEvent => ({
  id: 'e1',
  source: 'incidents',
  type,
  entityType: 'Incident',
  entityKey: 'k1',
  payload,
  actor: 'someone',
  occurredAt: new Date(0),
  audience: { public: false, agencyIds: [], fieldUnitIds: [] },
  seq: 1,
  storedAt: new Date(0),
});

describe('breach contract', () => {
  it('names the step of any sector’s breach event and nothing else', () => {
    expect(breachStepOf('environment.breachOpened')).toBe('breachOpened');
    expect(breachStepOf('air-quality.breachUpdated')).toBe('breachUpdated');
    expect(breachStepOf('traffic.breachClosed')).toBe('breachClosed');
    expect(breachStepOf('alert.breachEnded')).toBeUndefined();
    expect(breachStepOf('breachOpened')).toBeUndefined();
    expect(breachStepOf('traffic.breachOpenedLate')).toBeUndefined();
    expect(isBreachEventType('traffic.breachOpened')).toBe(true);
  });

  it('accepts a payload with only the required keys, and absent options given as null', () => {
    expect(isBreachPayload(breach)).toBe(true);
    expect(isBreachPayload({ ...breach, severity: null, status: null, unitId: null, latitude: null, evidence: null })).toBe(true);
    expect(
      isBreachPayload({
        ...breach,
        severity: 'SEVERE',
        status: 'EXERCISE',
        unitLineage: ['u1'],
        latitude: 11.5,
        evidence: ['https://x/1.jpg'],
      }),
    ).toBe(true);
  });

  it('refuses a payload missing a required key, with a malformed time, or an unknown severity or status', () => {
    expect(isBreachPayload(null)).toBe(false);
    expect(isBreachPayload([breach])).toBe(false);
    expect(isBreachPayload({ ...breach, categoryCode: '' })).toBe(false);
    const { headline: _headline, ...noHeadline } = breach;
    expect(isBreachPayload(noHeadline)).toBe(false);
    expect(isBreachPayload({ ...breach, startedAt: 'yesterday' })).toBe(false);
    expect(isBreachPayload({ ...breach, severity: 'CATASTROPHIC' })).toBe(false);
    expect(isBreachPayload({ ...breach, status: 'TEST' })).toBe(false);
    expect(isBreachPayload({ ...breach, latitude: '11.5' })).toBe(false);
    expect(isBreachPayload({ ...breach, evidence: 'https://x/1.jpg' })).toBe(false);
  });
});

describe('isEventOf', () => {
  it('narrows an event to the family its type belongs to', () => {
    expect(isEventOf(busEvent('incident.published'), INCIDENT_EVENT_TYPES)).toBe(true);
    expect(isEventOf(busEvent('incident.published'), ALERT_EVENT_TYPES)).toBe(false);
    expect(isEventOf(busEvent('alert.breachWorsened'), ALERT_EVENT_TYPES)).toBe(true);
    expect(isEventOf(busEvent('assignment.reportOnScene'), ASSIGNMENT_EVENT_TYPES)).toBe(true);
    expect(isEventOf(busEvent('task.done'), OPERATION_EVENT_TYPES)).toBe(true);
    expect(isEventOf(busEvent('incident.unheardOf'), INCIDENT_EVENT_TYPES)).toBe(false);
  });

  it('lists each family’s types with its prefix', () => {
    expect(ALERT_EVENT_TYPES).toContain('alert.received');
    expect(INCIDENT_EVENT_TYPES).toContain('incident.overdue');
    expect(ASSIGNMENT_EVENT_TYPES).toContain('assignment.dispatched');
    expect([...ALERT_EVENT_TYPES, ...INCIDENT_EVENT_TYPES, ...ASSIGNMENT_EVENT_TYPES].every((type) => /^\w+\.\w+$/.test(type))).toBe(true);
  });
});

describe('isIncidentStateName', () => {
  it('knows the incident states other subgraphs read, and no others', () => {
    expect(isIncidentStateName('RESULT_SUBMITTED')).toBe(true);
    expect(isIncidentStateName('CLOSED')).toBe(true);
    expect(isIncidentStateName('closed')).toBe(false);
    expect(isIncidentStateName(null)).toBe(false);
  });
});
