import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Orm } from '../database/orm';
import { randomUUID } from 'node:crypto';
import { createTestDatabase } from '../../../test/support/database';
import { person } from '../../../test/support/identities';
import { Role, type Identity } from '../auth/identity';
import { createOrm } from '../database/orm';
import type { AppError } from '../errors';
import { OutboxEvent } from '../events/outboxEvent';
import { newLogEntry, StepLogEntry } from './stepLog';
import { takeStep } from './takeStep';
import type { TransitionTable } from './transitions';

type GateState = 'CLOSED' | 'OPEN';

@Entity({ tableName: 'gate' })
class Gate {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  state: GateState = 'CLOSED';

  @Property({ type: 'text', nullable: true })
  openedBy: string | null = null;

  @Property({ version: true, type: 'integer' })
  version!: number;
}

@Entity({ tableName: 'gate_log' })
class GateLogEntry extends StepLogEntry {
  @Property({ type: 'uuid' })
  gateId!: string;
}

const GATE: TransitionTable<'openGate' | 'closeGate', GateState, 'keeper'> = {
  openGate: { from: ['CLOSED'], to: 'OPEN', actor: 'keeper' },
  closeGate: { from: ['OPEN'], to: 'CLOSED', actor: 'keeper' },
};

const keeper: Identity = person('keeper-1', Role.OPERATOR);
const stranger: Identity = { ...keeper, subject: 'stranger', roles: [Role.AGENCY_STAFF] };

describe('takeStep', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let orm: Orm;
  let gateId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await createOrm({ url: database.url, schema: 'gates', entities: [Gate, GateLogEntry, OutboxEvent], migrations: [], poolSize: 2 });
    await orm.em.getConnection().execute('create schema if not exists "gates"');
    await orm.getSchemaGenerator().createSchema();
    const em = orm.em.fork();
    const gate = new Gate();
    await em.persist(gate).flush();
    gateId = gate.id;
  });

  afterAll(async () => {
    await orm?.close();
    await database?.drop();
  });

  const counts = async () => {
    const em = orm.em.fork();
    return { log: await em.count(GateLogEntry, { gateId }), outbox: await em.count(OutboxEvent, { entityKey: gateId }) };
  };

  /** Opens the gate as `who`, having read version `expectedVersion`; resolves to the error code or the new state. */
  async function open(who: Identity, expectedVersion: number): Promise<string> {
    try {
      const gate = await takeStep(orm.em.fork(), {
        actor: who,
        at: new Date('2026-11-26T01:00:00Z'),
        requestId: 'req-1',
        action: 'openGate',
        load: async (em: EntityManager) => em.findOneOrFail(Gate, gateId),
        transition: { table: GATE, mayAct: () => who.roles.includes(Role.OPERATOR), who: { keeper: 'the gate keeper' } },
        expectedVersion,
        note: 'morning',
        apply: (gate) => {
          gate.openedBy = who.subject;
        },
        log: (gate, step) => newLogEntry(GateLogEntry, step, { gateId: gate.id }),
        emit: async (em, gate, step) => {
          const event = {
            type: 'gate.opened',
            entityType: 'Gate',
            entityKey: gate.id,
            payload: { state: gate.state },
            actor: step.actor,
            occurredAt: step.at,
          };
          em.persist(Object.assign(new OutboxEvent(), event, { audience: { public: false, agencyIds: [], fieldUnitIds: [] } }));
        },
      });
      return gate.state;
    } catch (error) {
      return (error as AppError).extensions?.code as string;
    }
  }

  it('refuses a stale version with CONFLICT and writes nothing', async () => {
    expect(await open(keeper, 7)).toBe('CONFLICT');
    expect(await counts()).toEqual({ log: 0, outbox: 0 });
    expect((await orm.em.fork().findOneOrFail(Gate, gateId)).state).toBe('CLOSED');
  });

  it('refuses a caller who may not act with FORBIDDEN and writes nothing', async () => {
    expect(await open(stranger, 1)).toBe('FORBIDDEN');
    expect(await counts()).toEqual({ log: 0, outbox: 0 });
  });

  it('applies the step, logs it and announces it in one transaction', async () => {
    expect(await open(keeper, 1)).toBe('OPEN');
    const em = orm.em.fork();
    const gate = await em.findOneOrFail(Gate, gateId);
    expect(gate).toMatchObject({ state: 'OPEN', openedBy: 'keeper-1', version: 2 });
    const [entry] = await em.find(GateLogEntry, { gateId });
    expect(entry).toMatchObject({
      actor: 'keeper-1',
      actorRoles: ['OPERATOR'],
      action: 'openGate',
      fromState: 'CLOSED',
      toState: 'OPEN',
      note: 'morning',
      requestId: 'req-1',
    });
    expect(await counts()).toEqual({ log: 1, outbox: 1 });
    // The log row and the event were written by the same transaction as the change.
    const [row] = await em
      .getConnection()
      .execute<{ same: boolean }[]>(
        'select (select xmin from gates.gate_log where gate_id = ?) = (select xmin from gates.outbox_event where entity_key = ?) ' +
          'and (select xmin from gates.gate where id = ?) = (select xmin from gates.gate_log where gate_id = ?) as same',
        [gateId, gateId, gateId, gateId],
      );
    expect(row.same).toBe(true);
  });

  it('refuses a step the new state does not allow with CONFLICT', async () => {
    expect(await open(keeper, 2)).toBe('CONFLICT');
    expect(await counts()).toEqual({ log: 1, outbox: 1 });
  });
});
