import { BatchProblems, checkEventTime, checkSource, checkSourceId, eventTimeText } from '@ioc-graph/platform';
import type { EntityManager } from '@mikro-orm/postgresql';

/** One load report as a sending system gave it (typed by GraphQL, or a line of a bulk body), checked here. */
export interface LoadCandidate {
  facilityCode?: unknown;
  bedsOccupied?: unknown;
  emergencyWaiting?: unknown;
  ambulancesAvailable?: unknown;
  reportedAt?: unknown;
  sourceId?: unknown;
}

/** A load report that passed every check, ready to store. */
export interface ValidLoad {
  sourceId: string;
  facilityId: string;
  beds: number;
  bedsOccupied: number;
  emergencyWaiting: number;
  ambulancesAvailable: number;
  /** ms since the epoch */
  reportedAt: number;
  reportedAtText: string;
}

const isCount = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;

/**
 * Checks a batch of load reports as a whole: the source, then each report (a known, active facility,
 * whole counts within its capacity: beds occupied at most three times its beds, as corridors fill in an
 * epidemic; emergency queue at most 1,000; ambulances at most those it runs), a real time not in the
 * future, a source id. The batch's facilities are read and locked (in id order) in the caller's
 * transaction, in one statement. Throws BAD_USER_INPUT naming `loads[i].field` of each problem.
 */
export async function validateLoads(
  em: EntityManager,
  now: number,
  source: unknown,
  loads: readonly LoadCandidate[],
): Promise<{ source: string; rows: ValidLoad[] }> {
  const problems = new BatchProblems();
  const checkedSource = checkSource(problems, source);
  const codes = [...new Set(loads.map((l) => l.facilityCode).filter((c): c is string => typeof c === 'string'))];
  const facilities = codes.length
    ? await em.execute<{ id: string; code: string; active: boolean; beds: number; ambulances: number }[]>(
        'select id, code, active, beds, ambulances from health.facility where code in (?) order by id for update',
        [codes],
      )
    : [];
  const byCode = new Map(facilities.map((f) => [f.code, f]));
  const rows: ValidLoad[] = [];
  for (let i = 0; i < loads.length; i++) {
    const l = loads[i]!;
    const before = problems.count;
    const field = (name: string) => `loads[${i}].${name}`;
    const facility = typeof l.facilityCode === 'string' ? byCode.get(l.facilityCode) : undefined;
    if (!facility) problems.add(field('facilityCode'), `no facility ${String(l.facilityCode).slice(0, 100)}`);
    else if (!facility.active) problems.add(field('facilityCode'), `facility ${facility.code} is closed`);
    const maxBeds = facility ? facility.beds * 3 : 100_000;
    if (!isCount(l.bedsOccupied, maxBeds)) problems.add(field('bedsOccupied'), `must be a whole number from 0 to ${maxBeds}`);
    if (!isCount(l.emergencyWaiting, 1_000)) problems.add(field('emergencyWaiting'), 'must be a whole number from 0 to 1000');
    const maxAmbulances = facility ? facility.ambulances : 1_000;
    if (!isCount(l.ambulancesAvailable, maxAmbulances))
      problems.add(field('ambulancesAvailable'), `must be a whole number from 0 to ${maxAmbulances}`);
    const reportedAt = checkEventTime(problems, field('reportedAt'), l.reportedAt, now);
    const sourceId = checkSourceId(problems, field('sourceId'), l.sourceId);
    if (problems.count === before)
      rows.push({
        sourceId,
        facilityId: facility!.id,
        beds: facility!.beds,
        bedsOccupied: l.bedsOccupied as number,
        emergencyWaiting: l.emergencyWaiting as number,
        ambulancesAvailable: l.ambulancesAvailable as number,
        reportedAt,
        reportedAtText: eventTimeText(l.reportedAt, reportedAt),
      });
  }
  problems.throwIfAny();
  return { source: checkedSource, rows };
}
