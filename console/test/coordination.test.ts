import { demoId } from '@ioc-graph/directory';
import { categoryId } from '@ioc-graph/incidents';
import type { Browser, Page } from 'playwright-core';
import { IncidentDocument, OpenIncidentDocument, ReportAlertDocument } from '../../__generated__/graphql';
import { execute, startHub, type Hub } from '../../test/support/hub';
import { launchBrowser, openHub, screenshot, signIn, type HubContext } from './support/browser';

const sxd = demoId('agency', 'SXD-BP');
const tanPhu = demoId('unit', 'BP-689-TANPHU');

/** Waits until the open incident panel shows `state`. */
const stateIs = (page: Page, state: string) => page.locator(`[data-testid="incident-state"][data-state="${state}"]`).waitFor();

describe('the coordination screen', () => {
  let hub: Hub;
  let browser: Browser;
  const opened: HubContext[] = [];

  beforeAll(async () => {
    [hub, browser] = await Promise.all([startHub(), launchBrowser()]);
  });
  afterEach(async () => {
    for (const { context, foreign } of opened.splice(0)) {
      await context.close();
      expect(foreign).toEqual([]);
    }
  });
  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  const open = async (language: 'vi' | 'en' = 'vi') => {
    const context = await openHub(browser, hub.gatewayUrl, { language });
    opened.push(context);
    return context;
  };

  /** An alert from the hotline about the building site at 45 Lê Duẩn; returns its id. */
  const report = async (sourceRef: string, occurredAt: string) => {
    const reported = await execute(
      hub.gatewayUrl,
      ReportAlertDocument,
      {
        input: {
          sourceSystem: 'hotline-1022',
          sourceRef,
          categoryId: categoryId('URB_ILLEGAL_CONSTRUCTION'),
          headline: 'Xây dựng không phép tại 45 Lê Duẩn',
          place: '45 Lê Duẩn, phường Tân Phú',
          unitId: tanPhu,
          location: { latitude: 11.5381, longitude: 106.8962 },
          occurredAt,
        },
      },
      { token: hub.tokens.SYSTEM },
    );
    expect(reported.errors).toBeUndefined();
    return reported.data!.reportAlert.id;
  };

  it('walks an alert through verification, assignment, the agency inbox, moderation and publication', async () => {
    const alertId = await report('console-coordination-1', '2026-11-23T00:30:00Z');

    // The operator's desk: the alert in the queue, verified into an incident, assigned to the construction department.
    const operator = (await open()).page;
    // The browser's clock at the hub's (Monday 08:00 local), so that the countdown is known: 10 working days.
    await operator.clock.setFixedTime(new Date('2026-11-23T01:00:00Z'));
    await signIn(operator, hub.gatewayUrl, 'demo-operator', 'coordination');
    const alert = operator.locator(`[data-alert-id="${alertId}"]`);
    await alert.waitFor();
    await operator.getByTestId('incident-list').waitFor();
    // A second call about the same site arrives while the desk is open: the queue shows it, with the first as a duplicate.
    const secondId = await report('console-coordination-2', '2026-11-23T00:40:00Z');
    const second = operator.locator(`[data-alert-id="${secondId}"]`);
    await expect(second.locator('.coordination-duplicates').textContent()).resolves.toContain('Xây dựng không phép tại 45 Lê Duẩn');
    await screenshot(operator, 'coordination-desk');
    await alert.getByRole('button', { name: 'Xác minh, mở vụ việc' }).click();
    await stateIs(operator, 'VERIFIED');
    const incidentId = decodeURIComponent(new URL(operator.url()).pathname.split('/').pop()!);
    await operator.getByLabel('Cơ quan được giao').selectOption(sxd);
    await operator.getByRole('button', { name: 'Giao xử lý' }).click();
    await stateIs(operator, 'ASSIGNED');
    await expect(operator.getByTestId('sla').getAttribute('data-minutes')).resolves.toBe(String(10 * 480));
    await expect(operator.getByTestId('timeline').locator('li[data-action="assignAgency"]').count()).resolves.toBe(1);
    const code = (await operator.locator('#coordination-panel-title').textContent())!.split(' · ')[0];

    // Back at the desk, the second call is merged into the incident and leaves the queue.
    await operator.getByRole('link', { name: /Về danh sách/ }).click();
    await operator.locator(`[data-testid="incident-list"] [data-incident-id="${incidentId}"][data-state="ASSIGNED"]`).waitFor();
    await second.getByRole('button', { name: `Gộp vào ${code}` }).click();
    await second.waitFor({ state: 'detached' });
    await operator.locator(`[data-testid="incident-list"] [data-incident-id="${incidentId}"] a`).click();
    await stateIs(operator, 'ASSIGNED');

    // The agency's inbox: it takes the incident on and reports its result.
    const agency = (await open()).page;
    await signIn(agency, hub.gatewayUrl, 'demo-agency', 'coordination');
    const row = agency.locator(`[data-testid="coordination-inbox"] [data-incident-id="${incidentId}"]`);
    await row.waitFor();
    await screenshot(agency, 'coordination-inbox');
    await row.getByRole('link').click();
    await agency.getByRole('button', { name: 'Tiếp nhận' }).click();
    await stateIs(agency, 'ACCEPTED');
    await agency.getByLabel('Kết quả xử lý').fill('Đã đình chỉ thi công, chủ nhà cam kết tháo dỡ phần sai phép.');
    await agency.getByRole('button', { name: 'Báo cáo kết quả' }).click();
    await stateIs(agency, 'RESULT_SUBMITTED');

    // Back at the desk: the panel says the incident changed; the operator reloads, approves and publishes.
    await operator.getByRole('status').getByRole('button', { name: 'Tải lại' }).click();
    await stateIs(operator, 'RESULT_SUBMITTED');
    await expect(operator.getByTestId('incident-result').textContent()).resolves.toContain('Đã đình chỉ thi công');
    await operator.getByRole('button', { name: 'Duyệt kết quả' }).click();
    await stateIs(operator, 'APPROVED');
    await operator.getByLabel('Tóm tắt công khai').fill('Công trình xây dựng không phép đã bị đình chỉ.');
    await operator.getByRole('button', { name: 'Công khai' }).click();
    await stateIs(operator, 'PUBLISHED');
    await expect(operator.getByTestId('timeline').locator('li').count()).resolves.toBeGreaterThanOrEqual(6);
    await screenshot(operator, 'coordination-incident');

    // A leader reads it published.
    const read = await execute(hub.gatewayUrl, IncidentDocument, { id: incidentId }, { token: hub.tokens.LEADER });
    expect(read.data!.incident).toMatchObject({ state: 'PUBLISHED', agency: { code: 'SXD-BP' } });
  });

  it('shows a conflict when two operators act on one incident, and Reload shows the new state', async () => {
    const openedIncident = await execute(
      hub.gatewayUrl,
      OpenIncidentDocument,
      {
        input: {
          categoryId: categoryId('URB_ILLEGAL_CONSTRUCTION'),
          title: 'Lấn chiếm vỉa hè tại 12 Trần Hưng Đạo',
          description: 'Quán ăn đặt bàn ghế chiếm hết vỉa hè',
          unitId: tanPhu,
        },
      },
      { token: hub.tokens.OPERATOR },
    );
    expect(openedIncident.errors).toBeUndefined();
    const id = openedIncident.data!.openIncident.id;
    const [first, second] = [(await open()).page, (await open()).page];
    for (const page of [first, second]) {
      await signIn(page, hub.gatewayUrl, 'demo-operator', `coordination/${id}`);
      await stateIs(page, 'VERIFIED');
    }

    await first.getByLabel('Cơ quan được giao').selectOption(sxd);
    await first.getByRole('button', { name: 'Giao xử lý' }).click();
    await stateIs(first, 'ASSIGNED');

    // The second still shows the version it read: its step is refused and it says why.
    await second.getByLabel('Cơ quan được giao').selectOption(demoId('agency', 'PCCC-BP'));
    await second.getByRole('button', { name: 'Giao xử lý' }).click();
    const conflict = second.locator('.conflict');
    await conflict.waitFor();
    await expect(conflict.textContent()).resolves.toContain('Đã có người khác thay đổi');
    await conflict.getByRole('button', { name: 'Tải lại' }).click();
    await stateIs(second, 'ASSIGNED');
    await expect(second.locator('.conflict').count()).resolves.toBe(0);
  });

  it('speaks English after switching', async () => {
    const { page } = await open();
    await signIn(page, hub.gatewayUrl, 'demo-operator', 'coordination');
    await page.getByRole('heading', { name: 'Điều hành xử lý vụ việc' }).waitFor();
    await page.getByLabel('Ngôn ngữ').selectOption('en');
    await page.getByRole('heading', { name: 'Incident coordination' }).waitFor();
    await page.getByRole('heading', { name: 'New alerts' }).waitFor();
    await page.getByRole('heading', { name: 'Time-bound incidents' }).waitFor();
  });
});
