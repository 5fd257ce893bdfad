// The whole check run against one site: crawl from the start URLs, check every HTML page
// in Chromium (axe, links, console, screenshots, print), then validate all HTML with vnu.
// Used by suite.mjs (the real site) and selftest.mjs (fixture sites).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { axeFailures, axeViolations } from './axe.mjs';
import { launchBrowser, newLoopbackContext } from './browser.mjs';
import { COLOR_SCHEMES, VIEWPORTS } from './config.mjs';
import { watchConsole } from './console.mjs';
import { collectReferencesInPage, displayPath, isNonHtmlLink, normalizeUrl, runQueue } from './crawl.mjs';
import { checkReferences, Fetcher, isHtmlType, linkProblem } from './links.mjs';
import { isPrintPage, printChecks } from './print.mjs';
import { failure } from './report.mjs';
import { VnuBatch } from './vnu.mjs';

// Readable, unique file-name stems for pages: "/programs/x/week/1" -> "programs_x_week_1".
export class FileNames {
  constructor() {
    this.byName = new Map();
  }

  stem(url) {
    const u = new URL(url);
    const clean = (s) => s.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '');
    let name = clean(u.pathname) || 'index';
    if (u.search) name += '__' + clean(u.search.slice(1));
    if (name.length > 100) name = name.slice(0, 100);
    const owner = this.byName.get(name);
    if (owner !== undefined && owner !== url) {
      name += '-' + crypto.createHash('sha1').update(url).digest('hex').slice(0, 8);
    }
    this.byName.set(name, url);
    return name;
  }
}

// Merges axe failures found in several colour schemes: one failure per (rule, element).
function mergeAxe(perScheme) {
  const merged = new Map();
  for (const { label, failures } of perScheme) {
    for (const f of failures) {
      const key = `${f.rule}\u0000${f.element}`;
      const seen = merged.get(key);
      if (seen) seen.labels.push(label);
      else merged.set(key, { f, labels: [label] });
    }
  }
  return [...merged.values()].map(({ f, labels }) => ({ ...f, message: `${f.message} (seen in: ${labels.join(' and ')})` }));
}

// Browser tabs are reused from page to page (opening one costs ~0.2 s); a tab whose
// check went wrong is closed rather than reused.
class PagePool {
  constructor(context) {
    this.context = context;
    this.free = [];
  }

  async acquire() {
    return this.free.pop() || (await this.context.newPage());
  }

  async release(page, healthy) {
    if (healthy && !page.isClosed()) this.free.push(page);
    else await page.close().catch(() => {});
  }
}

async function checkPageInBrowser(ctx, url, expectedStatus) {
  const { pool, opts, fetcher, names } = ctx;
  const failures = [];
  const result = { failures, screenshots: 0, printChecks: [], pagesToCrawl: [] };
  const page = await pool.acquire();
  const finishConsole = watchConsole(page, url, { expectedStatus });
  let healthy = false;
  try {
    page.setDefaultTimeout(opts.navTimeoutMs);
    await page.setViewportSize({ width: VIEWPORTS[0].width, height: VIEWPORTS[0].height });
    await page.emulateMedia({ media: 'screen', colorScheme: 'light' });
    const response = await page.goto(url, { waitUntil: 'load', timeout: opts.navTimeoutMs });
    if (!response) {
      failures.push(failure(url, 'page-load', 'page-load', url, 'navigation produced no response'));
      return result;
    }
    if (response.status() !== expectedStatus) {
      failures.push(failure(url, 'page-load', 'page-load', url, `browser got HTTP ${response.status()}, expected ${expectedStatus}`));
    }
    await page.evaluate(() => document.fonts.ready.then(() => true));

    const { refs, targets } = await page.evaluate(collectReferencesInPage);
    const links = await checkReferences({ pageUrl: url, baseUrl: opts.baseUrl, refs, targets, fetcher });
    failures.push(...links.failures);
    result.pagesToCrawl = links.pagesToCrawl;

    const stem = names.stem(url);
    const axePerScheme = [];
    // Widest viewport first: axe in each colour scheme, then the screenshots.
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize({ width: viewport.width, height: viewport.height });
      const schemes = viewport === VIEWPORTS[0] ? COLOR_SCHEMES : [...COLOR_SCHEMES].reverse();
      for (const colorScheme of schemes) {
        await page.emulateMedia({ media: 'screen', colorScheme });
        if (viewport === VIEWPORTS[0] && opts.axeSchemes.includes(colorScheme)) {
          const violations = await axeViolations(page);
          axePerScheme.push({ label: `${colorScheme}, ${viewport.width}px`, failures: axeFailures(url, violations) });
        }
        if (opts.screenshotDir) {
          const file = path.join(opts.screenshotDir, `${stem}.${viewport.name}-${colorScheme}.png`);
          await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
          result.screenshots += 1;
        }
      }
    }
    failures.push(...mergeAxe(axePerScheme));

    if (isPrintPage(url)) {
      const printed = await printChecks(page, url, { pdfDir: opts.pdfDir, baseName: stem, pdfinfo: opts.pdfinfo });
      result.printChecks = printed.checks;
      failures.push(...printed.failures);
    }
    healthy = true;
  } catch (err) {
    failures.push(failure(url, 'page-load', 'page-load', url, `browser check aborted: ${err.message.split('\n')[0]}`));
  } finally {
    failures.push(...finishConsole());
    await pool.release(page, healthy);
  }
  return result;
}

