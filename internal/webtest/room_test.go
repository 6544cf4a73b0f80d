package webtest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
	"runwayladder/game/workshop"
	"runwayladder/scenarios"
)

// The live workshop room in real browsers: participants join by the join
// page and load the game from the room server, the projector shows them.

// room is a workshop server over an SQLite file, serving the site's build.
type room struct {
	url   string
	store *workshop.Store
	lib   *workshop.Library
	// cut drops every API request's connection, as a lost network does
	// for the page.
	cut atomic.Bool
}

func newRoomServer(t *testing.T) *room {
	t.Helper()
	setup(t)
	scs, errs := scenario.LoadBundled(scenarios.FS)
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	st, err := workshop.Open(context.Background(), filepath.Join(t.TempDir(), "room.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	index, err := os.ReadFile(filepath.Join(site.dist, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	lib := workshop.NewLibrary(scs)
	srv, err := workshop.NewServer(workshop.Config{Store: st, Library: lib, Game: site.handler, GameIndex: index})
	if err != nil {
		t.Fatal(err)
	}
	rm := &room{store: st, lib: lib}
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if rm.cut.Load() && strings.HasPrefix(r.URL.Path, "/api/") {
			if hj, ok := w.(http.Hijacker); ok {
				if conn, _, err := hj.Hijack(); err == nil {
					conn.Close()
					return
				}
			}
		}
		srv.ServeHTTP(w, r)
	}))
	t.Cleanup(hs.Close)
	rm.url = hs.URL
	return rm
}

// post sends JSON to the room server and decodes the answer.
func (rm *room) post(t *testing.T, path, token string, in, out any) int {
	t.Helper()
	body, _ := json.Marshal(in)
	req, _ := http.NewRequest("POST", rm.url+path, strings.NewReader(string(body)))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if out != nil && resp.StatusCode/100 == 2 {
		if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
			t.Fatal(err)
		}
	}
	return resp.StatusCode
}

// simulate has n participants join through the API and play, each a
// different way, some to the end: the room a projector shows mid-workshop.
func (rm *room) simulate(t *testing.T, code string, n int) {
	t.Helper()
	names := []string{"Ana", "Ben", "Chidi", "Dana", "Emeka", "Fatima", "Goran", "Hana", "Ivo", "Jia", "Kofi", "Lena",
		"Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wen", "Xavi"}
	for i := 0; i < n; i++ {
		var me workshop.Me
		if status := rm.post(t, "/api/join", "", map[string]string{"room": code, "name": names[i%len(names)]}, &me); status != 201 {
			t.Fatalf("join: %d", status)
		}
		sc, _ := rm.lib.Find(me.Scenario)
		r := sim.New(sc, me.Seed, sim.Options{})
		stop := 1000
		if i%5 == 4 {
			stop = 6 + i // still playing
		}
		for r.Month() < stop && !r.Done() {
			var avail []int
			for _, c := range r.Choices() {
				if c.Available {
					avail = append(avail, c.Index)
				}
			}
			pick := avail[(i*3+r.Month()*(i%3+1))%len(avail)]
			m := r.Month()
			r.PickIndex(pick)
			if status := rm.post(t, "/api/choice", me.Token, map[string]int{"month": m, "pick": pick}, nil); status != 200 {
				t.Fatalf("choice: %d", status)
			}
		}
	}
}

// joinRoom has a tab join a room through its join page, as a person with
// the link does, and waits for the game to start with the room's run.
func (tb *tab) joinRoom(base, code, name string) {
	tb.t.Helper()
	tb.beforeLoad(testHook)
	tb.open(base + "/j/" + code)
	tb.do(chromedp.WaitVisible("#name"), chromedp.SendKeys("#name", name), chromedp.Click("#join button"))
	tb.waitPath("/play/", 15*time.Second)
	tb.firstFrame()
	tb.waitFor(`window.runwayLadder && runwayLadder.room && (runwayLadder.room.ready || runwayLadder.room.failed)`, 15*time.Second)
	var failed string
	tb.eval(`runwayLadder.room.failed`, &failed)
	if failed != "" {
		tb.t.Fatalf("%s could not play: %s", name, failed)
	}
}

