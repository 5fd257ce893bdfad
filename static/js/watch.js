// Watch mode only (`runstrong serve --watch`): reloads the page when the server has
// rebuilt the site after an edit. Production pages never load this script.
const events = new EventSource("/_watch/events");
events.addEventListener("reload", () => window.location.reload());
