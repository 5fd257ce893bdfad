// Browser tests of the training tools (static/js/): remembered ticks and loads, rest and
// hold timers, the guided session and "Your training", used through the page as a runner
// does (by role and label), with Playwright's clock moving time. Each test runs in a fresh
// browser context and fails on any request made while training, any console error and
// any cookie. Exit code 0 only when every test passed. See README.md.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './lib/browser.mjs';
import { REPO_ROOT, SUITE_DIR } from './lib/config.mjs';
import { startRunstrong } from './lib/server.mjs';
import { runTests, text, until } from './lib/trainer.mjs';

const WEEK = '/programs/home/week/1';
const PLAN =
  '/plan?program=home&place=home&equipment=swiss-ball,exercise-bands,resistance-tubes,medicine-ball' +
  '&days=mon,wed,fri&long_run=sun&hard=tue&start=2026-12-07&sessions=3&minutes=30';
const ROW = 'Tube upright row';
const tests = [];
const test = (name, fn, options) => tests.push({ name, fn, options });

// The first session of week 1, its timer, and what the page announces.
const parts = (page) => ({
  s1: page.locator('#w1s1'),
  timer: page.getByRole('timer'),
  status: text(page.locator('.timer [role=status]')),
  box: (label, s = '#w1s1') => page.locator(s).getByLabel(label, { exact: true }),
});

// Ticks both sets of the tube upright row in `session` with `load` kg, and the first set
// of the squat to reach.
async function recordSession(t, session, load) {
  const box = (label) => t.page.locator(session).getByLabel(label, { exact: true });
  await box(`Load for ${ROW}, kg`).fill(String(load));
  await box(`Load for ${ROW}, kg`).press('Tab');
  await box(`${ROW}, set 1 done`).check();
  await box(`${ROW}, set 2 done`).check();
  await box('Medicine ball squat to reach, set 1 done').check();
}

// Two sessions two days apart, then "Your training".
async function twoSessions(t) {
  await t.open(WEEK);
  await recordSession(t, '#w1s1', 12.5);
  await t.sleep(2 * 864e5);
  await recordSession(t, '#w1s2', 15);
  await t.open('/log');
}

const logText = (page) => text(page.locator('#log-days'))();
const chartName = (page) => page.locator('#log-chart svg').getAttribute('aria-label');
const stored = (page) => page.evaluate(() => localStorage.getItem('runstrong-training'));

test('a ticked set and a typed load survive a reload, in kg or lb', async (t) => {
  const { page } = t;
  const { box } = parts(page);
  await t.open(WEEK);
  await box(`${ROW}, set 1 done`).check();
  await box(`Load for ${ROW}, kg`).fill('12.5');
  await box(`Load for ${ROW}, kg`).press('Tab');
  await t.open();
  assert.equal(await box(`${ROW}, set 1 done`).isChecked(), true);
  assert.equal(await box(`${ROW}, set 2 done`).isChecked(), false);
  assert.equal(await box(`Load for ${ROW}, kg`).inputValue(), '12.5');
  await page.getByLabel('Loads in').selectOption('lb');
  assert.equal(await box(`Load for ${ROW}, lb`).inputValue(), '27.6');
  await t.open();
  assert.equal(await box(`Load for ${ROW}, lb`).inputValue(), '27.6', 'the unit is remembered');
  await page.getByLabel('Loads in').selectOption('kg');
  assert.equal(await box(`Load for ${ROW}, kg`).inputValue(), '12.5', 'the load is kept as typed');
  await box(`${ROW}, set 1 done`).uncheck();
  await t.open();
  assert.equal(await box(`${ROW}, set 1 done`).isChecked(), false, 'an untick is remembered too');
});

