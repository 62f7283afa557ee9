/**
 * The province's one-stop-shop system (hệ thống thông tin giải quyết TTHC) as the simulator plays it:
 * each round a few dossiers are received online or at the desks, and those received three rounds earlier
 * are sent again with their new state (finished, or returned) and a newer `updatedAt`, as the system
 * re-sends a dossier whenever it changes.
 *
 * The scripted event: at `eventRound`, UBND thành phố Đồng Xoài's backlog of building permit dossiers
 * (received four weeks ago, due a week ago, still being handled) comes through: 12 overdue dossiers, more
 * than the OVERDUE_DOSSIERS_AGENCY rule's 10, so the e-government subgraph opens a breach and the center
 * gets an EGOV_DOSSIER_OVERDUE alert routed to that committee. Thirty rounds later the backlog is finished
 * and the breach ends.
 */
import { localHourOfDay } from '@ioc-graph/platform';

export const EGOV_DOSSIERS = `mutation SimulatedDossiers($input: IngestDossiersInput!) { ingestDossiers(input: $input) { stored updated } }`;

/** Procedure code, handling agency, statutory working days, share filed online. */
const PROCEDURES: [string, string, number, number][] = [
  ['2.001417', 'STP-BP', 10, 0.85],
  ['2.000635', 'STP-BP', 1, 0.7],
  ['1.001612', 'SKHDT-BP', 3, 0.95],
  ['2.002037', 'SKHDT-BP', 3, 0.95],
  ['1.004227', 'SNNMT-BP', 20, 0.3],
  ['1.003010', 'SNNMT-BP', 10, 0.35],
  ['1.009974', 'UBND-DX', 15, 0.4],
  ['1.001193', 'UBND-TANPHU', 1, 0.6],
  ['2.001947', 'SGTVT-BP', 5, 0.8],
];
const BACKLOG = 12;
const BACKLOG_ROUNDS = 30;
const DAY_MS = 86_400_000;

const pseudo = (n: number) => Math.abs(Math.sin(n * 12.9898) * 43758.5453) % 1;

interface SimulatedDossier {
  sourceId: string;
  procedureCode: string;
  agencyCode: string;
  channel: 'ONLINE' | 'DESK';
  status: 'RECEIVED' | 'FINISHED' | 'RETURNED';
  receivedAt: string;
  dueAt: string;
  finishedAt: string | null;
  updatedAt: string;
}

/** The one-stop-shop system's dossiers: what it received in the last rounds, to send them again when they change. */
export class OneStopShop {
  private readonly pending = new Map<number, SimulatedDossier[]>();
  private overdue: SimulatedDossier[] = [];

  /** The variables of one round's ingest. */
  round(at: Date, round: number, eventRound: number): { input: { source: string; dossiers: SimulatedDossier[] } } {
    const received = this.receive(at, round);
    this.pending.set(round, received);
    const changed = (this.pending.get(round - 3) ?? []).flatMap((d, i) => {
      const fate = pseudo(round * 7 + i);
      if (fate < 0.1) return [];
      const status = fate < 0.2 ? ('RETURNED' as const) : ('FINISHED' as const);
      return [{ ...d, status, finishedAt: at.toISOString(), updatedAt: at.toISOString() }];
    });
    this.pending.delete(round - 3);
    return { input: { source: 'motcua-bp', dossiers: [...received, ...changed, ...this.backlog(at, round - eventRound)] } };
  }

  /** New dossiers: two to six a round, more in office hours. */
  private receive(at: Date, round: number): SimulatedDossier[] {
    const hour = localHourOfDay(at);
    const count = hour >= 7 && hour < 17 ? 6 : 2;
    return Array.from({ length: count }, (_, i) => {
      const [procedureCode, agencyCode, days, online] = PROCEDURES[Math.floor(pseudo(round * 31 + i) * PROCEDURES.length)]!;
      return {
        sourceId: `sim-${at.getTime()}-${i}`,
        procedureCode,
        agencyCode,
        channel: pseudo(round * 13 + i) < online ? 'ONLINE' : 'DESK',
        status: 'RECEIVED',
        receivedAt: at.toISOString(),
        // Working days, roughly: seven calendar days for five working ones.
        dueAt: new Date(at.getTime() + Math.ceil((days * 7) / 5) * DAY_MS).toISOString(),
        finishedAt: null,
        updatedAt: at.toISOString(),
      };
    });
  }

  /** The scripted backlog of Đồng Xoài's building permits: overdue from the event's round, finished 30 rounds later. */
  private backlog(at: Date, sinceEvent: number): SimulatedDossier[] {
    if (sinceEvent === BACKLOG_ROUNDS) {
      const finished = this.overdue.map((d) => ({
        ...d,
        status: 'FINISHED' as const,
        finishedAt: at.toISOString(),
        updatedAt: at.toISOString(),
      }));
      this.overdue = [];
      return finished;
    }
    if (sinceEvent !== 0) return [];
    const receivedAt = new Date(at.getTime() - 28 * DAY_MS).toISOString();
    this.overdue = Array.from({ length: BACKLOG }, (_, i) => ({
      sourceId: `sim-backlog-UBND-DX-${at.getTime()}-${i}`,
      procedureCode: '1.009974',
      agencyCode: 'UBND-DX',
      channel: i % 3 ? 'DESK' : 'ONLINE',
      status: 'RECEIVED',
      receivedAt,
      dueAt: new Date(at.getTime() - 7 * DAY_MS).toISOString(),
      finishedAt: null,
      updatedAt: receivedAt,
    }));
    return this.overdue;
  }
}
