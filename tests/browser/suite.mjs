// The runstrong browser suite: starts the server (or uses BASE_URL), crawls the site and
// checks every page. Exit code 0 only when nothing failed. See README.md.
import fs from 'node:fs';
import path from 'node:path';
import { optionsFromEnv, readExtraUrls, REPO_ROOT, SUITE_DIR } from './lib/config.mjs';
import { preflight } from './lib/preflight.mjs';
import { formatFailures, summaryLines } from './lib/report.mjs';
import { runChecks } from './lib/runner.mjs';
import { startRunstrong } from './lib/server.mjs';

function clearOld(dir, ext) {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) if (name.endsWith(ext)) fs.rmSync(path.join(dir, name), { force: true });
}

async function main() {
  const env = process.env;
  const opts = optionsFromEnv(env);
  const outDir = path.join(SUITE_DIR, 'out');
  const screenshotDir = opts.screenshots ? path.resolve(env.SCREENSHOT_DIR || path.join(outDir, 'screenshots')) : null;
  const pdfDir = path.resolve(env.PDF_DIR || path.join(outDir, 'pdf'));
  const reportFile = path.resolve(env.REPORT_FILE || path.join(outDir, 'report.json'));
  // Only the default output folders are emptied of old results; user-chosen ones are left alone.
  if (!env.SCREENSHOT_DIR && screenshotDir) clearOld(screenshotDir, '.png');
  if (!env.PDF_DIR) clearOld(pdfDir, '.pdf');
  fs.mkdirSync(outDir, { recursive: true });

  const problems = preflight(opts);
  if (problems.length) {
    console.error(`browser suite cannot run:\n  - ${problems.join('\n  - ')}`);
    console.log('0 passed, 1 failed');
    return 2;
  }

  let server = null;
  let baseUrl = env.BASE_URL;
  if (!baseUrl) {
    const bin = path.resolve(REPO_ROOT, env.RUNSTRONG_BIN || 'target/release/runstrong');
    if (!fs.existsSync(bin)) {
      console.error(`runstrong binary not found at ${bin}\nBuild it first (cargo build --release) or set RUNSTRONG_BIN / BASE_URL.`);
      console.log('0 passed, 1 failed');
      return 2;
    }
    const logFile = path.join(outDir, 'server.log');
    try {
      server = await startRunstrong({ bin, repoRoot: REPO_ROOT, contentDir: env.RUNSTRONG_CONTENT || 'content', logFile });
    } catch (err) {
      console.error(`could not start runstrong: ${err.message}`);
      console.log('0 passed, 1 failed');
      return 2;
    }
    baseUrl = server.baseUrl;
    console.log(`runstrong started at ${baseUrl} (log: ${logFile})`);
  }

  let result;
  try {
    result = await runChecks({
      ...opts,
      baseUrl,
      startPaths: ['/'],
      extraUrls: readExtraUrls(path.join(SUITE_DIR, 'extra-urls.txt'), env.EXTRA_URLS || ''),
      screenshotDir,
      pdfDir,
      log: (line) => console.log(line),
    });
  } finally {
    if (server) {
      const crashed = server.exited();
      await server.stop();
      if (crashed) console.error(`runstrong exited during the run (code ${crashed.code}, signal ${crashed.signal}); see ${server.logFile}`);
    }
  }

  fs.writeFileSync(reportFile, JSON.stringify(result, null, 2));
  if (result.failures.length) {
    console.log(`\n== failures (${result.failures.length}) ==`);
    console.log(formatFailures(result.failures));
  }
  const { lines, failed } = summaryLines(result);
  lines.splice(lines.length - 1, 0, `report: ${reportFile}`);
  console.log(lines.join('\n'));
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`browser suite crashed: ${err?.stack || err}`);
    console.log('0 passed, 1 failed');
    process.exitCode = 2;
  },
);
