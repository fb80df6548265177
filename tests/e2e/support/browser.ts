import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

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

/** Picks an option of an antd Select that has no search box, found by a CSS selector. */
export async function chooseOption(page: Page, selector: string, option: string | RegExp): Promise<void> {
  await page.locator(selector).first().click();
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
  await dropdown.locator('.ant-select-item-option', { hasText: option }).first().click();
}

/** Drags one node of a tree onto another (its middle: "under it"), keeping the pointer's x so the level is kept. */
export async function dragOnto(page: Page, source: Locator, target: Locator): Promise<void> {
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('drag: a node is not on screen');
  const x = from.x + from.width / 2;
  await page.mouse.move(x, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(x + 5, from.y + from.height / 2 + 5, { steps: 4 });
  await page.mouse.move(x + 10, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
}

/**
 * Picks an option of a searchable antd Select by keyboard (type, wait for the match, Enter) and
 * waits until the Select shows it: a click can land while the list still animates.
 */
export async function pickByKeyboard(page: Page, selector: string, search: string): Promise<void> {
  const input = page.locator(selector);
  await input.click();
  await input.fill(search);
  await page.locator('.ant-select-item-option-active', { hasText: search }).waitFor();
  await input.press('Enter');
  await page.locator('.ant-select', { has: input }).getByTitle(search).waitFor();
}
