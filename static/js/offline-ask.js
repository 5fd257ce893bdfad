// Talking to the service worker, which does the saving: one request per message channel.

// Resolves with the worker's answer to `message`; `onProgress(done, total)` hears how far
// a save has got. Waits until a worker is active, which may be never: callers show their
// controls only once it is.
export async function ask(message, onProgress) {
  const { active } = await navigator.serviceWorker.ready;
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = ({ data }) => {
      if (data.progress) onProgress?.(...data.progress);
      else if ("error" in data) reject(new Error(data.error));
      else resolve(data.result);
    };
    active.postMessage(message, [channel.port2]);
  });
}

// A saved programme or plan by its address, from the worker's list.
export function bundle(list, key) {
  return list.saved.find((saved) => saved.key == key);
}

// A page's title as the worker read it from the markup, entities decoded, without the
// site's name.
export function title(file) {
  if (/\.ics(\?|$)/.test(new URL(file.url).pathname)) return "Calendar file";
  const text = new DOMParser().parseFromString(file.title, "text/html").documentElement.textContent;
  return text.replace(/ · runstrong$/, "") || new URL(file.url).pathname;
}

export function bytes(files) {
  const total = files.reduce((sum, file) => sum + file.bytes, 0);
  return total < 1e6 ? `${Math.max(1, Math.round(total / 1e3))} KB` : `${(total / 1e6).toFixed(1)} MB`;
}

export function date(file) {
  const when = new Date(file.date || Date.now());
  return when.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
}
