/**
 * The police system (113 line and patrols of Công an tỉnh Bình Phước) as the simulator plays it: on its
 * first round the last 28 days of reports at each district's usual daily volume (so that hotspots have
 * their usual levels and the wall its monthly counts), then live reports at the same rates, and one
 * scripted event: a burst of thefts around the Đồng Xoài market in Phường Tân Phú at round
 * {@link THEFT_BURST_ROUND}, which the THEFT_SURGE_24H rule turns into a SEC_THEFT alert.
 */
import { localDate, localHourOfDay, startOfLocalDay } from '@ioc-graph/platform';

/** The mutation the simulator sends each round's reports with. */
export const SECURITY_REPORTS = `mutation SimulatedSecurityReports($input: IngestSecurityReportsInput!) { ingestSecurityReports(input: $input) { stored } }`;
/** The round of the theft burst: one minute after start at the default 10 s interval. */
export const THEFT_BURST_ROUND = 6;
const DAY_MS = 86_400_000;
const ROUNDS_PER_DAY = 8_640; // at the default 10 s interval

/** Reports a day per district-level unit (113 calls and patrol findings), and the communes they fall in. */
const DISTRICTS: { daily: number; communes: [code: string, name: string][] }[] = [
  {
    daily: 9,
    communes: [
      ['BP-689-TANPHU', 'Phường Tân Phú'],
      ['BP-689-TANDONG', 'Phường Tân Đồng'],
      ['BP-689-TANBINH', 'Phường Tân Bình'],
      ['BP-689-TANXUAN', 'Phường Tân Xuân'],
      ['BP-689-TANTHIEN', 'Phường Tân Thiện'],
      ['BP-689-TIENTHANH', 'Phường Tiến Thành'],
      ['BP-689-TIENHUNG', 'Xã Tiến Hưng'],
      ['BP-689-TANTHANH', 'Xã Tân Thành'],
    ],
  },
  {
    daily: 4,
    communes: [
      ['BP-688-THACMO', 'Phường Thác Mơ'],
      ['BP-688-LONGTHUY', 'Phường Long Thủy'],
      ['BP-688-PHUOCBINH', 'Phường Phước Bình'],
      ['BP-688-LONGPHUOC', 'Phường Long Phước'],
      ['BP-688-SONGIANG', 'Phường Sơn Giang'],
    ],
  },
  {
    daily: 4,
    communes: [
      ['BP-690-ANLOC', 'Phường An Lộc'],
      ['BP-690-HUNGCHIEN', 'Phường Hưng Chiến'],
      ['BP-690-PHUTHINH', 'Phường Phú Thịnh'],
      ['BP-690-PHUDUC', 'Phường Phú Đức'],
    ],
  },
  {
    daily: 4,
    communes: [
      ['BP-692-LOCNINH', 'Thị trấn Lộc Ninh'],
      ['BP-692-LOCTHAI', 'Xã Lộc Thái'],
      ['BP-692-LOCHUNG', 'Xã Lộc Hưng'],
    ],
  },
  { daily: 2, communes: [['BP-693-THANHBINH', 'Thị trấn Thanh Bình']] },
  { daily: 3, communes: [['BP-694-TANKHAI', 'Thị trấn Tân Khai']] },
  { daily: 3, communes: [['BP-695-TANPHU', 'Thị trấn Tân Phú']] },
  { daily: 4, communes: [['BP-696-DUCPHONG', 'Thị trấn Đức Phong']] },
  {
    daily: 5,
    communes: [
      ['BP-697-MINHHUNG', 'Phường Minh Hưng'],
      ['BP-697-HUNGLONG', 'Phường Hưng Long'],
    ],
  },
  { daily: 3, communes: [['BP-698-PHURIENG', 'Xã Phú Riềng']] },
];
/** The share of each category among reports. */
const MIX: [category: string, share: number][] = [
  ['THEFT', 0.34],
  ['ROBBERY', 0.06],
  ['AFFRAY', 0.16],
  ['PUBLIC_DISORDER', 0.14],
  ['GAMBLING', 0.08],
  ['DRUGS', 0.1],
  ['TRAFFIC_DISORDER', 0.12],
];
const PLACES = ['Chợ', 'Khu phố 2,', 'Ấp 3,', 'Quán cà phê gần UBND', 'Bến xe', 'Trường THCS', 'Khu nhà trọ công nhân'];
const STATUSES = ['RECEIVED', 'VERIFYING', 'HANDLING', 'RESOLVED', 'RESOLVED', 'RESOLVED', 'TRANSFERRED', 'UNFOUNDED'];

