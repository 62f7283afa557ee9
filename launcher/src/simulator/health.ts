/**
 * The health systems as the simulator plays them: each facility's hospital information system reporting
 * its load (beds fuller in the day, a few emergency patients waiting), and the disease surveillance system
 * reporting a commune's new cases now and then, with one scripted event: a dengue cluster in phường Tân
 * Phú (Đồng Xoài) from round {@link DENGUE_CLUSTER_ROUND}, 40 cases in 4 rounds, far above the commune's
 * epidemic threshold (the mean of the same week over 5 years + 2 SD), so that the rule raises an
 * HLT_DISEASE_OUTBREAK alert (a COMMAND one, which the EPIDEMIC_DENGUE playbook takes up) within a minute.
 */
import { localHourOfDay } from '@ioc-graph/platform';

/** The facilities and their beds (subgraphs/health/seeds/facilities.ts). */
const FACILITIES: [string, number, number][] = [
  ['BP-BV-DKT', 800, 8],
  ['BP-TTYT-DX', 150, 3],
  ['BP-TTYT-PL', 250, 3],
  ['BP-TTYT-BL', 250, 3],
  ['BP-TTYT-LN', 200, 3],
  ['BP-TTYT-BDOP', 120, 2],
  ['BP-TTYT-HQ', 120, 2],
  ['BP-TTYT-DP', 150, 2],
  ['BP-TTYT-BDANG', 200, 3],
  ['BP-TTYT-CT', 150, 2],
  ['BP-TTYT-PR', 100, 2],
  ['BP-TTYT-BGM', 100, 2],
];
const COMMUNES = [
  'BP-689-TANPHU',
  'BP-689-TANDONG',
  'BP-689-TANBINH',
  'BP-688-LONGPHUOC',
  'BP-690-ANLOC',
  'BP-692-LOCNINH',
  'BP-697-MINHHUNG',
];
const DISEASES = ['DENGUE', 'HAND_FOOT_MOUTH'];
/** The round the dengue cluster starts in (30 s after start at the default 10 s interval). */
export const DENGUE_CLUSTER_ROUND = 3;
const CLUSTER_ROUNDS = 4;

const pseudo = (n: number) => Math.abs(Math.sin(n * 12.9898) * 43758.5453) % 1;

export const HEALTH_INGEST = `mutation SimulatedHealth($loads: IngestFacilityLoadsInput!, $cases: IngestCaseReportsInput!) {
  ingestFacilityLoads(input: $loads) { stored }
  ingestCaseReports(input: $cases) { stored }
}`;

/** One round of the health systems' reports: every facility's load, one commune's counts, the cluster's. */
export function healthRound(at: Date, round: number) {
  const hour = localHourOfDay(at);
  const daytime = 0.78 + 0.1 * Math.exp(-((hour - 10) ** 2) / 8);
  const loads = FACILITIES.map(([facilityCode, beds, ambulances], f) => ({
    facilityCode,
    bedsOccupied: Math.round(beds * (daytime + 0.06 * (pseudo(round * 13 + f) - 0.5))),
    emergencyWaiting: Math.floor(pseudo(round * 7 + f * 3) * (beds > 300 ? 12 : 5)),
    ambulancesAvailable: Math.floor(pseudo(round * 5 + f) * (ambulances + 1)),
    reportedAt: at.toISOString(),
    sourceId: `sim-${facilityCode}-${at.getTime()}`,
  }));
  // A commune in turn reports its new cases: rarely any, about two a week each.
  const commune = COMMUNES[round % COMMUNES.length]!;
  const reports = DISEASES.map((disease, d) => ({
    disease,
    unitCode: commune,
    cases: pseudo(round * 3 + d) < 0.001 ? 1 : 0,
    deaths: 0,
    reportedAt: at.toISOString(),
    sourceId: `sim-${disease}-${commune}-${at.getTime()}`,
  })).filter((r) => r.cases > 0);
  if (round >= DENGUE_CLUSTER_ROUND && round < DENGUE_CLUSTER_ROUND + CLUSTER_ROUNDS)
    reports.push({
      disease: 'DENGUE',
      unitCode: 'BP-689-TANPHU',
      cases: 10,
      deaths: 0,
      reportedAt: at.toISOString(),
      sourceId: `sim-dengue-cluster-tanphu-${at.getTime()}`,
    });
  return {
    loads: { source: 'his-benh-vien-binh-phuoc', loads },
    cases: { source: 'giam-sat-benh-truyen-nhiem', reports },
  };
}
