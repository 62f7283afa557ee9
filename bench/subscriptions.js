#!/usr/bin/env node
// Fan-out of live events to WebSocket subscribers: `npm run bench:subscriptions -- [realistic|extreme|restart]
// [--subscribers N] [--rate EVENTS_PER_S] [--seconds S] [--walls N] [--connect-rate PER_S] [--restart-at S]
// [--progress S] [--cpu-prof DIR]`. With no shape it runs the three in turn and exits non-zero when any
// delivered less than 100 %; latency goals are printed next to the figures, never failed on.
//
//   realistic  10,000 subscribers: 20 wall screens (OPERATOR) on alertReceived with fields of two subgraphs
//              (the alert's category from incidents, its unit from the directory); of the rest, half are
//              agency desks (AGENCY_STAFF of each demo agency) on incidentChanged filtered to their agency,
//              half field-unit crews (FIELD_OFFICER of each demo field unit) on assignmentChanged filtered to
//              their unit (the demo has 28 agencies and 32 units: ~178 desks per agency, ~156 crews per
//              unit, each with a token of its own); 200 events/s for 60 s, a third each alert, incident and
//              assignment events, spread evenly over the agencies and units.
//   extreme    2,000 wall screens receiving every event, 50 alert events/s for 60 s (100,000 deliveries/s).
//   restart    realistic, with the incidents subgraph killed (SIGKILL) at 20 s and started again.
//
// The hub runs as processes built from dist/ (bench/hubProcesses.js), each subgraph and the gateway in its
// own, on a scratch database (BENCH_DATABASE_URL, default the local server's `postgres` database). The
// fan-out is measured, not the write path (bench:alerts measures that): a pool of real entities is made
// first through the gateway with real mutations (alerts reported by SYSTEM, verified into incidents and
// assigned to every demo agency, every demo field unit dispatched and its crew accepting), then the events
// these wrote are read from the event log and clones of them (new UUIDv7 ids, occurredAt the publish time)
// are published with the PostgreSQL bus's own `publish`, in small batches every 10 ms as relays do. The
// payloads, audiences and entities are therefore real ones. Each subscriber's expected events are computed
// from its filter and each event's audience; every subscriber's receipts are checked: all, in order, none
// twice. The lag is from publish (the clone's occurredAt) to receipt here, so it includes this process's
// own delay (its CPU is printed). The clients are a minimal graphql-transport-ws client on `ws`, connected
// gradually (500 per second by default); connection failures are counted and printed. The gateway runs
// with SUBSCRIBER_MAX_LAG=1000000 and otherwise the settings of the environment (e.g.
// SUBSCRIPTION_READS_IN_FLIGHT). Its RSS, CPU and time spent waiting for a CPU come from /proc;
// `--progress S` prints how far the bus, the gateway and the clients are every S seconds; `--cpu-prof DIR`
// writes a CPU profile of the gateway process there and prints where its time went.
const WebSocketClient = require('ws');
const os = require('node:os');
const path = require('node:path');
const { graphql, withDatabase } = require('./support');
const { startHubProcesses } = require('./hubProcesses');
const { profileSummary } = require('./profileSummary');
const platform = require('../platform/dist/src');
const { demoId, demoIdentities } = require('../subgraphs/directory/dist/src/server');
const { categoryId } = require('../subgraphs/incidents/dist/src/server');
const seeds = require('../subgraphs/directory/dist/seeds/data');

const SHAPES = {
  realistic: { subscribers: 10_000, rate: 200, seconds: 60, walls: 20, restartAt: null, mix: ['alert', 'incident', 'assignment'] },
  extreme: { subscribers: 2_000, rate: 50, seconds: 60, walls: Infinity, restartAt: null, mix: ['alert'] },
  restart: { subscribers: 10_000, rate: 200, seconds: 60, walls: 20, restartAt: 20, mix: ['alert', 'incident', 'assignment'] },
};
const GOALS = { realistic: 200, extreme: 1_000, restart: null };
/** How long after the last event the bench waits for deliveries that are still coming (while they come). */
const QUIET_MS = 30_000;
/** …and at most this long in all. */
const MAX_WAIT_MS = 600_000;
const TICK_MS = 10;