const pseudo = (n: number) => Math.abs(Math.sin(n * 12.9898 + 78.233) * 43758.5453) % 1;
const pick = <T>(list: readonly T[], u: number) => list[Math.floor(u * list.length) % list.length]!;
function categoryOf(u: number): string {
  let acc = 0;
  for (const [category, share] of MIX) if ((acc += share) > u) return category;
  return MIX[0]![0];
}
/** More in the evening: 0.4 at dawn to 1.6 around 21:00 local. */
const evening = (hour: number) => 0.4 + 1.2 * Math.exp(-((hour - 21) ** 2) / 12);

function reportAt(at: Date, commune: [string, string], seed: number, sourceId: string, category = categoryOf(pseudo(seed + 3))) {
  const [communeCode, name] = commune;
  const area = name.replace(/^(Phường|Xã|Thị trấn) /, '');
  return {
    communeCode,
    category,
    channel: pseudo(seed + 5) < 0.7 ? 'HOTLINE_113' : 'PATROL',
    place: `${pick(PLACES, pseudo(seed + 7))} ${area}`,
    policeUnit: `Công an ${name.charAt(0).toLowerCase()}${name.slice(1)}`,
    status: at.getTime() > Date.now() - 3_600_000 ? 'RECEIVED' : pick(STATUSES, pseudo(seed + 11)),
    reportedAt: at.toISOString(),
    caseRef: `CA-BP/${localDate(at).replaceAll('-', '')}-${sourceId.slice(-8)}`,
    sourceId,
  };
}

/** The 28 local days before today, each district at its daily volume (±40 %), at times weighted to the evening. */
function history(now: Date) {
  const today = startOfLocalDay(now).getTime();
  return Array.from({ length: 28 }, (_, d) => today - (28 - d) * DAY_MS).flatMap((day, d) =>
    DISTRICTS.flatMap((district, k) => {
      const count = Math.round(district.daily * (0.6 + 0.8 * pseudo(day / DAY_MS + k)));
      return Array.from({ length: count }, (_, n) => {
        const seed = day / DAY_MS + k * 101 + n * 7;
        let hour = Math.floor(pseudo(seed) * 24);
        if (pseudo(seed + 1) > evening(hour) / 1.6) hour = 18 + Math.floor(pseudo(seed + 2) * 5);
        const at = new Date(day + hour * 3_600_000 + Math.floor(pseudo(seed + 4) * 3_600_000));
        return reportAt(at, pick(district.communes, pseudo(seed + 9)), seed, `sim-${localDate(at)}-${d}-${k}-${n}`);
      });
    }),
  );
}

/** The reports of one round: the history first, then live ones at the districts' rates, and the theft burst. */
export function securityReports(at: Date, round: number) {
  if (round === 0) return history(at);
  const load = evening(localHourOfDay(at));
  const live = DISTRICTS.flatMap((district, k) =>
    pseudo(round * 13 + k) < (district.daily * load) / ROUNDS_PER_DAY
      ? [reportAt(at, pick(district.communes, pseudo(round + k)), round * 31 + k, `sim-live-${at.getTime()}-${k}`)]
      : [],
  );
  if (round !== THEFT_BURST_ROUND) return live;
  // Seven thefts and snatchings around the Đồng Xoài market within the hour: far above Tân Phú's usual level.
  const burst = Array.from({ length: 7 }, (_, i) => ({
    ...reportAt(
      new Date(at.getTime() - (60 - i * 8) * 60_000),
      ['BP-689-TANPHU', 'Phường Tân Phú'],
      i,
      `sim-burst-${at.getTime()}-${i}`,
      i % 3 ? 'THEFT' : 'ROBBERY',
    ),
    place: 'Chợ Đồng Xoài, đường Phú Riềng Đỏ',
    status: 'RECEIVED',
  }));
  return [...live, ...burst];
}
