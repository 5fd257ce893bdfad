// The guided view of one session: a modal dialog with one set at a time, its dose and the
// exercise's figure where the row has one, a "Done set" (or "Start hold") button, and the
// rest timer inside it. Where the runner is comes from the ticks themselves, so leaving
// and coming back, even after the browser dropped the tab, opens at the next set to do.
import { h } from "./dom.js";
import { setPrefs } from "./store.js";

let lock = null;
const wake = () => navigator.wakeLock?.request("screen").then((l) => (lock = l), () => {});

// Opens session `sid`; returns the function that redraws the view after a tick.
export function openGuide(sid, { rows, pending, tick, hold, timer, key, unit, done }) {
  const home = timer.box.parentNode;
  const where = h("p", { class: "quiet" });
  const name = h("h3");
  const dose = h("p");
  const figure = h("div");
  const load = h("input", { type: "number", id: "guide-load", min: 0, max: 2000, step: "any", inputmode: "decimal" });
  const label = h("label", { for: "guide-load" });
  const loadLine = h("p", {}, label, " ", load);
  const act = h("button", { type: "button" });
  const then = h("p");
  const close = h("button", { type: "button" }, "Close");
  const dialog = h(
    "dialog",
    { class: "guide", "aria-labelledby": "guide-title" },
    h("h2", { id: "guide-title" }, rows[0].sessionName),
    where,
    name,
    dose,
    figure,
    loadLine,
    h("p", {}, act),
    timer.box,
    then,
    h("p", {}, close),
  );
  let row = null;
  // The row's figure is lent to the view while its exercise is shown, as the timer is,
  // and given back after: a copy would be downloaded again where the browser keeps no
  // cache, and moving it keeps each id on the page once.
  let lent = null;
  const giveBack = () => {
    lent?.place.replaceWith(lent.still);
    lent = null;
  };
  function lend(r) {
    if (lent?.row === r) return;
    giveBack();
    const still = r.tr.querySelector(".still");
    if (!still) return;
    const place = new Comment("figure shown in the session view");
    still.replaceWith(place);
    figure.append(still);
    lent = { row: r, still, place };
  }

  function render() {
    const todo = pending(sid);
    const [r, n] = todo[0] ?? [];
    row = r;
    setPrefs({ guide: r ? { key, sid, at: Date.now() } : null });
    for (const part of [name, dose, figure, loadLine, act]) part.hidden = !r;
    if (!r) {
      giveBack();
      where.textContent = "Session finished: every set is ticked.";
      then.replaceChildren(h("a", { href: "/log" }, "See your training"));
      return;
    }
    where.textContent = `Exercise ${rows.indexOf(r) + 1} of ${rows.length}`;
    name.textContent = r.name;
    const amount = r.reps ? `${r.reps} reps` : `${r.seconds} s hold`;
    dose.textContent = `Set ${n} of ${r.sets}: ${amount}${r.side ? " each side" : ""}, ${r.tr.cells[3].textContent}.`;
    lend(r);
    label.textContent = `Load, ${unit()}`;
    load.value = r.load.value;
    act.textContent = r.seconds ? "Start hold" : "Done set";
    const [later, m] = todo[1] ?? [];
    then.textContent = later ? `Then: ${later.name}, set ${m} of ${later.sets}.` : "This is the last set.";
  }

  act.addEventListener("click", () => (row.seconds ? hold(row) : tick(row, pending(sid)[0][1], true)));
  load.addEventListener("change", () => {
    row.load.value = load.value;
    row.load.dispatchEvent(new Event("change", { bubbles: true }));
  });
  close.addEventListener("click", () => dialog.close());
  const awake = () => document.visibilityState === "visible" && wake();
  document.addEventListener("visibilitychange", awake);
  dialog.addEventListener("close", () => {
    home.append(timer.box);
    giveBack();
    dialog.remove();
    document.removeEventListener("visibilitychange", awake);
    lock?.release().catch(() => {});
    lock = null;
    setPrefs({ guide: null });
    done();
  });

  document.body.append(dialog);
  render();
  dialog.showModal();
  (row ? act : close).focus();
  wake();
  return render;
}
