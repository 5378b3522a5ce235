// proscribe web: search as you type, and link review buttons. No framework.
"use strict";

function debounce(fn, ms) {
  let timer = null;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

function badge(kinds, text) {
  const span = document.createElement("span");
  span.className = "badge " + kinds;
  span.textContent = text;
  return span;
}

function setupSearch() {
  const box = document.getElementById("search");
  const list = document.getElementById("results");
  if (!box || !list) return;
  let latest = 0;
  const run = debounce(async () => {
    const q = box.value.trim();
    const ticket = ++latest;
    if (!q) { list.replaceChildren(); return; }
    const answer = await fetch("/search.json?q=" + encodeURIComponent(q), { credentials: "same-origin" });
    if (ticket !== latest || !answer.ok) return;
    const body = await answer.json();
    list.replaceChildren(...body.results.map((hit) => {
      const item = document.createElement("li");
      item.className = "hit";
      item.dataset.entity = hit.id;
      const link = document.createElement("a");
      link.href = "/entity/" + encodeURIComponent(hit.id);
      link.textContent = hit.caption;
      item.append(link, " ", badge("kind kind-" + hit.kind, hit.kind));
      for (const b of hit.badges) item.append(" ", badge("status status-" + b.css, b.jurisdiction + " " + b.status));
      if (hit.matched !== hit.caption) {
        const note = document.createElement("span");
        note.className = "muted";
        note.textContent = " — " + hit.matched;
        item.append(document.createElement("br"), note);
      }
      return item;
    }));
    const count = document.getElementById("count");
    if (count) count.textContent = body.total.toLocaleString("en") + (body.total === 1 ? " entity" : " entities");
    list.dataset.query = q;
  }, 150);
  box.addEventListener("input", run);
}

function setupReview() {
  document.querySelectorAll("button[data-decide]").forEach((button) => {
    button.addEventListener("click", async () => {
      const cell = button.closest("td");
      const answer = await fetch(`/api/links/${button.dataset.id}/${button.dataset.decide}`, {
        method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" }, body: "{}",
      });
      const body = await answer.json();
      cell.textContent = answer.ok ? body.status : body.error;
    });
  });
}

function setupNews() {
  document.querySelectorAll("button[data-news]").forEach((button) => {
    button.addEventListener("click", async () => {
      const cell = button.closest("td");
      let body = "{}";
      if (button.dataset.news === "reject") {
        const reason = window.prompt("Why is this event wrong?");
        if (!reason) return;
        body = JSON.stringify({ reason });
      }
      const answer = await fetch(`/api/news/events/${encodeURIComponent(button.dataset.id)}/${button.dataset.news}`, {
        method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" }, body,
      });
      const result = await answer.json();
      cell.textContent = answer.ok ? (result.status + (result.act ? " as " + result.act.id : "")) : result.error;
    });
  });
}

document.addEventListener("DOMContentLoaded", () => { setupSearch(); setupReview(); setupNews(); });
