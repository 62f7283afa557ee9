import { loaderByUnique } from '@ioc-graph/platform';
import type { TrafficContext } from '../context';
import { CameraStatus } from '../vocabulary';
import { Camera, RoadSegment } from './camera';
import { OFFLINE_MINUTES_SQL } from './cameraStatus';

export const cameraById = (ctx: TrafficContext) => loaderByUnique(ctx, Camera, 'id');
export const cameraByCode = (ctx: TrafficContext) => loaderByUnique(ctx, Camera, 'code');
export const segmentById = (ctx: TrafficContext) => loaderByUnique(ctx, RoadSegment, 'id');

/** The offline minutes (the CAMERA_OFFLINE rule's), read once per request. */
const offlineMinutes = (ctx: TrafficContext) =>
  ctx.loaders.get<string, number>('camera:offlineMinutes', async (keys) => {
    const [row] = await ctx.em.getConnection().execute<{ minutes: number }[]>(`select ${OFFLINE_MINUTES_SQL} as minutes`);
    return keys.map(() => Number(row!.minutes));
  });

/**
 * A camera's status as of now (the query-time check): ONLINE when heard from within the offline
 * minutes, whatever the stored status (refreshed only by ingests) says.
 */
export async function statusOf(ctx: TrafficContext, camera: Pick<Camera, 'lastHeartbeatAt'>): Promise<CameraStatus> {
  const minutes = await offlineMinutes(ctx).load('rule');
  const last = camera.lastHeartbeatAt ? new Date(camera.lastHeartbeatAt).getTime() : null;
  return last !== null && last > ctx.clock.now().getTime() - minutes * 60_000 ? CameraStatus.ONLINE : CameraStatus.OFFLINE;
}
