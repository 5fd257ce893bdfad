// Reads Lighthouse JSON reports and prints, per page, the four category scores and the
// audits that keep a category below 100 (weighted audits with a score under 1), then
// whether the site is installable (installable.mjs's answer, passed as installable=FILE).
// Usage: node lighthouse-report.mjs name=report.json ... [installable=result.json]
// Exit status 1 when any score is below 100 or the site is not installable.
import { readFileSync } from 'node:fs';

const categories = ['performance', 'accessibility', 'best-practices', 'seo'];
let failed = 0;
let passed = 0;
const rows = [];
const blockers = [];

let installable = null;
for (const arg of process.argv.slice(2)) {
  const at = arg.indexOf('=');
  const name = arg.slice(0, at);
  const file = arg.slice(at + 1);
  if (name === 'installable') {
    try {
      installable = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      installable = { installable: false, errors: [`no answer (${error.message})`] };
    }
    continue;
  }
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    rows.push([name, ...categories.map(() => 'n/a')]);
    blockers.push(`${name}: no report (${error.message})`);
    failed += 1;
    continue;
  }
  if (report.runtimeError) {
    blockers.push(`${name}: ${report.runtimeError.code} ${report.runtimeError.message}`);
  }
  const scores = categories.map((id) => {
    const score = report.categories?.[id]?.score;
    return score === null || score === undefined ? null : Math.round(score * 100);
  });
  rows.push([name, ...scores.map((s) => (s === null ? 'n/a' : String(s)))]);
  if (scores.every((s) => s === 100)) passed += 1;
  else failed += 1;
  for (const id of categories) {
    const category = report.categories?.[id];
    if (!category || category.score === 1) continue;
    for (const ref of category.auditRefs) {
      const audit = report.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
        const value = audit.displayValue ? ` (${audit.displayValue})` : '';
        blockers.push(`${name} / ${id}: ${audit.id}: ${audit.title}${value}`);
      }
    }
  }
}

const header = ['page', ...categories];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(header));
for (const row of rows) console.log(line(row));
if (blockers.length) {
  console.log('\nwhat keeps a score below 100:');
  for (const b of blockers) console.log(`  ${b}`);
}
if (installable) {
  if (installable.installable) passed += 1;
  else failed += 1;
  const why = installable.installable ? '' : `: ${installable.errors.join('; ')}`;
  console.log(`\ninstallable (${installable.url}): ${installable.installable ? 'yes' : 'no'}${why}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
