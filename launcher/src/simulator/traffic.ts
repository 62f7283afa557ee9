/**
 * The camera platform as the simulator plays it: every camera's heartbeat, violations seen by its AI
 * (more of them in the rush hours), and congestion on the main roads peaking at 07–08 and 17–18 local.
 */
import { localHourOfDay } from '@ioc-graph/platform';

const CAMERAS = [
  'BP-CAM-VXDX',
  'BP-CAM-QL14-TB',
  'BP-CAM-QL14-TT',
  'BP-CAM-QL14-TX',
  'BP-CAM-DT741-TT',
  'BP-CAM-QL13-CT',
  'BP-CAM-QL13-MH',
  'BP-CAM-QL13-BL',
  'BP-CAM-DT741-PR',
  'BP-CAM-DT741-PL',
  'BP-CAM-PL-PB',
];
const SEGMENTS = ['BP-SEG-QL14-DX', 'BP-SEG-QL14-TT', 'BP-SEG-DT741-DX', 'BP-SEG-QL13-CT', 'BP-SEG-QL13-BL', 'BP-SEG-DT741-PR'];
const KINDS = ['RED_LIGHT', 'WRONG_LANE', 'SPEEDING', 'ILLEGAL_PARKING'];

const pseudo = (n: number) => Math.abs(Math.sin(n * 78.233) * 43758.5453) % 1;
/** 0.2 at night to 1 in the rush hours. */
const traffic = (hour: number) => Math.min(1, 0.2 + Math.exp(-((hour - 7.5) ** 2) / 1.5) + 0.9 * Math.exp(-((hour - 17.5) ** 2) / 1.5));

export function heartbeats(at: Date) {
  return CAMERAS.map((cameraCode) => ({ cameraCode, at: at.toISOString() }));
}

/** Violations of one round: on average one per camera in the rush hours, fewer at night. */
export function detections(at: Date, round: number) {
  const load = traffic(localHourOfDay(at));
  return CAMERAS.flatMap((cameraCode, c) => {
    if (pseudo(round * 31 + c) > load) return [];
    const kind = KINDS[Math.floor(pseudo(round * 17 + c * 3) * KINDS.length)];
    const plate = `93${'ABCDEFGHK'[c % 9]}-${String(100 + Math.floor(pseudo(round + c) * 899)).padStart(3, '0')}.${String(Math.floor(pseudo(round * 7 + c) * 99)).padStart(2, '0')}`;
    return [
      {
        cameraCode,
        kind,
        plate,
        imageUrl: `https://camera.binhphuoc.gov.vn/${cameraCode}/${at.getTime()}.jpg`,
        confidence: 0.85 + 0.14 * pseudo(round + c * 5),
        detectedAt: at.toISOString(),
        sourceId: `sim-${cameraCode}-${at.getTime()}`,
      },
    ];
  });
}

/** Congestion levels 0–5 of the main roads; QL14 through Đồng Xoài jams in the evening rush. */
export function congestion(at: Date) {
  const load = traffic(localHourOfDay(at));
  return SEGMENTS.map((segmentCode, s) => ({
    segmentCode,
    level: Math.min(5, Math.round(load * (s === 0 ? 5 : 3.5))),
    measuredAt: at.toISOString(),
    sourceId: `sim-${segmentCode}-${at.getTime()}`,
  }));
}
