import { startHub, type Hub } from '../../../test/support/hub';

interface Answer {
  received?: number;
  stored?: number;
  duplicates?: number;
  errors?: { message: string; extensions: { code: string; problems?: { field: string }[] } }[];
}

const CAMERAS = ['BP-CAM-VXDX', 'BP-CAM-QL14-TB', 'BP-CAM-QL13-CT'];
const KINDS = ['RED_LIGHT', 'WRONG_LANE', 'SPEEDING', 'ILLEGAL_PARKING'];

/** `POST /ingest/v1/detections` through the gateway, as the camera platform sends it. */
describe('traffic: bulk ingest of detections (POST /ingest/v1/detections)', () => {
  let hub: Hub;
  let seq = 0;

  const send = async (detections: unknown[], token: string | null = hub.tokens.SYSTEM): Promise<{ status: number } & Answer> => {
    const response = await fetch(new URL('/ingest/v1/detections?source=camera-ai-bp', hub.gatewayUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: detections.map((d) => JSON.stringify(d)).join('\n'),
    });
    return { status: response.status, ...((await response.json()) as Answer) };
  };
  const sql = async <T = Record<string, unknown>>(query: string) => (await hub.traffic.orm.em.fork().getConnection().execute(query)) as T[];
  const detections = (n: number, from: string) =>
    Array.from({ length: n }, (_, i) => ({
      cameraCode: CAMERAS[i % CAMERAS.length],
      kind: KINDS[i % KINDS.length],
      plate: i % 3 ? `93A-${String(100 + (i % 900))}.${String(i % 100).padStart(2, '0')}` : null,
      imageUrl: `https://camera.binhphuoc.gov.vn/evidence/${i}.jpg`,
      confidence: 0.9,
      detectedAt: new Date(Date.parse(from) + i * 1_000).toISOString(),
      sourceId: `det-${++seq}`,
    }));

  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub?.stop();
  });

  it('stores detections once when they are sent twice, rolled up per camera, kind and hour, each a sign of life of its camera', async () => {
    const batch = detections(3_000, '2026-11-23T00:00:00Z');
    expect(await send(batch)).toEqual({ status: 200, received: 3_000, stored: 3_000, duplicates: 0 });
    expect(await send(batch)).toEqual({ status: 200, received: 3_000, stored: 0, duplicates: 3_000 });
    const [rollup] = await sql<{ n: number }>(`select sum(count)::int as n from traffic.hourly_detection`);
    expect(rollup!.n).toBe(3_000);
    const seen = await sql<{ code: string; at: Date }>(
      `select code, last_heartbeat_at as at from traffic.camera where code in ('BP-CAM-VXDX', 'BP-CAM-QL14-TB', 'BP-CAM-QL13-CT') order by code`,
    );
    // The last of 3,000 detections one second apart, camera by camera (QL13-CT, QL14-TB, VXDX).
    expect(seen.map((c) => new Date(c.at).toISOString())).toEqual([
      '2026-11-23T00:49:59.000Z',
      '2026-11-23T00:49:58.000Z',
      '2026-11-23T00:49:57.000Z',
    ]);
  });

  it('opens an accident breach from a confident ACCIDENT detection, citing the stored detection', async () => {
    const accident = {
      ...detections(1, '2026-11-23T00:55:00Z')[0],
      cameraCode: 'BP-CAM-DT741-PR',
      kind: 'ACCIDENT',
      plate: null,
      confidence: 0.95,
    };
    expect(await send([accident])).toMatchObject({ status: 200, stored: 1 });
    const breaches = await sql<{ code: string }>(
      `select r.code from traffic.breach b join traffic.rule r on r.id = b.rule_id where b.ended_at is null and r.code = 'ACCIDENT_CONFIDENT'`,
    );
    expect(breaches).toEqual([{ code: 'ACCIDENT_CONFIDENT' }]);
  });

  it('lets SYSTEM and OPERATOR send, not a partner or the public; refuses a bad detection as a whole', async () => {
    const before = (await sql<{ n: number }>(`select count(*)::int as n from traffic.detection`))[0]!.n;
    expect(await send(detections(2, '2026-11-23T00:10:00Z'), hub.tokens.OPERATOR)).toMatchObject({ status: 200, stored: 2 });
    const partner = await send(detections(2, '2026-11-23T00:10:00Z'), hub.tokens.PARTNER);
    expect([partner.status, partner.errors?.[0]?.extensions.code]).toEqual([403, 'FORBIDDEN']);
    const anonymous = await send(detections(2, '2026-11-23T00:10:00Z'), null);
    expect([anonymous.status, anonymous.errors?.[0]?.extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    const [good, bad] = detections(2, '2026-11-23T00:10:00Z');
    const refused = await send([good, { ...bad, plate: '<script>', imageUrl: 'ftp://x', confidence: 1.5 }]);
    expect([refused.status, refused.errors?.[0]?.extensions.code]).toEqual([400, 'BAD_USER_INPUT']);
    expect(refused.errors![0]!.extensions.problems!.map((p) => p.field)).toEqual([
      'detections[1].plate',
      'detections[1].imageUrl',
      'detections[1].confidence',
    ]);
    expect((await sql<{ n: number }>(`select count(*)::int as n from traffic.detection`))[0]!.n).toBe(before + 2);
  });

  it('sends as many SQL statements for 3,000 detections as for 30', async () => {
    const statements = async (batch: unknown[]) => {
      hub.resetStatements();
      expect((await send(batch)).status).toBe(200);
      return hub.trafficStatements.length;
    };
    const small = await statements(detections(30, '2026-11-22T10:00:00Z'));
    expect(await statements(detections(3_000, '2026-11-22T12:00:00Z'))).toBe(small);
  });
});
