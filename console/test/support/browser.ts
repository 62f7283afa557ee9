import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (`.ci/run` installs it when missing); CHROMIUM_PATH names another. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Where the screenshots of each run go, for a person to look at (not compared by the tests). */
export const SCREENSHOTS = join(__dirname, '../../../test-output/console');

/**
 * Chromium headless (Playwright gives each launch a fresh, temporary profile), with nothing of its own on the
 * network: without these switches it calls Google's hosts for updates, safe browsing and sync, which a closed
 * network refuses.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** A browser context that may reach the hub only: every other request is refused and remembered. */
export interface HubContext {
  context: BrowserContext;
  page: Page;
  /** Requests (and WebSockets) to any other host, which the tests require to be none. */
  foreign: string[];
}

/**
 * Opens a context on the hub at `hubUrl` (the gateway's origin): 1920×1080 by default, the wall's screen;
 * `language` sets the browser's preference and the console's saved choice.
 */
export async function openHub(
  browser: Browser,
  hubUrl: string,
  {
    viewport = { width: 1920, height: 1080 },
    language = 'vi',
  }: { viewport?: { width: number; height: number }; language?: 'vi' | 'en' } = {},
): Promise<HubContext> {
  const origin = new URL(hubUrl).origin;
  const context = await browser.newContext({ viewport, locale: language === 'vi' ? 'vi-VN' : 'en-GB', timezoneId: 'Asia/Ho_Chi_Minh' });
  const foreign: string[] = [];
  const allowed = (url: string) =>
    url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank' || new URL(url).origin === origin;
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (allowed(url)) return route.continue();
    foreign.push(url);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript({ content: `localStorage.setItem('ioc-console-language', ${JSON.stringify(language)});` });
  const page = await context.newPage();
  page.on('websocket', (socket) => {
    const url = socket.url().replace(/^ws/, 'http');
    if (!allowed(url)) foreign.push(socket.url());
  });
  return { context, page, foreign };
}

/** Signs in on the demo picker as the demo person `subject` and waits for the console to show them. */
export async function signIn(page: Page, hubUrl: string, subject: string, screen = ''): Promise<void> {
  await page.goto(new URL(`/console/${screen}`, hubUrl).href);
  await page.locator(`button[data-subject="${subject}"]`).click();
  await page.locator(`.viewer[data-subject="${subject}"]`).waitFor();
}

/** Saves a full-page screenshot under test-output/console/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
