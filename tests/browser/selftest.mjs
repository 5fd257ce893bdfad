// Self-test of the browser suite: runs the same checks as suite.mjs against tiny fixture
// sites and asserts that the good site passes and that every planted regression is
// reported with the right rule, page and element. Prints "N passed, M failed".
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './lib/browser.mjs';
import { optionsFromEnv, readExtraUrls, SUITE_DIR } from './lib/config.mjs';
import { isNonHtmlLink, mapLimit, normalizeUrl, runQueue } from './lib/crawl.mjs';
import { preflight } from './lib/preflight.mjs';
import { isPrintPage } from './lib/print.mjs';
import { formatFailure, formatFailures, summaryLines } from './lib/report.mjs';
import { FileNames, runChecks } from './lib/runner.mjs';
import { startProcessServer, startRunstrong } from './lib/server.mjs';
import { startStaticServer } from './lib/static-server.mjs';

const FIXTURES = path.join(SUITE_DIR, 'fixtures');
const OUT = path.join(SUITE_DIR, 'out', 'selftest');

// Each case: a fixture site, the failures that must be found, and the failures that are
// tolerated besides (the same regression seen by a second checker). Anything else fails.
const CASES = [
  {
    name: 'good',
    expect: [],
    allow: [],
    pages: ['/', '/about/', '/programs/x/week/1'],
    printChecks: 2,
  },
  {
    name: 'img-no-alt',
    expect: [{ kind: 'axe', rule: 'image-alt', page: '/', element: /img/ }],
    allow: [{ kind: 'vnu', rule: /alt/ }],
  },
  {
    name: 'input-no-label',
    expect: [{ kind: 'axe', rule: 'label', page: '/', element: /input/ }],
    allow: [],
  },
  {
    name: 'unclosed',
    expect: [{ kind: 'vnu', rule: /Unclosed element|open elements/i, page: '/', element: /^\d+:\d+ / }],
    allow: [{ kind: 'vnu', rule: /./ }],
  },
  {
    name: 'broken-link',
    expect: [
      { kind: 'broken-link', rule: 'broken-link', page: '/', element: /^\/missing-page\/$/, message: /HTTP 404/ },
      { kind: 'broken-link', rule: 'broken-link', page: '/', element: /^\/calendar\.ics$/, message: /HTTP 404 \(expected 200\)/ },
      { kind: 'broken-link', rule: 'broken-link', page: '/', element: /^#nowhere$/, message: /no element with id "nowhere"/ },
    ],
    allow: [],
  },
  {
    name: 'print-two-pages',
    expect: [
      { kind: 'print-pages', rule: 'print-pages', page: '/programs/x/week/1', element: /format=A4/, message: /prints on [2-9] pages/ },
      { kind: 'print-pages', rule: 'print-pages', page: '/programs/x/week/1', element: /format=Letter/, message: /prints on [2-9] pages/ },
    ],
    allow: [],
    pages: ['/', '/programs/x/week/1'],
  },
  {
    name: 'console-error',
    expect: [
      { kind: 'console-error', rule: 'console-error', page: '/', element: /uncaught exception/, message: /deliberate uncaught error/ },
      { kind: 'console-error', rule: 'console-error', page: '/', element: /\/no-such-image\.svg$/, message: /HTTP 404/ },
      { kind: 'broken-link', rule: 'broken-link', page: '/', element: /^\/no-such-image\.svg$/ },
    ],
    allow: [],
  },
  {
    name: 'dark-contrast',
    expect: [{ kind: 'axe', rule: 'color-contrast', page: '/', element: /./, message: /seen in: dark, 1280px\)$/ }],
    allow: [],
  },
];

let passed = 0;
let failed = 0;
function print(outcome) {
  if (outcome.ok) {
    passed += 1;
    console.log(`ok - ${outcome.name}`);
  } else {
    failed += 1;
    console.log(`not ok - ${outcome.name}\n  ${outcome.message.split('\n').join('\n  ')}`);
  }
}
// Runs one assertion block. Outcomes go to `sink` when given (fixture cases run in
// parallel and print their results afterwards, in order), else straight to the output.
function record(name, fn, sink) {
  let outcome;
  try {
    fn();
    outcome = { name, ok: true };
  } catch (err) {
    outcome = { name, ok: false, message: String(err.message) };
  }
  if (sink) sink.push(outcome);
  else print(outcome);
}
async function recordAsync(name, fn) {
  try {
    await fn();
    print({ name, ok: true });
  } catch (err) {
    print({ name, ok: false, message: String(err.message) });
  }
}

const matches = (value, want) => (want instanceof RegExp ? want.test(value) : value === want);
function fits(f, base, want) {
  return (
    f.kind === want.kind &&
    matches(f.rule, want.rule) &&
    (want.page === undefined || f.page === base + want.page) &&
    (want.element === undefined || matches(f.element, want.element)) &&
    (want.message === undefined || matches(f.message, want.message))
  );
}

