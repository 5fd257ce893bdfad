// "Save this programme for offline", on programme and plan pages. The page marks what to
// save: every link with data-save (the weeks, the print page, a plan's calendar file) and
// the page itself. The element with data-offline names the saved copy (its address, and
// data-title). Before saving it hears "offline:save" with the set of addresses, to which
// a page may add (a programme adds its calendar file: offline-calendar.js); once the
// copy is shown as saved it hears "offline:saved" with the files and the status line.
import { h } from "./dom.js";
import { ask, bundle, bytes, date } from "./offline-ask.js";

const anchor = document.querySelector("[data-offline]");
const key = anchor.dataset.offline;
const noun = key.startsWith("/plan") ? "plan" : "programme";

const status = h("p", { role: "status" });
const progress = h("progress", { "aria-label": `Saving this ${noun}`, hidden: true });
const save = h("button", { type: "button" }, `Save this ${noun} for offline`);
const remove = h("button", { type: "button", hidden: true }, "Remove");
const box = h(
  "div",
  { class: "offline-save screen-only" },
  status,
  progress,
  h("p", { class: "actions" }, save, remove, h("a", { href: "/offline" }, "Everything saved on this device")),
);

ask({ list: true }).then(
  (list) => {
    anchor.after(box);
    show(bundle(list, key));
  },
  () => {},
);

save.addEventListener("click", async () => {
  const urls = new Set([location.href.split("#")[0]]);
  for (const link of document.querySelectorAll("a[data-save]")) urls.add(link.href);
  anchor.dispatchEvent(new CustomEvent("offline:save", { detail: urls }));
  save.disabled = true;
  progress.hidden = false;
  const report = (done, total) => {
    progress.max = total;
    progress.value = done;
    status.textContent = `Saving: ${done} of ${total} files…`;
  };
  report(0, urls.size);
  try {
    const list = await ask({ save: { key, title: anchor.dataset.title, urls: [...urls] } }, report);
    show(bundle(list, key));
  } catch (error) {
    show(null);
    status.textContent = `Could not save this ${noun} (${error.message}). Nothing was kept; check the connection and try again.`;
  }
});

remove.addEventListener("click", async () => {
  show(bundle(await ask({ remove: key }), key));
  status.textContent = `Removed from this device.`;
  save.focus();
});

// Shows the saved state, or the button to save.
function show(saved) {
  save.hidden = Boolean(saved);
  save.disabled = false;
  remove.hidden = !saved;
  progress.hidden = true;
  status.textContent = "";
  if (!saved) return;
  const { files } = saved;
  status.append(`Saved on this device on ${date(files[0])}: ${files.length} files, ${bytes(files)}. `);
  const ics = files.find((file) => /\.ics$/.test(new URL(file.url).pathname));
  if (ics) status.append("The ", h("a", { href: ics.url }, "calendar file"), ` holds the whole ${noun}.`);
  anchor.dispatchEvent(new CustomEvent("offline:saved", { detail: { ics, status } }));
}
