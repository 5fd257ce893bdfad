// Installable and offline, in Chromium with service workers allowed (the crawl in
// suite.mjs blocks them). One browser profile goes through what a runner does: a first
// visit, the worker taking control, a revalidation that costs a 304, the visited week page
// with no network, the offline page for a page never kept, saving a programme and opening
// its never-visited week 3 with no network, the offline page listing it, a new deploy with
// another stylesheet picked up on the next visit, and Remove. "Offline" is both Playwright's
// setOffline and the server stopped, so nothing can answer but the worker.
//
//   node offline.mjs    # from tests/browser; needs target/release/runstrong and, for the
//                       # deploy check, RUNSTRONG_DEPLOY_BIN (run.sh builds it)
//
// Prints one line per check and "N passed, M failed" last. See README.md.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { axeViolations } from './lib/axe.mjs';
import { chromium } from 'playwright-core';
import { isLoopbackUrl } from './lib/browser.mjs';
import { CHROMIUM_ARGS, REPO_ROOT, SUITE_DIR } from './lib/config.mjs';
import { startProcessServer } from './lib/server.mjs';

const PROGRAMME = '/programs/home';
// A plan of four parts (four weeks each), to save whole.
const PLAN =
  '/plan?program=home&place=home&days=mon,wed,fri&long_run=sun&hard=tue&start=2026-12-07&race=2027-03-21&sessions=2';
const TIMEOUT_MS = 20000;
const env = process.env;
const outDir = path.join(SUITE_DIR, 'out');
const results = [];

async function check(name, body) {
  try {
    const detail = await body();
    results.push({ name, ok: true });
    console.log(`ok   ${name}${detail ? `: ${detail}` : ''}`);
  } catch (error) {
    results.push({ name, ok: false, detail: error.message });
    console.log(`FAIL ${name}: ${error.message.split('\n')[0]}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// One address, served in turn by the build under test and by the second deploy.
class Origin {
  constructor(port) {
    this.port = port;
    this.base = `http://127.0.0.1:${port}`;
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runstrong-offline-'));
    this.server = null;
    this.starts = 0;
  }

  async serve(bin) {
    await this.stop();
    this.starts += 1;
    this.server = await startProcessServer(
      bin,
      ['serve', '--addr', `127.0.0.1:${this.port}`, '--content', env.RUNSTRONG_CONTENT || 'content', '--db', path.join(this.dir, `${this.starts}.db`)],
      { cwd: REPO_ROOT, logFile: path.join(outDir, `offline-server-${this.starts}.log`) },
    );
  }

  async stop() {
    if (this.server) await this.server.stop();
    this.server = null;
  }

  async text(urlPath) {
    const response = await fetch(this.base + urlPath);
    assert(response.ok, `${urlPath} answered ${response.status}`);
    return response.text();
  }
}

const stylesheetOf = (html) => /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1];
const versionOf = (worker) => /const VERSION = "([0-9a-f]+)"/.exec(worker)?.[1];

// What the page shows: its main heading, its stylesheet and whether that loaded, and
// how many of its exercise stills are shown and how many failed to load.
function looks(page) {
  return page.evaluate(() => {
    const link = document.querySelector('link[rel=stylesheet]');
    let rules = 0;
    try {
      rules = link?.sheet?.cssRules.length || 0;
    } catch {
      rules = 0;
    }
    const stills = [...document.querySelectorAll('img.still')];
    const broken = stills.filter((img) => !img.complete || img.naturalWidth === 0).length;
    return { h1: document.querySelector('h1')?.textContent.trim(), css: link?.getAttribute('href'), rules, stills: stills.length, broken };
  });
}

async function open(page, urlPath, base) {
  await page.goto(base + urlPath, { waitUntil: 'load', timeout: TIMEOUT_MS });
  return looks(page);
}

