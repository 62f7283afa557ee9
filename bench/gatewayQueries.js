// What bench:gateway sends: the data it writes first through the gateway (so that the answers carry real
// figures: air quality, incidents, violations), and the queries it measures, each with the caller who
// sends it. A caller is a role of the demo directory (`demo-operator`, …), one made up for the bench (the
// staff of another agency, the crew of another unit), or the public (no token).
const { demoId, demoIdentities } = require('../subgraphs/directory/dist/src/server');
const { categoryId } = require('../subgraphs/incidents/dist/src/server');

/** A demo person by role, as a token claims it. */
function demo(role) {
  const { subject, roles, agencyId, fieldUnitId, scopeUnitId } = demoIdentities().find((p) => p.roles.includes(role));
  return { subject, roles, agencyId, fieldUnitId, scopeUnitId };
}

const staffOf = (agency) => ({
  subject: `bench-staff-${agency}`,
  roles: ['AGENCY_STAFF'],
  agencyId: demoId('agency', agency),
  fieldUnitId: null,
  scopeUnitId: null,
});
const crewOf = (agency, unit) => ({
  subject: `bench-crew-${unit}`,
  roles: ['FIELD_OFFICER'],
  agencyId: demoId('agency', agency),
  fieldUnitId: demoId('fieldUnit', unit),
  scopeUnitId: null,
});

/** The callers of the queries, by name; `public` sends no token. */
const CALLERS = {
  public: null,
  operator: demo('OPERATOR'),
  leader: demo('LEADER'),
  system: demo('SYSTEM'),
  partner: demo('PARTNER'),
  field: demo('FIELD_OFFICER'),
  construction: demo('AGENCY_STAFF'),
  fireStaff: staffOf('PCCC-BP'),
  dongXoaiStaff: staffOf('UBND-DX'),
  fireCrew: crewOf('PCCC-BP', 'FU-PCCC-02'),
};

/** The wall's picture of a unit: its name (directory), incidents, traffic and air quality (four subgraphs). */
const UNIT_PICTURE = `query UnitPicture($code: String!) {
  administrativeUnitByCode(code: $code) {
    nameVi
    incidentStats { total open }
    traffic { violationsToday }
    airQuality { aqi dominant category { nameVi color } station { code } }
  }
}`;
/** The fire trucks of the directory: one subgraph, six rows. */
const FIRE_TRUCKS = `query FireTrucks {
  fieldUnits(first: 20, filter: { kind: FIRE_TRUCK }) { totalCount edges { node { id code callSign nameVi capacity agency { code } } } }
}`;
/** The portal's air quality map: every air station, its current VN_AQI and its ward. */
const AIR_MAP = `query AirMap {
  stations(kind: AIR) { code nameVi latitude longitude airQuality { aqi dominant category { level nameVi color } } administrativeUnit { nameVi } }
}`;
const FLOOD_WATCH = `query FloodWatch { floodWatch { station { code nameVi administrativeUnit { nameVi } } waterLevel measuredAt alarm } }`;
const PROVINCE_UNITS = `query ProvinceUnits { administrativeUnitByCode(code: "70") { code nameVi children { code nameVi level agencies { code nameVi kind } } } }`;
const INCIDENTS = `query Incidents { incidents(first: 20) { totalCount edges { node { code title state severity category { nameVi } unit { nameVi } } } } }`;
const ALERTS = `query Alerts { alerts(first: 20) { edges { node { headline severity state category { code } unit { nameVi } } } } }`;
const CAMERAS = `query Cameras { cameras { code nameVi roadName status administrativeUnit { nameVi } } }`;
const AGENCY_WORK = `query AgencyWork($code: String!) { agencyByCode(code: $code) { code nameVi openTasks { titleVi state } unacknowledgedDirectives { text } fieldUnits { code nameVi status } } }`;
const UNIT_TRACK = `query UnitStatus($code: String!) { fieldUnitByCode(code: $code) { code nameVi status position { latitude longitude } } }`;
const ME = `query Me { me { fullName roles agency { code nameVi } fieldUnit { code } } }`;
const MY_ASSIGNMENT = `query MyAssignment { myAssignment { incidentCode state } }`;
const CATEGORIES = `query Categories { categories(citizenReportable: true) { code nameVi sector slaMinutes } }`;
const CATEGORY_NEEDS = `query CategoryNeeds { categoryNeeds { categoryCode unitKinds } }`;
const PLAYBOOK = `query Playbook { playbookByCode(code: "FLOOD_SONG_BE") { nameVi phases { code nameVi } taskTemplates { code titleVi agencyCode } } }`;
const INCIDENT_COUNTS = `query IncidentCounts { incidentCounts(by: UNIT) { key count unit { code nameVi } } }`;
const ROAD_SEGMENTS = `query RoadSegments { roadSegments { code nameVi roadName administrativeUnit { nameVi } } }`;

