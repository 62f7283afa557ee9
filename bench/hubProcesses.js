// The hub as it is deployed: each subgraph of subgraphs/registry.json and the gateway in a process of its
// own, built from dist/ (`node subgraphs/<name>/dist/src/index.js`, `node gateway/dist/src/index.js`), on
// one scratch database that also holds the event log. A benchmark measures the gateway process alone
// (its RSS and CPU from /proc), kills and restarts one subgraph, and its own clients take none of the
// hub's CPU. Child output is kept (the last lines) and printed only when a process fails.
const { spawn } = require('node:child_process');
const { once } = require('node:events');
const { readFileSync } = require('node:fs');
const { createServer } = require('node:net');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const KEEP_OUTPUT = 8_000;
const READY_TIMEOUT_MS = 120_000;

// A benchmark that dies (an error, a broken pipe) must not leave the hub running: its processes go with it.
const running = new Set();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A free port on loopback, found by listening on port 0. */
async function freePort() {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  return port;
}

/** `node <script>` from the repository root; resolves once `<url>/readyz` answers 200. */
class HubProcess {
  constructor(name, script, env, execArgv = []) {
    this.name = name;
    this.script = script;
    this.env = env;
    this.execArgv = execArgv;
    this.child = null;
    this.output = '';
    /** Set while the process is meant to run: an exit then is a failure, reported with its output. */
    this.expected = false;
  }

  get baseUrl() {
    return `http://127.0.0.1:${this.env.PORT}`;
  }