test('the rest timer counts down and ends; +15 s and skip rest', async (t) => {
  const { page } = t;
  const { box, timer, status } = parts(page);
  await t.open(WEEK);
  await box(`${ROW}, set 1 done`).check();
  await until(text(timer), '0:45', 'rest from data-rest');
  await until(status, `${ROW}, set 1 done. Rest 45 s. Next: ${ROW}, set 2 of 2.`);
  assert.equal(await page.getByRole('timer', { name: 'Rest' }).count(), 1);
  await page.clock.runFor(10100);
  await until(text(timer), '0:35', 'after 10 s');
  await t.axe('rest timer running');
  await page.getByRole('button', { name: '+15 s' }).click();
  await until(text(timer), /^0:(49|50)$/, 'after +15 s');
  await page.getByRole('button', { name: 'Skip rest' }).click();
  await until(() => timer.count(), 0, 'no timer after skip');
  await until(status, `Rest over. Next: ${ROW}, set 2 of 2.`);
  await box(`${ROW}, set 2 done`).check();
  await until(text(timer), '0:45');
  await page.clock.runFor(44100);
  await until(text(timer), '0:01');
  await page.clock.runFor(1000);
  await until(() => timer.count(), 0, 'the rest ends');
  await until(status, 'Rest over. Next: Medicine ball squat to reach, set 1 of 2.');
});

test('a rest stays right through a long background and a reload', async (t) => {
  const { page } = t;
  const { box, timer, status } = parts(page);
  await t.open(WEEK);
  await box(`${ROW}, set 1 done`).check();
  await until(text(timer), '0:45');
  await t.sleep(30000);
  await until(text(timer), '0:15', 'woken after 30 s asleep');
  await t.open();
  await until(text(timer), '0:15', 'after a reload');
  await t.sleep(10 * 60000);
  await until(() => timer.count(), 0, 'over after ten minutes away');
  await until(status, `Rest over. Next: ${ROW}, set 2 of 2.`);
  // A rest that ended while the page was closed is not announced when it opens again.
  await box(`${ROW}, set 2 done`).check();
  await page.clock.setSystemTime((await page.evaluate(() => Date.now())) + 5 * 60000);
  await t.open();
  assert.equal(await timer.count(), 0);
  assert.equal(await status(), '', 'nothing announced on page load');
});

test('a timed hold gets ready, holds each side, ticks its set and rests', async (t) => {
  const { page } = t;
  const { box, timer, status } = parts(page);
  await t.open(WEEK);
  await page.locator('#w1s1').getByRole('button', { name: 'Time hold: Side plank' }).click();
  await until(text(page.getByRole('timer', { name: 'Get ready, side 1' })), '0:05');
  await page.clock.runFor(5100);
  await until(text(page.getByRole('timer', { name: 'Hold, side 1' })), '0:20');
  await until(status, 'Hold 20 s, side 1.');
  await page.clock.runFor(20000);
  await until(text(page.getByRole('timer', { name: 'Get ready, side 2' })), '0:05');
  await until(status, 'Other side: get ready.');
  await page.clock.runFor(5000);
  await until(text(page.getByRole('timer', { name: 'Hold, side 2' })), '0:20');
  assert.equal(await box('Side plank, set 1 done').isChecked(), false);
  await page.clock.runFor(20000);
  await until(() => box('Side plank, set 1 done').isChecked(), true, 'the set is ticked when the hold ends');
  await until(text(page.getByRole('timer', { name: 'Rest' })), '0:30');
  await until(status, 'Side plank, set 1 done. Rest 30 s.');
  await t.axe('a timer running after a hold');
  await page.getByRole('button', { name: 'Skip rest' }).click();
  await until(() => timer.count(), 0);
  await t.open();
  assert.equal(await box('Side plank, set 1 done').isChecked(), true, 'the hold is recorded');
});

