// Launches the system Chromium through playwright-core (no bundled browser download).
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './config.mjs';

export async function launchBrowser(executablePath = process.env.CHROMIUM || '/usr/bin/chromium') {
  if (!fs.existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it (Debian: apt-get install -y chromium) ` +
        'or point the CHROMIUM environment variable at a Chromium/Chrome binary.',
    );
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

// A browser context that only ever talks to loopback: any request to another host is
// aborted and remembered, so a page that pulls in third-party resources fails loudly
// instead of reaching out to the network. `options` add to or override the defaults.
export async function newLoopbackContext(browser, onBlocked, options = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
    ...options,
  });
  await context.route(
    (url) => !isLoopbackUrl(url),
    (route) => {
      onBlocked?.(route.request());
      return route.abort('blockedbyclient');
    },
  );
  return context;
}

export function isLoopbackUrl(url) {
  const u = url instanceof URL ? url : new URL(url);
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
  const host = u.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
