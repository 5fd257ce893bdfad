// Builds an element: h("button", { type: "button" }, "Skip rest"). An attribute that is
// null, undefined or false is left out; true gives an empty one.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value != null && value !== false) el.setAttribute(name, value === true ? "" : value);
  }
  el.append(...children);
  return el;
}

// "1:05" for 65 seconds, rounded up, so a countdown shows 0:00 only when it is over.
export const clock = (ms) => {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};