// waitPath waits for the tab to be at a path: across a navigation, when an
// evaluation may fail because the page is being replaced.
func (tb *tab) waitPath(path string, timeout time.Duration) {
	tb.t.Helper()
	end := time.Now().Add(timeout)
	for time.Now().Before(end) {
		ctx, cancel := context.WithTimeout(tb.ctx, 2*time.Second)
		at, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.readyState === "complete" ? location.pathname : ""`))
		cancel()
		if err == nil && at == path {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	tb.t.Fatalf("the tab did not reach %s%s", path, tb.errors.report())
}

func TestRoomParticipantsJoinAndTheProjectorShowsThem(t *testing.T) {
	rm := newRoomServer(t)
	var cr workshop.CreateResponse
	if status := rm.post(t, "/api/rooms", "", workshop.CreateRequest{Name: "Thursday ML careers", Scenarios: []string{"startup_engineer", "bigco_engineer"}, Session: "THURSDAY"}, &cr); status != 201 {
		t.Fatalf("creating the room: %d", status)
	}
	proj := newTab(t, 1600, 900)
	proj.open(cr.ProjectorURL)
	proj.waitFor(`document.getElementById("joined") && document.getElementById("joined").textContent === "0"`, 10*time.Second)

	names := []string{"Ana <b>", "Ben", "Chidi"}
	players := make([]*tab, len(names))
	for i, name := range names {
		players[i] = newTab(t, 1024, 700)
		players[i].joinRoom(rm.url, cr.Code, name)
	}
	// The projector counts them within a second or so of each join.
	proj.waitFor(`document.getElementById("joined").textContent === "3"`, 5*time.Second)
	var scenarios []string
	for _, p := range players {
		var sc string
		p.eval(`runwayLadder.room.scenario`, &sc)
		scenarios = append(scenarios, sc)
	}
	if scenarios[0] != "startup_engineer" || scenarios[1] != "bigco_engineer" || scenarios[2] != "startup_engineer" {
		t.Fatalf("half startup, half big company in turn: %v", scenarios)
	}
	proj.open(cr.ProjectorURL + "?view=people")
	var people string
	proj.eval(`document.querySelector(".people").textContent`, &people)
	if !strings.Contains(people, "Ana <b>") || !strings.Contains(people, "Chidi") {
		t.Fatalf("the projector's people: %q", people)
	}
	var bold int
	proj.eval(`document.querySelectorAll(".people b").length`, &bold)
	if bold != 0 {
		t.Fatal("a name's markup reached the page")
	}
}

// TestRoomScreenshots photographs the projector's views and the report of
// a room mid-workshop (docs/screenshots/workshop-*.png with
// WEB_SCREENSHOTS=1), for the README.
func TestRoomScreenshots(t *testing.T) {
	rm := newRoomServer(t)
	var cr workshop.CreateResponse
	if status := rm.post(t, "/api/rooms", "", workshop.CreateRequest{Name: "ML careers, spring cohort", Scenarios: []string{"startup_engineer", "bigco_engineer"}, Session: "SPRING26"}, &cr); status != 201 {
		t.Fatalf("creating the room: %d", status)
	}
	rm.simulate(t, cr.Code, 24)
	proj := newTab(t, 1920, 1080)
	for _, view := range []string{"room", "endings", "outcomes", "join"} {
		proj.open(cr.ProjectorURL + "?view=" + view)
		proj.waitFor(`document.readyState === "complete"`, 10*time.Second)
		proj.roomShot("workshop-" + view)
	}
	report := newTab(t, 1280, 2000)
	report.open(strings.TrimSuffix(cr.ProjectorURL, "projector") + "report")
	report.waitFor(`document.readyState === "complete"`, 30*time.Second)
	report.roomShot("workshop-report")
	var text string
	report.eval(`document.body.innerText`, &text)
	if !strings.Contains(text, "The room split in month") || !strings.Contains(text, "24 runs") {
		t.Fatalf("the report: %.500s", text)
	}
}

// roomShot saves a page's screenshot to out/webtest/NAME.png and, with
// WEB_SCREENSHOTS=1, to docs/screenshots/NAME.png.
func (tb *tab) roomShot(name string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		tb.t.Fatalf("screenshot %s: %v", name, err)
	}
	dirs := []string{filepath.Join(site.root, "out", "webtest")}
	if os.Getenv("WEB_SCREENSHOTS") == "1" {
		dirs = append(dirs, filepath.Join(site.root, "docs", "screenshots"))
	}
	for _, dir := range dirs {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			tb.t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
			tb.t.Fatal(fmt.Errorf("writing %s: %w", name, err))
		}
	}
}
