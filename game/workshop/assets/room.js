// The participant's side of a workshop room: joining, and, on the game's
// page, the bridge between the game (WebAssembly) and the room server.
//
// The game asks runwayLadder.room for the room's scenario, luck and the
// picks made so far (it replays them to resume), hands each new pick to
// room.picked(month, pick), and asks room.held(month) before showing a
// month. Everything about the network is here: each pick goes into an
// outbox kept in localStorage, is sent in order, and leaves the outbox
// only when the server acknowledges it has stored it. Offline, the game
// plays on and the outbox is sent when the connection is back; a reload
// resumes from the server's picks plus the outbox.
"use strict";
(() => {
  const PREFIX = "rl-room:";
  const CURRENT = "rl-room-current";
  const store = {
    get(k) { try { return JSON.parse(localStorage.getItem(k) || "null"); } catch (e) { return null; } },
    set(k, v) { try { localStorage.setItem(k, JSON.stringify(v)); return true; } catch (e) { return false; } },
  };

  async function api(method, path, token, body) {
    const headers = { "Content-Type": "application/json" };
    if (token) headers.Authorization = "Bearer " + token;
    const resp = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined, cache: "no-store" });
    let data = null;
    try { data = await resp.json(); } catch (e) { data = null; }
    return { status: resp.status, data: data || {} };
  }

  // --- The join page ---------------------------------------------------
  const form = document.getElementById("join");
  if (form) {
    const code = form.dataset.room;
    const mine = store.get(PREFIX + code);
    if (mine && mine.token) {
      document.getElementById("resume").hidden = false;
      document.querySelector("#resume a").addEventListener("click", () => store.set(CURRENT, code));
    }
    const err = document.getElementById("join-error");
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      err.hidden = true;
      const button = form.querySelector("button");
      button.disabled = true;
      try {
        const r = await api("POST", "/api/join", "", { room: code, name: form.elements.name.value });
        if (r.status !== 201) {
          err.textContent = r.data.error || `The server answered ${r.status}.`;
          err.hidden = false;
          return;
        }
        if (!store.set(PREFIX + code, { token: r.data.token, me: r.data, outbox: [] })) {
          err.textContent = "This browser does not let the page keep anything (private window or blocked storage), so a reload would lose your place. Allow site data for this page, or use another browser.";
          err.hidden = false;
          return;
        }
        store.set(CURRENT, code);
        location.href = "/play/";
      } catch (x) {
        err.textContent = "Could not reach the room server. Check your connection and try again.";
        err.hidden = false;
      } finally {
        button.disabled = false;
      }
    });
    return;
  }

  // --- The game's page ---------------------------------------------------
  const code = store.get(CURRENT);
  const saved = code && store.get(PREFIX + code);
  if (!saved || !saved.token) return; // not in a room: the game plays on its own
  const rl = window.runwayLadder = Object.assign(window.runwayLadder || {}, {});
  const state = saved; // {token, me, outbox}
  const save = () => store.set(PREFIX + code, state);

  const room = rl.room = {
    code,
    ready: false,      // true once scenario, luck and picks are known
    failed: "",        // why the room cannot be played, if it cannot
    scenario: "", version: 0, session: "", seed: "", name: "", roomName: "",
    picks: [],         // every pick so far, month 1 first: the server's, then the outbox's
    shared: [],        // the room's shared events on this run's cards: [{month, event}]
    resync: 0,         // bumped when the server's run replaced the game's
    holdMonth: 0,
    online: true,
    pending: 0,        // picks not yet acknowledged
    acked: 0,          // picks the server has stored
    problem: "",       // a message for the player (the run changed elsewhere…)
    picked(month, pick) {
      if (month !== this.picks.length + 1) {
        this.problem = `The game sent month ${month} after month ${this.picks.length}; reload the page.`;
        return false;
      }
      this.picks.push(pick);
      state.outbox.push({ month, pick, t: Date.now() });
      save();
      this.pending = state.outbox.length;
      flush();
      return true;
    },
    held(month) { return this.holdMonth > 0 && month >= this.holdMonth; },
  };

  function adopt(me) {
    state.me = me;
    room.scenario = me.scenario; room.version = me.version; room.session = me.session; room.seed = me.seed; // a decimal string
    room.name = me.name; room.roomName = me.room_name; room.holdMonth = me.hold_month;
    room.shared = me.shared || [];
    // The outbox continues the server's picks: drop what the server has
    // (acknowledged, or stored by a send whose answer was lost).
    const server = me.picks || [];
    const keep = [];
    for (const o of state.outbox) {
      if (o.month <= server.length) {
        if (server[o.month - 1] !== o.pick) room.problem = "This run was continued on another device; you are now where that one is.";
        continue;
      }
      keep.push(o);
    }
    keep.sort((a, b) => a.month - b.month);
    const picks = server.slice();
    for (const o of keep) {
      if (o.month !== picks.length + 1) break;
      picks.push(o.pick);
    }
    state.outbox = keep.slice(0, picks.length - server.length);
    room.picks = picks;
    room.acked = server.length;
    room.pending = state.outbox.length;
    save();
  }

  // takeShared learns the run's shared events from an acknowledgement. One
  // the game did not know, for a month it has already drawn, means the
  // months from there were played on another card: they are dropped and
  // the game takes the server's run (resync). It reports whether it did.
  function takeShared(shared) {
    const known = new Set(room.shared.map((s) => s.month + ":" + s.event));
    room.shared = shared;
    const fresh = shared.filter((s) => !known.has(s.month + ":" + s.event));
    const from = Math.min(...fresh.map((s) => s.month), Infinity);
    if (from > room.picks.length + 1) return false;
    room.picks = room.picks.slice(0, from - 1);
    state.outbox = state.outbox.filter((o) => o.month < from);
    room.pending = state.outbox.length;
    room.problem = "The facilitator gave the room a shared event: your run goes on from month " + from + ".";
    room.resync++;
    return true;
  }

  let sending = false;
  let retry = 1000;
  let timer = 0;
  function later(ms) { clearTimeout(timer); timer = setTimeout(flush, ms); }

  // flush sends the outbox in order until it is empty, the room holds, or
  // the network fails (then it tries again, slower each time).
  async function flush() {
    if (sending || !room.ready) return;
    sending = true;
    try {
      while (state.outbox.length) {
        const o = state.outbox[0];
        let r;
        try {
          r = await api("POST", "/api/choice", state.token, { month: o.month, pick: o.pick });
        } catch (e) {
          room.online = false;
          later(retry);
          retry = Math.min(retry * 2, 10000);
          return;
        }
        room.online = true;
        retry = 1000;
        if (r.status === 200) {
          state.outbox.shift();
          room.acked = r.data.month;
          room.holdMonth = r.data.hold_month;
          if (takeShared(r.data.shared || [])) {
            save();
            later(0);
            return;
          }
          room.pending = state.outbox.length;
          save();
          continue;
        }
        if (r.status === 423) { // held: sent again when released
          room.holdMonth = r.data.hold_month || room.holdMonth;
          later(3000);
          return;
        }
        if (r.status === 401) {
          room.failed = r.data.error || "This browser's place in the room is gone.";
          return;
        }
        if (r.status >= 500 || r.status === 429) {
          later(retry);
          retry = Math.min(retry * 2, 10000);
          return;
        }
        // Refused for good (another device decided this month, or the
        // pick does not fit the server's run): take the server's run.
        room.problem = r.data.error || `The server refused month ${o.month}.`;
        state.outbox = [];
        save();
        await refresh();
        room.resync++;
        return;
      }
      // Nothing owed: ask now and then, to hear about holds and releases.
      await refresh();
      later(room.holdMonth ? 3000 : 5000);
    } finally {
      sending = false;
    }
  }

  // refresh asks the server for the room's state (holds, releases) and
  // the run's stored picks.
  async function refresh() {
    try {
      const r = await api("GET", "/api/me", state.token);
      room.online = true;
      if (r.status === 200) {
        if (state.outbox.length === 0 || !room.ready) {
          const behind = room.ready && (r.data.picks || []).length > room.picks.length; // played on another device
          adopt(r.data);
          if (behind) room.resync++;
        } else {
          room.holdMonth = r.data.hold_month;
          room.shared = r.data.shared || room.shared;
        }
      } else if (r.status === 401 || r.status === 404) {
        room.failed = r.data.error || "This room no longer exists.";
      }
    } catch (e) {
      room.online = false;
    }
  }

  async function start() {
    await refresh();
    if (!room.failed && !room.scenario && state.me) adopt(state.me); // offline: resume from what was kept
    if (!room.failed && !room.scenario) {
      room.failed = "Could not reach the room server, and this device has nothing to resume from. Check the connection and reload.";
      return;
    }
    room.ready = !room.failed;
    flush();
  }
  window.addEventListener("online", () => { retry = 1000; later(0); });
  start();
})();