  async start() {
    this.output = '';
    const child = spawn(process.execPath, [...this.execArgv, this.script], { cwd: root, env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk) => (this.output = (this.output + chunk.toString()).slice(-KEEP_OUTPUT));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('exit', (code, signal) => {
      if (this.child === child && this.expected) {
        console.error(`[bench] the ${this.name} process exited (${signal ?? code}); its last output:\n${this.output}`);
      }
    });
    this.child = child;
    this.expected = true;
    running.add(child);
    child.once('exit', () => running.delete(child));
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        this.expected = false;
        throw new Error(`the ${this.name} process exited (${child.signalCode ?? child.exitCode}) before it was ready:\n${this.output}`);
      }
      const response = await fetch(`${this.baseUrl}/readyz`, { signal: AbortSignal.timeout(2_000) }).catch(() => null);
      if (response?.ok) return;
      if (Date.now() > deadline) throw new Error(`the ${this.name} process was not ready within ${READY_TIMEOUT_MS} ms:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Ends it with `signal` and waits for the exit (SIGTERM lets it flush, e.g. a CPU profile). */
  async end(signal) {
    const child = this.child;
    this.expected = false;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }

  get pid() {
    return this.child?.pid;
  }
}

/**
 * The settings every process of a benchmark's hub shares on `databaseUrl`: the machine's environment,
 * minus what would change how the services behave (a NODE_ENV=test or production).
 */
function benchEnv(databaseUrl) {
  const base = { ...process.env };
  delete base.NODE_ENV;
  return {
    ...base,
    LOG_LEVEL: 'warn',
    DATABASE_URL: databaseUrl,
    // The event log of the PostgreSQL bus, whatever the shell says: benchmarks publish to it and read it.
    EVENT_BUS: 'postgres',
    EVENT_BUS_URL: databaseUrl,
    HOST: '127.0.0.1',
  };
}

/** A subgraph's settings (`entry` of subgraphs/registry.json): the demo data, no scheduler, where its dependencies listen (`urlOf`), its port. */
function subgraphEnv(common, entry, urlOf, port) {
  const platform = require('../platform/dist/src');
  return {
    ...common,
    SEED_DEMO_DATA: 'true',
    SCHEDULER_INTERVAL_MS: '0',
    ...Object.fromEntries(entry.dependencies.map((name) => [platform.urlVariable(name), urlOf(name)])),
    PORT: String(port),
  };
}

/**
 * Starts the hub as processes on `databaseUrl` (see bench/support.js `withDatabase`). `gatewayEnv` is added
 * to the gateway's settings; `gatewayExecArgv` to its node (e.g. `--cpu-prof`). Resolves to its URLs, a
 * token for any identity, `restart(name)`, `sample()`, the gateway's pid and settings, and `stop()`.
 */
async function startHubProcesses(databaseUrl, { gatewayEnv = {}, gatewayExecArgv = [] } = {}) {
  const platform = require('../platform/dist/src');
  const { readGatewayConfig } = require('../gateway/dist/src/server');
  const common = benchEnv(databaseUrl);
  const subgraphs = {};
  const started = [];
  const stopAll = async () => {
    for (const service of started.reverse()) await service.end('SIGTERM');
  };
  try {
    // In registry order (every subgraph after its dependencies), each told where its dependencies listen.
    for (const entry of platform.subgraphRegistry()) {
      const port = await freePort();
      const env = subgraphEnv(common, entry, (name) => subgraphs[name].url, port);
      const service = new HubProcess(entry.name, `subgraphs/${entry.name}/dist/src/index.js`, env);
      started.push(service);
      await service.start();
      subgraphs[entry.name] = { service, url: `${service.baseUrl}/graphql` };
    }
    const gatewayPort = await freePort();
    const env = {
      ...common,
      ...Object.fromEntries(Object.entries(subgraphs).map(([name, { url }]) => [`SUBGRAPH_${name.toUpperCase()}_URL`, url])),
      RATE_LIMIT_PER_MINUTE: '0',
      SUBSCRIBER_MAX_LAG: '1000000',
      ...gatewayEnv,
      PORT: String(gatewayPort),
    };
    const gateway = new HubProcess('gateway', 'gateway/dist/src/index.js', env, gatewayExecArgv);
    started.push(gateway);
    await gateway.start();
    const { auth } = readGatewayConfig(platform.envReader(env));
    const ticks = clockTicks();
    return {
      gatewayUrl: `${gateway.baseUrl}/graphql`,
      gatewayPid: gateway.pid,
      /** The environment the gateway runs with: another gateway given it (and a PORT of its own) serves the same subgraphs. */
      gatewayEnv: env,
      wsUrl: `${gateway.baseUrl.replace(/^http/, 'ws')}/graphql`,
      metricsUrl: `${gateway.baseUrl}/metrics`,
      subgraphUrls: Object.fromEntries(Object.entries(subgraphs).map(([name, { url }]) => [name, url])),
      /** A token for any identity ({ subject, roles, agencyId, fieldUnitId, scopeUnitId }), signed as the gateway expects. */
      tokenFor: (identity) => platform.issueToken(identity, { ...auth, expiresIn: '2h' }),
      /** `kill -9` of one subgraph, then the same subgraph again on the same port; resolves once it is ready. */
      async restart(name) {
        const { service } = subgraphs[name];
        const downAt = Date.now();
        await service.end('SIGKILL');
        const killedAt = Date.now();
        await service.start();
        return { killMs: killedAt - downAt, downMs: Date.now() - downAt };
      },
      /** The gateway process's resident memory (now and its peak, bytes), CPU time and time waiting for a CPU so far (ms), from /proc. */
      sample() {
        const status = readFileSync(`/proc/${gateway.pid}/status`, 'utf8');
        const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
        // /proc/<pid>/schedstat: time on a CPU, then time runnable but waiting for one (ns): what a busy machine took from it.
        const [, waitNs] = readFileSync(`/proc/${gateway.pid}/schedstat`, 'utf8').split(' ').map(Number);
        return { at: Date.now(), rss: kb('VmRSS'), peakRss: kb('VmHWM'), cpuMs: cpuMsOf(gateway.pid, ticks), runQueueMs: waitNs / 1e6 };
      },
      /** Each subgraph process's CPU time so far (ms): which of them a run kept busy. */
      samples: () => Object.entries(subgraphs).map(([name, { service }]) => ({ name, cpuMs: cpuMsOf(service.pid, ticks) })),
      /** The last lines a process wrote (`gateway` or a subgraph's name). */
      output: (name) => (name === 'gateway' ? gateway : subgraphs[name].service).output,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/**
 * Starts `node <script>` (from the repository root) with `env`, which names its PORT, and resolves once its
 * `/readyz` answers 200: another server beside the hub, stopped with the benchmark if not before.
 * `execArgv` goes to its node (e.g. `--cpu-prof`).
 */
async function startService(name, script, env, execArgv = []) {
  const service = new HubProcess(name, script, env, execArgv);
  await service.start();
  const ticks = clockTicks();
  return {
    url: `${service.baseUrl}/graphql`,
    pid: service.pid,
    /** Its CPU time so far (ms). */
    cpuMs: () => cpuMsOf(service.pid, ticks),
    output: () => service.output,
    stop: () => service.end('SIGTERM'),
  };
}

/** A process's user and system CPU time (ms): fields 14 and 15 of /proc/<pid>/stat, after the parenthesised name, in clock ticks. */
function cpuMsOf(pid, ticks) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
  } catch {
    return 0;
  }
}

let ticksPerSecond;
/** Clock ticks per second of /proc/<pid>/stat (`getconf CLK_TCK`, 100 on Linux), asked once. */
function clockTicks() {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(require('node:child_process').execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** A process's CPU time so far (ms), from /proc; 0 once it is gone. */
const cpuMs = (pid) => cpuMsOf(pid, clockTicks());

module.exports = { startHubProcesses, startService, freePort, cpuMs, benchEnv, subgraphEnv };