/** The measured queries; `mix` is 20 distinct operations of several callers, sent in turn. */
const QUERIES = {
  'unit picture (4 subgraphs)': [{ caller: 'operator', query: UNIT_PICTURE, variables: { code: '689' } }],
  'fire trucks (directory only)': [{ caller: 'operator', query: FIRE_TRUCKS }],
  'air quality map (public)': [{ caller: 'public', query: AIR_MAP }],
  'mix of 20 (several callers)': [
    { caller: 'operator', query: UNIT_PICTURE, variables: { code: '689' } },
    { caller: 'leader', query: UNIT_PICTURE, variables: { code: '688' } },
    { caller: 'operator', query: FIRE_TRUCKS },
    { caller: 'public', query: AIR_MAP },
    { caller: 'public', query: FLOOD_WATCH },
    { caller: 'public', query: PROVINCE_UNITS },
    { caller: 'operator', query: INCIDENTS },
    { caller: 'dongXoaiStaff', query: INCIDENTS },
    { caller: 'operator', query: ALERTS },
    { caller: 'partner', query: CAMERAS },
    { caller: 'construction', query: AGENCY_WORK, variables: { code: 'SXD-BP' } },
    { caller: 'fireStaff', query: AGENCY_WORK, variables: { code: 'PCCC-BP' } },
    { caller: 'leader', query: UNIT_TRACK, variables: { code: 'FU-PCCC-01' } },
    { caller: 'field', query: ME },
    { caller: 'fireCrew', query: MY_ASSIGNMENT },
    { caller: 'system', query: CATEGORIES },
    { caller: 'operator', query: CATEGORY_NEEDS },
    { caller: 'leader', query: PLAYBOOK },
    { caller: 'leader', query: INCIDENT_COUNTS },
    { caller: 'public', query: ROAD_SEGMENTS },
  ],
};

const REPORT = `mutation Report($input: ReportAlertInput!) { reportAlert(input: $input) { id } }`;
const OPEN = `mutation Open($input: OpenIncidentInput!) { openIncident(input: $input) { id version } }`;
const ASSIGN = `mutation Assign($id: ID!, $input: AssignAgencyInput!) { assignAgency(id: $id, input: $input) { id } }`;
const READINGS = `mutation Readings($input: IngestReadingsInput!) { ingestReadings(input: $input) { stored } }`;
const DETECTIONS = `mutation Detections($input: IngestDetectionsInput!) { ingestDetections(input: $input) { received } }`;

/**
 * Writes what the queries read, through the gateway: three hours of PM2.5 and PM10 at the air stations
 * and of water levels at the gauges, red-light runs at two cameras in the last hour, incidents in the
 * wards of Đồng Xoài (two of them assigned to an agency) and Phước Long, and alerts from a sector system. `run(caller, query, variables)`
 * sends one operation and throws on errors.
 */
async function writeData(run, now = Date.now()) {
  const hours = [3, 2, 1].map((h) => new Date(now - h * 3_600_000 + 10 * 60_000).toISOString());
  const readings = [];
  for (const [i, station] of ['BP-KK-DX01', 'BP-KK-DX02', 'BP-KK-CT01', 'BP-KK-CT02', 'BP-KK-PL01'].entries()) {
    for (const [h, measuredAt] of hours.entries()) {
      readings.push({ stationCode: station, metric: 'PM2_5', value: 30 + 9 * i + 4 * h, measuredAt, sourceId: `${station}-pm25-${h}` });
      readings.push({ stationCode: station, metric: 'PM10', value: 50 + 11 * i + 5 * h, measuredAt, sourceId: `${station}-pm10-${h}` });
    }
  }
  for (const [i, station] of ['BP-TV-THACMO', 'BP-TV-PL', 'BP-TV-DP'].entries()) {
    for (const [h, measuredAt] of hours.entries()) {
      readings.push({ stationCode: station, metric: 'WATER_LEVEL', value: 210 + 7 * i + h, measuredAt, sourceId: `${station}-level-${h}` });
    }
  }
  await run('system', READINGS, { input: { source: 'bench-gateway', readings } });
  const detections = ['BP-CAM-VXDX', 'BP-CAM-QL14-TT'].flatMap((cameraCode, c) =>
    [1, 2, 3].map((i) => ({
      cameraCode,
      kind: 'RED_LIGHT',
      plate: `93A-100.${c}${i}`,
      imageUrl: `https://camera.example.vn/${cameraCode}/${i}.jpg`,
      confidence: 0.9,
      detectedAt: new Date(now - i * 5 * 60_000).toISOString(),
      sourceId: `${cameraCode}-${i}`,
    })),
  );
  await run('system', DETECTIONS, { input: { source: 'bench-gateway', detections } });
  const incidents = [
    ['URB_ILLEGAL_CONSTRUCTION', 'BP-689-TANPHU', 'Xây dựng không phép tại 45 Lê Duẩn', 'SXD-BP'],
    ['URB_FALLEN_TREE', 'BP-689-TANBINH', 'Cây đổ chắn đường Phú Riềng Đỏ', 'UBND-DX'],
    ['TRF_ROAD_DAMAGE', 'BP-689-TIENTHANH', 'Ổ gà lớn trên Quốc lộ 14'],
    ['URB_FLOODING', 'BP-688-THACMO', 'Ngập cục bộ khu phố 3'],
  ];
  for (const [category, unit, title, agency] of incidents) {
    const input = { categoryId: categoryId(category), unitId: demoId('unit', unit), title, description: `${title} (bench)` };
    const { id, version } = (await run('operator', OPEN, { input })).openIncident;
    if (agency) await run('operator', ASSIGN, { id, input: { expectedVersion: version, agencyId: demoId('agency', agency) } });
  }
  for (const [i, headline] of ['Cháy cỏ ven Quốc lộ 14', 'Tai nạn giao thông tại vòng xoay Đồng Xoài'].entries()) {
    await run('system', REPORT, {
      input: {
        sourceSystem: 'bench-gateway',
        sourceRef: `bench-${i}`,
        categoryId: categoryId(i ? 'TRF_ACCIDENT' : 'EMG_FOREST_FIRE'),
        headline,
        unitId: demoId('unit', 'BP-689-TIENTHANH'),
        occurredAt: new Date(now - (i + 1) * 10 * 60_000).toISOString(),
      },
    });
  }
}

module.exports = { CALLERS, QUERIES, writeData };
