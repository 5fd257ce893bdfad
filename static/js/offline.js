// Offline use, on every page. Once the page has loaded (so that nothing competes with it),
// registers the service worker (/sw.js), which keeps pages and assets for use with no
// signal; then loads the controls a page asks for: saving a programme or plan
// ([data-offline]) or the list of what is saved (#saved, the offline page).
function start() {
  navigator.serviceWorker.register("/sw.js").catch(() => {});
  if (document.querySelector("[data-offline]")) import("./offline-save.js").catch(() => {});
  if (document.getElementById("saved")) import("./offline-list.js").catch(() => {});
}

if ("serviceWorker" in navigator && "caches" in window) {
  if (document.readyState == "complete") start();
  else addEventListener("load", start);
}
