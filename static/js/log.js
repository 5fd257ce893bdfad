// "Your training" (/log): what this browser has recorded, by date, a chart per exercise,
// and export, import and clear. It reads and writes browser storage only.
import { h } from "./dom.js";
import { check, csv, local, merge, parse, sets } from "./record.js";
import { clear, prefs, read, setPrefs, write } from "./store.js";

const $ = (id) => document.getElementById(`log-${id}`);
const LB = 0.45359237; // kg in a pound
const SVG = "http://www.w3.org/2000/svg";
const say = (text) => ($("status").textContent = text);
const date = (day, opts) => new Date(`${day}T12:00`).toLocaleDateString("en-GB", opts);
const short = (day) => date(day, { day: "numeric", month: "short" });
let doc = null;

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.append(...children);
  return el;
}

function show() {
  try {
    doc = check(read());
  } catch (e) {
    doc = null;
    say(e.message);
  }
  const all = doc ? sets(doc) : [];
  days(all);
  $("progress").hidden = !all.length;
  if (all.length) chart(all);
}

// Newest day first; under each day its sessions, and a line per exercise.
function days(all) {
  const byDay = new Map();
  for (const s of all) {
    const [day] = local(s.at);
    const sessions = byDay.get(day) ?? byDay.set(day, new Map()).get(day);
    const group = `${s.url}#${s.sid}`;
    const rows = sessions.get(group) ?? sessions.set(group, new Map()).get(group);
    rows.set(s.rid, [...(rows.get(s.rid) ?? []), s]);
  }
  const list = [...byDay].reverse().flatMap(([day, sessions]) => [
    h("h3", {}, `${date(day, { weekday: "long" })} ${date(day, { day: "numeric", month: "long", year: "numeric" })}`),
    ...[...sessions].flatMap(([group, rows]) => {
      const first = [...rows.values()][0][0];
      return [
        h("p", {}, h("a", { href: group }, `${first.title}: ${first.session}`)),
        h("ul", {}, ...[...rows.values()].map((done) => h("li", {}, line(done)))),
      ];
    }),
  ]);
  $("days").replaceChildren(
    ...(list.length ? list : [h("p", {}, "Nothing recorded yet. Tick the sets you do on a week page or on your plan and they appear here.")]),
  );
}

// "Squat: 3 of 3 sets of 10 reps, 20 kg".
function line(done) {
  const r = done[0];
  const each = r.reps ? `${r.reps} reps` : `${r.seconds} s`;
  const load = r.load ? `, ${r.load.value} ${r.load.unit}` : "";
  return `${r.name}: ${done.length} of ${r.sets} sets of ${each}${r.side ? " each side" : ""}${load}`;
}

