// The stored format of the training record (static/js/store.js and record.js): versions
// and migration, the checks a file passes before it may touch the record, merging, and
// the CSV export. Run with: node --test tests/js/
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { check, csv, merge, parse, sets } from "../../static/js/record.js";
import { empty, FORMAT, migrate, prune, VERSION } from "../../static/js/store.js";

process.env.TZ = "UTC";

const row = (done, load = null) => ({
  exercise: "squat",
  name: "Squat",
  sets: 3,
  reps: 10,
  seconds: null,
  side: false,
  load,
  done,
});

// A record with one page, one session and the given rows.
const record = (rows, url = "/programs/home/week/1") => ({
  format: FORMAT,
  version: VERSION,
  pages: { [url]: { title: "Home: week 1", sessions: { w1s1: { name: "Session 1", rows } } } },
});

const at = (minute) => `2026-12-07T18:${String(minute).padStart(2, "0")}:00.000Z`;
const kg = (value, minute) => ({ value, unit: "kg", at: at(minute) });

describe("versions", () => {
  test("the first format is version 1 and needs no step", () => {
    assert.equal(VERSION, 1);
    const doc = record({ w1s1r1: row({ 1: at(1) }) });
    assert.deepEqual(migrate(structuredClone(doc)), doc);
  });

  test("steps run in order from the record's version to the latest", () => {
    const steps = [
      (doc) => ({ ...doc, renamed: doc.pages, pages: undefined }),
      (doc) => ({ ...doc, pages: doc.renamed, renamed: undefined, upgraded: true }),
    ];
    const moved = migrate({ format: FORMAT, version: 1, pages: { a: 1 } }, steps);
    assert.equal(moved.version, 3);
    assert.deepEqual(moved.pages, { a: 1 });
    assert.equal(moved.upgraded, true);
    const halfway = migrate({ format: FORMAT, version: 2, renamed: { b: 2 } }, steps);
    assert.deepEqual(halfway.pages, { b: 2 });
  });

  test("a newer, foreign or unversioned record is refused with a plain message", () => {
    assert.throws(() => migrate({ format: FORMAT, version: VERSION + 1, pages: {} }), /newer version of runstrong/);
    assert.throws(() => migrate({ hello: "world" }), /not a runstrong training export/);
    assert.throws(() => migrate(null), /not a runstrong training export/);
    assert.throws(() => migrate([1, 2]), /not a runstrong training export/);
    assert.throws(() => migrate({ format: FORMAT, version: "1", pages: {} }), /no valid format version/);
    assert.throws(() => migrate({ format: FORMAT, pages: {} }), /no valid format version/);
  });
});