function unitTests() {
  record('normalizeUrl drops fragments and skips non-http schemes', () => {
    assert.equal(normalizeUrl('/a/b#c', 'http://127.0.0.1:1/x'), 'http://127.0.0.1:1/a/b');
    assert.equal(normalizeUrl('mailto:x@example.invalid', 'http://127.0.0.1:1/'), null);
    assert.equal(normalizeUrl('?q=1', 'http://127.0.0.1:1/search'), 'http://127.0.0.1:1/search?q=1');
  });
  record('feeds and calendars are status-only links', () => {
    assert.ok(isNonHtmlLink('http://127.0.0.1:1/programs/base.ics'));
    assert.ok(isNonHtmlLink('http://127.0.0.1:1/feed.atom'));
    assert.ok(!isNonHtmlLink('http://127.0.0.1:1/programs/base'));
  });
  record('print pages are recognised', () => {
    assert.ok(isPrintPage('http://127.0.0.1:1/programs/base-strength/week/3'));
    assert.ok(isPrintPage('http://127.0.0.1:1/plan?program=x&week=1'));
    assert.ok(!isPrintPage('http://127.0.0.1:1/programs/base-strength'));
    assert.ok(!isPrintPage('http://127.0.0.1:1/programs/base-strength/week/3/extra'));
    assert.ok(!isPrintPage('http://127.0.0.1:1/planner'));
  });
  record('screenshot names are readable and unique', () => {
    const n = new FileNames();
    assert.equal(n.stem('http://127.0.0.1:1/'), 'index');
    assert.equal(n.stem('http://127.0.0.1:1/programs/x/week/1'), 'programs_x_week_1');
    assert.equal(n.stem('http://127.0.0.1:1/exercises/?muscle=hamstrings&equipment=none'), 'exercises__muscle_hamstrings_equipment_none');
    assert.notEqual(n.stem('http://127.0.0.1:1/programs/x/week/1/'), 'programs_x_week_1');
  });
  record('extra URL lists parse paths and expected statuses', () => {
    const list = readExtraUrls(path.join(SUITE_DIR, 'extra-urls.txt'), '/a?items=x,y;/b 404');
    assert.ok(list.length >= 3);
    assert.deepEqual(list.at(-2), { path: '/a?items=x,y', status: 200 });
    assert.deepEqual(list.at(-1), { path: '/b', status: 404 });
  });
  record('the final line has the form "N passed, M failed"', () => {
    const { lines, passed: p, failed: f } = summaryLines({
      baseUrl: 'http://127.0.0.1:1',
      pages: ['http://127.0.0.1:1/', 'http://127.0.0.1:1/a'],
      failures: [{ page: 'http://127.0.0.1:1/a', kind: 'axe', rule: 'label', element: 'input', message: '' }],
      printChecks: [{ ok: true }, { ok: false }],
      screenshots: 8,
      resourcesChecked: 0,
      elapsedMs: 1000,
    });
    assert.equal(p, 2);
    assert.equal(f, 1);
    assert.match(lines.at(-1), /^\d+ passed, \d+ failed$/);
  });
}

async function queueTest() {
  await recordAsync('the crawl queue is bounded and deduplicates', async () => {
    const seen = [];
    const { processed, dropped } = await runQueue([0], {
      concurrency: 2,
      maxItems: 5,
      handler: async (n, enqueue) => {
        seen.push(n);
        enqueue(n + 1, n + 2, n); // n itself is a duplicate
      },
    });
    assert.equal(processed, 5);
    assert.deepEqual(new Set(seen).size, 5);
    assert.ok(dropped.length > 0);
  });
}

