// Print checks: a weekly plan must fit on exactly one sheet of A4 and of US Letter; a page
// holding several weeks (a personal plan) must print one sheet per week.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { PRINT_PAGE_PATTERNS } from './config.mjs';
import { failure } from './report.mjs';

export const PAPER_FORMATS = ['A4', 'Letter'];

export function isPrintPage(url) {
  const u = new URL(url);
  const p = u.pathname.replace(/\/+$/, '') || '/';
  return PRINT_PAGE_PATTERNS.some((re) => re.test(p) || re.test(p + u.search));
}

// Page count of a PDF according to poppler's pdfinfo.
export function pdfPageCount(file, pdfinfo = 'pdfinfo') {
  return new Promise((resolve, reject) => {
    execFile(pdfinfo, [file], { timeout: 30000 }, (err, stdout, stderr) => {
      if (err) {
        reject(new Error(`${pdfinfo} failed on ${file}: ${err.message} ${stderr || ''}`.trim()));
        return;
      }
      const m = /^Pages:\s+(\d+)\s*$/m.exec(stdout);
      if (!m) reject(new Error(`${pdfinfo} printed no "Pages:" line for ${file}`));
      else resolve(Number.parseInt(m[1], 10));
    });
  });
}

// Prints the loaded page in each paper format into pdfDir/<baseName>.<format>.pdf.
// Returns { checks: [{ page, format, pages, file, ok }], failures }.
export async function printChecks(page, pageUrl, { pdfDir, baseName, pdfinfo }) {
  const checks = [];
  const failures = [];
  const weeks = await page.$$eval('section.week', (sections) => sections.length);
  const expected = Math.max(1, weeks);
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  for (const format of PAPER_FORMATS) {
    const file = path.join(pdfDir, `${baseName}.${format}.pdf`);
    let pages = null;
    let error = null;
    try {
      await page.pdf({ path: file, format, preferCSSPageSize: false, printBackground: false });
      pages = await pdfPageCount(file, pdfinfo);
    } catch (err) {
      error = err.message;
    }
    const ok = pages === expected;
    checks.push({ page: pageUrl, format, pages, file, ok });
    if (!ok) {
      failures.push(
        failure(pageUrl, 'print-pages', 'print-pages', `format=${format}`,
          error ? `could not print: ${error}` : `prints on ${pages} pages, expected exactly ${expected}, one per week (${file})`),
      );
    }
  }
  await page.emulateMedia({ media: null });
  return { checks, failures };
}
