// What the training tests (training.mjs) share: a fresh browser context per test with
// Playwright's clock, a watch on every request and console error after a page has loaded,
// waiting for text, axe in both colour schemes, and the summary.
import assert from 'node:assert/strict';
import { axeFailures, axeViolations } from './axe.mjs';
import { newLoopbackContext } from './browser.mjs';
import { formatFailure } from './report.mjs';

// Monday 7 December 2026, 18:00 in London.
export const START = new Date('2026-12-07T18:00:00Z');

// One test's browser tab. Between the page loads the test asks for, any request the page
// makes is recorded: training must not talk to the server.
export class Trainer {
  static async create(browser, baseUrl, { initScript } = {}) {
    const blocked = [];
    const context = await newLoopbackContext(browser, (req) => blocked.push(req.url()), {
      viewport: { width: 390, height: 844 },
      timezoneId: 'Europe/London',
      locale: 'en-GB',
      acceptDownloads: true,
    });
    if (initScript) await context.addInitScript(initScript);
    const page = await context.newPage();
    page.setDefaultTimeout(10000);
    await page.clock.install({ time: START });
    await page.clock.pauseAt(START);
    return new Trainer(context, page, baseUrl, blocked);
  }

  constructor(context, page, baseUrl, blocked) {
    Object.assign(this, { context, page, baseUrl, blocked, requests: [], errors: [], watching: false });
    page.on('request', (req) => {
      if (this.watching && !/^(blob|data):/.test(req.url())) this.requests.push(req.url());
    });
    page.on('console', (msg) => msg.type() === 'error' && this.errors.push(msg.text()));
    page.on('pageerror', (err) => this.errors.push(err.message));
  }

  // Loads `path` (or reloads) and waits for the page's scripts to have run.
  async open(path) {
    this.watching = false;
    if (path) await this.page.goto(this.baseUrl + path);
    else await this.page.reload();
    // The browser's own requests of a page load (its icon, say) end before training starts.
    await this.page.waitForLoadState('networkidle');
    const ready = () => this.page.evaluate(() => !!document.querySelector('.timer, #log:not([hidden])'));
    await until(ready, /true/, 'the training script ran');
    this.watching = true;
  }

  // Simulates a tab asleep in the background for `ms`: the clock moves on but no timer in
  // the page runs, as when a phone locks; then the page becomes visible again.
  async sleep(ms) {
    const now = await this.page.evaluate(() => Date.now());
    await this.page.clock.setSystemTime(now + ms);
    await this.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  }

  // axe in light and dark on the page as it is now. axe uses timers, so the clock runs
  // meanwhile; it is paused again after.
  async axe(label) {
    await this.page.clock.resume();
    const failures = [];
    for (const colorScheme of ['light', 'dark']) {
      await this.page.emulateMedia({ colorScheme });
      failures.push(...axeFailures(`${this.page.url()} (${label})`, await axeViolations(this.page), colorScheme));
    }
    await this.page.emulateMedia({ colorScheme: 'light' });
    await this.page.clock.pauseAt((await this.page.evaluate(() => Date.now())) + 1000);
    assert.deepEqual(failures.map(formatFailure), [], `axe: ${label}`);
  }

  // Fails on requests made while training, console errors, requests to other hosts and
  // cookies; closes the context.
  async finish() {
    const cookies = await this.context.cookies();
    await this.context.close();
    assert.deepEqual(this.requests, [], 'no request may leave the page while training');
    assert.deepEqual(this.errors, [], 'no console errors');
    assert.deepEqual(this.blocked, [], 'no request to another host');
    assert.deepEqual(cookies, [], 'no cookies');
  }
}

// Waits until `read()` (text of a locator, usually) gives `expected` (a string or a
// RegExp), at most 5 s of real time.
export async function until(read, expected, what = '') {
  const deadline = Date.now() + 5000;
  let last;
  for (;;) {
    last = await read();
    const ok = expected instanceof RegExp ? expected.test(String(last)) : last === expected;
    if (ok) return last;
    if (Date.now() > deadline) assert.fail(`${what || 'value'}: expected ${expected}, got ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// The text of `locator` as shown (innerText), on one line.
export const text = (locator) => () => locator.innerText().then((t) => t.replace(/\s+/g, ' ').trim());

// Runs the named tests one after another, each in its own context; prints one line per
// test and "N passed, M failed" last. Returns the number failed.
export async function runTests(tests, browser, baseUrl, log = console.log) {
  let failed = 0;
  for (const { name, fn, options } of tests) {
    const started = Date.now();
    const t = await Trainer.create(browser, baseUrl, options);
    try {
      await fn(t);
      await t.finish();
      log(`ok   ${name} (${Date.now() - started} ms)`);
    } catch (err) {
      failed++;
      await t.context.close().catch(() => {});
      log(`FAIL ${name}\n  ${String(err?.stack || err).split('\n').slice(0, 12).join('\n  ')}`);
    }
  }
  log(`${tests.length - failed} passed, ${failed} failed`);
  return failed;
}
