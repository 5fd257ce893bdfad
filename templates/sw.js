{#-
The service worker, served at /sw.js. It is filled in when the site is built
(src/pages/offline.rs): VERSION changes whenever anything it precaches does, so browsers
install the new worker on their next visit, and SHELL lists the stylesheet, the scripts,
the icons and the offline page. These notes are template comments, so they cost the
served file nothing.

Caches: "assets-VERSION" holds the shell and every asset a kept page uses; "pages" the
pages visited, oldest first, at most LIMIT of them; one "saved:ADDRESS" cache per
programme or plan the runner saved, named by its address. A new version deletes every
other cache when it activates, after copying in each old asset a kept page still uses, so
no kept page points at an asset that is gone.

Pages go to the network first, with the ETag of the copy kept, so a current copy costs a
304; with no network the copy kept answers, and for a page not kept, the offline page.
Fingerprinted assets never change, so they come from the cache first. An exercise's
figure files (its still image and its keyframes) come from the network when there is one,
as a still changes with its figure, and are kept with the assets for use with no signal.
-#}
"use strict";
const VERSION = "{{ version }}";
const SHELL = {{ shell }};
const ASSETS = "assets-" + VERSION;
const PAGES = "pages";
const SAVED = "saved:";
const LIMIT = {{ visited_pages }};
const kept = (name) => name == PAGES || name.startsWith(SAVED);
const isPage = (response) => /^text\/html/.test(response.headers.get("Content-Type"));
const find = (url) => caches.match(url, { ignoreVary: true });
const FIGURE = /^\/exercises\/[^/]+\/(still\.svg|figure\.\w+\.css)$/;

addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(ASSETS)
      .then((cache) => cache.addAll(SHELL.map((url) => new Request(url, { cache: "no-cache" }))))
      .then(() => skipWaiting()),
  );
});

addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      for (const name of names.filter(kept)) await repair(await caches.open(name));
      for (const name of names) if (name != ASSETS && !kept(name)) await caches.delete(name);
      await clients.claim();
      // The page that registered the worker was loaded before it: keep it too.
      for (const client of await clients.matchAll({ type: "window" })) {
        const url = client.url.split("#")[0];
        if (!(await find(url))) await store(await caches.open(PAGES), url).catch(() => {});
      }
    })(),
  );
});

addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method != "GET" || url.origin != location.origin || url.pathname == "/sw.js") return;
  if (request.headers.get("Accept") == "text/event-stream") return;
  const path = url.pathname;
  event.respondWith(path.startsWith("/static/") ? asset(event) : FIGURE.test(path) ? figure(event) : page(event));
});

async function figure(event) {
  try {
    const response = await fetch(event.request);
    if (response.ok) await (await caches.open(ASSETS)).put(event.request, response.clone());
    return response;
  } catch (error) {
    return (await find(event.request)) || Response.error();
  }
}

async function asset(event) {
  const hit = await find(event.request);
  if (hit) return hit;
  const response = await fetch(event.request);
  if (response.ok) {
    const copy = response.clone();
    event.waitUntil(caches.open(ASSETS).then((cache) => cache.put(event.request, copy)));
  }
  return response;
}

async function page(event) {
  const request = event.request;
  const url = request.url.split("#")[0];
  const cached = await find(url);
  const etag = cached && cached.headers.get("ETag");
  let response;
  try {
    response = await fetch(
      etag ? new Request(url, { headers: { "If-None-Match": etag }, redirect: request.redirect }) : request,
    );
  } catch (error) {
    if (cached) return cached;
    if (request.mode == "navigate") return (await find("/offline")) || Response.error();
    throw error;
  }
  if (response.status == 304 && cached) {
    event.waitUntil(keep(url, cached.clone(), false));
    return cached;
  }
  if (response.ok && request.mode == "navigate" && isPage(response)) {
    event.waitUntil(keep(url, response.clone(), true));
  }
  return response;
}

// A page just answered: a saved copy is refreshed in place, and is the only copy kept;
// any other page goes to the end of the visited pages, and the oldest beyond LIMIT go.
async function keep(url, response, fresh) {
  const pages = await caches.open(PAGES);
  let saved = false;
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    if (!name.startsWith(SAVED) || !(await cache.match(url))) continue;
    saved = true;
    if (fresh) await cache.put(url, response.clone());
  }
  if (saved) return pages.delete(url);
  await pages.put(url, response);
  const keys = await pages.keys();
  await Promise.all(keys.slice(0, -LIMIT).map((key) => pages.delete(key)));
}

