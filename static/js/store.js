// The training record this browser keeps: its format and version, how an older record is
// brought forward, and reading and writing browser storage. What only "Your training"
// needs (checking a file, merging, listing, CSV) is in record.js, so that a week page
// loads less. Node's test runner exercises both (tests/js/). Nothing here makes a request.
//
// The record, format version 1. Pages are keyed by the path and query of their canonical
// URL, sessions and rows by their ids on the page, sets by number with the time (ISO)
// they were done:
//   { format: "runstrong-training", version: 1, pages: { "/programs/home/week/1": {
//     title, sessions: { w1s2: { name, rows: { w1s2r3: {
//       exercise, name, sets, reps, seconds, side,
//       load: null | { value, unit: "kg" | "lb", at }, done: { "1": at, ... } } } } } } } }

export const FORMAT = "runstrong-training";

// Steps that bring a record forward: STEPS[0] turns version 1 into version 2, and so on.
// Version 1 is the first format, so there are none yet. A change to the format appends a
// step (and a test for it) and never edits an earlier one.
export const STEPS = [];
export const VERSION = STEPS.length + 1;

const KEY = "runstrong-training";
const PREFS = "runstrong-prefs";

export const empty = () => ({ format: FORMAT, version: VERSION, pages: {} });

// A record or file of any version, brought to `steps.length + 1`. Throws a plain message
// for anything that is not a runstrong record, or one from a newer version of the site.
export function migrate(doc, steps = STEPS) {
  if (!doc || typeof doc !== "object" || doc.format !== FORMAT) {
    throw new Error("This is not a runstrong training export.");
  }
  const latest = steps.length + 1;
  let version = doc.version;
  if (!Number.isInteger(version) || version < 1) {
    throw new Error("This file has no valid format version.");
  }
  if (version > latest) {
    throw new Error(
      `This record was saved by a newer version of runstrong (format ${version}; this page reads up to ${latest}).`,
    );
  }
  for (; version < latest; version++) doc = { ...steps[version - 1](doc), version: version + 1 };
  return doc;
}

// Drops rows with nothing done and no load, then sessions and pages left empty.
export function prune(doc) {
  for (const [url, page] of Object.entries(doc.pages)) {
    for (const [sid, s] of Object.entries(page.sessions)) {
      for (const [rid, r] of Object.entries(s.rows)) {
        if (!r.load && !Object.keys(r.done).length) delete s.rows[rid];
      }
      if (!Object.keys(s.rows).length) delete page.sessions[sid];
    }
    if (!Object.keys(page.sessions).length) delete doc.pages[url];
  }
  return doc;
}

// == Browser storage ==
// When the browser refuses to store (a private window, a setting, a full disk) changes are
// kept in memory, so the page goes on working, and the caller is told why with a message
// to show: nothing is lost without the runner knowing.
const memory = new Map();

const BLOCKED =
  "This browser does not let the site keep anything (a private window or a privacy setting), so what you record here is lost when you leave the page.";
const FULL = "This browser's storage for the site is full, so this was not saved. Export your training, then clear it to make room.";

function get(name) {
  if (memory.has(name)) return memory.get(name);
  try {
    return globalThis.localStorage.getItem(name);
  } catch {
    return null;
  }
}

function put(name, value) {
  try {
    if (value === null) globalThis.localStorage.removeItem(name);
    else globalThis.localStorage.setItem(name, value);
    memory.delete(name);
  } catch (e) {
    memory.set(name, value);
    throw new Error(e?.name === "QuotaExceededError" ? FULL : BLOCKED);
  }
}

// The stored record, at the current version. Throws a message when it cannot be read: the
// record is then never written over.
export function read() {
  const json = get(KEY);
  if (json === null) return empty();
  try {
    return migrate(JSON.parse(json));
  } catch (e) {
    throw new Error(`The training saved in this browser cannot be read. ${e.message}`);
  }
}

export const write = (doc) => put(KEY, JSON.stringify(prune(doc)));
export const clear = () => put(KEY, null);

// Reads the record, lets `change` edit it, writes it back. Reading afresh each time keeps
// two open tabs from writing over each other's ticks.
export function update(change) {
  const doc = read();
  const result = change(doc);
  write(doc);
  return result;
}

// Settings and the state of a running timer or session; not part of the record.
export function prefs() {
  try {
    return JSON.parse(get(PREFS)) || {};
  } catch {
    return {};
  }
}

export function setPrefs(patch) {
  const next = { ...prefs(), ...patch };
  try {
    put(PREFS, JSON.stringify(next));
  } catch {
    // Kept in memory; the record's own writes report the problem.
  }
  return next;
}
