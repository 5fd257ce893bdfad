// "Save this programme for offline", on programme and plan pages. The page marks what to
// save: every link with data-save (the weeks, the print page, the calendar file) and the
// page itself. The element with data-offline names the saved copy (its address, and
// data-title); on a programme it is the calendar form, whose choices give the calendar
// file to save: when the form is not filled in, the coming Monday and the programme's
// usual days (data-days), which are then shown in the form.
import { ask, bundle, bytes, date, element } from "./offline-ask.js";

const anchor = document.querySelector("[data-offline]");
const key = anchor.dataset.offline;
const noun = key.startsWith("/plan") ? "plan" : "programme";
const form = anchor instanceof HTMLFormElement ? anchor : null;

const status = element("p", "", { role: "status" });
const progress = element("progress", "", { "aria-label": `Saving this ${noun}`, hidden: "" });
const save = element("button", `Save this ${noun} for offline`, { type: "button" });
const remove = element("button", "Remove", { type: "button", hidden: "" });
const actions = element("p", "", { class: "actions" });
actions.append(save, remove, element("a", "Everything saved on this device", { href: "/offline" }));
const box = element("div", "", { class: "offline-save screen-only" });
box.append(status, progress, actions);

ask({ list: true }).then(
  (list) => {
    anchor.after(box);
    show(bundle(list, key));
  },
  () => {},
);

save.addEventListener("click", async () => {
  const links = [...document.querySelectorAll("a[data-save]")].map((link) => link.href);
  if (form) links.push(calendar(form));
  const urls = [...new Set([location.href.split("#")[0], ...links])];
  save.disabled = true;
  progress.hidden = false;
  const report = (done, total) => {
    progress.max = total;
    progress.value = done;
    status.textContent = `Saving: ${done} of ${total} files…`;
  };
  report(0, urls.length);
  try {
    const list = await ask({ save: { key, title: anchor.dataset.title, urls } }, report);
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
  if (ics) status.append("The ", element("a", "calendar file", { href: ics.url }), ` ${when(ics.url)}.`);
}

// The calendar file to save, from the form as filled in or else as the programme is usually
// done; the form is left showing what was saved.
function calendar(form) {
  const usual = form.dataset.days.split(",");
  const start = form.elements.start;
  if (!start.value) start.value = comingMonday();
  const days = [...form.querySelectorAll("input[name=days]")];
  if (days.filter((box) => box.checked).length < usual.length) {
    for (const box of days) box.checked = usual.includes(box.value);
  }
  return `${form.action}?${new URLSearchParams(new FormData(form))}`;
}

function comingMonday() {
  const day = new Date();
  day.setDate(day.getDate() + ((8 - day.getDay()) % 7));
  const pad = (n) => String(n).padStart(2, "0");
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

// What the saved calendar file holds, in words.
function when(url) {
  const query = new URL(url).searchParams;
  if (!form || !query.get("start")) return `holds the whole ${noun}`;
  const first = new Date(`${query.get("start")}T12:00`).toLocaleDateString("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
  });
  const names = query
    .getAll("days")
    .flatMap((days) => days.split(","))
    .map((day) => form.querySelector(`input[value="${day}"]`)?.parentElement.textContent.trim() || day);
  const listed = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names[0];
  return `starts on ${first}, with sessions on ${listed}`;
}