test('the guided session goes set by set to the last exercise and resumes after leaving', async (t) => {
  const { page } = t;
  await t.open(WEEK);
  // Each row holds its exercise's still (an <img class="still">); the session shows it.
  const rowStill = await page.locator('#w1s1r1 img.still').getAttribute('src');
  assert.match(rowStill, /^\/exercises\/tube-upright-row\/still\.svg$/);
  await page.getByRole('button', { name: 'Start session: Session 1' }).click();
  const dialog = page.getByRole('dialog', { name: 'Session 1' });
  const view = text(dialog);
  await until(view, /Exercise 1 of 5 Tube upright row Set 1 of 2: 15 reps, RPE 6\./);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Done set', 'focus on the action');
  const shown = dialog.locator('img.still');
  assert.equal(await shown.count(), 1, 'the figure is shown');
  assert.equal(await shown.getAttribute('src'), rowStill, "the row's own figure");
  await until(() => shown.evaluate((img) => img.complete && img.naturalWidth > 0), true, 'the figure loads');
  const seen = new Set();
  for (let step = 0; step < 20; step++) {
    const now = await view();
    if (/Session finished/.test(now)) break;
    seen.add(now.match(/Exercise \d of 5/)[0]);
    if (/This is the last set\./.test(now)) seen.add('last set');
    if (step === 4) {
      // Leave (the browser may drop the tab) and come back: the view opens where it was.
      await t.open();
      await until(text(page.getByRole('dialog', { name: 'Session 1' })), new RegExp(now.slice(0, 60).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    }
    if (/Start hold/.test(now)) {
      await dialog.getByRole('button', { name: 'Start hold' }).click();
      await page.clock.runFor(50100);
    } else {
      await dialog.getByRole('button', { name: 'Done set' }).click();
    }
    if (step === 1) await t.axe('session view with the rest timer');
    if (await dialog.getByRole('timer').count()) await dialog.getByRole('button', { name: 'Skip rest' }).click();
  }
  assert.deepEqual([...seen].sort(), ['Exercise 1 of 5', 'Exercise 2 of 5', 'Exercise 3 of 5', 'Exercise 4 of 5', 'Exercise 5 of 5', 'last set']);
  await until(view, /Session finished: every set is ticked\./);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await until(() => dialog.count(), 0, 'closed');
  assert.equal(await page.locator('#w1s1r1 img.still').getAttribute('src'), rowStill, 'each figure back in its row');
  const ticks = page.locator('#w1s1 input[type=checkbox]');
  assert.deepEqual(await ticks.evaluateAll((all) => all.map((b) => b.checked)), Array(9).fill(true));
});

test('a personal plan keeps its ticks under its own address', async (t) => {
  const { page } = t;
  await t.open(PLAN);
  const first = page.locator('[data-session]').first();
  const label = await first.locator('input[type=checkbox]').first().getAttribute('aria-label');
  await first.getByLabel(label, { exact: true }).check();
  await t.open();
  assert.equal(await first.getByLabel(label, { exact: true }).isChecked(), true);
  const pages = Object.keys(JSON.parse(await stored(page)).pages);
  const canonical = new URL(await page.locator('link[rel=canonical]').getAttribute('href'));
  assert.deepEqual(pages, [canonical.pathname + canonical.search]);
  assert.match(pages[0], /^\/plan\?.*days=mon%2Cwed%2Cfri/, 'keyed by the plan, not by the form');
});

test('"Your training" lists the work by date and draws the chart', async (t) => {
  const { page } = t;
  await twoSessions(t);
  const days = await logText(page);
  assert.match(days, /^Wednesday 9 December 2026 .* Monday 7 December 2026 /);
  assert.match(days, /Whole-body home workout: week 1: Session 1 Tube upright row: 2 of 2 sets of 15 reps, 12\.5 kg/);
  assert.match(days, /Medicine ball squat to reach: 1 of 2 sets of 15 reps/);
  assert.equal(await chartName(page), `${ROW}, heaviest load in kg a day: 12.5 on 7 Dec, 15 on 9 Dec`);
  assert.equal(await page.locator('#log-chart circle').count(), 2);
  await page.getByLabel('Exercise').selectOption({ label: 'Medicine ball squat to reach' });
  assert.equal(await chartName(page), 'Medicine ball squat to reach, reps a day: 15 on 7 Dec, 15 on 9 Dec');
  await t.axe('log with a chart');
});

test('export, clear and import give back exactly the same log', async (t) => {
  const { page } = t;
  await twoSessions(t);
  const before = { days: await logText(page), chart: await chartName(page), raw: await stored(page) };
  const save = async (name) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
    return { name: download.suggestedFilename(), body: fs.readFileSync(await download.path(), 'utf8') };
  };
  const json = await save('Export JSON');
  assert.equal(json.name, 'runstrong-training-2026-12-09.json');
  assert.equal(JSON.parse(json.body).version, 1);
  const csv = await save('Export CSV');
  const lines = csv.body.trim().split('\r\n');
  assert.equal(lines[0], 'date,time,page,session,exercise,set,reps,seconds,per side,load,unit');
  assert.equal(lines.length, 7);
  assert.equal(lines[1], '2026-12-07,18:00,/programs/home/week/1,Session 1,Tube upright row,1,15,,no,12.5,kg');
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Clear' }).click();
  await until(() => logText(page), /^Nothing recorded yet/);
  assert.equal(await stored(page), null);
  const file = path.join(await fs.promises.mkdtemp(path.join(SUITE_DIR, 'out', 'import-')), json.name);
  fs.writeFileSync(file, json.body);
  await page.getByLabel('Import').setInputFiles(file);
  await until(text(page.locator('#log-status')), `Imported from ${json.name}: 6 sets and 2 loads.`);
  assert.equal(await logText(page), before.days);
  assert.equal(await chartName(page), before.chart);
  assert.equal(await stored(page), before.raw, 'the stored record is the same, byte for byte');
  const again = await save('Export JSON');
  assert.equal(again.body, json.body, 'a second export is the same file');
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
});

test('a broken or foreign file changes nothing', async (t) => {
  const { page } = t;
  await twoSessions(t);
  const raw = await stored(page);
  const days = await logText(page);
  const good = JSON.parse(raw);
  const spoilt = structuredClone(good);
  Object.values(Object.values(spoilt.pages)[0].sessions)[0].rows.w1s1r1.done[1] = 'last Tuesday';
  const files = [
    ['notes.json', 'squats, lots', /This file is not JSON/],
    ['other-app.json', JSON.stringify({ workouts: [{ squat: 100 }] }), /This is not a runstrong training export/],
    ['spoilt.json', JSON.stringify(spoilt), /row w1s1r1, set 1: needs a date and time/],
    ['future.json', JSON.stringify({ ...good, version: 99 }), /newer version of runstrong/],
  ];
  for (const [name, body, message] of files) {
    await page.getByLabel('Import').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
    await until(text(page.locator('#log-status')), new RegExp(`^Nothing imported from ${name}\\. .*${message.source}`), name);
    assert.equal(await stored(page), raw, `${name} changed nothing stored`);
    assert.equal(await logText(page), days, `${name} changed nothing shown`);
  }
});

test('storage that fails is said plainly, and the tick stays', async (t) => {
  const { page } = t;
  const { box } = parts(page);
  await t.open(WEEK);
  await box(`${ROW}, set 1 done`).check();
  await until(text(page.getByRole('alert')), /^Not saved: This browser's storage for the site is full/);
  assert.equal(await box(`${ROW}, set 1 done`).isChecked(), true);
}, {
  initScript: () => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  },
});

test('the settings arrive without moving the week, on a week page and a plan', async (t) => {
  const { page } = t;
  for (const path of [WEEK, PLAN]) {
    await t.open(path);
    await until(() => page.getByLabel('Loads in').count(), 1, `${path}: the settings are shown`);
    const shifts = await page.evaluate(() => window.shifts);
    assert.deepEqual(shifts, [], `${path}: nothing on the page moved`);
  }
}, {
  initScript: () => {
    window.shifts = [];
    new PerformanceObserver((list) => {
      for (const shift of list.getEntries()) window.shifts.push(shift.value);
    }).observe({ type: 'layout-shift', buffered: true });
  },
});

async function main() {
  let server = null;
  let baseUrl = process.env.BASE_URL;
  if (!baseUrl) {
    const bin = path.resolve(REPO_ROOT, process.env.RUNSTRONG_BIN || 'target/release/runstrong');
    if (!fs.existsSync(bin)) {
      console.error(`runstrong binary not found at ${bin}: build it first (cargo build --release)`);
      return 2;
    }
    fs.mkdirSync(path.join(SUITE_DIR, 'out'), { recursive: true });
    const logFile = path.join(SUITE_DIR, 'out', 'training-server.log');
    server = await startRunstrong({ bin, repoRoot: REPO_ROOT, contentDir: process.env.RUNSTRONG_CONTENT || 'content', logFile });
    baseUrl = server.baseUrl;
  }
  const browser = await launchBrowser();
  try {
    const only = process.env.TRAINING_ONLY;
    return (await runTests(only ? tests.filter((x) => x.name.includes(only)) : tests, browser, baseUrl)) ? 1 : 0;
  } finally {
    await browser.close();
    await server?.stop();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (err) => {
    console.error(`training tests crashed: ${err?.stack || err}`);
    console.log('0 passed, 1 failed');
    process.exitCode = 2;
  },
);