async function axeClean(page, where) {
  const found = [];
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const v of await axeViolations(page)) found.push(`${v.id} (${scheme}): ${v.nodes.map((n) => n.target).join(', ')}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  assert(!found.length, `axe on ${where}: ${found.join('; ')}`);
}

// What the worker keeps, read through the page's own Cache Storage.
function cacheContents(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      out[name] = [];
      for (const request of await cache.keys()) {
        const body = await (await cache.match(request)).arrayBuffer();
        out[name].push({ url: request.url, bytes: body.byteLength });
      }
    }
    return out;
  });
}

async function main() {
  const bin = path.resolve(REPO_ROOT, env.RUNSTRONG_BIN || 'target/release/runstrong');
  const deployBin = env.RUNSTRONG_DEPLOY_BIN ? path.resolve(REPO_ROOT, env.RUNSTRONG_DEPLOY_BIN) : null;
  fs.mkdirSync(outDir, { recursive: true });
  const origin = new Origin(await freePort());
  // A profile of its own rather than an incognito context, in which Chromium would not
  // offer to install the site.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'runstrong-offline-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    reducedMotion: 'reduce',
    serviceWorkers: 'allow',
  });
  // Service workers and routing do not mix, so requests are watched, not routed: any
  // request off loopback fails the run.
  const strays = [];
  const revalidations = [];
  context.on('request', (request) => {
    if (!isLoopbackUrl(request.url())) strays.push(request.url());
  });
  context.on('response', (response) => {
    if (response.request().serviceWorker() && response.status() === 304) revalidations.push(response.url());
  });
  const scriptErrors = [];
  const page = context.pages()[0] || (await context.newPage());
  const cdp = await context.newCDPSession(page);
  page.on('pageerror', (error) => scriptErrors.push(error.message));
  page.setDefaultTimeout(TIMEOUT_MS);
  const base = origin.base;
  // Offline: no network, no server, and an empty HTTP cache, so that only what the
  // worker kept can answer.
  const offline = async () => {
    await context.setOffline(true);
    await origin.stop();
    await cdp.send('Network.clearBrowserCache');
  };
  const online = async (server = bin) => {
    await origin.serve(server);
    await context.setOffline(false);
  };

  let saved = '';
  let stored = '';
  try {
    await online();
    const firstVersion = versionOf(await origin.text('/sw.js'));

    await check('the manifest is complete and its icons load', async () => {
      await open(page, '/', base);
      const manifest = await page.evaluate(async () => (await fetch('/manifest.webmanifest')).json());
      for (const key of ['name', 'short_name', 'start_url', 'scope', 'theme_color', 'background_color']) {
        assert(manifest[key], `the manifest has no ${key}`);
      }
      assert(manifest.display === 'standalone', `display is ${manifest.display}`);
      const sizes = [];
      for (const icon of manifest.icons) {
        const size = await page.evaluate(async (src) => {
          const image = new Image();
          image.src = src;
          await image.decode();
          return `${image.naturalWidth}x${image.naturalHeight}`;
        }, icon.src);
        assert(size === icon.sizes, `${icon.src} is ${size}, the manifest says ${icon.sizes}`);
        sizes.push(`${size} ${icon.purpose}`);
      }
      assert(sizes.some((s) => s.endsWith('maskable')), 'no maskable icon');
      const { errors } = await cdp.send('Page.getAppManifest');
      assert(!errors.length, `Chromium reads the manifest with errors: ${JSON.stringify(errors)}`);
      return sizes.join(', ');
    });

    await check('the worker takes control', async () => {
      // The page that registered it first (the home page, still open), then the next one.
      // A page whose navigation began while the worker was still activating would be
      // left to the network until the one after: hence one page at a time.
      const controlled = (where) =>
        page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: TIMEOUT_MS }).catch(async () => {
          const state = await page.evaluate(async () => {
            const registration = await navigator.serviceWorker.getRegistration();
            if (!registration) return 'no registration';
            const { installing, waiting, active } = registration;
            return JSON.stringify({ installing: installing?.state, waiting: waiting?.state, active: active?.state });
          });
          throw new Error(`no worker controls ${where} after ${TIMEOUT_MS} ms: ${state}`);
        });
      await controlled('the page that registered it');
      await open(page, `${PROGRAMME}/week/1`, base);
      await controlled('the next page');
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      assert(!installabilityErrors.length, `not installable: ${JSON.stringify(installabilityErrors)}`);
      return 'and Chromium finds the site installable';
    });

    await check('a page kept and unchanged costs a 304', async () => {
      await page.waitForFunction(async () => Boolean(await caches.match(location.href)), null, { timeout: TIMEOUT_MS });
      revalidations.length = 0;
      await page.reload({ waitUntil: 'load' });
      const url = `${base}${PROGRAMME}/week/1`;
      assert(revalidations.includes(url), `no 304 for the week page; the worker's 304s: ${revalidations.join(' ') || 'none'}`);
    });

    await check('offline, the visited week page opens', async () => {
      await offline();
      const shown = await open(page, `${PROGRAMME}/week/1`, base);
      assert(/week 1$/.test(shown.h1 || ''), `the page shows "${shown.h1}"`);
      assert(shown.rules > 0, `its stylesheet ${shown.css} did not load`);
      assert(shown.stills > 0 && !shown.broken, `${shown.broken} of ${shown.stills} exercise stills did not load`);
    });

    await check('offline, a page not kept shows the offline page', async () => {
      const shown = await open(page, '/articles/plyometrics', base);
      assert(shown.h1 === 'Saved for offline', `the page shows "${shown.h1}"`);
      assert(await page.isVisible('#away'), 'the note that this page is not saved is hidden');
      await axeClean(page, 'the offline page shown for a page not kept');
    });

    await check('"Save this programme for offline" saves it, with progress, then offers Remove', async () => {
      await online();
      await open(page, PROGRAMME, base);
      const save = page.getByRole('button', { name: 'Save this programme for offline' });
      await save.click();
      await page.waitForSelector('.offline-save [role=status]:has-text("Saved on this device")');
      assert(await page.getByRole('button', { name: 'Remove' }).isVisible(), 'no Remove button');
      const progress = await page.evaluate(() => {
        const bar = document.querySelector('.offline-save progress');
        return `${bar.value}/${bar.max}`;
      });
      saved = await page.textContent('.offline-save [role=status]');
      assert(progress.split('/')[0] === progress.split('/')[1] && progress !== '0/1', `progress ends at ${progress}`);
      await axeClean(page, 'a saved programme page');
      return saved.trim();
    });

    let calendar = null;
    await check("offline, a saved programme's week 3, never visited, opens", async () => {
      calendar = await page.getAttribute('.offline-save [role=status] a', 'href');
      await offline();
      const week = await open(page, `${PROGRAMME}/week/3`, base);
      assert(/week 3$/.test(week.h1 || ''), `week 3 shows "${week.h1}"`);
      assert(week.rules > 0, 'its stylesheet did not load');
      assert(week.stills > 0 && !week.broken, `${week.broken} of ${week.stills} exercise stills did not load`);
      const print = await open(page, `${PROGRAMME}/print`, base);
      assert(/print all weeks$/.test(print.h1 || '') || print.rules > 0, `the print page shows "${print.h1}"`);
      const ics = await page.evaluate(async (url) => (await fetch(url)).text(), calendar);
      assert(ics.includes('BEGIN:VEVENT'), 'the calendar file is not kept');
    });

    await check('offline, the offline page lists what is saved', async () => {
      const shown = await open(page, '/offline', base);
      assert(shown.h1 === 'Saved for offline', `the page shows "${shown.h1}"`);
      await page.waitForSelector('#saved h3 a');
      const links = await page.$$eval('#saved a', (as) => as.map((a) => a.getAttribute('href')));
      assert(links.includes(PROGRAMME) && links.some((l) => l.endsWith(`${PROGRAMME}/week/3`)), `links: ${links.join(' ')}`);
      await axeClean(page, '/offline with a saved programme');
      const contents = await cacheContents(page);
      const name = Object.keys(contents).find((n) => n.startsWith(`saved:${PROGRAMME} `));
      assert(name, `no saved cache: ${Object.keys(contents).join(', ')}`);
      const files = contents[name];
      const total = files.reduce((sum, f) => sum + f.bytes, 0);
      stored = files.map((f) => `    ${String(f.bytes).padStart(7)}  ${f.url.slice(base.length)}`).join('\n');
      stored += `\n    ${String(total).padStart(7)}  in all (${files.length} files, bodies as kept, uncompressed)`;
      const shell = Object.entries(contents).find(([n]) => n.startsWith('assets-'))?.[1] || [];
      const shared = shell.reduce((sum, f) => sum + f.bytes, 0);
      stored += `\n  and, shared by every saved page, the shell (${shell.length} files, ${shared} bytes):`;
      stored += shell.map((f) => `\n    ${String(f.bytes).padStart(7)}  ${f.url.slice(base.length)}`).join('');
      return `${files.length} files, ${total} bytes`;
    });

    await check('a new deploy (another stylesheet) is picked up on the next visit', async () => {
      assert(deployBin && fs.existsSync(deployBin), 'no second build: set RUNSTRONG_DEPLOY_BIN (run.sh builds one)');
      await online(deployBin);
      const expected = stylesheetOf(await origin.text(`${PROGRAMME}/week/1`));
      const nextVersion = versionOf(await origin.text('/sw.js'));
      const before = (await looks(page)).css;
      assert(expected && expected !== before, `the second build links the same stylesheet ${expected}`);
      assert(nextVersion !== firstVersion, 'the worker version did not change with the stylesheet');
      const shown = await open(page, `${PROGRAMME}/week/1`, base);
      assert(shown.css === expected && shown.rules > 0, `the page links ${shown.css}, not ${expected}`);
      await page.waitForFunction(
        async ([next, first]) => {
          const names = await caches.keys();
          return names.includes(`assets-${next}`) && !names.includes(`assets-${first}`);
        },
        [nextVersion, firstVersion],
        { timeout: TIMEOUT_MS },
      );
      await offline();
      const again = await open(page, `${PROGRAMME}/week/1`, base);
      assert(again.css === expected && again.rules > 0, 'offline, the new stylesheet is not kept');
      const kept = await open(page, `${PROGRAMME}/week/3`, base);
      assert(kept.rules > 0, `the saved week 3 points at ${kept.css}, which is gone`);
      return `${before} -> ${expected}, worker ${firstVersion} -> ${nextVersion}`;
    });

    await check('Remove takes the saved programme off the device', async () => {
      await open(page, PROGRAMME, base);
      await page.getByRole('button', { name: 'Remove' }).click();
      await page.waitForSelector('.offline-save [role=status]:has-text("Removed")');
      const names = await page.evaluate(() => caches.keys());
      assert(!names.some((n) => n.startsWith('saved:')), `still kept: ${names.join(', ')}`);
      const week = await open(page, `${PROGRAMME}/week/3`, base);
      assert(week.h1 === 'Saved for offline', `offline, week 3 still shows "${week.h1}"`);
      await page.getByRole('heading', { name: 'Programmes and plans' }).waitFor();
    });

    await check('a saved plan opens offline, every part and its calendar', async () => {
      await online(deployBin || bin);
      await open(page, PLAN, base);
      await page.getByRole('button', { name: 'Save this plan for offline' }).click();
      await page.waitForSelector('.offline-save [role=status]:has-text("Saved on this device")');
      await page.emulateMedia({ media: 'print' });
      const printed = await page.isVisible('.offline-save');
      await page.emulateMedia({ media: 'screen' });
      assert(!printed, 'the saving controls would be printed with the plan');
      const parts = await page.$$eval('a[data-save]', (as) => as.map((a) => a.getAttribute('href')));
      const ics = parts.find((href) => href.startsWith('/plan.ics?'));
      await offline();
      const later = parts.filter((href) => href.includes('&part=') && !href.endsWith('&part=1'));
      assert(later.length >= 2, `a plan of one part: ${parts.join(' ')}`);
      for (const part of later) {
        await open(page, part, base);
        const shown = await page.textContent('.pager');
        assert(/Weeks \d+ to \d+ of \d+/.test(shown || ''), `offline, ${part} shows "${shown}"`);
      }
      const calendar = await page.evaluate(async (url) => (await fetch(url)).text(), ics);
      assert(calendar.includes('BEGIN:VEVENT'), 'the plan calendar is not kept');
      return `${later.length + 1} parts and the calendar`;
    });

    await check('no script error, and no request off loopback', async () => {
      assert(!scriptErrors.length, `uncaught: ${scriptErrors.join('; ')}`);
      assert(!strays.length, `requests off loopback: ${strays.join(' ')}`);
    });
  } finally {
    await context.close().catch(() => {});
    await origin.stop();
    fs.rmSync(origin.dir, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }

  if (stored) console.log(`\nwhat a saved programme (${PROGRAMME}) stores, in bytes:\n${stored}`);
  if (saved) console.log(`the page said: ${saved.trim()}`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(`\noffline: ${results.length - failed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`offline checks crashed: ${error?.stack || error}`);
    console.log('offline: 0 passed, 1 failed');
    process.exitCode = 2;
  },
);
