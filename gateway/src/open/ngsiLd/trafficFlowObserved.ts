import { attributes, dateTime, entityId, placeAttributes, property, type NgsiEntityType, type SensorPlace } from './entity';

interface CameraRow extends SensorPlace {
  code: string;
  roadName: string;
  lastHeartbeatAt: string | null;
  status: 'ONLINE' | 'OFFLINE';
}

interface CamerasData {
  cameras: CameraRow[];
  detections: { edges: { node: { detectedAt: string; camera: { code: string } } }[] };
}

/** How long a congestion report keeps a camera `congested`, counted back from its latest sign of life. */
export const CONGESTION_WINDOW_MINUTES = 60;

/**
 * Smart Data Models `TrafficFlowObserved` (dataModel.Transportation), one per traffic camera: where it
 * watches (`location`, `address.streetAddress` the road) and `congested`: true while the camera is ONLINE and
 * its analytics reported congestion within the hour before its latest sign of life (heartbeat or detection).
 * Counting from the camera's own life, not the gateway's clock, keeps the answer the subgraph's (and its
 * response cache's) to make. The newest 100 congestion reports of the province are read. The cameras count
 * no vehicles and measure no speed, so `intensity`, `averageVehicleSpeed`, `occupancy` and `laneId` are
 * absent; road segments have no place in the hub, so they are not entities here.
 */
export const trafficFlowObserved: NgsiEntityType = {
  name: 'TrafficFlowObserved',
  uri: 'https://smartdatamodels.org/dataModel.Transportation/TrafficFlowObserved',
  operation: 'NgsiTrafficCameras',
  entities(data) {
    const { cameras, detections } = data as CamerasData;
    const congestedAt = new Map<string, number>();
    for (const { node } of detections.edges) {
      const at = Date.parse(node.detectedAt);
      if (!(at <= (congestedAt.get(node.camera.code) ?? -Infinity))) congestedAt.set(node.camera.code, at);
    }
    return cameras.map((camera) => {
      const lastHeard = camera.lastHeartbeatAt ? Date.parse(camera.lastHeartbeatAt) : null;
      const congestion = congestedAt.get(camera.code);
      const congested =
        camera.status === 'ONLINE' &&
        lastHeard !== null &&
        congestion !== undefined &&
        lastHeard - congestion <= CONGESTION_WINDOW_MINUTES * 60_000;
      const observedAt = lastHeard === null ? null : new Date(lastHeard).toISOString();
      return {
        id: entityId('TrafficFlowObserved', camera.code),
        type: 'TrafficFlowObserved',
        attributes: attributes({
          ...placeAttributes(camera, camera.roadName),
          dateObserved: observedAt ? dateTime(observedAt) : null,
          congested: observedAt ? property(congested, { observedAt }) : null,
        }),
      };
    });
  },
};