const WALL = `subscription Wall { alertReceived { cursor occurredAt alert { headline severity category { code } unit { nameVi } } } }`;
const DESK = `subscription Desk($filter: IncidentEventFilter) {
  incidentChanged(filter: $filter) { cursor occurredAt action toState incident { code title state } }
}`;
const CREW = `subscription Crew($filter: AssignmentEventFilter) {
  assignmentChanged(filter: $filter) { cursor occurredAt unitStatus assignment { state incidentCode fieldUnit { code } } }
}`;

// The pool's mutations, as the center's consoles and the crews' app send them.
const REPORT = `mutation Report($input: ReportAlertInput!) { reportAlert(input: $input) { id version } }`;
const VERIFY = `mutation Verify($id: ID!, $input: VerifyAlertInput!) { verifyAlert(id: $id, input: $input) { id version process } }`;
const ASSIGN = `mutation Assign($id: ID!, $input: AssignAgencyInput!) { assignAgency(id: $id, input: $input) { id } }`;
const DISPATCH = `mutation Dispatch($input: DispatchUnitInput!) { dispatchUnit(input: $input) { id version } }`;
const ACCEPT = `mutation Accept($id: ID!, $input: AssignmentStepInput!) { acceptAssignment(id: $id, input: $input) { id } }`;

function parseArgs(argv) {
  const options = { shapes: [], overrides: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const flag = /^--([a-z-]+)$/.exec(arg);
    if (flag) {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      const name = flag[1].replace(/-([a-z])/g, (_, c) => c.toUpperCase());
      if (!['subscribers', 'rate', 'seconds', 'walls', 'connectRate', 'cpuProf', 'restartAt', 'progress'].includes(name))
        throw new Error(`unknown flag ${arg}`);
      options.overrides[name] = name === 'cpuProf' ? path.resolve(value) : Number(value);
      if (name !== 'cpuProf' && !(options.overrides[name] >= 0)) throw new Error(`${arg} must be a number ≥ 0`);
    } else if (SHAPES[arg]) options.shapes.push(arg);
    else throw new Error(`unknown argument ${arg}: expected realistic, extreme or restart, and flags`);
  }
  if (!options.shapes.length) options.shapes = Object.keys(SHAPES);
  return options;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const thousands = (n) => n.toLocaleString('en-US');
const load = () =>
  `load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${os.cpus().length} cores`;

/** Runs `work` over `items`, `concurrency` at a time. */
async function inParallel(items, concurrency, work) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i], i);
      }
    }),
  );
}

/**
 * Real entities and the events they wrote: alerts reported by SYSTEM; two per demo agency verified into
 * incidents and assigned to it; every demo field unit dispatched to an IMMEDIATE incident and accepted by
 * its crew. Returns once the relays have put every event on the bus.
 */