// opts: {
//   baseUrl, startPaths: ['/'], extraUrls: [{ path, status }],
//   screenshotDir (null = no screenshots), pdfDir, concurrency, maxPages, navTimeoutMs,
//   suiteTimeoutMs, axeSchemes, chromium, java, pdfinfo, log (function or null),
//   browser (optional: an already launched browser to reuse)
// }
export async function runChecks(opts) {
  const started = Date.now();
  const deadline = started + opts.suiteTimeoutMs;
  const log = opts.log || (() => {});
  const baseUrl = opts.baseUrl.replace(/\/+$/, '');
  const o = { ...opts, baseUrl };
  for (const dir of [o.screenshotDir, o.pdfDir]) if (dir) fs.mkdirSync(dir, { recursive: true });

  const fetcher = new Fetcher({ timeoutMs: o.navTimeoutMs });
  const vnu = new VnuBatch();
  const names = new FileNames();
  const failures = [];
  const pages = [];
  const printResults = [];
  let screenshots = 0;
  let resourcesChecked = 0;

  // A caller may pass one browser for several runs (the self-test does); it then owns it.
  const browser = o.browser || (await launchBrowser(o.chromium));
  const context = await newLoopbackContext(browser);
  const ctx = { pool: new PagePool(context), opts: o, fetcher, names };

  const items = [];
  for (const p of o.startPaths || ['/']) items.push({ url: normalizeUrl(p, baseUrl + '/'), status: 200, origin: 'start' });
  for (const e of o.extraUrls || []) items.push({ url: normalizeUrl(e.path, baseUrl + '/'), status: e.status ?? 200, origin: 'extra' });

  let done = 0;
  let dropped = [];
  try {
    const outcome = await runQueue(items, {
      concurrency: o.concurrency,
      maxItems: o.maxPages,
      key: (item) => item.url,
      shouldStop: () => Date.now() > deadline,
      handler: async (item, enqueue) => {
        const t0 = Date.now();
        const res = await fetcher.get(item.url);
        // Start and extra URLs are checked here; crawled ones were checked as links already.
        if (item.origin !== 'crawl') {
          const exact = item.status !== 200 ? item.status : null;
          const problem = exact !== null
            ? res.error ? `request failed: ${res.error}` : res.status !== exact ? `HTTP ${res.status}, expected ${exact}` : null
            : linkProblem(res, { exact200: true });
          if (problem) {
            failures.push(failure(item.url, 'broken-link', 'broken-link', displayPath(item.url), `${item.origin} URL: ${problem}`));
            return;
          }
        }
        if (!isHtmlType(res.contentType) || isNonHtmlLink(item.url)) {
          resourcesChecked += 1;
          return;
        }
        pages.push(item.url);
        vnu.add(item.url, res.body ?? '');
        delete res.body; // saved for vnu; no need to keep every page in memory
        let r;
        try {
          r = await checkPageInBrowser(ctx, item.url, item.status);
        } catch (err) {
          r = { failures: [failure(item.url, 'page-load', 'page-load', item.url, `browser error: ${err.message.split('\n')[0]}`)],
            screenshots: 0, printChecks: [], pagesToCrawl: [] };
        }
        failures.push(...r.failures);
        screenshots += r.screenshots;
        printResults.push(...r.printChecks);
        enqueue(...r.pagesToCrawl.map((url) => ({ url, status: 200, origin: 'crawl' })));
        done += 1;
        const verdict = r.failures.length ? `FAIL (${r.failures.length})` : 'ok';
        log(`[${done}] ${displayPath(item.url)} ${verdict} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      },
    });
    dropped = outcome.dropped;
    if (dropped.length && Date.now() > deadline) {
      failures.push(failure(baseUrl + '/', 'suite-timeout', 'suite-timeout', '',
        `SUITE_TIMEOUT_S reached; ${dropped.length} queued URLs were not checked`));
    }
  } finally {
    await context.close().catch(() => {});
    if (!o.browser) await browser.close().catch(() => {});
  }

  try {
    log(`validating ${vnu.size} HTML documents with vnu...`);
    failures.push(...(await vnu.run({ java: o.java })));
  } catch (err) {
    failures.push(failure(baseUrl + '/', 'vnu', 'vnu could not run', '', err.message));
  } finally {
    vnu.cleanup();
  }

  // Links fetched but never crawled as pages (assets, feeds, ...) count as other URLs checked.
  resourcesChecked = Math.max(resourcesChecked, fetcher.size - pages.length);
  return {
    baseUrl,
    pages,
    failures,
    printChecks: printResults,
    screenshots,
    screenshotDir: o.screenshotDir,
    pdfDir: o.pdfDir,
    resourcesChecked,
    dropped,
    elapsedMs: Date.now() - started,
  };
}
