// Rest and hold timers. A timer is a list of phases (get ready, hold, rest), each stored
// with the moment it ends, never as a count of ticks: a tab the browser throttled or froze
// in the background shows the right time the moment it wakes, and a reloaded page picks
// the timer up from storage. One timer runs at a time.
import { clock, h } from "./dom.js";
import { prefs, setPrefs } from "./store.js";

const NAMES = { ready: "Get ready", hold: "Hold", rest: "Rest" };
const SKIP = { ready: "Start now", hold: "End hold", rest: "Skip rest" };

let audio;

// A short tone and buzz, only where the runner turned them on, and only for a timer that
// ends while the page is open.
export function chime() {
  // Browsers refuse both until the runner has touched the page; asking would only warn.
  if (!prefs().sound || navigator.userActivation?.hasBeenActive === false) return;
  navigator.vibrate?.(200);
  try {
    audio ??= new AudioContext();
    const t = audio.currentTime;
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.setValueAtTime(0.3, t);
    gain.gain.exponentialRampToValueAtTime(0.001, t + 0.4);
    tone.connect(gain).connect(audio.destination);
    tone.start(t);
    tone.stop(t + 0.4);
  } catch {
    // No audio here; the words on screen say the same.
  }
}

export class Timer {
  // `ended(phase, state, live)` runs once per phase that ends; `live` is false while the
  // page catches up with what ended when it was closed (nothing is announced then).
  constructor(key, ended) {
    this.key = key;
    this.ended = ended;
    this.label = h("span", { id: "timer-label" });
    this.face = h("span", { role: "timer", "aria-labelledby": "timer-label" });
    const more = h("button", { type: "button" }, "+15 s");
    this.skip = h("button", { type: "button" });
    this.run = h("p", { hidden: true }, this.label, " ", this.face, " ", more, " ", this.skip);
    this.say = h("p", { role: "status" });
    this.alert = h("p", { role: "alert" });
    this.box = h("div", { class: "timer screen-only" }, this.run, this.say, this.alert);
    more.addEventListener("click", () => this.shift(15000));
    this.skip.addEventListener("click", () => this.shift(this.state.phases[0].end - Date.now(), -1));
    document.addEventListener("visibilitychange", () => this.tick(true));
    const saved = prefs().timer;
    this.state = saved?.key === key ? saved : null;
  }

  // Runs `phases` ([{ k: "ready" | "hold" | "rest", ms, ... }]) for set `set` of `row`.
  start(row, set, phases) {
    let end = Date.now();
    this.state = { key: this.key, row, set, phases: phases.map((p) => ({ ...p, end: (end += p.ms) })) };
    this.save();
    this.tick(true);
  }

  // Stops the timer, or only the one for set `set` of `row`.
  cancel(row, set) {
    if (row && (this.state?.row !== row || this.state.set !== set)) return;
    this.state = null;
    this.save();
    this.tick(true);
  }

  // Moves the end of the current phase, and every later one, by `ms` (`sign` -1: earlier).
  shift(ms, sign = 1) {
    for (const p of this.state?.phases ?? []) p.end += sign * ms;
    this.save();
    this.tick(true);
  }

  save() {
    setPrefs({ timer: this.state });
  }

  tick(live) {
    const now = Date.now();
    const s = this.state;
    let changed = false;
    while (s?.phases.length && s.phases[0].end <= now) {
      this.ended(s.phases.shift(), s, live);
      changed = true;
    }
    if (s && !s.phases.length) this.state = null;
    if (changed) this.save();
    const p = this.state?.phases[0];
    this.run.hidden = !p;
    clearTimeout(this.next);
    if (!p) return;
    this.label.textContent = NAMES[p.k] + (p.side ? `, side ${p.side}` : "");
    this.face.textContent = clock(p.end - now);
    this.skip.textContent = SKIP[p.k];
    // Wakes at the next whole second of the countdown.
    this.next = setTimeout(() => this.tick(true), ((p.end - now) % 1000) + 20);
  }
}
