// Reading and writing the training record in browser storage (static/js/store.js), with a
// stand-in for localStorage: a record that cannot be read is never written over, and a
// browser that refuses to store gets a plain message while the change is kept in memory.
import assert from "node:assert/strict";
import { beforeEach, test } from "node:test";
import { empty, FORMAT, read, update, VERSION, write } from "../../static/js/store.js";

class FakeStorage {
  constructor() {
    this.items = new Map();
    this.full = false;
  }
  getItem(name) {
    return this.items.has(name) ? this.items.get(name) : null;
  }
  setItem(name, value) {
    if (this.full) throw Object.assign(new Error("quota"), { name: "QuotaExceededError" });
    this.items.set(name, String(value));
  }
  removeItem(name) {
    this.items.delete(name);
  }
}

let storage;
beforeEach(() => {
  storage = new FakeStorage();
  globalThis.localStorage = storage;
});

const tickSet = (doc) => {
  doc.pages["/programs/home/week/1"] = {
    title: "Home: week 1",
    sessions: {
      w1s1: {
        name: "Session 1",
        rows: {
          w1s1r1: { exercise: "squat", name: "Squat", sets: 3, reps: 10, seconds: null, side: false, load: null, done: { 1: "2026-12-07T18:00:00.000Z" } },
        },
      },
    },
  };
};

test("nothing stored reads as an empty record at the current version", () => {
  assert.deepEqual(read(), empty());
  assert.equal(read().version, VERSION);
});

test("an update is written and read back", () => {
  update(tickSet);
  const stored = JSON.parse(storage.getItem("runstrong-training"));
  assert.equal(stored.format, FORMAT);
  assert.equal(read().pages["/programs/home/week/1"].sessions.w1s1.rows.w1s1r1.done[1], "2026-12-07T18:00:00.000Z");
});

test("a record that cannot be read is reported and never written over", () => {
  for (const bad of ["{not json", JSON.stringify({ format: FORMAT, version: VERSION + 1, pages: {} })]) {
    storage.setItem("runstrong-training", bad);
    assert.throws(() => read(), /cannot be read/);
    assert.throws(() => update(tickSet), /cannot be read/);
    assert.equal(storage.getItem("runstrong-training"), bad);
  }
});

test("a full storage says so, and the change is kept for the open page", () => {
  storage.full = true;
  assert.throws(() => update(tickSet), /storage for the site is full/);
  assert.equal(storage.getItem("runstrong-training"), null);
  assert.ok(read().pages["/programs/home/week/1"], "kept in memory");
  storage.full = false;
  write(read());
  assert.ok(JSON.parse(storage.getItem("runstrong-training")).pages["/programs/home/week/1"], "written once it can be");
});

test("a browser that refuses storage altogether says so", () => {
  Object.defineProperty(globalThis, "localStorage", {
    configurable: true,
    get() {
      throw Object.assign(new Error("denied"), { name: "SecurityError" });
    },
  });
  assert.deepEqual(read(), empty());
  assert.throws(() => update(tickSet), /does not let the site keep anything/);
  assert.ok(read().pages["/programs/home/week/1"], "kept in memory");
  delete globalThis.localStorage;
});
