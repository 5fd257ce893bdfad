// Crawling helpers: URL normalisation, classification and a bounded work queue.
import { NON_HTML_EXTENSIONS } from './config.mjs';

// Normalises an href against a base: drops the fragment. Returns null for schemes that
// are not fetched (mailto:, tel:, javascript:, data:, ...).
export function normalizeUrl(href, base) {
  let u;
  try {
    u = new URL(href, base);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  return u.href;
}

export function isSameOrigin(url, baseUrl) {
  return new URL(url).origin === new URL(baseUrl).origin;
}

// True for links that are data/feeds rather than HTML pages (checked for status 200 only).
export function isNonHtmlLink(url) {
  const p = new URL(url).pathname.toLowerCase();
  return NON_HTML_EXTENSIONS.some((ext) => p.endsWith(ext));
}

// Path plus query, for readable names in reports.
export function displayPath(url) {
  const u = new URL(url);
  return u.pathname + u.search;
}

// Runs handler(item, enqueue) over a queue that grows while it is processed, with at
// most `concurrency` handlers in flight and at most `maxItems` items handled in total.
// Items are deduplicated by key(item). Resolves to { processed, dropped }, where
// dropped lists keys that were queued but not handled because a limit was reached.
// shouldStop() is polled before each item starts (e.g. an overall deadline).
export function runQueue(initial, { concurrency, maxItems, handler, key = (x) => x, shouldStop = () => false }) {
  const seen = new Set();
  const queue = [];
  let running = 0;
  let processed = 0;
  const enqueue = (...items) => {
    for (const item of items) {
      const k = key(item);
      if (seen.has(k)) continue;
      seen.add(k);
      queue.push(item);
    }
  };
  enqueue(...initial);
  return new Promise((resolve) => {
    const pump = () => {
      while (running < concurrency && queue.length > 0 && processed < maxItems && !shouldStop()) {
        const item = queue.shift();
        running += 1;
        processed += 1;
        Promise.resolve()
          .then(() => handler(item, enqueue))
          .catch((err) => {
            // Handlers report their own failures; this is a last resort so the queue never stalls.
            console.error(`internal error while handling ${key(item)}: ${err?.stack || err}`);
          })
          .finally(() => {
            running -= 1;
            pump();
          });
      }
      if (running === 0) resolve({ processed, dropped: queue.map(key) });
    };
    pump();
  });
}

// Runs fn over items with bounded concurrency; resolves to the results in order.
export async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next;
      next += 1;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

// Runs in the page: every URL the document refers to, with the element that refers to it,
// plus all ids/names usable as fragment targets.
export function collectReferencesInPage() {
  const refs = [];
  const describe = (el) => {
    const html = el.outerHTML;
    return html.length > 160 ? html.slice(0, 157) + '...' : html;
  };
  const add = (el, attr, value, kind) => {
    if (value === null || value === undefined) return;
    const v = String(value).trim();
    if (!v) return;
    let abs;
    try {
      abs = new URL(v, document.baseURI).href;
    } catch {
      refs.push({ kind, attr, raw: v, url: null, element: describe(el) });
      return;
    }
    refs.push({ kind, attr, raw: v, url: abs, element: describe(el) });
  };
  const srcset = (el, value, kind) => {
    if (!value) return;
    for (const part of value.split(',')) {
      const candidate = part.trim().split(/\s+/)[0];
      if (candidate) add(el, 'srcset', candidate, kind);
    }
  };
  for (const el of document.querySelectorAll('a[href], area[href]')) add(el, 'href', el.getAttribute('href'), 'anchor');
  for (const el of document.querySelectorAll('link[href]')) add(el, 'href', el.getAttribute('href'), 'link');
  for (const el of document.querySelectorAll('img')) {
    add(el, 'src', el.getAttribute('src'), 'img');
    srcset(el, el.getAttribute('srcset'), 'img');
  }
  for (const el of document.querySelectorAll('source')) {
    add(el, 'src', el.getAttribute('src'), 'source');
    srcset(el, el.getAttribute('srcset'), 'source');
  }
  for (const el of document.querySelectorAll('script[src]')) add(el, 'src', el.getAttribute('src'), 'script');
  for (const el of document.querySelectorAll('video[src], audio[src], track[src], iframe[src], embed[src]')) {
    add(el, 'src', el.getAttribute('src'), el.localName);
  }
  for (const el of document.querySelectorAll('video[poster]')) add(el, 'poster', el.getAttribute('poster'), 'video');
  for (const el of document.querySelectorAll('object[data]')) add(el, 'data', el.getAttribute('data'), 'object');
  const targets = [];
  for (const el of document.querySelectorAll('[id]')) targets.push(el.id);
  for (const el of document.querySelectorAll('a[name]')) targets.push(el.getAttribute('name'));
  return { refs, targets, url: location.href };
}
