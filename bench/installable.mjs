// Whether Chromium would offer to install the site: opens the home page in a fresh
// (not incognito) profile, waits for the service worker, and asks Chromium through the
// DevTools protocol for its installability errors and how it reads the manifest, the
// checks Lighthouse ran before version 12 dropped them. Writes the answer as JSON for
// lighthouse-report.mjs.
// Usage: node installable.mjs BASE_URL OUT.json   (CHROME_PATH, CHROME_FLAGS as for Lighthouse)
import { writeFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';

const [base, out] = process.argv.slice(2);
const result = { url: `${base}/`, errors: [] };
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: (process.env.CHROME_FLAGS || '').split(/\s+/).filter(Boolean),
});
try {
  const page = await browser.newPage();
  await page.goto(result.url, { waitUntil: 'load', timeout: 30000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, { timeout: 30000 });
  await page.reload({ waitUntil: 'load' });
  const cdp = await page.createCDPSession();
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  const manifest = await cdp.send('Page.getAppManifest');
  result.errors.push(...installabilityErrors.map((e) => `${e.errorId} ${e.errorArguments.map((a) => a.value).join(' ')}`.trim()));
  result.errors.push(...manifest.errors.map((e) => `manifest: ${e.message}`));
  result.manifest = manifest.url;
} catch (error) {
  result.errors.push(`could not check: ${error.message.split('\n')[0]}`);
} finally {
  await browser.close();
}
result.installable = result.errors.length === 0;
writeFileSync(out, JSON.stringify(result, null, 2));
