import { issueToken, Role, type Logger } from '@ioc-graph/platform';
import { connectAsync, type MqttClient } from 'mqtt';
import { EGOV_DOSSIERS, OneStopShop } from './egov';
import { HEALTH_INGEST, healthRound } from './health';
import { airReadings, hydroReadings, type Reading } from './province';
import { securityReports, SECURITY_REPORTS } from './security';
import { congestion, detections, heartbeats } from './traffic';
import { playUrban } from './urban';

export interface SimulatorOptions {
  gatewayUrl: string;
  /** Signs the simulator's SYSTEM token (the embedded default's shared secret). */
  auth: { secret: string; issuer: string; audience: string };
  /** Time between two rounds of readings. */
  intervalMs: number;
  /** After this many rounds the rain event starts (0: at once); it peaks and recedes over 6 rounds. */
  rainAfterRounds: number;
  /** Send water and rain gauges through this MQTT broker, like their devices; unset: through GraphQL. */
  mqttUrl: string | null;
  mqttTopic: string;
  logger: Logger;
}

const INGEST = `mutation SimulatedReadings($input: IngestReadingsInput!) { ingestReadings(input: $input) { stored duplicates } }`;
const TRAFFIC = `mutation SimulatedTraffic($heartbeats: [CameraHeartbeatInput!]!, $detections: IngestDetectionsInput!, $congestion: IngestCongestionInput!) {
  ingestCameraHeartbeats(heartbeats: $heartbeats) { received }
  ingestDetections(input: $detections) { stored }
  ingestCongestion(input: $congestion) { stored }
}`;
/** The rain event's shape over its rounds: rising, a peak held for six rounds, receding. */
const STORM = [0.35, 0.7, 1, 1, 1, 1, 1, 1, 0.6, 0.25];

/**
 * Plays the province's sector systems: every `intervalMs` one round of air readings and of the camera
 * platform's heartbeats, violations and congestion through the gateway (as those platforms would), and
 * rain and water levels through MQTT (as the gauges' devices would) or the gateway. The same ingest paths as real systems, so rules, alerts and
 * subscriptions react as they would in service.
 */
export class Simulator {
  private timer: NodeJS.Timeout | null = null;
  private round = 0;
  private mqtt: MqttClient | null = null;
  private token = '';
  private tokenRenewAt = 0;
  private readonly oneStopShop = new OneStopShop();

  constructor(private readonly options: SimulatorOptions) {}

  async start(): Promise<void> {
    if (this.options.mqttUrl) this.mqtt = await connectAsync(this.options.mqttUrl, { clientId: `ioc-simulator-${process.pid}` });
    // The stations upload the last 12 hours they buffered, so the AQI (a 12-hour NowCast) is there at once.
    const now = Date.now();
    const history = Array.from({ length: 12 }, (_, i) => 12 - i).flatMap((hours) => airReadings(new Date(now - hours * 3_600_000), -hours));
    await this.send('quan-trac-khong-khi', history);
    const tick = () => {
      void this.tick()
        .catch((error) => this.options.logger.warn({ err: error }, 'a simulated round failed'))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, this.options.intervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
    this.options.logger.info({ intervalMs: this.options.intervalMs, mqtt: Boolean(this.mqtt) }, 'simulating the province’s sensors');
  }

  /**
   * One round of every simulated system, one after the other: air through GraphQL, the camera platform,
   * the one-stop-shop, hospitals and surveillance, the police, rain and water through MQTT or GraphQL,
   * street lighting and waste trucks. A system whose round fails is logged and the others still play;
   * the round then fails, naming them.
   */
  async tick(): Promise<void> {
    const round = this.round++;
    const at = new Date();
    const stormRound = round - this.options.rainAfterRounds;
    const storm = stormRound >= 0 && stormRound < STORM.length ? STORM[stormRound] : 0;
    if (storm === 1 && STORM.indexOf(1) === stormRound)
      this.options.logger.info('the rain event peaks: hồ Thác Mơ rises past alarm level II');
    const systems: [string, () => Promise<void>][] = [
      ['air', () => this.send('quan-trac-khong-khi', airReadings(at, round))],
      [
        'traffic',
        () =>
          this.post(TRAFFIC, {
            heartbeats: heartbeats(at),
            detections: { source: 'camera-ai-bp', detections: detections(at, round) },
            congestion: { source: 'camera-ai-bp', readings: congestion(at) },
          }),
      ],
      // The one-stop-shop system; its overdue backlog comes in the rain event's round.
      ['egov', () => this.post(EGOV_DOSSIERS, this.oneStopShop.round(at, round, this.options.rainAfterRounds))],
      ['health', () => this.post(HEALTH_INGEST, healthRound(at, round))],
      ['security', () => this.post(SECURITY_REPORTS, { input: { source: 'ca-binhphuoc-113', reports: securityReports(at, round) } })],
      ['hydro', () => this.hydro(hydroReadings(at, storm))],
      ['urban', () => playUrban(this.options, (query, variables) => this.post(query, variables), at, round)],
    ];
    const failed: string[] = [];
    for (const [system, play] of systems) {
      try {
        await play();
      } catch (error) {
        failed.push(system);
        this.options.logger.warn({ err: error, system, round }, 'a simulated system’s round failed');
      }
    }
    if (failed.length) throw new Error(`simulated round ${round} failed for ${failed.join(', ')}`);
  }

  /** The rain and water gauges' readings, through MQTT like their devices, or the gateway without a broker. */
  private async hydro(readings: Reading[]): Promise<void> {
    if (!this.mqtt) return this.send('tram-thuy-van', readings);
    for (const reading of readings)
      await this.mqtt.publishAsync(
        `${this.options.mqttTopic}/${reading.stationCode}`,
        JSON.stringify({ source: 'tram-thuy-van', readings: [reading] }),
        { qos: 1 },
      );
  }

  private send(source: string, readings: Reading[]): Promise<void> {
    return this.post(INGEST, { input: { source, readings } });
  }

  /** An hour-long SYSTEM token, renewed after half an hour: the gateway refuses tokens that live long. */
  private async bearer(): Promise<string> {
    if (Date.now() >= this.tokenRenewAt) {
      this.token = await issueToken(
        { subject: 'simulator', roles: [Role.SYSTEM], agencyId: null, fieldUnitId: null, scopeUnitId: null },
        { ...this.options.auth, expiresIn: '1h' },
      );
      this.tokenRenewAt = Date.now() + 30 * 60_000;
    }
    return this.token;
  }

  private async post(query: string, variables: Record<string, unknown>): Promise<void> {
    const response = await fetch(this.options.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await this.bearer()}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: { message: string }[] };
    if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
  }

  async stop(): Promise<void> {
    const timer = this.timer;
    this.timer = null;
    if (timer) clearTimeout(timer);
    await this.mqtt?.endAsync();
  }
}
