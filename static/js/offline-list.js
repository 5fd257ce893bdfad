// The offline page's list of what this device holds: each saved programme or plan with
// its files and a Remove button, then the pages kept from recent visits. Shown in place
// of the page's explanation once a service worker is active. The same page answers, with
// no network, for a page that is not kept: it then says so.
import { ask, bytes, date, element, title } from "./offline-ask.js";

const box = document.getElementById("saved");

if (location.pathname != "/offline") {
  document.getElementById("away").hidden = false;
  document.title = `Not saved for offline · runstrong`;
}

ask({ list: true }).then(render, () => {});

function render(list) {
  const parts = [element("h2", "Programmes and plans", { tabindex: "-1" })];
  if (!list.saved.length) {
    parts.push(
      element(
        "p",
        "Nothing saved yet. Open a programme, or build a plan, and press its button to save it for offline.",
      ),
    );
  }
  for (const saved of list.saved) parts.push(...savedCopy(saved));
  const visited = list.visited.filter((file) => new URL(file.url).pathname != "/offline");
  if (visited.length) {
    const pages = element("ul");
    for (const file of visited) pages.append(item(file));
    parts.push(
      element("h2", "Pages you visited lately"),
      element("p", "Kept while there is room: the oldest make way for new ones."),
      pages,
    );
  }
  box.replaceChildren(...parts);
}

function savedCopy(saved) {
  const heading = element("h3");
  heading.append(element("a", saved.title || title(saved.files[0]), { href: saved.key }));
  const about = element("p", `Saved on ${date(saved.files[0])}: ${saved.files.length} files, ${bytes(saved.files)}. `);
  const remove = element("button", "Remove", { type: "button" });
  remove.setAttribute("aria-label", `Remove ${saved.title || "this"} from this device`);
  remove.addEventListener("click", async () => {
    render(await ask({ remove: saved.key }));
    box.querySelector("h2").focus();
  });
  about.append(remove);
  const files = element("ul");
  for (const file of saved.files) files.append(item(file));
  return [heading, about, files];
}

function item(file) {
  const entry = element("li");
  entry.append(element("a", title(file), { href: file.url }));
  return entry;
}
