// How bench:gateway sends its queries and what it reads of a run: autocannon's requests (with the caller's
// token, or signed as our gateway signs a subgraph request), every response's time, the subgraphs'
// operations from their /metrics, and CPU time from /proc.
const autocannon = require('autocannon');
const platform = require('../platform/dist/src');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** The requests of one query, as autocannon sends them: POST bodies with the caller's token, if any. */
function requestsOf(entries, tokens) {
  return entries.map(({ caller, query, variables }) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(tokens[caller] ? { authorization: `Bearer ${tokens[caller]}` } : {}) },
    body: JSON.stringify({ query, variables }),
  }));
}

/** A request straight to `subgraph`, signed as our gateway signs it; the signature is renewed every second. */
function signedRequest(secret, subgraph, identity, body) {
  const encoded = platform.encodeIdentity(identity);
  const requestId = 'bench-direct';
  let signedAt = 0;
  let headers;
  const sign = () => {
    if (Date.now() - signedAt > 1000) {
      signedAt = Date.now();
      const signature = platform.signEncodedRequest(secret, encoded, { subgraph, body, requestId }, signedAt);
      headers = {
        'content-type': 'application/json',
        [platform.GATEWAY_HEADERS.identity]: encoded,
        [platform.GATEWAY_HEADERS.requestId]: requestId,
        ...signature,
      };
    }
    return headers;
  };
  return { method: 'POST', body, headers: sign(), setupRequest: (request) => ({ ...request, headers: sign() }), sign };
}

/** POSTs one request as autocannon would; resolves to its status and parsed body. */
async function send(url, { headers, body, sign }) {
  const response = await fetch(url, { method: 'POST', headers: sign ? sign() : headers, body });
  return { status: response.status, body: await response.json() };
}

/** Drives `url` with `requests` (each connection starting at another one) for `seconds`; per-response times in ms. */
function drive(url, requests, { seconds, connections }) {
  const times = [];
  let clients = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        requests,
        setupClient: (client) => {
          const offset = clients++ % requests.length;
          client.setRequests([...requests.slice(offset), ...requests.slice(0, offset)]);
        },
        // An answer with `errors` comes with 200 too: it counts as a mismatch.
        verifyBody: (body) => !body.includes('"errors"'),
      },
      (error, result) => (error ? reject(error) : resolve({ result, times })),
    );
    instance.on('response', (client, status, bytes, ms) => times.push(ms));
  });
}

/** Sum of graphql_requests_total over the subgraphs' /metrics: the operations they have handled. */
async function subgraphOperations(subgraphUrls) {
  let total = 0;
  for (const url of Object.values(subgraphUrls)) {
    const text = await (await fetch(new URL('/metrics', url))).text();
    for (const [, value] of text.matchAll(/^graphql_requests_total\{[^}]*\} (\S+)$/gm)) total += Number(value);
  }
  return total;
}

/** One measured run of a variant on a query. */
async function measure(hub, variant, requests, options) {
  const subgraphCpu = () => hub.samples().reduce((sum, { cpuMs: ms }) => sum + ms, 0);
  const before = { gateway: variant.cpuMs(), subgraphs: subgraphCpu(), operations: await subgraphOperations(hub.subgraphUrls) };
  const { result, times } = await drive(variant.url, requests, options);
  // Requests cut off at the end still reach the subgraphs: counted once they are done.
  await sleep(250);
  const operations = (await subgraphOperations(hub.subgraphUrls)) - before.operations;
  const n = result.requests.total || NaN;
  times.sort((a, b) => a - b);
  return {
    reqPerSec: result.requests.total / result.duration,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    operationsPerRequest: operations / n,
    gatewayCpuMs: (variant.cpuMs() - before.gateway) / n,
    subgraphCpuMs: (subgraphCpu() - before.subgraphs) / n,
    failed: result.non2xx + result.errors + result.mismatches,
  };
}

module.exports = { requestsOf, signedRequest, send, measure, drive };
