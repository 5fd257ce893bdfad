// Failure records and the text report.
//
// A failure is { page, kind, rule, element, message }:
//   kind    - which check: 'axe' | 'vnu' | 'broken-link' | 'console-error' | 'print-pages' | 'page-load'
//   rule    - the axe rule id, the vnu message, or the kind itself for the other checks
//   element - axe target selector / vnu "line:column" and extract / the link href / the paper format
//   message - extra human-readable detail
export function failure(page, kind, rule, element, message = '') {
  return { page, kind, rule: rule || kind, element: element || '', message };
}

function oneLine(s, max = 300) {
  const t = String(s ?? '').replace(/\s+/g, ' ').trim();
  return t.length > max ? t.slice(0, max - 3) + '...' : t;
}

export function formatFailure(f) {
  const lines = [`FAIL ${f.page}`, `  rule:    ${f.kind === f.rule ? f.rule : `${f.kind}: ${oneLine(f.rule, 200)}`}`];
  if (f.element) lines.push(`  element: ${oneLine(f.element)}`);
  if (f.html) lines.push(`  html:    ${oneLine(f.html, 300)}`);
  if (f.message) lines.push(`  detail:  ${oneLine(f.message, 600)}`);
  if (f.helpUrl) lines.push(`  help:    ${f.helpUrl}`);
  return lines.join('\n');
}

// The same problem (kind, rule, element) usually comes from a shared template and shows
// up on many pages; it is printed once, naming the first page and listing the others.
// report.json keeps every failure separately.
export function formatFailures(failures, { maxPagesListed = 10 } = {}) {
  const groups = new Map();
  for (const f of failures) {
    // axe selectors differ from page to page for the same template element; its html does not.
    const key = f.kind === 'axe' ? [f.kind, f.rule, f.html].join('\u0000') : [f.kind, f.rule, f.element, f.message].join('\u0000');
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(f);
  }
  const sorted = [...groups.values()].sort(
    (a, b) => a[0].page.localeCompare(b[0].page) || a[0].kind.localeCompare(b[0].kind),
  );
  const blocks = [];
  for (const group of sorted) {
    const pages = [...new Set(group.map((f) => f.page))].sort();
    const first = { ...group[0], page: pages[0] };
    let text = formatFailure(first);
    if (pages.length > 1) {
      const origin = new URL(pages[0]).origin;
      const rest = pages.slice(1).map((p) => (p.startsWith(origin) ? p.slice(origin.length) : p));
      const listed = rest.slice(0, maxPagesListed).join(' ');
      const more = rest.length > maxPagesListed ? ` ... and ${rest.length - maxPagesListed} more (all in report.json)` : '';
      text = text.replace(/^FAIL (.*)$/m, `FAIL $1 (same failure on ${pages.length} pages)`);
      text += `\n  also on: ${listed}${more}`;
    }
    blocks.push(text);
  }
  return blocks.join('\n');
}

function byRule(failures) {
  const counts = new Map();
  for (const f of failures) {
    const name = f.kind === 'axe' ? `axe ${f.rule}` : f.kind;
    counts.set(name, (counts.get(name) || 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}: ${n}`).join(', ');
}

export function summaryLines(result) {
  const failedPages = new Set(result.failures.map((f) => f.page));
  const cleanPages = result.pages.filter((p) => !failedPages.has(p)).length;
  const printFailed = result.printChecks.filter((c) => !c.ok).length;
  const printPassed = result.printChecks.length - printFailed;
  const passed = cleanPages + printPassed;
  const failed = result.failures.length;
  const lines = [
    '',
    '== runstrong browser suite: summary ==',
    `base URL:            ${result.baseUrl}`,
    `pages checked:       ${result.pages.length} (${cleanPages} without failures)`,
    `other URLs checked:  ${result.resourcesChecked} (feeds, assets, links; status only)`,
    `screenshots written: ${result.screenshots}${result.screenshotDir ? ` in ${result.screenshotDir}` : ''}`,
    `PDFs checked:        ${result.printChecks.length} (${printPassed} printed on the expected pages: one per week)${result.pdfDir && result.printChecks.length ? ` in ${result.pdfDir}` : ''}`,
    `failures:            ${failed}${failed ? ` (${byRule(result.failures)})` : ''}`,
    `run time:            ${(result.elapsedMs / 1000).toFixed(1)} s`,
  ];
  if (result.dropped?.length) {
    lines.push(`WARNING: limit reached, ${result.dropped.length} queued URLs were not checked (raise MAX_PAGES / SUITE_TIMEOUT_S)`);
  }
  if (result.screenshotDir) lines.push(`screenshots: ${result.screenshotDir}`);
  lines.push(`${passed} passed, ${failed} failed`);
  return { lines, passed, failed };
}
