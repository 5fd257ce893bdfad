// Offline use, on every page: once the page has loaded (so that nothing competes with it),
// registers the service worker (/sw.js), which keeps pages and assets for use with no
// signal. The pages with offline controls link their own modules: offline-save.js on
// programmes and plans, offline-calendar.js beside it on programmes, and
// offline-list.js on the offline page.
function start() {
  navigator.serviceWorker.register("/sw.js").catch(() => {});
}

if ("serviceWorker" in navigator && "caches" in window) {
  if (document.readyState == "complete") start();
  else addEventListener("load", start);
}
