// The training record as "Your training" handles it: a file checked before it may touch
// the record, two records merged, every set listed, and CSV for spreadsheets.
import { empty, migrate } from "./store.js";

const URL_KEY = /^\/\S{0,1000}$/;
const SESSION = /^w\d{1,3}s\d{1,2}$/;
const ROW = /^w\d{1,3}s\d{1,2}r\d{1,2}$/;
const SET = /^[1-9]\d?$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const WHEN = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/;
const ms = Date.parse;

const fail = (where, what) => {
  throw new Error(`${where}: ${what}.`);
};
const text = (v, where) =>
  typeof v === "string" && v.length <= 300 ? v : fail(where, "needs a name of at most 300 characters");
const count = (v, where, max) =>
  v === null || (Number.isInteger(v) && v >= 1 && v <= max) ? v : fail(where, `must be a whole number from 1 to ${max}`);
const time = (v, where) =>
  typeof v === "string" && WHEN.test(v) && !Number.isNaN(ms(v)) ? v : fail(where, "needs a date and time");

// The entries of the object `v`, each key matching `pattern`.
function keyed(v, where, pattern) {
  if (!v || typeof v !== "object" || Array.isArray(v)) fail(where, "must be an object");
  const entries = Object.entries(v);
  for (const [k] of entries) if (!pattern.test(k)) fail(where, `has an unexpected entry "${k.slice(0, 40)}"`);
  return entries;
}

function load(v, where) {
  if (v === null || v === undefined) return null;
  const ok =
    typeof v === "object" && typeof v.value === "number" && Number.isFinite(v.value) && v.value >= 0 && v.value <= 2000;
  if (!ok || (v.unit !== "kg" && v.unit !== "lb")) fail(where, "needs a load from 0 to 2000 in kg or lb");
  return { value: v.value, unit: v.unit, at: time(v.at, where) };
}

function row(r, where) {
  if (!r || typeof r !== "object") fail(where, "must be an object");
  const exercise = typeof r.exercise === "string" && SLUG.test(r.exercise) ? r.exercise : fail(where, "needs an exercise");
  const reps = count(r.reps ?? null, where, 1000);
  const seconds = count(r.seconds ?? null, where, 3600);
  if ((reps === null) === (seconds === null)) fail(where, "needs either reps or seconds");
  if (typeof r.side !== "boolean") fail(where, "must say whether it is per side");
  const done = {};
  for (const [set, at] of keyed(r.done, where, SET)) done[set] = time(at, `${where}, set ${set}`);
  return {
    exercise,
    name: text(r.name, where),
    sets: count(r.sets, where, 99) ?? fail(where, "needs a number of sets"),
    reps,
    seconds,
    side: r.side,
    load: load(r.load, where),
    done,
  };
}

// A clean copy of a record at the current version, or a plain message saying what is
// wrong with it. Unknown fields are dropped; anything malformed rejects the whole record.
export function check(doc) {
  const clean = empty();
  for (const [url, page] of keyed(doc.pages, "The file's pages", URL_KEY)) {
    const where = `Page ${url.slice(0, 80)}`;
    const sessions = {};
    for (const [sid, s] of keyed(page?.sessions, where, SESSION)) {
      const rows = {};
      for (const [rid, r] of keyed(s?.rows, `${where}, session ${sid}`, ROW)) {
        if (!rid.startsWith(`${sid}r`)) fail(`${where}, session ${sid}`, `holds another session's row ${rid}`);
        rows[rid] = row(r, `${where}, row ${rid}`);
      }
      sessions[sid] = { name: text(s.name, `${where}, session ${sid}`), rows };
    }
    clean.pages[url] = { title: text(page.title, where), sessions };
  }
  return clean;
}

// A record read from JSON text: parsed, brought forward and checked.
export function parse(json) {
  let doc;
  try {
    doc = JSON.parse(json);
  } catch {
    throw new Error("This file is not JSON, so it cannot be a runstrong training export.");
  }
  return check(migrate(doc));
}

// Adds what `from` holds to `into` (both checked). A set done in either is done; a set in
// both keeps its first time; of two loads for one row the later typed wins. Returns what
// changed: { sets, loads, known } (known: sets that were already there).
export function merge(into, from) {
  const n = { sets: 0, loads: 0, known: 0 };
  for (const [url, page] of Object.entries(from.pages)) {
    into.pages[url] ??= { title: page.title, sessions: {} };
    const sessions = into.pages[url].sessions;
    for (const [sid, s] of Object.entries(page.sessions)) {
      sessions[sid] ??= { name: s.name, rows: {} };
      const rows = sessions[sid].rows;
      for (const [rid, r] of Object.entries(s.rows)) {
        const mine = (rows[rid] ??= { ...r, load: null, done: {} });
        for (const [set, at] of Object.entries(r.done)) {
          if (mine.done[set]) n.known++;
          else n.sets++;
          if (!mine.done[set] || ms(at) < ms(mine.done[set])) mine.done[set] = at;
        }
        if (r.load && (!mine.load || ms(r.load.at) > ms(mine.load.at))) {
          mine.load = r.load;
          n.loads++;
        }
      }
    }
  }
  return n;
}

// Every set done, oldest first: { at, url, title, session, sid, rid, set, ...row }.
export function sets(doc) {
  const out = [];
  for (const [url, page] of Object.entries(doc.pages)) {
    for (const [sid, s] of Object.entries(page.sessions)) {
      for (const [rid, r] of Object.entries(s.rows)) {
        for (const [set, at] of Object.entries(r.done)) {
          out.push({ ...r, at, url, title: page.title, session: s.name, sid, rid, set: Number(set) });
        }
      }
    }
  }
  return out.sort((a, b) => ms(a.at) - ms(b.at));
}

const pad = (n) => String(n).padStart(2, "0");

// The local date (YYYY-MM-DD) and time (HH:MM) of an ISO time.
export function local(at) {
  const d = new Date(at);
  return [`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, `${pad(d.getHours())}:${pad(d.getMinutes())}`];
}

// One line per set done, for spreadsheets. A cell that a spreadsheet would run as a
// formula is quoted as text.
export function csv(doc) {
  const cell = (v) => {
    let s = String(v ?? "");
    if (/^[=+\-@]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const head = ["date", "time", "page", "session", "exercise", "set", "reps", "seconds", "per side", "load", "unit"];
  const lines = sets(doc).map((s) =>
    [...local(s.at), s.url, s.session, s.name, s.set, s.reps, s.seconds, s.side ? "yes" : "no", s.load?.value, s.load?.unit]
      .map(cell)
      .join(","),
  );
  return [head.join(","), ...lines].join("\r\n") + "\r\n";
}

