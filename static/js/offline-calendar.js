// A programme's calendar file, saved for offline with the programme (offline-save.js asks
// through the "offline:save" and "offline:saved" events of the calendar form). The file
// saved is the one the form asks for as filled in, or else the programme on its usual
// days (data-days) from the coming Monday, which the form is then left showing.
const form = document.querySelector("form[data-offline]");

form?.addEventListener("offline:save", ({ detail: urls }) => {
  const usual = form.dataset.days.split(",");
  const start = form.elements.start;
  if (!start.value) start.value = comingMonday();
  const days = [...form.querySelectorAll("input[name=days]")];
  if (days.filter((box) => box.checked).length < usual.length) {
    for (const box of days) box.checked = usual.includes(box.value);
  }
  urls.add(`${form.action}?${new URLSearchParams(new FormData(form))}`);
});

// Says, in place of "holds the whole programme", what the saved file holds.
form?.addEventListener("offline:saved", ({ detail: { ics, status } }) => {
  const query = ics && new URL(ics.url).searchParams;
  if (!query?.get("start")) return;
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
  status.lastChild.textContent = ` starts on ${first}, with sessions on ${listed}.`;
});

function comingMonday() {
  const day = new Date();
  day.setDate(day.getDate() + ((8 - day.getDay()) % 7));
  const pad = (n) => String(n).padStart(2, "0");
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}
