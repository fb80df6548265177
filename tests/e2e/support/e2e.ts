import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, logIn, newContext } from './browser.ts';
import { apiSession, type E2eServer, startServer } from './server.ts';

// The set-up every browser suite shares: the server on a fresh demo company and Chromium, started
// before the file's tests and closed after them, and pages on that server.

export type Locale = 'zh-CN' | 'en-US';

export type E2e = {
  /** The running server (only inside a test or a hook). */
  readonly server: E2eServer;
  /** The running browser (only inside a test or a hook). */
  readonly browser: Browser;
  /** A page in a new browser context on the server, nobody logged in. */
  newPage: (locale?: Locale, isPhone?: boolean) => Promise<Page>;
  /** A page in a new browser context, logged in as `email` through the log-in screen. */
  pageFor: (email: string, locale?: Locale, isPhone?: boolean) => Promise<Page>;
  /** A session on the API directly, to look up or set up test data. */
  apiAs: (email: string) => ReturnType<typeof apiSession>;
};

/** Starts the server and the browser for the calling test file and closes both after it. */
export function e2eSuite(): E2e {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const running = () => {
    if (!server || !browser) throw new Error('the e2e server runs only inside a test or a hook');
    return { server, browser };
  };
  const newPage = async (locale: Locale = 'zh-CN', isPhone = false) => {
    const { server, browser } = running();
    return (await newContext(browser, server.url, locale, isPhone)).newPage();
  };
  return {
    get server() {
      return running().server;
    },
    get browser() {
      return running().browser;
    },
    newPage,
    pageFor: async (email, locale = 'zh-CN', isPhone = false) => {
      const page = await newPage(locale, isPhone);
      await logIn(page, email);
      return page;
    },
    apiAs: (email) => apiSession(running().server.api, email),
  };
}
