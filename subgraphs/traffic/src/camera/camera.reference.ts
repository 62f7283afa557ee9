import { isUuid } from '@ioc-graph/platform';
import type { TrafficContext } from '../context';
import { cameraByCode, cameraById, segmentById } from './camera.loader';

/** Other subgraphs refer to cameras by id or by code, and to road segments by id, batched. */
export const cameraReference = {
  Camera: {
    async __resolveReference(reference: { id?: string; code?: string }, ctx: TrafficContext) {
      if (reference.id !== undefined) return isUuid(reference.id) ? cameraById(ctx).load(reference.id.toLowerCase()) : null;
      return reference.code ? cameraByCode(ctx).load(reference.code) : null;
    },
  },
  RoadSegment: {
    async __resolveReference(reference: { id: string }, ctx: TrafficContext) {
      return isUuid(reference.id) ? segmentById(ctx).load(reference.id.toLowerCase()) : null;
    },
  },
};
