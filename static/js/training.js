// Training from a week page or a personal plan: ticked sets and typed loads are kept in
// this browser, ticking a set starts its rest, timed holds get a hold timer, and each
// session can be followed one set at a time. Everything about a session is read from the
// page's markup (the rows' data attributes); the record never leaves the browser.
import { h } from "./dom.js";
import { openGuide } from "./session.js";
import { prefs, read, setPrefs, update } from "./store.js";
import { chime, Timer } from "./timer.js";

const LB = 0.45359237; // kg in a pound
const READY = 5000;
const DAY = 864e5;

const canonical = new URL(document.querySelector("link[rel=canonical]")?.href ?? location.href);
const key = canonical.pathname + canonical.search;
const title = document.title.replace(/ · runstrong$/, "");

// What the page says about each exercise row, by row id; and the rows of each session.
const rows = new Map();
const sessions = new Map();
for (const session of document.querySelectorAll("[data-session]")) {
  const heading = session.querySelector("h3");
  const sessionName = heading.firstChild.textContent.trim();
  const list = [...session.querySelectorAll("tr[data-exercise]")].map((tr) => {
    const d = tr.dataset;
    const r = {
      tr,
      id: tr.id,
      session,
      sid: session.id,
      sessionName,
      exercise: d.exercise,
      name: tr.querySelector("th a")?.textContent ?? tr.cells[0].textContent,
      sets: Number(d.sets),
      reps: d.reps ? Number(d.reps) : null,
      seconds: d.seconds ? Number(d.seconds) : null,
      side: "perSide" in d,
      rest: Number(d.rest) * 1000,
      boxes: [...tr.querySelectorAll("input[type=checkbox]")],
    };
    rows.set(r.id, r);
    return r;
  });
  sessions.set(session.id, list);
  const start = h("button", { type: "button", class: "screen-only", "aria-label": `Start session: ${sessionName}` }, "Start session");
  start.addEventListener("click", () => guide(session.id));
  heading.after(start);
}

// The sets of a session still to do, in order: [row, set number].
const pending = (sid) => sessions.get(sid).flatMap((r) => r.boxes.flatMap((b, i) => (b.checked ? [] : [[r, i + 1]])));

const timer = new Timer(key, ended);
const unit = () => prefs().unit ?? "kg";
let asked = false;
let refresh = () => {};

// Writes a change to the record, and says so plainly when the browser would not keep it.
function save(change) {
  try {
    update(change);
    timer.alert.textContent = "";
    if (!asked) asked = navigator.storage?.persist?.().catch(() => false) ?? true;
  } catch (e) {
    timer.alert.textContent = `Not saved: ${e.message}`;
  }
}

// The row's entry in the record, made from the page if it is not there yet.
function entry(doc, r) {
  doc.pages[key] ??= { title, sessions: {} };
  doc.pages[key].title = title;
  const s = (doc.pages[key].sessions[r.sid] ??= { name: r.sessionName, rows: {} });
  const fresh = { exercise: r.exercise, name: r.name, sets: r.sets, reps: r.reps, seconds: r.seconds, side: r.side };
  return Object.assign((s.rows[r.id] ??= { ...fresh, load: null, done: {} }), fresh);
}

const next = (sid) => {
  const [r, n] = pending(sid)[0] ?? [];
  return r ? `Next: ${r.name}, set ${n} of ${r.sets}.` : "";
};

// Ticks (or unticks) set `n` of row `r`, done at `at`. A tick by the runner's own hand
// starts the rest (unless the session is finished) and says so; one made when a hold
// ends leaves that to the hold's timer.
function tick(r, n, on, at = Date.now(), byHand = true) {
  r.boxes[n - 1].checked = on;
  save((doc) => {
    const done = entry(doc, r).done;
    if (on) done[n] ??= new Date(at).toISOString();
    else delete done[n];
  });
  refresh();
  if (!on) return timer.cancel(r.id, n);
  if (!byHand) return;
  const left = pending(r.sid).length;
  const what = `${r.name}, set ${n} done.`;
  if (!left) {
    timer.cancel();
    timer.say.textContent = `${what} Session finished: well done.`;
  } else {
    timer.start(r.id, n, [{ k: "rest", ms: r.rest }]);
    timer.say.textContent = `${what} Rest ${r.rest / 1000} s. ${next(r.sid)}`;
  }
}

// Times a hold for the next set of row `r`: get ready, hold (each side in turn), rest.
function hold(r) {
  const n = r.boxes.findIndex((b) => !b.checked) + 1;
  if (!n) return;
  const sides = r.side ? [1, 2] : [0];
  const phases = sides.flatMap((side) => [
    { k: "ready", ms: READY, side },
    { k: "hold", ms: r.seconds * 1000, side, last: side === sides.at(-1) },
  ]);
  if (pending(r.sid).length > 1) phases.push({ k: "rest", ms: r.rest });
  timer.start(r.id, n, phases);
  timer.say.textContent = `${r.name}, set ${n}: get ready.`;
}