async function buildPool(hub, bus) {
  const operator = await hub.tokenFor(demoIdentities().find((p) => p.roles.includes('OPERATOR')));
  const system = await hub.tokenFor(demoIdentities().find((p) => p.roles.includes('SYSTEM')));
  const run = (token, query, variables) => graphql(hub.gatewayUrl, token, query, variables);
  const categories = ['EMG_FIRE', 'TRF_ACCIDENT', 'URB_FALLEN_TREE', 'HLT_MEDICAL_EMERGENCY', 'ENV_ILLEGAL_DUMPING', 'SEC_THEFT'];
  const wards = seeds.units.filter((u) => u.code.startsWith('BP-')).map((u) => u.code);
  const tag = Date.now().toString(36);
  const incidents = [];
  // Two incidents per agency, and a few alerts left as they came in.
  const plan = [...seeds.agencies.flatMap((agency) => [agency, agency]), ...Array(16).fill(null)];
  await inParallel(plan, 4, async (agency, i) => {
    const input = {
      sourceSystem: 'bench-subscriptions',
      sourceRef: `${tag}-${i}`,
      categoryId: categoryId(categories[i % categories.length]),
      headline: `Sự cố thử nghiệm số ${i}`,
      occurredAt: new Date().toISOString(),
      unitId: demoId('unit', wards[i % wards.length]),
    };
    const alert = (await run(system, REPORT, { input })).reportAlert;
    if (!agency) return;
    const incident = (await run(operator, VERIFY, { id: alert.id, input: { expectedVersion: alert.version } })).verifyAlert;
    const agencyId = demoId('agency', agency.code);
    await run(operator, ASSIGN, { id: incident.id, input: { expectedVersion: incident.version, agencyId } });
    incidents.push(incident);
  });
  const immediate = incidents.filter((incident) => incident.process === 'IMMEDIATE');
  if (!immediate.length) throw new Error('the pool has no IMMEDIATE incident to dispatch units to');
  await inParallel(seeds.fieldUnits, 4, async (unit, i) => {
    const fieldUnitId = demoId('fieldUnit', unit.code);
    const input = { incidentId: immediate[i % immediate.length].id, fieldUnitId, note: 'Xuất phát ngay' };
    const assignment = (await run(operator, DISPATCH, { input })).dispatchUnit;
    const agencyId = demoId('agency', unit.agency);
    const crew = await hub.tokenFor({
      subject: `bench-crew-${unit.code}`,
      roles: ['FIELD_OFFICER'],
      agencyId,
      fieldUnitId,
      scopeUnitId: null,
    });
    await run(crew, ACCEPT, { id: assignment.id, input: { expectedVersion: assignment.version } });
  });
  // The relays publish each subgraph's outbox shortly after its commit: wait until the log stops growing.
  let head = await bus.head();
  for (let stable = 0; stable < 10;) {
    await sleep(100);
    const now = await bus.head();
    stable = now === head ? stable + 1 : 0;
    head = now;
  }
  return { head, incidents: incidents.length, assignments: seeds.fieldUnits.length };
}

/** Every event of the bus after `after`, in order. */
async function readLog(bus, after) {
  const events = [];
  for (let batch = await bus.read(after, 1000); batch.length; batch = await bus.read(after, 1000)) {
    events.push(...batch);
    after = batch.at(-1).seq;
  }
  return events;
}

/**
 * What each kind of subscriber may receive, written here from the schema's documentation rather than
 * taken from the gateway's code: its filter, then the event's audience (the center sees every event).
 */
const ALERT_TYPES = new Set(platform.ALERT_EVENT_TYPES);
const INCIDENT_TYPES = new Set(platform.INCIDENT_EVENT_TYPES);
const ASSIGNMENT_TYPES = new Set(platform.ASSIGNMENT_EVENT_TYPES);
const forWall = (event) => ALERT_TYPES.has(event.type);
const forDesk = (agencyId) => (event) =>
  INCIDENT_TYPES.has(event.type) &&
  event.payload.agencyId === agencyId &&
  (event.audience.public || event.audience.agencyIds.includes(agencyId));
const forCrew = (fieldUnitId, agencyId) => (event) =>
  ASSIGNMENT_TYPES.has(event.type) &&
  event.payload.fieldUnitId === fieldUnitId &&
  (event.audience.public || event.audience.fieldUnitIds.includes(fieldUnitId) || event.audience.agencyIds.includes(agencyId));

/** The events each kind of pool event is cloned from, each list spread evenly over its agencies or units. */
function templatesOf(events) {
  const roundRobin = (list, keyOf) => {
    const groups = new Map();
    for (const event of list) {
      const key = keyOf(event);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(event);
    }
    const lists = [...groups.values()];
    const out = [];
    for (let i = 0; out.length < list.length; i++) for (const group of lists) if (i < group.length) out.push(group[i]);
    return out;
  };
  return {
    alert: events.filter(forWall),
    incident: roundRobin(
      events.filter((e) => INCIDENT_TYPES.has(e.type) && e.payload.agencyId && e.audience.agencyIds.includes(e.payload.agencyId)),
      (e) => e.payload.agencyId,
    ),
    assignment: roundRobin(
      events.filter((e) => ASSIGNMENT_TYPES.has(e.type) && e.payload.fieldUnitId),
      (e) => e.payload.fieldUnitId,
    ),
  };
}

