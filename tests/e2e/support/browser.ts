import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = 'artifacts/screenshots';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export async function newContext(
  browser: Browser,
  baseURL: string,
  locale: 'zh-CN' | 'en-US',
  isPhone = false,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    locale,
    timezoneId: 'Asia/Shanghai',
    viewport: isPhone ? { width: 390, height: 844 } : { width: 1366, height: 860 },
    ...(isPhone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  context.setDefaultTimeout(15_000);
  return context;
}

export async function logIn(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await page.locator('input#email').fill(email);
  await page.locator('input#password').fill('pacer-demo');
  await page.locator('button[type=submit]').click();
  await page.getByTestId('account-menu').waitFor();
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}/${name}.png`;
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path, fullPage: true });
  console.log(`screenshot: ${path}`);
  return path;
}

/** The text of every item in the side menu, in order. */
export async function menuItems(page: Page): Promise<string[]> {
  await page.getByTestId('side-menu').locator('.ant-menu-item').first().waitFor({ state: 'attached' });
  return page.getByTestId('side-menu').locator('.ant-menu-item').allInnerTexts();
}

/** Picks an option in an antd Select found by its label, typing to search first. */
export async function pickOption(
  page: Page,
  label: string | RegExp,
  search: string,
  option?: string | RegExp,
): Promise<void> {
  const box = page.getByLabel(label, { exact: typeof label === 'string' }).first();
  await box.click();
  await box.fill(search);
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
  await dropdown
    .locator('.ant-select-item-option', { hasText: option ?? search })
    .first()
    .click();
}
