// Watches a page for console errors, uncaught exceptions and failed or erroring requests.
import { isLoopbackUrl } from './browser.mjs';
import { failure } from './report.mjs';

// Call before page.goto. `expectedStatus` is the status the document itself is expected
// to have (e.g. 404 for a deliberate not-found page), which is then not reported.
export function watchConsole(page, pageUrl, { expectedStatus = 200 } = {}) {
  const failures = [];
  const networkFailed = new Set();
  const consoleMessages = [];
  let active = true;
  const isDocument = (url) => url.split('#')[0] === pageUrl;

  const onConsole = (msg) => {
    if (!active || msg.type() !== 'error') return;
    consoleMessages.push({ text: msg.text(), location: msg.location() });
  };
  const onPageError = (err) => {
    if (!active) return;
    failures.push(failure(pageUrl, 'console-error', 'console-error', 'uncaught exception', err.message));
  };
  const onRequestFailed = (req) => {
    if (!active) return;
    const url = req.url();
    networkFailed.add(url);
    const reason = req.failure()?.errorText || 'failed';
    const message = isLoopbackUrl(url)
      ? `request failed: ${reason}`
      : `request to a non-loopback host was blocked (pages must not load third-party resources): ${reason}`;
    failures.push(failure(pageUrl, 'console-error', 'console-error', url, message));
  };
  const onResponse = (res) => {
    if (!active) return;
    const url = res.url();
    const status = res.status();
    if (status < 400) return;
    networkFailed.add(url);
    if (isDocument(url) && status === expectedStatus && res.request().isNavigationRequest()) return;
    failures.push(failure(pageUrl, 'console-error', 'console-error', url, `${res.request().resourceType()} answered HTTP ${status}`));
  };
  const listeners = { console: onConsole, pageerror: onPageError, requestfailed: onRequestFailed, response: onResponse };
  for (const [event, fn] of Object.entries(listeners)) page.on(event, fn);

  // Stops listening (the page may be reused for the next URL) and returns the failures seen.
  return function finish() {
    active = false;
    for (const [event, fn] of Object.entries(listeners)) page.off(event, fn);
    for (const { text, location } of consoleMessages) {
      // Chromium's "Failed to load resource" duplicates a request already reported above.
      if (/^Failed to load resource/.test(text) && location?.url && networkFailed.has(location.url)) continue;
      const where = location?.url ? `${location.url}${location.lineNumber !== undefined ? `:${location.lineNumber + 1}` : ''}` : '';
      failures.push(failure(pageUrl, 'console-error', 'console-error', where, text));
    }
    return failures;
  };
}
