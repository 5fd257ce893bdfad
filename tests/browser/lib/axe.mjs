// Runs axe-core inside a Playwright page and turns violations into failures.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { AXE_TAGS } from './config.mjs';
import { failure } from './report.mjs';

const require = createRequire(import.meta.url);
let axeSource = null;

function getAxeSource() {
  if (axeSource === null) axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

// Injects axe through the DevTools protocol (page.evaluate), which a strict
// Content-Security-Policy on the page does not block.
export async function injectAxe(page) {
  const present = await page.evaluate(() => typeof window.axe === 'object');
  if (!present) await page.evaluate(getAxeSource());
}

// Finishes running CSS transitions/animations so colours are final (e.g. after a
// colour-scheme switch) before contrast is measured.
export async function settle(page) {
  await page.evaluate(
    () =>
      new Promise((resolve) => {
        for (const a of document.getAnimations()) {
          try {
            a.finish();
          } catch {
            // infinite animations cannot be finished; they are left alone
          }
        }
        requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
      }),
  );
}

// Returns the raw axe violations for the current state of the page.
export async function axeViolations(page, tags = AXE_TAGS) {
  await injectAxe(page);
  await settle(page);
  return page.evaluate(
    (runTags) =>
      window.axe.run(document, {
        runOnly: { type: 'tag', values: runTags },
        resultTypes: ['violations'],
      }).then((r) =>
        r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          helpUrl: v.helpUrl,
          nodes: v.nodes.map((n) => ({
            target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : t)).join(' >>> '),
            html: n.html,
            summary: n.failureSummary,
          })),
        })),
      ),
    tags,
  );
}

// One failure per violating element. `label` (e.g. "dark, 1280px") says in which
// state the page was checked.
export function axeFailures(pageUrl, violations, label) {
  const out = [];
  for (const v of violations) {
    for (const n of v.nodes) {
      const summary = (n.summary || '')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !/^Fix (any|all) of the following:?$/i.test(l))
        .join('; ');
      const f = failure(pageUrl, 'axe', v.id, n.target, `${v.help} [${v.impact}${label ? `, ${label}` : ''}]: ${summary}`);
      f.html = n.html;
      f.helpUrl = v.helpUrl;
      out.push(f);
    }
  }
  return out;
}
