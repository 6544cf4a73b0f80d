// The projector's live part: after each change to the room the server
// sends an event (Server-Sent Events); the page then fetches the new live
// part and swaps it in. If the stream breaks, the browser reconnects by
// itself, and the page also refreshes every 10 s as a fallback.
"use strict";
(() => {
  // 1-4 switch views, J shows the join screen, F toggles full screen.
  const views = { "1": "room", "2": "endings", "3": "outcomes", "4": "people", "j": "join" };
  document.addEventListener("keydown", (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (views[e.key]) { location.search = "?view=" + views[e.key]; return; }
    if (e.key === "f") {
      if (document.fullscreenElement) document.exitFullscreen(); else document.documentElement.requestFullscreen().catch(() => {});
    }
  });
  const live = document.getElementById("live");
  if (!live) return;
  const base = location.pathname.replace(/projector$/, "");
  const stale = document.getElementById("stale");
  let busy = false, again = false;
  async function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    try {
      const resp = await fetch(base + "live" + location.search, { cache: "no-store" });
      if (resp.status === 404) {
        live.innerHTML = "<h1>This room no longer exists.</h1>";
        return;
      }
      if (resp.ok) {
        live.innerHTML = await resp.text();
        live.dataset.updated = String(Date.now());
        stale.hidden = true;
      }
    } catch (e) {
      stale.hidden = false;
    } finally {
      busy = false;
      if (again) { again = false; refresh(); }
    }
  }
  const events = new EventSource(base + "events");
  events.addEventListener("change", refresh);
  events.onerror = () => { stale.hidden = false; };
  events.onopen = () => { stale.hidden = true; };
  setInterval(refresh, 10000);
})();