// A phase of the running timer has ended: a hold's set is ticked when it ends (also while
// the page was closed); the runner hears of it only if the page was open.
function ended(p, s, live) {
  const r = rows.get(s.row);
  if (p.k === "hold" && p.last && r) tick(r, s.set, true, p.end, false);
  if (!live || !r) return;
  const words = {
    ready: `Hold ${r.seconds} s${p.side ? `, side ${p.side}` : ""}.`,
    hold: p.last ? `${r.name}, set ${s.set} done.${s.phases.length ? ` Rest ${r.rest / 1000} s.` : ""}` : "Other side: get ready.",
    rest: `Rest over. ${next(r.sid)}`,
  };
  timer.say.textContent = words[p.k];
  chime();
}

// == The page: settings, load inputs, hold buttons ==
const select = h("select", { id: "t-unit" }, h("option", {}, "kg"), h("option", {}, "lb"));
const sound = h("input", { type: "checkbox", id: "t-sound" });
const bar = h(
  "p",
  { class: "actions training screen-only" },
  h("label", { class: "day", for: "t-unit" }, "Loads in"),
  select,
  h("label", { class: "day" }, sound, "Sound and vibration when a rest or hold ends"),
);
document.querySelector(".training-slot")?.append(bar);
document.querySelector("main").append(timer.box);

function show() {
  let doc = null;
  try {
    doc = read();
  } catch (e) {
    timer.alert.textContent = e.message;
  }
  const u = unit();
  select.value = u;
  sound.checked = !!prefs().sound;
  for (const r of rows.values()) {
    const saved = doc?.pages[key]?.sessions[r.sid]?.rows[r.id];
    r.boxes.forEach((b, i) => (b.checked = !!saved?.done[i + 1]));
    r.load ??= loadInput(r);
    r.load.setAttribute("aria-label", `Load for ${r.name}, ${u}`);
    r.load.nextSibling.textContent = ` ${u}`;
    const l = saved?.load;
    r.load.value = !l ? "" : l.unit === u ? l.value : Math.round((u === "kg" ? l.value * LB : l.value / LB) * 10) / 10;
  }
  remind(doc);
}

function loadInput(r) {
  const input = h("input", { type: "number", class: "load", min: 0, max: 2000, step: "any", inputmode: "decimal" });
  r.tr.querySelector("td.write")?.append(input, h("span", {}, ""));
  if (r.seconds) {
    const b = h("button", { type: "button", class: "screen-only", "aria-label": `Time hold: ${r.name}` }, "Time hold");
    b.addEventListener("click", () => hold(r));
    r.boxes.at(-1).after(b);
  }
  return input;
}

// Where the browser may clear the record, a reminder to export it once a week.
async function remind(doc) {
  const kept = await navigator.storage?.persisted?.().catch(() => false);
  const due = Date.now() - (prefs().exported ?? 0) > 7 * DAY;
  if (!kept && due && doc && Object.keys(doc.pages).length && !bar.nextElementSibling?.matches(".remind")) {
    bar.after(h("p", { class: "remind screen-only" }, "This browser may clear what you record here (Safari does after seven days without a visit). ", h("a", { href: "/log" }, "Export a copy"), "."));
  }
}

document.querySelector("main").addEventListener("change", (e) => {
  const t = e.target;
  const r = rows.get(t.closest("tr[data-exercise]")?.id);
  if (t === select) {
    setPrefs({ unit: select.value });
    show();
  } else if (t === sound) {
    setPrefs({ sound: sound.checked });
    chime();
  } else if (r && t.type === "checkbox") {
    tick(r, r.boxes.indexOf(t) + 1, t.checked);
  } else if (r && t === r.load) {
    const value = t.valueAsNumber;
    if (t.value && !(value >= 0 && value <= 2000)) {
      timer.alert.textContent = "A load is a number from 0 to 2000.";
      return;
    }
    save((doc) => (entry(doc, r).load = t.value ? { value, unit: unit(), at: new Date().toISOString() } : null));
  }
});

function guide(sid) {
  const done = () => (refresh = () => {});
  refresh = openGuide(sid, { rows: sessions.get(sid), pending, tick, hold, timer, key, unit, done });
}

show();
// Catches up with a timer that ran on while the page was closed, without a sound.
timer.tick(false);
// A session left open in the last few hours opens again where the runner was.
const open = prefs().guide;
if (open?.key === key && sessions.has(open.sid) && Date.now() - open.at < 6 * 36e5) guide(open.sid);