async function serverTests() {
  await recordAsync('a runstrong-like server is started with the right arguments and stopped', async () => {
    const bin = path.join(FIXTURES, 'fake-runstrong.mjs');
    fs.chmodSync(bin, 0o755); // in case a checkout dropped the executable bit
    const server = await startRunstrong({
      bin,
      repoRoot: FIXTURES,
      contentDir: 'good',
    });
    try {
      assert.match(server.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(server.baseUrl + '/');
      assert.equal(res.status, 200);
    } finally {
      await server.stop();
    }
    assert.ok(server.exited(), 'server process should have exited');
  });
  await recordAsync('a server that dies before listening is reported clearly', async () => {
    await assert.rejects(
      startProcessServer(process.execPath, ['-e', 'console.error("boom: bad content"); process.exit(3)'], { timeoutMs: 10000 }),
      /exited \(code 3.*boom: bad content/s,
    );
  });
}

async function fixtureCase(browser, opts, c, sink) {
  const site = await startStaticServer(path.join(FIXTURES, c.name));
  const outDir = path.join(OUT, c.name);
  fs.rmSync(outDir, { recursive: true, force: true });
  let result;
  try {
    result = await runChecks({
      ...opts,
      browser,
      baseUrl: site.baseUrl,
      startPaths: ['/'],
      extraUrls: [],
      screenshotDir: path.join(outDir, 'screenshots'),
      pdfDir: path.join(outDir, 'pdf'),
    });
  } finally {
    await site.stop();
  }
  const base = result.baseUrl;
  const fs_ = result.failures;
  if (process.env.SELFTEST_VERBOSE === '1' && fs_.length) {
    sink.push({ name: `${c.name}: failures reported`, ok: true, verbose: formatFailures(fs_).replace(/^/gm, '  # ') });
  }
  const detail = () => (fs_.length ? `\n  failures reported:\n${formatFailures(fs_)}` : '\n  (no failures reported)');

  for (const want of c.expect) {
    const label = want.kind === want.rule ? want.kind : `${want.kind} ${want.rule}`;
    record(`${c.name}: detects ${label} on ${want.page} (element ${want.element})`, () => {
      assert.ok(fs_.some((f) => fits(f, base, want)), `expected failure not reported${detail()}`);
    }, sink);
  }
  record(`${c.name}: reports nothing else`, () => {
    const extra = fs_.filter((f) => !c.expect.some((w) => fits(f, base, w)) && !c.allow.some((w) => fits(f, base, w)));
    assert.equal(extra.length, 0, `unexpected failures:\n${extra.map(formatFailure).join('\n')}`);
  }, sink);
  record(`${c.name}: every failure names page, rule and element`, () => {
    for (const f of fs_) {
      assert.ok(f.page.startsWith(base), `page: ${f.page}`);
      assert.ok(f.rule, 'rule missing');
      assert.ok(f.element, `element missing in ${formatFailure(f)}`);
    }
  }, sink);
  if (c.pages) {
    record(`${c.name}: crawled ${c.pages.join(', ')}`, () => {
      assert.deepEqual([...result.pages].sort(), c.pages.map((p) => base + p).sort());
    }, sink);
    record(`${c.name}: 4 screenshots per page written`, () => {
      assert.equal(result.screenshots, c.pages.length * 4);
      const pngs = fs.readdirSync(result.screenshotDir).filter((n) => n.endsWith('.png'));
      assert.equal(pngs.length, c.pages.length * 4);
      for (const n of pngs) {
        const head = fs.readFileSync(path.join(result.screenshotDir, n)).subarray(0, 8);
        assert.equal(head.toString('hex'), '89504e470d0a1a0a', `${n} is not a PNG`);
      }
      for (const suffix of ['1280-light', '1280-dark', '375-light', '375-dark']) {
        assert.ok(pngs.includes(`index.${suffix}.png`), `index.${suffix}.png missing`);
      }
    }, sink);
  }
  if (c.printChecks !== undefined) {
    record(`${c.name}: ${c.printChecks} print checks, all on one page`, () => {
      assert.equal(result.printChecks.length, c.printChecks);
      for (const p of result.printChecks) assert.equal(p.pages, 1, `${p.format}: ${p.pages} pages`);
    }, sink);
  }
  return result;
}

async function main() {
  const started = Date.now();
  const opts = { ...optionsFromEnv(), log: null };
  const problems = preflight(opts);
  if (problems.length) {
    console.error(`self-test cannot run:\n  - ${problems.join('\n  - ')}`);
    console.log('0 passed, 1 failed');
    return 2;
  }
  unitTests();
  await queueTest();
  await serverTests();
  const browser = await launchBrowser(opts.chromium);
  try {
    // Two fixture sites at a time: one's vnu (Java) run overlaps the other's browser work.
    const outputs = await mapLimit(CASES, 2, async (c) => {
      const t0 = Date.now();
      const sink = [];
      try {
        await fixtureCase(browser, opts, c, sink);
      } catch (err) {
        sink.push({ name: `${c.name}: the run completes`, ok: false, message: String(err.stack || err) });
      }
      return { c, sink, seconds: (Date.now() - t0) / 1000 };
    });
    for (const { c, sink, seconds } of outputs) {
      for (const outcome of sink) {
        if (outcome.verbose) console.log(outcome.verbose);
        else print(outcome);
      }
      console.log(`# ${c.name}: ${seconds.toFixed(1)} s`);
    }
  } finally {
    await browser.close();
  }
  console.log(`# self-test run time: ${((Date.now() - started) / 1000).toFixed(1)} s (outputs in ${OUT})`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`self-test crashed: ${err?.stack || err}`);
    console.log(`${passed} passed, ${failed + 1} failed`);
    process.exitCode = 2;
  },
);