// Fetches a page into cache, once every asset it uses is kept.
async function store(cache, url) {
  const response = await fetch(url, { cache: "no-cache" });
  if (!response.ok) throw new Error(`${new URL(url).pathname} answered ${response.status}`);
  if (isPage(response) && !(await ensure(await refs(response)))) throw new Error("an asset is missing");
  await cache.put(url, response);
}

// The assets a page, stylesheet or script points at: the /static/ paths in its text
// (link and script elements, imports) and its figure files.
async function refs(response) {
  const text = await response.clone().text();
  return [...text.matchAll(/["'(](\/(static|exercises)\/[^"'()\s]+)/g)]
    .map((match) => match[1])
    .filter((url) => url.startsWith("/static/") || FIGURE.test(url));
}

// Keeps every asset of urls, and what each imports, in the current cache; false when
// one can be had neither from an older cache nor from the network.
async function ensure(urls) {
  const assets = await caches.open(ASSETS);
  const seen = new Set();
  let whole = true;
  while (urls.length) {
    const url = urls.pop();
    if (seen.has(url)) continue;
    seen.add(url);
    let response = await assets.match(url, { ignoreVary: true });
    if (!response) {
      response = (await find(url)) || (await fetch(url).catch(() => null));
      if (!response || !response.ok) {
        whole = false;
        continue;
      }
      await assets.put(url, response.clone());
    }
    if (/\.(js|css)$/.test(url)) urls.push(...(await refs(response)));
  }
  return whole;
}

// Makes every page of cache whole again after a new version: its assets are copied
// over; a page whose assets are gone is fetched anew, or else dropped.
async function repair(cache) {
  for (const request of await cache.keys()) {
    const response = await cache.match(request);
    if (!isPage(response) || (await ensure(await refs(response)))) continue;
    await store(cache, request.url).catch(() => cache.delete(request));
  }
}

// Pages ask through a message port: {save: {key, title, urls}}, {remove: key} or
// {list: true}; the answer is {result}, or {error}; saving also reports {progress: [done, total]}.
addEventListener("message", (event) => {
  const { save, remove } = event.data || {};
  const port = event.ports[0];
  const tell = (message) => port && port.postMessage(message);
  const job = save
    ? saveAll(save, (done) => tell({ progress: [done, save.urls.length] }))
    : remove
      ? named(remove).then((names) => Promise.all(names.map((name) => caches.delete(name)))).then(list)
      : list();
  event.waitUntil(job.then((result) => tell({ result }), (error) => tell({ error: String(error.message || error) })));
});

// A saved copy's cache is named "saved:ADDRESS TITLE"; addresses hold no spaces.
const named = async (key) =>
  (await caches.keys()).filter((name) => name.startsWith(SAVED) && name.slice(SAVED.length).split(" ")[0] == key);

async function saveAll({ key, title, urls }, progress) {
  const name = `${SAVED}${key} ${title || ""}`.trim();
  const before = await named(key);
  const cache = await caches.open(name);
  try {
    for (let done = 0; done < urls.length; done++) {
      progress(done);
      await store(cache, urls[done]);
    }
    progress(urls.length);
    const pages = await caches.open(PAGES);
    for (const url of urls) await pages.delete(url);
  } catch (error) {
    if (!before.includes(name)) await caches.delete(name);
    throw error;
  }
  for (const old of before) if (old != name) await caches.delete(old);
  return list();
}

// What is kept: each saved programme or plan with its files, and the visited pages,
// the latest first.
async function list() {
  const saved = [];
  const visited = [];
  for (const name of await caches.keys()) {
    if (!kept(name)) continue;
    const cache = await caches.open(name);
    const files = [];
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      const body = await response.clone().arrayBuffer();
      const title = /<title>([^<]*)/.exec(new TextDecoder().decode(body));
      files.push({
        url: request.url,
        title: title ? title[1] : "",
        bytes: body.byteLength,
        date: response.headers.get("Date"),
      });
    }
    if (name == PAGES) visited.push(...files.reverse());
    else {
      const [key, ...title] = name.slice(SAVED.length).split(" ");
      saved.push({ key, title: title.join(" "), files });
    }
  }
  return { saved, visited };
}
