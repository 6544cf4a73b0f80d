package workshop

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"
	"path/filepath"
	"runtime"
	"testing"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// twoOffices is the format guide's example: its scenario declares a shared
// "winter" event.
func twoOffices(t *testing.T) *scenario.Scenario {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	sc, errs := scenario.LoadFile(filepath.Join(filepath.Dir(file), "..", "..", "docs", "examples", "two_offices.toml"))
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	return sc
}

func TestSharedEventReachesThoseWhoHaveNotDecidedTheMonthBefore(t *testing.T) {
	sc := twoOffices(t)
	st := openStore(t, backends[0].dsn(t))
	srv, err := NewServer(Config{Store: st, Library: NewLibrary([]*scenario.Scenario{sc})})
	if err != nil {
		t.Fatal(err)
	}
	ts := newTestServerWith(t, srv, st)
	cr := ts.createRoom(CreateRequest{Name: "Winter", Scenarios: []string{sc.ID}})
	early := ts.join(cr.Code, "Early")
	late := ts.join(cr.Code, "Late")
	ts.playOn(sc, early, 3, nil) // decides months 1 and 2

	fac := ts.facPath(cr)
	form := url.Values{"event": {sc.ID + "/winter"}, "month": {"2"}}.Encode()
	if status, body := ts.do("POST", fac+"inject", "", form); status != http.StatusSeeOther {
		t.Fatalf("inject: %d %s", status, body)
	}
	if status, _ := ts.do("POST", fac+"inject", "", form); status != http.StatusBadRequest {
		t.Fatalf("a second event for month 2: %d", status)
	}
	for _, ev := range sc.Events {
		if ev.Trigger != scenario.Shared {
			bad := url.Values{"event": {sc.ID + "/" + ev.ID}, "month": {"4"}}.Encode()
			if status, _ := ts.do("POST", fac+"inject", "", bad); status != http.StatusBadRequest {
				t.Fatalf("injecting %s, not a shared event: %d", ev.ID, status)
			}
			break
		}
	}
	// Late decides month 1 after the event was given: month 2 is the
	// winter, for the server and for the game that injects it.
	run := ts.playOn(sc, late, 3, map[int]string{2: "winter"})
	if got := run.State().Injected; len(got) != 1 || got[0].Month != 2 {
		t.Fatalf("the game's run: %+v", got)
	}
	meOf := func(token string) Me {
		var me Me
		_, body := ts.do("GET", "/api/me", token, nil)
		if err := json.Unmarshal(body, &me); err != nil {
			t.Fatal(err)
		}
		return me
	}
	if me := meOf(late.Token); len(me.Shared) != 1 || me.Shared[0] != (SharedEvent{Month: 2, Event: "winter"}) {
		t.Fatalf("Late's shared events: %+v", me.Shared)
	}
	if me := meOf(early.Token); len(me.Shared) != 0 {
		t.Fatalf("Early had decided month 1 already, yet: %+v", me.Shared)
	}
	_, walk := ts.do("GET", fac+"p/"+late.Participant, "", nil)
	if !bytes.Contains(walk, []byte("Funding winter")) {
		t.Fatal("the walk of Late's run does not show the winter")
	}
	// The export's run codes carry it: they replay on their own.
	_, data := ts.do("GET", fac+"export.json", "", nil)
	var exp ExportRoom
	if err := json.Unmarshal(data, &exp); err != nil {
		t.Fatal(err)
	}
	for _, p := range exp.Participants {
		code, err := sim.ParseCode(p.RunCode)
		if err != nil {
			t.Fatal(err)
		}
		r, err := sim.Replay(sc, code, sim.Options{})
		if err != nil {
			t.Fatalf("%s's code: %v", p.Name, err)
		}
		if want := p.Name == "Late"; (len(r.State().Injected) == 1) != want {
			t.Fatalf("%s's code replays with %+v", p.Name, r.State().Injected)
		}
	}
}

func newTestServerWith(t *testing.T, srv *Server, st *Store) *testServer {
	t.Helper()
	hs := httptestServer(t, srv)
	return &testServer{t: t, srv: srv, http: hs, store: st}
}

// playOn plays a participant's run up to month `until`, injecting the
// shared events given (by month) as the game does, each pick sent.
func (ts *testServer) playOn(sc *scenario.Scenario, me Me, until int, shared map[int]string) *sim.Run {
	ts.t.Helper()
	r := sim.New(sc, me.Seed, sim.Options{Session: me.Session})
	for !r.Done() && r.Month() < until {
		if ev, ok := shared[r.Month()+1]; ok {
			if err := r.Inject(ev); err != nil {
				ts.t.Fatal(err)
			}
		}
		m, pick := r.Month(), firstAvailable(r, 0)
		if err := r.PickIndex(pick); err != nil {
			ts.t.Fatal(err)
		}
		if status, code := ts.choose(me.Token, m, pick); status != http.StatusOK {
			ts.t.Fatalf("month %d: %d %s", m, status, code)
		}
	}
	return r
}
