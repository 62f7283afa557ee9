import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { AssignToAgencyDocument, NewAlertsDocument, ReportProblemDocument, VerifyReportDocument } from '../../__generated__/graphql';
import { eventually } from '../../test/support/eventually';
import { execute, startHub, type Hub } from '../../test/support/hub';

/** The README's live-events example works as written: examples/watchIncidents.js sees an assignment made by a mutation. */
describe('the README’s subscription example', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(() => hub.stop());

  const subscribers = async () => {
    const metrics = await (await fetch(new URL('/metrics', hub.gatewayUrl))).text();
    return Number(/^graphql_subscribers\{[^}]*\} (\d+)/m.exec(metrics)?.[1] ?? 0);
  };

  it('prints the incident update that an operator’s assignment causes', async () => {
    const child = spawn(process.execPath, [resolve(__dirname, '../../examples/watchIncidents.js')], {
      env: { ...process.env, TOKEN: hub.tokens.AGENCY_STAFF, GATEWAY_WS_URL: hub.gatewayUrl.replace(/^http/, 'ws') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    try {
      await eventually(async () => (await subscribers()) >= 1, { what: 'the example to subscribe' });
      const { tokens, gatewayUrl: url } = hub;
      await execute(url, ReportProblemDocument, {});
      const alert = (await execute(url, NewAlertsDocument, {}, { token: tokens.OPERATOR })).data!.alerts.edges[0].node;
      const incident = (await execute(url, VerifyReportDocument, { alertId: alert.id }, { token: tokens.OPERATOR })).data!.verifyAlert;
      await execute(url, AssignToAgencyDocument, { incidentId: incident.id }, { token: tokens.OPERATOR });
      await eventually(() => output.includes(incident.code), { what: `the example to print ${incident.code}` });
      expect(output).toMatch(
        new RegExp(`^\\[\\d+\\] incident\\.assigned ${incident.code} VERIFIED → ASSIGNED .* \\(Sở Xây dựng tỉnh Bình Phước\\)$`, 'm'),
      );
      // The agency did not see the incident before it was assigned to it.
      expect(output).not.toContain('incident.opened');
    } finally {
      child.kill();
    }
  });
});
