// Shared constants and environment parsing for the browser suite and its self-test.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SUITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_ROOT = path.resolve(SUITE_DIR, '..', '..');

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const VIEWPORTS = [
  { name: '1280', width: 1280, height: 800 },
  { name: '375', width: 375, height: 812 },
];

export const COLOR_SCHEMES = ['light', 'dark'];

// Pages that must print on exactly one sheet of A4 and of US Letter.
export const PRINT_PAGE_PATTERNS = [/\/programs\/[^/]+\/week\/\d+$/, /^\/plan(?:$|\?)/];

// Links with these extensions are not HTML pages: they only have to answer 200.
export const NON_HTML_EXTENSIONS = ['.ics', '.json', '.xml', '.atom'];

function intFromEnv(env, name, fallback, min, max) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number.parseInt(raw, 10);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new Error(`${name} must be an integer between ${min} and ${max}, got "${raw}"`);
  }
  return n;
}

function listFromEnv(env, name, fallback, allowed) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const items = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const item of items) {
    if (allowed && !allowed.includes(item)) {
      throw new Error(`${name}: unknown value "${item}" (allowed: ${allowed.join(', ')})`);
    }
  }
  return items;
}

// Options shared by suite.mjs and selftest.mjs, read from the environment.
export function optionsFromEnv(env = process.env) {
  return {
    chromium: env.CHROMIUM || '/usr/bin/chromium',
    java: env.JAVA || 'java',
    pdfinfo: env.PDFINFO || 'pdfinfo',
    concurrency: intFromEnv(env, 'CONCURRENCY', 2, 1, 16),
    maxPages: intFromEnv(env, 'MAX_PAGES', 500, 1, 5000),
    navTimeoutMs: intFromEnv(env, 'NAV_TIMEOUT_S', 30, 1, 600) * 1000,
    suiteTimeoutMs: intFromEnv(env, 'SUITE_TIMEOUT_S', 900, 10, 86400) * 1000,
    axeSchemes: listFromEnv(env, 'AXE_SCHEMES', ['light', 'dark'], COLOR_SCHEMES),
    screenshots: env.SCREENSHOTS !== '0',
  };
}

// Reads extra-urls.txt-style lines ("PATH [STATUS]") from a file, plus more entries from
// envList separated by ";" or newlines (not commas: URLs may contain them).
export function readExtraUrls(file, envList = '') {
  const out = [];
  const lines = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n') : [];
  for (const raw of [...lines, ...envList.split(/[;\n]/)]) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [p, status] = line.split(/\s+/);
    if (!p.startsWith('/')) throw new Error(`extra URL must start with "/": ${line}`);
    out.push({ path: p, status: status ? Number.parseInt(status, 10) : 200 });
  }
  return out;
}