describe("checking a file", () => {
  test("a good record comes back equal, without fields it does not know", () => {
    const doc = record({ w1s1r1: row({ 1: at(1), 2: at(3) }, kg(20, 2)) });
    assert.deepEqual(check(structuredClone(doc)), doc);
    const extra = structuredClone(doc);
    extra.exported = at(9);
    extra.pages["/programs/home/week/1"].sessions.w1s1.rows.w1s1r1.colour = "red";
    assert.deepEqual(check(extra), doc);
  });

  test("timed work and per-side work check out", () => {
    const hold = { ...row({ 1: at(1) }), exercise: "side-plank", reps: null, seconds: 30, side: true };
    assert.deepEqual(check(record({ w1s1r1: hold })).pages["/programs/home/week/1"].sessions.w1s1.rows.w1s1r1, hold);
  });

  const broken = {
    "a set time that is not a time": (r) => (r.done[1] = "yesterday"),
    "a set number that is not one": (r) => (r.done.x = at(1)),
    "both reps and seconds": (r) => (r.seconds = 30),
    "neither reps nor seconds": (r) => (r.reps = null),
    "reps that are not whole": (r) => (r.reps = 2.5),
    "a load in stones": (r) => (r.load = { value: 3, unit: "st", at: at(1) }),
    "a negative load": (r) => (r.load = kg(-1, 1)),
    "a load with no time": (r) => (r.load = { value: 20, unit: "kg" }),
    "an exercise that is not a slug": (r) => (r.exercise = "<b>Squat</b>"),
    "no sets": (r) => (r.sets = null),
    "a side that is not yes or no": (r) => (r.side = "left"),
  };
  for (const [what, spoil] of Object.entries(broken)) {
    test(`a row with ${what} is refused`, () => {
      const doc = record({ w1s1r1: row({ 1: at(1) }, kg(20, 1)) });
      spoil(doc.pages["/programs/home/week/1"].sessions.w1s1.rows.w1s1r1);
      assert.throws(() => check(doc), /row w1s1r1/);
    });
  }

  test("pages, sessions and rows must be named as the site names them", () => {
    assert.throws(() => check(record({ w1s1r1: row({}) }, "https://elsewhere.example/x")), /unexpected entry/);
    assert.throws(() => check(record({ w2s1r1: row({}) })), /another session's row/);
    assert.throws(() => check(record({ __proto__x: row({}) })), /unexpected entry/);
    const doc = record({});
    doc.pages["/programs/home/week/1"].sessions = { "w1s1\"><script>": { name: "x", rows: {} } };
    assert.throws(() => check(doc), /unexpected entry/);
    assert.throws(() => check({ format: FORMAT, version: 1, pages: [] }), /must be an object/);
  });

  test("a file must be JSON, and a runstrong record", () => {
    assert.throws(() => parse("date,exercise\n"), /not JSON/);
    assert.throws(() => parse('{"workouts": []}'), /not a runstrong training export/);
    const doc = record({ w1s1r1: row({ 1: at(1) }) });
    assert.deepEqual(parse(JSON.stringify(doc)), doc);
  });
});

describe("merging", () => {
  test("into an empty record gives the file back exactly", () => {
    const file = record({ w1s1r1: row({ 1: at(1), 2: at(3) }, kg(20, 2)), w1s1r2: row({ 1: at(5) }) });
    const mine = empty();
    assert.deepEqual(merge(mine, structuredClone(file)), { sets: 3, loads: 1, known: 0 });
    assert.deepEqual(mine, file);
  });

  test("sets are joined, a set done twice keeps its first time, the later load wins", () => {
    const mine = record({ w1s1r1: row({ 1: at(4) }, kg(20, 1)) });
    const file = record({ w1s1r1: row({ 1: at(2), 2: at(6) }, kg(25, 5)), w1s1r2: row({ 1: at(7) }) });
    assert.deepEqual(merge(mine, file), { sets: 2, loads: 1, known: 1 });
    const rows = mine.pages["/programs/home/week/1"].sessions.w1s1.rows;
    assert.deepEqual(rows.w1s1r1.done, { 1: at(2), 2: at(6) });
    assert.deepEqual(rows.w1s1r1.load, kg(25, 5));
    assert.deepEqual(rows.w1s1r2.done, { 1: at(7) });
  });

  test("an older load does not replace a newer one, and merging again adds nothing", () => {
    const mine = record({ w1s1r1: row({ 1: at(1) }, kg(30, 9)) });
    const file = record({ w1s1r1: row({ 1: at(1) }, kg(25, 5)) });
    assert.deepEqual(merge(mine, file), { sets: 0, loads: 0, known: 1 });
    assert.deepEqual(mine.pages["/programs/home/week/1"].sessions.w1s1.rows.w1s1r1.load, kg(30, 9));
    const before = structuredClone(mine);
    merge(mine, file);
    assert.deepEqual(mine, before);
  });

  test("pages from another record are added beside the record's own", () => {
    const mine = record({ w1s1r1: row({ 1: at(1) }) });
    const file = record({ w1s1r1: row({ 1: at(2) }) }, "/plan?days=mon");
    merge(mine, file);
    assert.deepEqual(Object.keys(mine.pages), ["/programs/home/week/1", "/plan?days=mon"]);
  });
});

describe("listing and CSV", () => {
  test("prune drops rows with nothing in them, then empty sessions and pages", () => {
    const doc = record({ w1s1r1: row({}), w1s1r2: row({}, kg(10, 1)) });
    prune(doc);
    assert.deepEqual(Object.keys(doc.pages["/programs/home/week/1"].sessions.w1s1.rows), ["w1s1r2"]);
    assert.deepEqual(prune(record({ w1s1r1: row({}) })).pages, {});
  });

  test("sets are listed oldest first, with their page and session", () => {
    const doc = record({ w1s1r1: row({ 1: at(5), 2: at(9) }), w1s1r2: row({ 1: "2026-12-07T18:07:00Z" }) });
    const list = sets(doc);
    assert.deepEqual(list.map((s) => [s.rid, s.set]), [["w1s1r1", 1], ["w1s1r2", 1], ["w1s1r1", 2]]);
    assert.equal(list[0].session, "Session 1");
    assert.equal(list[0].title, "Home: week 1");
  });

  test("CSV has a line per set, quotes what needs it and never starts a formula", () => {
    const doc = record({ w1s1r1: { ...row({ 1: at(5) }, kg(20, 5)), name: '=HYPERLINK("x")' } });
    doc.pages["/programs/home/week/1"].sessions.w1s1.name = "Monday, legs";
    assert.equal(
      csv(doc),
      "date,time,page,session,exercise,set,reps,seconds,per side,load,unit\r\n" +
        '2026-12-07,18:05,/programs/home/week/1,"Monday, legs","\'=HYPERLINK(""x"")",1,10,,no,20,kg\r\n',
    );
  });
});
