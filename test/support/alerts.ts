import { demoId } from '@ioc-graph/directory';
import { categoryId } from '@ioc-graph/incidents';
import { BurstAlertDocument } from '../../__generated__/graphql';
import { execute, type Hub } from './hub';

/** The input of an alert from the traffic cameras' AI in phường Tân Phú; `sourceRef` must be unique per alert. */
export const cameraAlert = (sourceRef: string, headline: string, category = 'TRF_CONGESTION') => ({
  sourceSystem: 'traffic-camera-ai',
  sourceRef,
  categoryId: categoryId(category),
  headline,
  occurredAt: '2026-11-23T00:40:00Z',
  unitId: demoId('unit', 'BP-689-TANPHU'),
});

/** Reports a camera alert as the SYSTEM role through a gateway (the hub's own unless `url` is given). */
export const reportCameraAlert = (hub: Hub, alert: ReturnType<typeof cameraAlert>, url = hub.gatewayUrl) =>
  execute(url, BurstAlertDocument, { input: alert }, { token: hub.tokens.SYSTEM });