// One exercise over time: its heaviest load each day where loads were written, otherwise
// the reps done or the seconds held each day.
function chart(all) {
  const select = $("exercise");
  const names = new Map(all.map((s) => [s.exercise, s.name]));
  const chosen = names.has(select.value) ? select.value : [...names.keys()][0];
  select.replaceChildren(...[...names].map(([slug, name]) => h("option", { value: slug }, name)));
  select.value = chosen;
  const mine = all.filter((s) => s.exercise === chosen);
  const unit = prefs().unit ?? "kg";
  const byLoad = mine.some((s) => s.load);
  const what = byLoad ? `heaviest load in ${unit}` : mine[0].seconds ? "seconds held" : "reps";
  const perDay = new Map();
  for (const s of mine) {
    const [day] = local(s.at);
    const l = s.load;
    const kg = l && (l.unit === unit ? l.value : unit === "kg" ? l.value * LB : l.value / LB);
    const v = byLoad ? Math.round((kg || 0) * 10) / 10 : (s.seconds ?? s.reps);
    perDay.set(day, byLoad ? Math.max(perDay.get(day) ?? 0, v) : (perDay.get(day) ?? 0) + v);
  }
  const [W, H, left, bottom, top] = [320, 160, 40, 20, 10];
  const dayList = [...perDay.keys()];
  const t0 = Date.parse(dayList[0]);
  const span = Date.parse(dayList.at(-1)) - t0;
  const most = Math.max(...perDay.values()) || 1;
  const points = [...perDay].map(([day, v]) => [
    span ? left + ((Date.parse(day) - t0) / span) * (W - left - 10) : (W + left) / 2,
    H - bottom - (v / most) * (H - bottom - top),
  ]);
  const label = `${names.get(chosen)}, ${what} a day: ${[...perDay].map(([day, v]) => `${v} on ${short(day)}`).join(", ")}`;
  $("chart").replaceChildren(
    svg(
      "svg",
      { viewBox: `0 0 ${W} ${H}`, width: "100%", role: "img", "aria-label": label, fill: "currentColor", "font-size": 13 },
      svg("path", { d: `M${left} ${top}V${H - bottom}H${W - 10}`, fill: "none", stroke: "currentColor" }),
      svg("polyline", { points: points.join(" "), fill: "none", stroke: "currentColor", "stroke-width": 2 }),
      ...points.map(([x, y]) => svg("circle", { cx: x, cy: y, r: 3.5 })),
      svg("text", { x: left - 4, y: top + 4, "text-anchor": "end" }, String(most)),
      svg("text", { x: left - 4, y: H - bottom, "text-anchor": "end" }, "0"),
      svg("text", { x: left, y: H - 4 }, short(dayList[0])),
      svg("text", { x: W - 10, y: H - 4, "text-anchor": "end" }, short(dayList.at(-1))),
    ),
    h("figcaption", {}, `${names.get(chosen)}: ${what} a day`),
  );
}

function download(ext, type, text) {
  const a = h("a", { href: URL.createObjectURL(new Blob([text], { type })), download: `runstrong-training-${local(new Date())[0]}.${ext}` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60000);
  setPrefs({ exported: Date.now() });
}

$("json").addEventListener("click", () => {
  if (!doc) return;
  const { format, version, pages } = doc;
  download("json", "application/json", `${JSON.stringify({ format, version, exported: new Date().toISOString(), pages }, null, 1)}\n`);
  say("Exported as JSON.");
});

$("csv").addEventListener("click", () => {
  if (!doc) return;
  download("csv", "text/csv", csv(doc));
  say("Exported as CSV.");
});

// Adds a file's sets and loads to the record, or changes nothing and says why.
$("import").addEventListener("change", async (e) => {
  const file = e.target.files[0];
  if (!file) return;
  try {
    if (file.size > 5e6) throw new Error("This file is too large to be a runstrong training export.");
    const incoming = parse(await file.text());
    const mine = check(read());
    const n = merge(mine, incoming);
    write(mine);
    const known = n.known ? `; ${n.known} sets were here already` : "";
    say(`Imported from ${file.name}: ${n.sets} sets and ${n.loads} loads${known}.`);
  } catch (err) {
    say(`Nothing imported from ${file.name}. ${err.message}`);
  }
  e.target.value = "";
  show();
});

$("clear").addEventListener("click", () => {
  if (!confirm("Delete all the training recorded in this browser? Export a copy first if you may want it back.")) return;
  try {
    clear();
    say("Cleared: nothing is recorded in this browser now.");
  } catch (e) {
    say(e.message);
  }
  show();
});

$("exercise").addEventListener("change", show);
addEventListener("storage", show);
document.getElementById("log").hidden = false;
show();

// Where the browser has not promised to keep the record, say when it was last exported.
navigator.storage?.persisted?.().then((kept) => {
  if (kept || !doc || !Object.keys(doc.pages).length) return;
  const when = prefs().exported;
  const last = when ? `on ${date(local(when)[0], { day: "numeric", month: "long" })}` : "never";
  $("status").before(h("p", {}, `This browser may clear the record. Last exported: ${last}.`));
});
