import { randomBytes } from 'node:crypto';
import { EnvironmentUnitPictureDocument } from '../../__generated__/graphql';
import { eventually } from '../../test/support/eventually';
import { startGatewayProcess, type GatewayProcess } from '../../test/support/gatewayProcess';
import { execute, startHub, type Hub } from '../../test/support/hub';
import { SpanKind, startOtlpReceiver, type OtlpReceiver, type ReceivedSpan } from '../../test/support/otlpReceiver';
import { freePort, startSubgraphProcess, type SubgraphProcess } from '../../test/support/subgraphProcess';

/** Batches leave every 100 ms instead of every 5 s: the spans arrive soon after the answer. */
const QUICK_EXPORT = { OTEL_BSP_SCHEDULE_DELAY: '100' };

/** The log lines (JSON) in a process's output. */
const logLines = (output: string) =>
  output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/**
 * OpenTelemetry across processes: a gateway and the directory and incidents subgraphs, each a process
 * of its own exporting to a collector of the test's (OTLP/HTTP JSON), the other subgraphs the hub's.
 */
describe('traces across the gateway and the subgraphs', () => {
  let hub: Hub;
  let receiver: OtlpReceiver;
  let directory: SubgraphProcess;
  let incidents: SubgraphProcess;
  let gateway: GatewayProcess;
  const tag = randomBytes(4).toString('hex');

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    hub = await startHub();
    const traced = { ...QUICK_EXPORT, OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, LOG_LEVEL: 'debug' };
    [directory, incidents] = await Promise.all([
      startSubgraphProcess(hub, 'directory', traced),
      startSubgraphProcess(hub, 'incidents', traced),
    ]);
    gateway = await startGatewayProcess(hub, traced, { directory: directory.url, incidents: incidents.url });
  }, 300_000);
  afterAll(async () => {
    await gateway?.stop();
    await Promise.all([directory?.stop(), incidents?.stop()]);
    await hub?.stop();
    await receiver?.close();
  });

  const picture = (url: string, requestId: string) =>
    execute(url, EnvironmentUnitPictureDocument, { code: '689' }, { token: hub.tokens.OPERATOR, headers: { 'x-request-id': requestId } });

  it('links the gateway operation, each subgraph fetch, the subgraph operations and their SQL statements in one trace', async () => {
    const requestId = `traced-${tag}`;
    const response = await picture(gateway.url, requestId);
    expect(response.errors).toBeUndefined();
    expect(response.data?.administrativeUnitByCode?.nameVi).toBeTruthy();

    const operation = await eventually(
      () =>
        receiver.spans.find(
          (s) => s.service === 'ioc-graph-gateway' && s.kind === SpanKind.SERVER && s.attributes['ioc_graph.request_id'] === requestId,
        ),
      { timeout: 60_000, what: "the gateway's operation span" },
    );
    expect(operation).toMatchObject({
      name: 'query EnvironmentUnitPicture',
      parentSpanId: '',
      attributes: expect.objectContaining({ 'graphql.operation.type': 'query', 'graphql.operation.name': 'EnvironmentUnitPicture' }),
    });
    const inTrace = () => receiver.spans.filter((s) => s.traceId === operation.traceId);
    for (const subgraph of ['directory', 'incidents']) {
      // The gateway's request to the subgraph, the subgraph's operation, and a statement it sent: a chain of parents.
      const { fetch, served, statement } = await eventually(
        () => {
          const fetch = inTrace().find((s) => s.kind === SpanKind.CLIENT && s.attributes['ioc_graph.subgraph'] === subgraph);
          const served = fetch && inTrace().find((s) => s.service === `ioc-graph-${subgraph}` && s.parentSpanId === fetch.spanId);
          const statement =
            served &&
            inTrace().find(
              // A statement's span (not a connection's: a pool opens one when its idle ones have closed).
              (s) =>
                s.attributes['db.system.name'] === 'postgresql' &&
                'db.query.text' in s.attributes &&
                receiver.ancestors(s).includes(served),
            );
          return statement && { fetch, served, statement };
        },
        { timeout: 60_000, what: `the spans of the ${subgraph} subgraph` },
      );
      expect(fetch).toMatchObject({ service: 'ioc-graph-gateway', name: `subgraph ${subgraph}` });
      expect(receiver.ancestors(fetch)).toContain(operation);
      expect(served).toMatchObject({ kind: SpanKind.SERVER, name: expect.stringMatching(/^query EnvironmentUnitPicture__/) });
      expect(served.attributes).toMatchObject({ 'ioc_graph.request_id': requestId, 'ioc_graph.subgraph': subgraph });
      expect(statement.service).toBe(`ioc-graph-${subgraph}`);
      expect(statement.attributes['db.query.text']).toEqual(expect.stringMatching(/select/i));
    }
    // The statements' shapes only: the unit's code ('689') and every other constant the ORM wrote in are masked.
    const statements = inTrace().flatMap((s) => (typeof s.attributes['db.query.text'] === 'string' ? [s.attributes['db.query.text']] : []));
    expect(statements.join('\n')).not.toMatch(/'|689/);
  });

  it('writes the trace id and the request id in the log lines of a request', async () => {
    const requestId = `logged-${tag}`;
    await picture(gateway.url, requestId);
    const line = await eventually(
      () => logLines(directory.output()).find((l) => l.msg === 'graphql operation' && l.requestId === requestId),
      { what: "the directory's log line of the operation" },
    );
    const served = await eventually(
      () => receiver.spans.find((s) => s.service === 'ioc-graph-directory' && s.attributes['ioc_graph.request_id'] === requestId),
      { timeout: 60_000, what: "the directory's operation span" },
    );
    expect(line).toMatchObject({
      service: 'directory',
      requestId,
      traceId: served.traceId,
      spanId: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
  });

  it('starts no tracing and exports nothing when OTEL_EXPORTER_OTLP_ENDPOINT is unset', async () => {
    // On the hub's own subgraphs, which do not trace either.
    const untraced = await startGatewayProcess(hub, { ...QUICK_EXPORT, LOG_LEVEL: 'debug' });
    const requestId = `untraced-${tag}`;
    try {
      expect((await picture(untraced.url, requestId)).errors).toBeUndefined();
    } finally {
      // A process that traced would export what it still holds while it stops: after its exit nothing more can come.
      await untraced.stop();
    }
    expect(logLines(untraced.output()).some((l) => String(l.msg).startsWith('tracing off'))).toBe(true);
    expect(receiver.spans.filter((s: ReceivedSpan) => s.attributes['ioc_graph.request_id'] === requestId)).toEqual([]);
    expect(logLines(untraced.output()).some((l) => 'traceId' in l)).toBe(false);
  });

  it('answers every request while the collector is down, and logs the failed exports once', async () => {
    const closed = await freePort();
    const orphan = await startGatewayProcess(hub, {
      ...QUICK_EXPORT,
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${closed}`,
      LOG_LEVEL: 'warn',
    });
    const failures = () => logLines(orphan.output()).filter((l) => String(l.msg).startsWith('tracing: spans could not be exported'));
    try {
      for (let i = 0; i < 3; i++) {
        const answers = await Promise.all(Array.from({ length: 10 }, (_, j) => picture(orphan.url, `orphan-${tag}-${i}-${j}`)));
        expect(answers.map((a) => a.errors ?? a.status)).toEqual(Array(10).fill(200));
        if (i === 0) await eventually(() => failures().length > 0, { timeout: 60_000, what: 'the failed export logged' });
      }
    } finally {
      await orphan.stop();
    }
    expect(failures()).toHaveLength(1);
  });
});