/** A pool event as a relay would publish it again: a new id (UUIDv7, as the outbox gives) and `at` as its time. */
const cloneOf = ({ source, type, entityType, entityKey, payload, actor, audience }, at) => ({
  id: platform.uuidv7(),
  source,
  type,
  entityType,
  entityKey,
  payload,
  actor,
  audience,
  occurredAt: at,
});

/** Latency histogram in whole milliseconds (up to 10 minutes), for exact percentiles without keeping every sample. */
class Histogram {
  constructor() {
    this.counts = new Uint32Array(600_001);
    this.total = 0;
    this.max = 0;
  }
  add(ms) {
    const bucket = Math.max(0, Math.min(600_000, Math.round(ms)));
    this.counts[bucket]++;
    this.total++;
    if (bucket > this.max) this.max = bucket;
  }
  percentile(p) {
    if (!this.total) return NaN;
    const rank = Math.ceil((p / 100) * this.total);
    let seen = 0;
    for (let ms = 0; ms < this.counts.length; ms++) if ((seen += this.counts[ms]) >= rank) return ms;
    return this.max;
  }
}

/**
 * One subscriber: a WebSocket speaking just enough graphql-transport-ws (connection_init, subscribe, then
 * next/error/complete and pings) to keep the bench's own CPU low. It records each event's cursor and lag.
 */
class Client {
  constructor(kind, group, token, query, variables, stats) {
    Object.assign(this, { kind, group, token, query, variables, stats });
    this.cursors = [];
    this.connected = false;
    this.socket = null;
    this.ended = null;
  }

