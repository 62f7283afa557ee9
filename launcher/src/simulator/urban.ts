/**
 * The urban sector's systems as the simulator plays them: the lighting SCADA (every circuit's
 * controller, lit from 18:00 to 06:00 local), the waste trucks' GPS trackers (each truck stops at one
 * point of its route per round, so its points are collected every day) and the urban-order team of
 * phường Tân Phú filing an inspection record from the field now and then. The scripted event: from
 * round {@link LAMP_FAULT_ROUND} the cabinet on Phú Riềng Đỏ street in Đồng Xoài reports 14 failed lamps
 * on its first circuit (the LAMPS_FAILED_5 rule raises an alert at once); they are replaced
 * {@link LAMP_FAULT_ROUNDS} rounds later (the breach ends).
 */
import { demoId } from '@ioc-graph/directory';
import { issueToken, localHourOfDay, Role } from '@ioc-graph/platform';
import type { SimulatorOptions } from './simulator';

/** The round the scripted lamp failure starts (30 s after the start at the default 10 s rounds). */
export const LAMP_FAULT_ROUND = 3;
/** How many rounds the failure lasts before the contractor replaces the lamps. */
export const LAMP_FAULT_ROUNDS = 30;
/** An inspection record every this many rounds (5 minutes at the default interval). */
const INSPECTION_EVERY = 30;

const CIRCUITS: [code: string, lamps: number][] = [
  ['BP-CS-DX-01-L1', 48],
  ['BP-CS-DX-01-L2', 36],
  ['BP-CS-DX-02-L1', 60],
  ['BP-CS-DX-02-L2', 30],
  ['BP-CS-DX-03-L1', 42],
  ['BP-CS-CT-01-L1', 54],
  ['BP-CS-CT-01-L2', 40],
  ['BP-CS-BL-01-L1', 38],
];
/** Each truck's route: the positions of its points (a few metres off, as GPS is). */
const ROUTES: Record<string, [number, number][]> = {
  'BP-XE-RAC-DX-01': [
    [11.53492, 106.88873],
    [11.53908, 106.89478],
    [11.52618, 106.90313],
    [11.50288, 106.87306],
  ],
  'BP-XE-RAC-CT-01': [[11.43177, 106.60384]],
  'BP-XE-RAC-BL-01': [[11.65358, 106.60594]],
};
const INSPECTIONS = [
  ['SIDEWALK_ENCROACHMENT', 'Kinh doanh lấn chiếm vỉa hè, bày hàng hóa ra lòng đường', 'Chợ Đồng Xoài, đường Phú Riềng Đỏ'],
  ['ILLEGAL_DUMPING', 'Đổ xà bần trên đất trống cạnh đường', 'Hẻm 12 đường Hùng Vương'],
  ['ILLEGAL_CONSTRUCTION', 'Cơi nới tầng 3 không có giấy phép xây dựng', '45 đường Trần Hưng Đạo'],
] as const;

export const URBAN_ROUND = `mutation SimulatedUrban($lighting: IngestLightingReportsInput!, $pings: IngestTruckPingsInput!) {
  ingestLightingReports(input: $lighting) { stored }
  ingestTruckPings(input: $pings) { stored }
}`;
const FILE = `mutation SimulatedInspection($input: FileInspectionInput!) { fileInspection(input: $input) { id } }`;

const pseudo = (n: number) => Math.abs(Math.sin(n * 12.9898) * 43758.5453) % 1;

/** Every circuit's report of a round: lit at night, a lamp or two failed here and there, and the scripted failure. */
export function lightingReports(at: Date, round: number) {
  const hour = localHourOfDay(at);
  const lit = hour >= 18 || hour < 6;
  const faulty = round >= LAMP_FAULT_ROUND && round < LAMP_FAULT_ROUND + LAMP_FAULT_ROUNDS;
  return CIRCUITS.map(([circuitCode], c) => ({
    circuitCode,
    state: lit ? 'ON' : 'OFF',
    failedLamps: c === 0 && faulty ? 14 : Math.floor(pseudo(c + 1) * 3),
    reportedAt: at.toISOString(),
    sourceId: `sim-${circuitCode}-${at.getTime()}`,
  }));
}

/** Each truck at the next point of its route. */
export function truckPings(at: Date, round: number) {
  return Object.entries(ROUTES).map(([truckCode, route]) => {
    const [latitude, longitude] = route[round % route.length]!;
    return { truckCode, latitude, longitude, at: at.toISOString(), sourceId: `sim-${truckCode}-${at.getTime()}` };
  });
}

/**
 * One round of the urban systems: lighting and GPS through the gateway as the SYSTEM platforms (`post`),
 * and every {@link INSPECTION_EVERY} rounds an inspection record filed by Tân Phú's team with its own
 * FIELD_OFFICER token (every third one reported to the center).
 */
export async function playUrban(
  options: Pick<SimulatorOptions, 'gatewayUrl' | 'auth'>,
  post: (query: string, variables: Record<string, unknown>) => Promise<void>,
  at: Date,
  round: number,
): Promise<void> {
  await post(URBAN_ROUND, {
    lighting: { source: 'scada-chieu-sang-bp', reports: lightingReports(at, round) },
    pings: { source: 'gps-xe-rac-bp', pings: truckPings(at, round) },
  });
  if (round === 0 || round % INSPECTION_EVERY) return;
  const n = round / INSPECTION_EVERY;
  const [kind, description, address] = INSPECTIONS[n % INSPECTIONS.length]!;
  const token = await issueToken(
    {
      subject: 'ttdt-tanphu-sim',
      roles: [Role.FIELD_OFFICER],
      agencyId: demoId('agency', 'UBND-TANPHU'),
      fieldUnitId: demoId('fieldUnit', 'FU-TTDT-TP-01'),
      scopeUnitId: null,
    },
    { ...options.auth, expiresIn: '5m' },
  );
  const input = {
    kind,
    description,
    address,
    latitude: 11.5372 + 0.002 * pseudo(n),
    longitude: 106.8911 + 0.002 * pseudo(n + 7),
    unitId: demoId('unit', 'BP-689-TANPHU'),
    observedAt: at.toISOString(),
    photos: [`https://ttdt.dongxoai.gov.vn/bien-ban/${at.getTime()}.jpg`],
    reportToCenter: n % 3 === 0,
  };
  const response = await fetch(options.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: FILE, variables: { input } }),
  });
  const body = (await response.json()) as { errors?: { message: string }[] };
  if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
}
