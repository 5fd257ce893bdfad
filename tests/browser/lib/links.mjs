// Fetching same-origin URLs (with a cache) and checking that every reference on a page resolves.
import { isNonHtmlLink, isSameOrigin, mapLimit, normalizeUrl } from './crawl.mjs';
import { failure } from './report.mjs';

export function isHtmlType(contentType) {
  return /^\s*(text\/html|application\/xhtml\+xml)\b/i.test(contentType || '');
}

// Fetches each URL once. Results: { url, finalUrl, status, contentType, body?, error? };
// body is kept only for HTML responses (it is what vnu validates).
export class Fetcher {
  constructor({ timeoutMs = 30000 } = {}) {
    this.timeoutMs = timeoutMs;
    this.cache = new Map();
  }

  get(url) {
    if (!this.cache.has(url)) this.cache.set(url, this.#load(url));
    return this.cache.get(url);
  }

  async #load(url) {
    try {
      const res = await fetch(url, {
        redirect: 'follow',
        signal: AbortSignal.timeout(this.timeoutMs),
        headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
      });
      const contentType = res.headers.get('content-type') || '';
      let body;
      if (isHtmlType(contentType)) body = await res.text();
      else await res.arrayBuffer();
      return { url, finalUrl: res.url || url, status: res.status, contentType, body };
    } catch (err) {
      const reason = err?.cause?.code || err?.cause?.message || err?.message || String(err);
      return { url, finalUrl: url, status: 0, contentType: '', error: reason };
    }
  }

  // Number of distinct URLs fetched so far.
  get size() {
    return this.cache.size;
  }
}

// The outcome of fetching one URL, judged for a link: null when fine, else a reason.
export function linkProblem(result, { exact200 = false } = {}) {
  if (result.error) return `request failed: ${result.error}`;
  if (exact200 ? result.status !== 200 : result.status >= 400 || result.status === 0) {
    return `HTTP ${result.status}${exact200 ? ' (expected 200)' : ''}`;
  }
  return null;
}

// Checks the references a page makes (see collectReferencesInPage). Returns
// { failures, pagesToCrawl } where pagesToCrawl are same-origin HTML pages linked by <a>/<area>.
export async function checkReferences({ pageUrl, baseUrl, refs, targets, fetcher }) {
  const failures = [];
  const pagesToCrawl = new Set();
  const targetSet = new Set(targets);
  const pageNoHash = normalizeUrl(pageUrl);
  const reported = new Set();
  const report = (raw, message) => {
    const key = `${raw}\u0000${message}`;
    if (reported.has(key)) return;
    reported.add(key);
    failures.push(failure(pageUrl, 'broken-link', 'broken-link', raw, message));
  };

  // Warm the cache with a few requests in parallel; the loop below then reads from it.
  const sameOrigin = new Set();
  for (const ref of refs) {
    const t = ref.url === null ? null : normalizeUrl(ref.url);
    if (t !== null && isSameOrigin(t, baseUrl)) sameOrigin.add(t);
  }
  await mapLimit([...sameOrigin], 4, (t) => fetcher.get(t));

  for (const ref of refs) {
    if (ref.url === null) {
      report(ref.raw, `not a valid URL (${ref.element})`);
      continue;
    }
    const target = normalizeUrl(ref.url);
    if (target === null) continue; // mailto:, tel:, data: ...
    if (!isSameOrigin(target, baseUrl)) continue; // never leave loopback
    const hash = new URL(ref.url).hash;
    if (ref.kind === 'anchor' && target === pageNoHash && hash.length > 1) {
      const id = decodeURIComponent(hash.slice(1));
      if (id !== 'top' && !targetSet.has(id)) report(ref.raw, `no element with id "${id}" on this page`);
    }
    // A link to the page itself (skip links, "#top", ...) needs no request: the page is being checked.
    if (target === pageNoHash) continue;
    const nonHtml = isNonHtmlLink(target);
    const result = await fetcher.get(target);
    const problem = linkProblem(result, { exact200: nonHtml });
    if (problem) {
      report(ref.raw, `${problem} (${ref.element})`);
      continue;
    }
    if (ref.kind === 'anchor' && !nonHtml && isHtmlType(result.contentType) && isSameOrigin(result.finalUrl, baseUrl)) {
      pagesToCrawl.add(normalizeUrl(result.finalUrl));
    }
  }
  return { failures, pagesToCrawl: [...pagesToCrawl] };
}
