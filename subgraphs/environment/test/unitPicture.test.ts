import { categoryId } from '@ioc-graph/incidents';
import { demoId } from '@ioc-graph/directory';
import {
  EnvironmentIngestDocument,
  EnvironmentPictureDetectionsDocument,
  EnvironmentUnitPictureDocument,
  OpenIncidentDocument,
} from '../../../__generated__/graphql';
import { execute, startHub, type Hub } from '../../../test/support/hub';
import { hourlyAqi } from '../src/aqi/vnAqi';

/** One query through the gateway shows a unit across subgraphs: the directory, incidents, environment and traffic. */
describe('a unit’s picture across sectors', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startHub({}, { now: '2026-11-23T03:10:00Z' });
  });
  afterAll(() => hub.stop());

  it('returns Đồng Xoài with its open incidents, current air quality and today’s traffic violations together', async () => {
    // Three hours of PM2.5 at the Đồng Xoài station (00:50, 01:50, 02:50 UTC), the last one 20 minutes ago.
    const values = [48, 52, 61];
    const readings = values.map((value, i) => ({
      stationCode: 'BP-KK-DX01',
      metric: 'PM2_5' as const,
      value,
      measuredAt: new Date(Date.parse('2026-11-23T00:50:00Z') + i * 3_600_000).toISOString(),
      sourceId: `dx01-pm25-${i}`,
    }));
    const ingested = await execute(
      hub.gatewayUrl,
      EnvironmentIngestDocument,
      { input: { source: 'quan-trac-tu-dong', readings } },
      { token: hub.tokens.SYSTEM },
    );
    expect(ingested.errors).toBeUndefined();
    expect(ingested.data!.ingestReadings).toEqual({ received: 3, stored: 3, duplicates: 0 });
    const opened = await execute(
      hub.gatewayUrl,
      OpenIncidentDocument,
      {
        input: {
          categoryId: categoryId('ENV_AIR_POLLUTION'),
          title: 'Khói bụi từ lò đốt rác',
          description: 'Người dân phản ánh khói bụi',
          unitId: demoId('unit', 'BP-689-TANPHU'),
        },
      },
      { token: hub.tokens.OPERATOR },
    );
    expect(opened.errors).toBeUndefined();

    // Two red-light runs at the Đồng Xoài roundabout this morning (local time), one speeding yesterday evening.
    const detections = [
      ['2026-11-23T01:05:00Z', 'RED_LIGHT'],
      ['2026-11-23T02:40:00Z', 'RED_LIGHT'],
      ['2026-11-22T12:30:00Z', 'SPEEDING'],
    ].map(([detectedAt, kind], i) => ({
      cameraCode: 'BP-CAM-VXDX',
      kind: kind as 'RED_LIGHT',
      plate: `93A-123.4${i}`,
      imageUrl: `https://camera.binhphuoc.gov.vn/vxdx/${i}.jpg`,
      confidence: 0.93,
      detectedAt,
      sourceId: `vxdx-${i}`,
    }));
    const detected = await execute(
      hub.gatewayUrl,
      EnvironmentPictureDetectionsDocument,
      { input: { source: 'camera-ai-bp', detections } },
      { token: hub.tokens.SYSTEM },
    );
    expect(detected.errors).toBeUndefined();

    const picture = await execute(hub.gatewayUrl, EnvironmentUnitPictureDocument, { code: '689' }, { token: hub.tokens.LEADER });
    expect(picture.errors).toBeUndefined();
    const expected = hourlyAqi({ PM2_5: [...values].reverse() })!;
    expect(picture.data!.administrativeUnitByCode).toEqual({
      nameVi: 'Thành phố Đồng Xoài',
      incidentStats: { total: 1, open: 1 },
      traffic: { violationsToday: 2 },
      airQuality: {
        aqi: expected.aqi,
        dominant: 'PM2_5',
        category: { nameVi: expected.category.nameVi, color: expected.category.color },
        station: { code: 'BP-KK-DX01' },
      },
    });
  });
});
