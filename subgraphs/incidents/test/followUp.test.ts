import { demoId } from '@ioc-graph/directory';
import { categoryId } from '@ioc-graph/incidents';
import { createLogger } from '@ioc-graph/platform';
import { LockMode } from '@mikro-orm/core';
import {
  AcceptIncidentDocument,
  AgencyWorkloadDocument,
  AssignAgencyDocument,
  CloseIncidentDocument,
  FollowUpIncidentDocument,
  IncidentsDocument,
  OpenIncidentDocument,
  SubmitResultDocument,
} from '../../../__generated__/graphql';
import { eventually } from '../../../test/support/eventually';
import { execute, startHub, type Hub } from '../../../test/support/hub';
import { FollowUpScheduler } from '../src/followUp/scheduler';
import { Incident } from '../src/incident/incident';

/**
 * Deadlines, reminders, overdue marks and escalation, through the gateway on a manual clock. Office
 * hours are 07:30–11:30 and 13:00–17:00 local (UTC+7), so 16:00 local is 09:00Z and 08:00 local 01:00Z.
 */
describe('follow-up of deadlines', () => {
  let hub: Hub;
  const sxd = demoId('agency', 'SXD-BP');
  const LIGHT = categoryId('URB_STREET_LIGHT_BROKEN'); // 3 working days = 1440 working minutes
  const ACCIDENT = categoryId('TRF_ACCIDENT'); // IMMEDIATE, 15 calendar minutes

  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(() => hub.stop());
  // Each test starts with no pending timer, so that the counts of fired timers are exact.
  afterEach(async () => {
    hub.clock.set('2030-01-01T00:00:00Z');
    await hub.incidents.scheduler.runDue();
  });

  const gql = () => hub.gatewayUrl;

  /** Opens an incident and assigns it to SXD-BP at `at`. */
  async function assignAt(at: string, category = LIGHT) {
    hub.clock.set(at);
    const opened = await execute(
      gql(),
      OpenIncidentDocument,
      {
        input: {
          categoryId: category,
          title: 'Sự cố cần theo dõi hạn',
          description: 'Đèn đường không sáng trên đường Phú Riềng Đỏ',
          unitId: demoId('unit', 'BP-689-TANPHU'),
        },
      },
      { token: hub.tokens.OPERATOR },
    );
    expect(opened.errors).toBeUndefined();
    const { id, version } = opened.data!.openIncident;
    const assigned = await execute(
      gql(),
      AssignAgencyDocument,
      { id, input: { expectedVersion: version, agencyId: sxd } },
      { token: hub.tokens.OPERATOR },
    );
    expect(assigned.errors).toBeUndefined();
    return assigned.data!.assignAgency;
  }

  async function read(id: string) {
    const response = await execute(gql(), FollowUpIncidentDocument, { id }, { token: hub.tokens.OPERATOR });
    expect(response.errors).toBeUndefined();
    return response.data!.incident!;
  }

  /** Moves the clock to `at` and runs the scheduler once; resolves to how many timers fired. */
  function fireAt(at: string) {
    hub.clock.set(at);
    return hub.incidents.scheduler.runDue();
  }

  const followUpSteps = async (id: string) =>
    (await read(id)).timeline
      .filter((t) => ['reminded', 'overdue', 'escalated'].includes(t.action))
      .map((t) => `${t.action}@${t.at} by ${t.actor}`);

  /** Waits until `count` sessions wait for a row lock in the hub's database. */
  async function lockWaiters(count: number) {
    await eventually(
      async () => {
        const [row] = await hub.incidents.orm.em
          .getConnection()
          .execute<{ n: string }[]>(
            "select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
          );
        return Number(row.n) >= count;
      },
      { interval: 10, what: `${count} sessions waiting for a row lock` },
    );
  }

  async function overdueIds() {
    const response = await execute(gql(), IncidentsDocument, { filter: { overdue: true }, first: 100 }, { token: hub.tokens.OPERATOR });
    expect(response.errors).toBeUndefined();
    return response.data!.incidents.edges.map((e) => e.node.id);
  }

  async function agencyOverdue() {
    const response = await execute(gql(), AgencyWorkloadDocument, { code: 'SXD-BP' }, { token: hub.tokens.OPERATOR });
    expect(response.errors).toBeUndefined();
    return response.data!.agencyByCode!.incidentStats!.overdue;
  }

  it('counts a working-time deadline in office hours of working days, skipping holidays and counting make-up Saturdays', async () => {
    // Friday 27/11/2026 16:00: 60 min to 17:00 on Friday, 480 on Monday 30/11 (540), 480 on Tuesday 1/12
    // (1020); the last 420 on Wednesday 2/12: 240 in the morning, 180 from 13:00 → Wednesday 16:00 local.
    const friday = await assignAt('2026-11-27T09:00:00Z');
    expect(friday.deadline).toBe('2026-12-02T09:00:00.000Z');

    // Friday 28/8/2026 16:00, before Quốc khánh (31/8 swapped, 1–2/9 off): 60 on Friday, then Thursday
    // 3/9 (540) and Friday 4/9 (1020), 420 on Monday 7/9 → 16:00; without the holidays Wednesday 2/9.
    const national = await assignAt('2026-08-28T09:00:00Z');
    expect(national.deadline).toBe('2026-09-07T09:00:00.000Z');

    // Friday 13/2/2026 16:00, before Tết (16–20/2): 60, then Monday 23/2 (540), Tuesday 24/2 (1020),
    // Wednesday 25/2 until 16:00.
    const tet = await assignAt('2026-02-13T09:00:00Z');
    expect(tet.deadline).toBe('2026-02-25T09:00:00.000Z');

    // Friday 21/8/2026 16:00: Saturday 22/8 is worked back for 31/8, so 60 + 480 on Saturday + 480 on
    // Monday 24/8, and 420 on Tuesday 25/8 → 16:00; ignoring the Saturday it would be Wednesday.
    const makeUp = await assignAt('2026-08-21T09:00:00Z');
    expect(makeUp.deadline).toBe('2026-08-25T09:00:00.000Z');

    // Closing them cancels their timers: nothing is left for the other tests, even far in the future.
    for (const incident of [friday, national, tet, makeUp]) {
      const closed = await execute(
        gql(),
        CloseIncidentDocument,
        { id: incident.id, input: { expectedVersion: incident.version, reason: 'Đã kiểm tra hạn xử lý' } },
        { token: hub.tokens.OPERATOR },
      );
      expect(closed.errors).toBeUndefined();
    }
    expect(await fireAt('2027-06-01T00:00:00Z')).toBe(0);
  });

  it('reminds at 75 % of the SLA, marks overdue after the deadline and escalates one working day later, in order', async () => {
    // Assigned Friday 27/11 16:00 local. Reminder after 1080 working minutes: 60 on Friday, 480 Monday,
    // 480 Tuesday, 60 on Wednesday → Wednesday 2/12 08:30 local. Deadline Wednesday 16:00 (see above).
    // Escalation 480 working minutes after it: 60 on Wednesday, 240 + 180 on Thursday → Thursday 16:00.
    const { id } = await assignAt('2026-11-27T09:00:00Z');
    expect(await hub.incidents.scheduler.runDue()).toBe(0);
    expect(await fireAt('2026-12-02T01:29:59.999Z')).toBe(0);
    const overdueBefore = await agencyOverdue();

    expect(await fireAt('2026-12-02T01:30:00.000Z')).toBe(1);
    let incident = await read(id);
    expect(incident).toMatchObject({
      remindedAt: '2026-12-02T01:30:00.000Z',
      overdueAt: null,
      escalatedAt: null,
      overdue: false,
      deadline: '2026-12-02T09:00:00.000Z',
    });
    expect(await followUpSteps(id)).toEqual(['reminded@2026-12-02T01:30:00.000Z by scheduler']);
    expect(await hub.incidents.scheduler.runDue()).toBe(0);

    // Up to the deadline nothing more fires and the incident is not overdue.
    expect(await fireAt('2026-12-02T08:59:59.999Z')).toBe(0);
    expect((await read(id)).overdue).toBe(false);
    expect(await overdueIds()).not.toContain(id);
    expect(await agencyOverdue()).toBe(overdueBefore);

    // Just after the deadline: overdue, listed as such, counted in the agency's figures.
    expect(await fireAt('2026-12-02T09:00:00.001Z')).toBe(1);
    incident = await read(id);
    expect(incident).toMatchObject({ overdue: true, overdueAt: '2026-12-02T09:00:00.001Z', escalatedAt: null });
    expect(await overdueIds()).toContain(id);
    expect(await agencyOverdue()).toBe(overdueBefore + 1);

    // The escalation waits for one more working day.
    expect(await fireAt('2026-12-03T08:59:59.999Z')).toBe(0);
    expect((await read(id)).escalatedAt).toBeNull();
    expect(await fireAt('2026-12-03T09:00:00.000Z')).toBe(1);
    incident = await read(id);
    expect(incident.escalatedAt).toBe('2026-12-03T09:00:00.000Z');
    expect(incident.timeline.map((t) => t.action)).toEqual(['opened', 'assignAgency', 'reminded', 'overdue', 'escalated']);
    expect(await followUpSteps(id)).toEqual([
      'reminded@2026-12-02T01:30:00.000Z by scheduler',
      'overdue@2026-12-02T09:00:00.001Z by scheduler',
      'escalated@2026-12-03T09:00:00.000Z by scheduler',
    ]);
    expect(await fireAt('2027-06-01T00:00:00Z')).toBe(0);
  });

  it('loses no timer and fires none twice when a restarted instance runs alongside the first', async () => {
    // 33 incidents assigned Monday 23/11 08:00 local: reminder Wednesday 25/11 10:00 (450 + 480 + 150
    // working minutes), deadline Thursday 26/11 08:00, escalation Friday 27/11 08:00. One more assigned
    // Monday 30/11 08:00: reminder Wednesday 2/12 10:00, deadline Thursday 3/12 08:00, escalation Friday.
    const ids: string[] = [];
    for (let i = 0; i < 33; i++) ids.push((await assignAt('2026-11-23T01:00:00Z')).id);
    const late = (await assignAt('2026-11-30T01:00:00Z')).id;
    // Back after an outage on Thursday 3/12 09:00 local: 33 × 3 + 2 = 101 timers are due, one more than
    // a batch; the 101st (by due time) is the late incident's overdue mark, whose reminder is the 100th.
    hub.clock.set('2026-12-03T02:00:00Z');
    const restarted = new FollowUpScheduler(hub.incidents.orm, hub.clock, createLogger('incidents', 'silent'));

    // An operator's step holds the late incident for a moment, so that the first instance (with its
    // batch of 100) and the restarted one (with the 101st timer) both reach it while it is busy. Both
    // must complete, each firing only the timers it locked.
    const operatorStep = hub.incidents.orm.em.fork();
    await operatorStep.begin();
    await operatorStep.findOneOrFail(Incident, late, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const first = hub.incidents.scheduler.runDue();
    const second = (async () => {
      await lockWaiters(1);
      return restarted.runDue();
    })();
    await lockWaiters(2).finally(() => operatorStep.commit());
    const outcomes = (await Promise.allSettled([first, second])).map((r) => (r.status === 'fulfilled' ? r.value : String(r.reason)));
    expect(outcomes).toEqual([expect.any(Number), expect.any(Number)]);
    expect(Number(outcomes[0]) + Number(outcomes[1])).toBe(101);

    for (const id of [...ids, late]) {
      const incident = await read(id);
      const steps =
        id === late ? ['assignAgency', 'opened', 'overdue', 'reminded'] : ['assignAgency', 'escalated', 'opened', 'overdue', 'reminded'];
      expect(incident.timeline.map((t) => t.action).sort()).toEqual(steps);
      expect(incident).toMatchObject({ remindedAt: '2026-12-03T02:00:00.000Z', overdueAt: '2026-12-03T02:00:00.000Z', overdue: true });
    }
    expect(await Promise.all([hub.incidents.scheduler.runDue(), restarted.runDue()])).toEqual([0, 0]);
    // Only the late incident's escalation is left.
    expect(await fireAt('2026-12-04T01:00:00.000Z')).toBe(1);
  });

  it('cancels the pending timers when the result comes before the deadline', async () => {
    // Assigned Monday 30/11 08:00 local: reminder after 1080 working minutes = 450 Monday + 480 Tuesday
    // + 150 on Wednesday → Wednesday 2/12 10:00 local; deadline Thursday 3/12 08:00.
    const assigned = await assignAt('2026-11-30T01:00:00Z');
    const accepted = await execute(
      gql(),
      AcceptIncidentDocument,
      { id: assigned.id, input: { expectedVersion: assigned.version } },
      { token: hub.tokens.AGENCY_STAFF },
    );
    expect(accepted.errors).toBeUndefined();
    expect(await fireAt('2026-12-02T03:00:00.000Z')).toBe(1);

    // The result comes on Wednesday afternoon (the reminder changed the version: read it again).
    hub.clock.set('2026-12-02T07:00:00Z');
    const { version } = await read(assigned.id);
    const submitted = await execute(
      gql(),
      SubmitResultDocument,
      { id: assigned.id, input: { expectedVersion: version, result: 'Đã thay bóng đèn và kiểm tra tủ điện.' } },
      { token: hub.tokens.AGENCY_STAFF },
    );
    expect(submitted.errors).toBeUndefined();

    // Past the deadline and the escalation time, nothing fires and nothing is overdue.
    expect(await fireAt('2026-12-10T01:00:00Z')).toBe(0);
    const incident = await read(assigned.id);
    expect(incident).toMatchObject({
      state: 'RESULT_SUBMITTED',
      overdue: false,
      remindedAt: '2026-12-02T03:00:00.000Z',
      overdueAt: null,
      escalatedAt: null,
    });
    expect(await followUpSteps(assigned.id)).toEqual(['reminded@2026-12-02T03:00:00.000Z by scheduler']);
    expect(await overdueIds()).not.toContain(assigned.id);
  });

  it('counts an immediate SLA in calendar minutes, at night and on a Sunday', async () => {
    // Sunday 29/11/2026 23:50 local: deadline 15 minutes later (Monday 00:05 local), reminder after
    // round(15 × 0.75) = 11 minutes, escalation after 22.5 minutes.
    const { id, deadline } = await assignAt('2026-11-29T16:50:00Z', ACCIDENT);
    expect(deadline).toBe('2026-11-29T17:05:00.000Z');

    expect(await fireAt('2026-11-29T17:00:59.999Z')).toBe(0);
    expect(await fireAt('2026-11-29T17:01:00.000Z')).toBe(1);
    expect(await fireAt('2026-11-29T17:04:59.999Z')).toBe(0);
    expect(await fireAt('2026-11-29T17:05:00.001Z')).toBe(1);
    expect(await fireAt('2026-11-29T17:12:29.999Z')).toBe(0);
    expect(await fireAt('2026-11-29T17:12:30.000Z')).toBe(1);
    expect(await followUpSteps(id)).toEqual([
      'reminded@2026-11-29T17:01:00.000Z by scheduler',
      'overdue@2026-11-29T17:05:00.001Z by scheduler',
      'escalated@2026-11-29T17:12:30.000Z by scheduler',
    ]);
    expect((await read(id)).overdue).toBe(true);
  });
});
