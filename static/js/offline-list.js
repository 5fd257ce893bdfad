// The offline page's list of what this device holds: each saved programme or plan with
// its files and a Remove button, then the pages kept from recent visits. Shown in place
// of the page's explanation once a service worker is active. The same page answers, with
// no network, for a page that is not kept: it then says so.
import { h } from "./dom.js";
import { ask, bytes, date, title } from "./offline-ask.js";

const box = document.getElementById("saved");

if (location.pathname != "/offline") {
  document.getElementById("away").hidden = false;
  document.title = `Not saved for offline · runstrong`;
}

ask({ list: true }).then(render, () => {});

function render(list) {
  const parts = [h("h2", { tabindex: "-1" }, "Programmes and plans")];
  if (!list.saved.length) {
    parts.push(
      h("p", {}, "Nothing saved yet. Open a programme, or build a plan, and press its button to save it for offline."),
    );
  }
  for (const saved of list.saved) parts.push(...savedCopy(saved));
  const visited = list.visited.filter((file) => new URL(file.url).pathname != "/offline");
  if (visited.length) {
    parts.push(
      h("h2", {}, "Pages you visited lately"),
      h("p", {}, "Kept while there is room: the oldest make way for new ones."),
      h("ul", {}, ...visited.map(item)),
    );
  }
  box.replaceChildren(...parts);
}

function savedCopy(saved) {
  const { files } = saved;
  const remove = h("button", { type: "button", "aria-label": `Remove ${saved.title || "this"} from this device` }, "Remove");
  remove.addEventListener("click", async () => {
    render(await ask({ remove: saved.key }));
    box.querySelector("h2").focus();
  });
  return [
    h("h3", {}, h("a", { href: saved.key }, saved.title || title(files[0]))),
    h("p", {}, `Saved on ${date(files[0])}: ${files.length} files, ${bytes(files)}. `, remove),
    h("ul", {}, ...files.map(item)),
  ];
}

const item = (file) => h("li", {}, h("a", { href: file.url }, title(file)));
