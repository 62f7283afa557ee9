import express from 'express';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import { mountOperationalRoutes } from './ops';

const TOKEN = 'a-metrics-token-of-thirty-two-chars-or-more';

/** GETs /metrics of an app mounted with `metrics`, with the given authorization header. */
async function metricsStatus(metrics: { token: string | null; open: boolean }, authorization?: string): Promise<number> {
  const app = express();
  mountOperationalRoutes(app, { registry: new Registry(), readiness: [], metrics });
  const server = createServer(app).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: authorization ? { authorization } : {} });
    return response.status;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

describe('mountOperationalRoutes: /metrics', () => {
  it('answers anyone when open (development without METRICS_TOKEN)', async () => {
    expect(await metricsStatus({ token: null, open: true })).toBe(200);
  });

  it('answers only the METRICS_TOKEN bearer when a token is set', async () => {
    expect(await metricsStatus({ token: TOKEN, open: false })).toBe(401);
    expect(await metricsStatus({ token: TOKEN, open: false }, `Bearer ${TOKEN}x`)).toBe(401);
    expect(await metricsStatus({ token: TOKEN, open: false }, `Bearer ${TOKEN}`)).toBe(200);
  });

  it('is not served at all when closed without a token (production)', async () => {
    expect(await metricsStatus({ token: null, open: false }, `Bearer ${TOKEN}`)).toBe(404);
  });
});