  connect(url, timeoutMs = 30_000) {
    return new Promise((resolve, reject) => {
      const socket = new WebSocketClient(url, 'graphql-transport-ws', { perMessageDeflate: false, skipUTF8Validation: true });
      this.socket = socket;
      let acked = false;
      const timer = setTimeout(() => fail(new Error(`no connection_ack within ${timeoutMs} ms`)), timeoutMs);
      const fail = (error) => {
        clearTimeout(timer);
        if (acked) return;
        acked = true;
        socket.terminate();
        reject(error);
      };
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${this.token}` } })));
      socket.on('error', fail);
      socket.on('close', (code, reason) => {
        if (!acked) fail(new Error(`closed before connection_ack: ${code} ${reason}`));
        else if (!this.ended) this.ended = `closed ${code} ${reason}`;
      });
      socket.on('message', (data) => {
        const text = data.toString();
        // The bulk of the traffic, a `next` without errors, is read without parsing it all: its cursor and time come first.
        if (text.startsWith(NEXT) && !text.includes('"errors"')) return this.next(text);
        const message = JSON.parse(text);
        switch (message.type) {
          case 'next': {
            const { data: result, errors } = message.payload;
            if (errors) this.stats.error(errors[0]?.extensions?.code ?? errors[0]?.message);
            const event = result && Object.values(result)[0];
            if (event) this.next(JSON.stringify(event));
            break;
          }
          case 'connection_ack':
            acked = this.connected = true;
            clearTimeout(timer);
            socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: this.query, variables: this.variables } }));
            resolve();
            break;
          case 'error':
            this.stats.error(message.payload?.[0]?.extensions?.code ?? message.payload?.[0]?.message);
            this.ended = 'error';
            break;
          case 'complete':
            this.ended = 'complete';
            break;
          case 'ping':
            socket.send('{"type":"pong"}');
            break;
        }
      });
    });
  }

  /** A `next` message: records the event's cursor and its lag from publish (its occurredAt) to now. */
  next(text) {
    const receivedAt = Date.now();
    const cursorAt = text.indexOf(CURSOR) + CURSOR.length;
    const cursor = Number(text.slice(cursorAt, text.indexOf('"', cursorAt)));
    const timeAt = text.indexOf(OCCURRED_AT) + OCCURRED_AT.length;
    const occurredAt = Date.parse(text.slice(timeAt, text.indexOf('"', timeAt)));
    this.cursors.push(cursor);
    this.stats.received(receivedAt - occurredAt, cursor);
  }

  close() {
    this.socket?.terminate();
  }
}
const NEXT = '{"id":"1","type":"next"';
const CURSOR = '"cursor":"';
const OCCURRED_AT = '"occurredAt":"';

/** The subscribers of a shape: walls first, then agency desks and field-unit crews in equal parts, round-robin over the demo agencies and units. */
async function makeClients(hub, shape, stats) {
  const operator = demoIdentities().find((p) => p.roles.includes('OPERATOR'));
  const walls = Math.min(shape.walls, shape.subscribers);
  const rest = shape.subscribers - walls;
  const desks = Math.ceil(rest / 2);
  const clients = [];
  for (let i = 0; i < walls; i++) {
    const token = await hub.tokenFor({ ...operator, subject: `bench-wall-${i}` });
    clients.push(new Client('wall', 'wall', token, WALL, {}, stats));
  }
  for (let i = 0; i < rest; i++) {
    if (i < desks) {
      const agency = seeds.agencies[i % seeds.agencies.length];
      const agencyId = demoId('agency', agency.code);
      const token = await hub.tokenFor({
        subject: `bench-desk-${i}`,
        roles: ['AGENCY_STAFF'],
        agencyId,
        fieldUnitId: null,
        scopeUnitId: null,
      });
      clients.push(
        Object.assign(new Client('desk', agencyId, token, DESK, { filter: { agencyId } }, stats), { accepts: forDesk(agencyId) }),
      );
    } else {
      const unit = seeds.fieldUnits[(i - desks) % seeds.fieldUnits.length];
      const fieldUnitId = demoId('fieldUnit', unit.code);
      const agencyId = demoId('agency', unit.agency);
      const token = await hub.tokenFor({ subject: `bench-crew-${i}`, roles: ['FIELD_OFFICER'], agencyId, fieldUnitId, scopeUnitId: null });
      clients.push(
        Object.assign(new Client('crew', fieldUnitId, token, CREW, { filter: { fieldUnitId } }, stats), {
          accepts: forCrew(fieldUnitId, agencyId),
        }),
      );
    }
  }
  for (const client of clients) client.accepts ??= forWall;
  return { clients, walls, desks, crews: rest - desks };
}

/** Connects `clients` at `perSecond`, a few every 10 ms; resolves to the failures, counted, with their first reasons. */
async function connectGradually(clients, url, perSecond) {
  const started = Date.now();
  const failures = [];
  const pending = [];
  for (let i = 0; i < clients.length; i++) {
    const due = started + (i * 1000) / perSecond;
    if (due > Date.now() + 1) await sleep(due - Date.now());
    pending.push(clients[i].connect(url).catch((error) => failures.push(error.message)));
  }
  await Promise.all(pending);
  return { failures, ms: Date.now() - started };
}

/** The sum of a metric's samples in the Prometheus text `metrics` whose labels contain `label` (e.g. `outcome="ok"`). */
function metricSum(metrics, name, label = '') {
  let sum = 0;
  for (const [, labels = '', value] of metrics.matchAll(new RegExp(`^${name}(\\{[^}]*\\})? (\\S+)$`, 'gm')))
    if (labels.includes(label)) sum += Number(value);
  return sum;
}

/** The gateway's Prometheus metrics, as text. */
const gatewayMetrics = async (hub) => (await fetch(hub.metricsUrl)).text();

async function runShape(name, overrides) {
  const shape = { ...SHAPES[name], ...overrides };
  // Only the restart shape restarts a subgraph (--restart-at moves when).
  if (name !== 'restart') shape.restartAt = null;
  const connectRate = overrides.connectRate ?? 500;
  const goal = GOALS[name];
  console.log(`\n== ${name}: ${thousands(shape.subscribers)} subscribers, ${shape.rate} events/s for ${shape.seconds} s (${load()})`);
  return withDatabase(async (databaseUrl) => {
    const hub = await startHubProcesses(databaseUrl, {
      gatewayExecArgv: shape.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${shape.cpuProf}`] : [],
    });
    const bus = await platform.createPostgresBus({ url: databaseUrl });
    let clients = [];
    try {
      const poolStart = Date.now();
      const pool = await buildPool(hub, bus);
      const templates = templatesOf(await readLog(bus, 0));
      console.log(
        `pool: ${pool.incidents} incidents over ${seeds.agencies.length} agencies, ${pool.assignments} dispatched units, ` +
          `${pool.head} real events (${templates.alert.length} alert, ${templates.incident.length} incident with an agency, ` +
          `${templates.assignment.length} assignment) in ${((Date.now() - poolStart) / 1000).toFixed(1)} s`,
      );
      for (const kind of shape.mix) if (!templates[kind].length) throw new Error(`the pool wrote no ${kind} event to clone`);

      let receipts = 0;
      let windowStart = Infinity;
      const lags = new Histogram();
      const errors = new Map();
      const stats = {
        received(lag, cursor) {
          if (cursor <= windowStart) return;
          receipts++;
          lags.add(lag);
        },
        error(code) {
          errors.set(code, (errors.get(code) ?? 0) + 1);
        },
      };
      const made = await makeClients(hub, shape, stats);
      clients = made.clients;
      const kinds = [
        made.walls && `${made.walls} walls (alertReceived)`,
        made.desks && `${made.desks} agency desks over ${Math.min(made.desks, seeds.agencies.length)} agencies (incidentChanged by agency)`,
        made.crews &&
          `${made.crews} field-unit crews over ${Math.min(made.crews, seeds.fieldUnits.length)} units (assignmentChanged by unit)`,
      ];
      console.log(`subscribers: ${kinds.filter(Boolean).join(', ')}`);
      const connected = await connectGradually(clients, hub.wsUrl, connectRate);
      const open = clients.length - connected.failures.length;
      let gauge = 0;
      for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(200))
        if ((gauge = metricSum(await gatewayMetrics(hub), 'graphql_subscribers')) >= open) break;
      console.log(
        `connected: ${thousands(open)} / ${thousands(clients.length)}, ${connected.failures.length} connection failures, in ` +
          `${(connected.ms / 1000).toFixed(1)} s at ${connectRate}/s; the gateway counts ${thousands(gauge)} subscriptions`,
      );
      if (connected.failures.length) {
        const reasons = new Map();
        for (const reason of connected.failures) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        for (const [reason, count] of reasons) console.log(`  ${count} × ${reason}`);
      }

      // Publishing: clones of the pool's events in the shape's mix, a few every 10 ms, as relays publish.
      windowStart = await bus.head();
      const sequence = shape.mix.map((kind) => ({ kind, list: templates[kind], next: 0 }));
      const sentByKind = Object.fromEntries(shape.mix.map((kind) => [kind, 0]));
      const total = Math.round(shape.rate * shape.seconds);
      const before = hub.sample();
      const othersBefore = new Map(hub.samples().map(({ name, cpuMs }) => [name, cpuMs]));
      const clientCpu = process.cpuUsage();
      let peakRss = before.rss;
      // The gateway's longest event-loop stall (prom-client's, reset at each scrape) and its RSS, every second.
      let maxStall = 0;
      const sampler = setInterval(async () => {
        peakRss = Math.max(peakRss, hub.sample().rss);
        const metrics = await gatewayMetrics(hub).catch(() => '');
        maxStall = Math.max(maxStall, metricSum(metrics, 'nodejs_eventloop_lag_max_seconds'));
      }, 1_000);
      let restart = null;
      const started = Date.now();
      // --progress S: every S seconds, how far the bus, the gateway and the clients are.
      let measuring = true;
      const progress = shape.progress
        ? setInterval(async () => {
            if (!measuring) return;
            const metrics = await gatewayMetrics(hub).catch(() => '');
            const value = (name, label) => thousands(metricSum(metrics, name, label));
            if (!measuring || !metrics) return;
            console.log(
              `  ${((Date.now() - started) / 1000).toFixed(0)} s: ${(await bus.head()) - windowStart} events on the bus, ` +
                `${value('events_in_total')} read by the gateway since it started, ${value('events_out_total')} deliveries, ` +
                `${thousands(receipts)} received; entity reads ${value('subscription_entity_reads_total', 'outcome="ok"')} ok, ` +
                `${value('subscription_entity_reads_total', 'outcome="failed"')} failed; gateway CPU ${(hub.sample().cpuMs / 1000).toFixed(1)} s`,
            );
          }, shape.progress * 1000)
        : null;
      for (let sent = 0; sent < total;) {
        const due = Math.min(total, Math.floor(((Date.now() - started) * shape.rate) / 1000) + 1);
        if (due > sent) {
          const now = new Date();
          const batch = [];
          for (; sent < due; sent++) {
            const slot = sequence[sent % sequence.length];
            const template = slot.list[slot.next++ % slot.list.length];
            sentByKind[slot.kind]++;
            batch.push(cloneOf(template, now));
          }
          await bus.publish(batch);
        }
        if (shape.restartAt !== null && !restart && Date.now() - started >= shape.restartAt * 1000) {
          console.log(`killing the incidents subgraph (SIGKILL) at ${((Date.now() - started) / 1000).toFixed(1)} s`);
          restart = hub.restart('incidents');
        }
        await sleep(TICK_MS);
      }
      const sendMs = Date.now() - started;
      const restarted = restart ? await restart : null;

      // Expected: each subscriber's events of the window by its filter and the audience.
      const events = await readLog(bus, windowStart);
      const expectedOf = new Map();
      const expectedFor = (client) => {
        const key = `${client.kind}:${client.group}`;
        if (!expectedOf.has(key))
          expectedOf.set(
            key,
            events.filter(client.accepts).map((event) => event.seq),
          );
        return expectedOf.get(key);
      };
      const live = clients.filter((client) => client.connected);
      const expected = live.reduce((sum, client) => sum + expectedFor(client).length, 0);
      // Deliveries still coming in are waited for, as long as they keep coming.
      let last = receipts;
      const waitUntil = Date.now() + MAX_WAIT_MS;
      for (
        let quietSince = Date.now();
        receipts < expected && Date.now() - quietSince < QUIET_MS && Date.now() < waitUntil;
        await sleep(100)
      ) {
        if (receipts === last) continue;
        last = receipts;
        quietSince = Date.now();
      }
      const windowMs = Date.now() - started;
      clearInterval(sampler);
      if (progress) clearInterval(progress);
      measuring = false;
      const after = hub.sample();
      peakRss = Math.max(peakRss, after.rss);
      const benchCpu = process.cpuUsage(clientCpu);

      let delivered = 0;
      let complete = 0;
      let missing = 0;
      let duplicates = 0;
      let disordered = 0;
      let unexpected = 0;
      for (const client of live) {
        const want = expectedFor(client);
        const got = client.cursors.filter((cursor) => cursor > windowStart);
        const wanted = new Set(want);
        const seen = new Set();
        let inOrder = true;
        for (let i = 0; i < got.length; i++) {
          if (i && got[i] <= got[i - 1]) inOrder = false;
          if (seen.has(got[i])) duplicates++;
          else if (wanted.has(got[i])) delivered++;
          else unexpected++;
          seen.add(got[i]);
        }
        missing += want.filter((seq) => !seen.has(seq)).length;
        if (!inOrder) disordered++;
        if (inOrder && got.length === want.length && want.every((seq, i) => got[i] === seq)) complete++;
      }
      const percent = expected ? (100 * delivered) / expected : 100;
      const mb = (bytes) => `${Math.round(bytes / 1024 / 1024)} MB`;
      const cpuPercent = (100 * (after.cpuMs - before.cpuMs)) / windowMs;
      console.log(
        `events sent: ${thousands(total)} in ${(sendMs / 1000).toFixed(1)} s (${shape.mix.map((kind) => `${thousands(sentByKind[kind])} ${kind}`).join(', ')}), ` +
          `${thousands(events.length)} on the bus in the window`,
      );
      if (restarted)
        console.log(
          `incidents subgraph: killed in ${restarted.killMs} ms, ready again ${(restarted.downMs / 1000).toFixed(1)} s after the kill`,
        );
      console.log(
        `delivered / expected: ${thousands(delivered)} / ${thousands(expected)} (${percent.toFixed(2)} %, goal 100 %); ` +
          `${thousands(Math.round((delivered * 1000) / windowMs))} deliveries/s over the window`,
      );
      console.log(
        `subscribers with every event, in order, none twice: ${thousands(complete)} / ${thousands(live.length)}` +
          (missing || duplicates || disordered || unexpected
            ? ` (missing ${thousands(missing)}, duplicates ${thousands(duplicates)}, out of order ${disordered} subscribers, not for them ${unexpected})`
            : ''),
      );
      console.log(
        `lag publish→receipt: p50 ${lags.percentile(50)} ms, p99 ${lags.percentile(99)} ms${goal ? ` (goal ≤ ${goal} ms)` : ''}, max ${lags.max} ms`,
      );
      console.log(
        `gateway: peak RSS ${mb(peakRss)} (over its life ${mb(after.peakRss)}), CPU ${cpuPercent.toFixed(0)} % of one core over ` +
          `${(windowMs / 1000).toFixed(1)} s, runnable but waiting for a CPU ${((100 * (after.runQueueMs - before.runQueueMs)) / windowMs).toFixed(0)} % of it, ` +
          `its event loop stalled up to ${maxStall.toFixed(1)} s; bench clients ${((100 * (benchCpu.user + benchCpu.system)) / 1000 / windowMs).toFixed(0)} % (${load()})`,
      );
      const metrics = await gatewayMetrics(hub);
      const metric = (name, label) => thousands(metricSum(metrics, name, label));
      console.log(
        `gateway entity reads: ${metric('subscription_entity_reads_total', 'outcome="ok"')} batched reads of ` +
          `${metric('subscription_entities_read_total')} entities, ${metric('subscription_entity_reads_total', 'outcome="failed"')} failed; ` +
          `CPU of the subgraphs over the window: ${hub
            .samples()
            .map(({ name, cpuMs }) => `${name} ${((100 * (cpuMs - (othersBefore.get(name) ?? 0))) / windowMs).toFixed(0)} %`)
            .join(', ')}`,
      );
      if (metricSum(metrics, 'subscription_entity_reads_total', 'outcome="failed"')) {
        const warnings = hub
          .output('gateway')
          .split('\n')
          .filter((line) => line.includes('could not read'));
        console.log(
          `  the gateway's last warnings about them:\n${warnings
            .slice(-3)
            .map((line) => `    ${line.slice(0, 600)}`)
            .join('\n')}`,
        );
      }
      const ended = live.filter((client) => client.ended).length;
      console.log(
        `subscription errors: ${[...errors.values()].reduce((a, b) => a + b, 0)}${errors.size ? ` (${[...errors].map(([code, n]) => `${n} × ${code}`).join(', ')})` : ''}` +
          `; subscriptions ended by the gateway: ${ended}`,
      );
      return { name, percent };
    } finally {
      for (const client of clients) client.close();
      await bus.close();
      await hub.stop();
      if (shape.cpuProf) console.log(`gateway CPU profile: ${profileSummary(shape.cpuProf)}`);
    }
  });
}

async function main() {
  const { shapes, overrides } = parseArgs(process.argv.slice(2));
  const results = [];
  for (const name of shapes) results.push(await runShape(name, overrides));
  const short = results.filter((result) => result.percent < 100);
  console.log(`\n${results.map((r) => `${r.name}: ${r.percent.toFixed(2)} % delivered`).join('; ')}`);
  if (short.length) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
