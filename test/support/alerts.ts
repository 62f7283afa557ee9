import { demoId } from '@ioc-graph/directory';
import type { GatewayServer } from '@ioc-graph/gateway';
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

/** The cursors of the `alert.received` events of alerts `ids` in a gateway's log after `after`: the order every subscriber must see them in. */
export async function alertCursors(log: GatewayServer['subscriptions']['log'], after: number, ids: Set<string>): Promise<string[]> {
  const cursors: string[] = [];
  for (let position = after; ;) {
    const events = await log.read(position, 500);
    if (!events.length) return cursors;
    for (const event of events) if (event.type === 'alert.received' && ids.has(event.entityKey)) cursors.push(String(event.seq));
    position = events.at(-1)!.seq;
  }
}
