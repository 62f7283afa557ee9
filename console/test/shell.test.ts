import type { Browser } from 'playwright-core';
import { eventually } from '../../test/support/eventually';
import { startHub, type Hub } from '../../test/support/hub';
import { launchBrowser, openHub, screenshot, signIn, type HubContext } from './support/browser';

/** The screens each demo person's role opens, as the navigation lists them. */
const SCREENS_OF: Record<string, string[]> = {
  'demo-leader': ['wall', 'command'],
  'demo-operator': ['wall', 'coordination', 'dispatch', 'command'],
  'demo-agency': ['coordination', 'dispatch', 'command'],
  'demo-field': [],
};

describe('the console shell', () => {
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

  const open = async (url = hub.gatewayUrl) => {
    const context = await openHub(browser, url);
    opened.push(context);
    return context;
  };

  it.each(Object.entries(SCREENS_OF))("shows %s the screens of that person's role", async (subject, screens) => {
    const { page } = await open();
    await signIn(page, hub.gatewayUrl, subject);
    const links = await page.locator('.top nav a').all();
    const hrefs = await Promise.all(links.map((link) => link.getAttribute('href')));
    expect(hrefs).toEqual(screens.map((s) => `/console/${s}`));
    if (screens.length) await page.waitForURL(`**/console/${screens[0]}`);
    await expect(page.locator('.connection').getAttribute('data-connected')).resolves.toBe('true');
  });

  it('signs in in Vietnamese by default and switches to English', async () => {
    const { page } = await open();
    await page.goto(new URL('/console/', hub.gatewayUrl).href);
    await page.getByRole('heading', { name: 'Đăng nhập bảng điều khiển' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('vi');
    await screenshot(page, 'sign-in-vi');
    await page.getByLabel('Ngôn ngữ').selectOption('en');
    await page.getByRole('heading', { name: 'Sign in to the console' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
  });

  it('renews the token before it expires and keeps the live connection', async () => {
    // Tokens of 60 s: the console renews at 80 % of their life and reconnects its socket with the new one.
    const gateway = await hub.startGateway({ CONSOLE_DEMO_TOKEN_LIFETIME: '60' });
    const origin = new URL(gateway.url).origin;
    const { page } = await open(gateway.url);
    const renewals: string[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/console/sign-in') && response.ok()) renewals.push(response.url());
    });
    await signIn(page, origin, 'demo-operator');
    await eventually(() => renewals.length >= 2, { timeout: 90_000, what: 'a renewed token' });
    await page.locator('.connection[data-connected="true"]').waitFor({ timeout: 30_000 });
    await gateway.server.stop();
  });
});
