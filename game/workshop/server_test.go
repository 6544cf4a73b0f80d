package workshop

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
	"runwayladder/scenarios"
)

var bundled struct {
	once sync.Once
	lib  *Library
	err  error
}

// testLibrary is the bundled scenarios, loaded once per test binary (the
// base rates it computes are kept too).
func testLibrary(t testing.TB) *Library {
	t.Helper()
	bundled.once.Do(func() {
		scs, errs := scenario.LoadBundled(scenarios.FS)
		if errs.HasErrors() {
			bundled.err = errs
			return
		}
		bundled.lib = NewLibrary(scs)
	})
	if bundled.err != nil {
		t.Fatal(bundled.err)
	}
	return bundled.lib
}

// testServer is a room server on a real HTTP listener over a store.
type testServer struct {
	t     *testing.T
	srv   *Server
	http  *httptest.Server
	store *Store
}

func newTestServer(t *testing.T, dsn string) *testServer {
	t.Helper()
	st := openStore(t, dsn)
	return newTestServerOn(t, st)
}

func newTestServerOn(t *testing.T, st *Store) *testServer {
	t.Helper()
	srv, err := NewServer(Config{Store: st, Library: testLibrary(t)})
	if err != nil {
		t.Fatal(err)
	}
	return &testServer{t: t, srv: srv, http: httptestServer(t, srv), store: st}
}

func httptestServer(t *testing.T, h http.Handler) *httptest.Server {
	t.Helper()
	hs := httptest.NewServer(h)
	t.Cleanup(hs.Close)
	return hs
}

// do sends a request with an optional JSON body and bearer token and
// returns the status and body.
func (ts *testServer) do(method, path, token string, body any) (int, []byte) {
	ts.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		data, err := json.Marshal(b)
		if err != nil {
			ts.t.Fatal(err)
		}
		rd = bytes.NewReader(data)
	}
	req, err := http.NewRequest(method, ts.http.URL+path, rd)
	if err != nil {
		ts.t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if b, ok := body.(string); ok && !strings.HasPrefix(b, "{") {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		ts.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		ts.t.Fatal(err)
	}
	return resp.StatusCode, data
}

// createRoom creates a room through the API and returns its links; the
// facilitator's path is links.FacilitatorURL without the host.
func (ts *testServer) createRoom(req CreateRequest) CreateResponse {
	ts.t.Helper()
	status, body := ts.do("POST", "/api/rooms", "", req)
	if status != http.StatusCreated {
		ts.t.Fatalf("creating a room: %d %s", status, body)
	}
	var out CreateResponse
	if err := json.Unmarshal(body, &out); err != nil {
		ts.t.Fatal(err)
	}
	return out
}

func (ts *testServer) facPath(cr CreateResponse) string {
	return strings.TrimPrefix(cr.FacilitatorURL, ts.http.URL)
}

func (ts *testServer) join(code, name string) Me {
	ts.t.Helper()
	status, body := ts.do("POST", "/api/join", "", joinRequest{Room: code, Name: name})
	if status != http.StatusCreated {
		ts.t.Fatalf("joining %s as %q: %d %s", code, name, status, body)
	}
	var me Me
	if err := json.Unmarshal(body, &me); err != nil {
		ts.t.Fatal(err)
	}
	return me
}

// choose sends a choice and returns the status and the error code, if any.
func (ts *testServer) choose(token string, month, pick int) (int, string) {
	ts.t.Helper()
	status, body := ts.do("POST", "/api/choice", token, choiceRequest{Month: month, Pick: pick})
	var e apiError
	_ = json.Unmarshal(body, &e)
	return status, e.Code
}

// localRun is the run a participant plays in the browser, replayed here.
func localRun(t testing.TB, me Me) *sim.Run {
	t.Helper()
	sc, ok := testLibrary(t).Find(me.Scenario)
	if !ok {
		t.Fatalf("scenario %s", me.Scenario)
	}
	if want, _ := sim.SessionSeed(me.Session); me.Seed != want || me.Seed == 0 {
		t.Fatalf("the room's seed %d is not its session's %d", me.Seed, want)
	}
	r := sim.New(sc, me.Seed, sim.Options{Session: me.Session})
	for _, p := range me.Picks {
		if err := r.PickIndex(p); err != nil {
			t.Fatal(err)
		}
	}
	return r
}

// firstAvailable is the first choice the run's card lets the player make.
func firstAvailable(r *sim.Run, nth int) int {
	var avail []int
	for _, c := range r.Choices() {
		if c.Available {
			avail = append(avail, c.Index)
		}
	}
	return avail[nth%len(avail)]
}

// play makes a participant decide months until the run is at month
// `until` or over, each pick checked by the server.
func (ts *testServer) play(me Me, until int, variant int) *sim.Run {
	ts.t.Helper()
	r := localRun(ts.t, me)
	for !r.Done() && r.Month() < until {
		pick := firstAvailable(r, variant+r.Month())
		m := r.Month()
		if err := r.PickIndex(pick); err != nil {
			ts.t.Fatal(err)
		}
		if status, code := ts.choose(me.Token, m, pick); status != http.StatusOK {
			ts.t.Fatalf("month %d pick %d: %d %s", m, pick, status, code)
		}
	}
	return r
}

func TestParticipantPlaysAndTheServerChecksEveryPick(t *testing.T) {
	ts := newTestServer(t, backends[0].dsn(t))
	cr := ts.createRoom(CreateRequest{Name: "Spring", Scenarios: []string{"startup_engineer", "bigco_engineer"}, Session: "SPRING26"})
	ana := ts.join(cr.Code, "Ana")
	ben := ts.join(strings.ToLower(cr.Code[:3])+"-"+cr.Code[3:], "  Ben  ")
	if ana.Scenario != "startup_engineer" || ben.Scenario != "bigco_engineer" || ben.Name != "Ben" {
		t.Fatalf("half startup, half big company: %s, %s %q", ana.Scenario, ben.Scenario, ben.Name)
	}
	if ana.Session != "SPRING26" || ana.Month != 1 || len(ana.Picks) != 0 || ana.Token == "" {
		t.Fatalf("joined as %+v", ana)
	}

	r := localRun(t, ana)
	// A pick out of range, or unavailable, is refused with the reason.
	if status, code := ts.choose(ana.Token, 1, 7); status != http.StatusUnprocessableEntity || code != "bad_pick" {
		t.Fatalf("pick 8 of a card: %d %s", status, code)
	}
	if status, code := ts.choose(ana.Token, 2, 0); status != http.StatusConflict || code != "out_of_order" {
		t.Fatalf("month 2 before month 1: %d %s", status, code)
	}
	if status, code := ts.choose("", 1, 0); status != http.StatusUnauthorized || code != "no_token" {
		t.Fatalf("no token: %d %s", status, code)
	}
	if status, code := ts.choose("NOTATOKEN", 1, 0); status != http.StatusUnauthorized || code != "unknown_token" {
		t.Fatalf("a wrong token: %d %s", status, code)
	}
	pick := firstAvailable(r, 1)
	if status, code := ts.choose(ana.Token, 1, pick); status != http.StatusOK {
		t.Fatalf("month 1: %d %s", status, code)
	}
	// A resend (the answer was lost) is acknowledged; another pick is not.
	if status, _ := ts.choose(ana.Token, 1, pick); status != http.StatusOK {
		t.Fatalf("resent month 1: %d", status)
	}
	if status, code := ts.choose(ana.Token, 1, (pick+1)%2); status != http.StatusConflict || code != "conflict" {
		t.Fatalf("month 1 again with another pick: %d %s", status, code)
	}
	if err := r.PickIndex(pick); err != nil {
		t.Fatal(err)
	}

	// The facilitator holds the room at month 3: month 2 goes through,
	// month 3 waits, and goes through once released.
	fac := ts.facPath(cr)
	if status, _ := ts.do("POST", fac+"control", "", "action=hold&month=3"); status != http.StatusSeeOther {
		t.Fatalf("hold: %d", status)
	}
	p2 := firstAvailable(r, 0)
	if status, _ := ts.choose(ana.Token, 2, p2); status != http.StatusOK {
		t.Fatalf("month 2 under a hold at 3: %d", status)
	}
	_ = r.PickIndex(p2)
	p3 := firstAvailable(r, 0)
	status, body := ts.do("POST", "/api/choice", ana.Token, choiceRequest{Month: 3, Pick: p3})
	var held apiError
	_ = json.Unmarshal(body, &held)
	if status != http.StatusLocked || held.Code != "held" || held.HoldMonth != 3 {
		t.Fatalf("month 3 under a hold at 3: %d %s", status, body)
	}
	var me Me
	_, body = ts.do("GET", "/api/me", ana.Token, nil)
	if err := json.Unmarshal(body, &me); err != nil || me.HoldMonth != 3 || me.Month != 3 || len(me.Picks) != 2 {
		t.Fatalf("me while held: %s %v", body, err)
	}
	if status, _ := ts.do("POST", fac+"control", "", "action=release"); status != http.StatusSeeOther {
		t.Fatalf("release: %d", status)
	}
	if status, _ := ts.choose(ana.Token, 3, p3); status != http.StatusOK {
		t.Fatalf("month 3 after the release: %d", status)
	}

	// Play to the end: the server's run ends where the game's does.
	ana.Picks = []int{pick, p2, p3}
	end := ts.play(ana, 1000, 0)
	_, body = ts.do("GET", "/api/me", ana.Token, nil)
	if err := json.Unmarshal(body, &me); err != nil {
		t.Fatal(err)
	}
	if !me.Done || me.Ending != end.Ending().ID || len(me.Picks) != len(end.State().Steps) {
		t.Fatalf("the server's run: done %v ending %q months %d; the game's: %q %d", me.Done, me.Ending, len(me.Picks), end.Ending().ID, len(end.State().Steps))
	}
	if status, code := ts.choose(ana.Token, len(me.Picks)+1, 0); status != http.StatusConflict || code != "over" {
		t.Fatalf("a month after the ending: %d %s", status, code)
	}
}

func TestJoinErrorsAreClear(t *testing.T) {
	ts := newTestServer(t, backends[0].dsn(t))
	cr := ts.createRoom(CreateRequest{Name: "Small", Scenarios: []string{"bigco_engineer"}, Capacity: 2})
	ts.join(cr.Code, "One")
	for _, tc := range []struct {
		body   string
		status int
		code   string
	}{
		{`{"room":"` + cr.Code + `","name":""}`, 400, "bad_name"},
		{`{"room":"` + cr.Code + `","name":"` + strings.Repeat("n", 33) + `"}`, 400, "bad_name"},
		{`{"room":"` + cr.Code + `","name":"A","admin":true}`, 400, "bad_request"},
		{`{"room":"` + cr.Code + `","name":"A"} {}`, 400, "bad_request"},
		{`{"room":"` + cr.Code + `","name":"` + strings.Repeat("x", 5000) + `"}`, 413, "too_large"},
		{`{"room":"K7Q","name":"A"}`, 400, "bad_code"},
	} {
		status, body := ts.do("POST", "/api/join", "", tc.body)
		var e apiError
		_ = json.Unmarshal(body, &e)
		if status != tc.status || e.Code != tc.code || e.Error == "" {
			t.Errorf("join %.60s: %d %s; want %d %s", tc.body, status, body, tc.status, tc.code)
		}
	}
	ts.join(cr.Code, "Two")
	status, body := ts.do("POST", "/api/join", "", joinRequest{Room: cr.Code, Name: "Three"})
	if status != http.StatusConflict || !strings.Contains(string(body), "full") {
		t.Fatalf("a third into a room of two: %d %s", status, body)
	}
	other := ts.createRoom(CreateRequest{Name: "Closed", Scenarios: []string{"bigco_engineer"}})
	if status, _ := ts.do("POST", ts.facPath(other)+"control", "", "action=close"); status != http.StatusSeeOther {
		t.Fatal(status)
	}
	status, body = ts.do("POST", "/api/join", "", joinRequest{Room: other.Code, Name: "Late"})
	if status != http.StatusConflict || !strings.Contains(string(body), "closed") {
		t.Fatalf("joining a closed room: %d %s", status, body)
	}
}

// Guessing room codes is slow: after a burst of misses an address is
// refused for a while, even for a room that exists.
func TestGuessingRoomCodesIsRateLimited(t *testing.T) {
	ts := newTestServer(t, backends[0].dsn(t))
	cr := ts.createRoom(CreateRequest{Name: "Real", Scenarios: []string{"bigco_engineer"}})
	misses := 0
	for i := 0; i < 40; i++ {
		status, _ := ts.do("POST", "/api/join", "", joinRequest{Room: fmt.Sprintf("ZZZZ%02d", i), Name: "Guess"})
		if status == http.StatusTooManyRequests {
			break
		}
		if status != http.StatusNotFound {
			t.Fatalf("guess %d: %d", i, status)
		}
		misses++
	}
	if misses != 20 {
		t.Fatalf("%d misses before the limit; want 20", misses)
	}
	if status, _ := ts.do("POST", "/api/join", "", joinRequest{Room: cr.Code, Name: "Now"}); status != http.StatusTooManyRequests {
		t.Fatalf("after the burst, even a real code waits: %d", status)
	}
	if status, _ := ts.do("GET", "/j/"+cr.Code, "", nil); status != http.StatusTooManyRequests {
		t.Fatalf("the join page too: %d", status)
	}
	// Time refills the bucket.
	ts.srv.now = func() time.Time { return time.Now().Add(time.Minute) }
	if status, _ := ts.do("POST", "/api/join", "", joinRequest{Room: cr.Code, Name: "Later"}); status != http.StatusCreated {
		t.Fatalf("a minute later: %d", status)
	}
}

func TestFacilitatorPagesOpenOnlyWithTheSecret(t *testing.T) {
	ts := newTestServer(t, backends[0].dsn(t))
	cr := ts.createRoom(CreateRequest{Name: "Secret", Scenarios: []string{"bigco_engineer"}})
	fac := ts.facPath(cr)
	for _, page := range []string{"", "projector", "live", "report", "export.csv", "export.json", "qr.svg"} {
		if status, body := ts.do("GET", fac+page, "", nil); status != http.StatusOK {
			t.Errorf("%s with the secret: %d %.200s", page, status, body)
		}
		if status, _ := ts.do("GET", "/f/"+cr.Code+"/"+page, "", nil); status != http.StatusNotFound {
			t.Errorf("%s with the room code: %d", page, status)
		}
		wrong := "/f/" + strings.Repeat("A", 26) + "/" + page
		if status, _ := ts.do("GET", wrong, "", nil); status != http.StatusNotFound {
			t.Errorf("%s with a wrong secret: %d", page, status)
		}
	}
	if status, _ := ts.do("POST", "/f/"+cr.Code+"/delete", "", "confirm="+cr.Code); status != http.StatusNotFound {
		t.Errorf("deleting with the room code: %d", status)
	}
	if _, err := ts.store.Room(context.Background(), cr.Code); err != nil {
		t.Fatalf("the room is gone: %v", err)
	}
	// Deleting needs the code typed, then removes everything.
	if status, _ := ts.do("POST", fac+"delete", "", "confirm=nope"); status != http.StatusBadRequest {
		t.Errorf("delete without confirming: %d", status)
	}
	if status, _ := ts.do("POST", fac+"delete", "", "confirm="+strings.ToLower(cr.Code)); status != http.StatusOK {
		t.Errorf("delete: %d", status)
	}
	if status, _ := ts.do("GET", fac, "", nil); status != http.StatusNotFound {
		t.Errorf("the facilitator page of a deleted room: %d", status)
	}
}

// Names are shown as typed and never run: escaped in every page, and
// spreadsheet formulas neutralised in the CSV.
func TestNamesAreEscapedEverywhere(t *testing.T) {
	ts := newTestServer(t, backends[0].dsn(t))
	cr := ts.createRoom(CreateRequest{Name: "<b>Room</b>", Scenarios: []string{"startup_engineer"}})
	evil := ts.join(cr.Code, `<img src=x onerror=alert(1)>`)
	formula := ts.join(cr.Code, `=HYPERLINK("http://x","y")`)
	ts.play(evil, 1000, 0)
	ts.play(formula, 3, 1)
	fac := ts.facPath(cr)
	for _, page := range []string{"", "projector", "live", "live?view=people", "report", "p/" + evil.Participant, "export.json"} {
		_, body := ts.do("GET", fac+page, "", nil)
		if bytes.Contains(body, []byte("<img src=x")) || bytes.Contains(body, []byte("<b>Room")) {
			t.Errorf("%s shows a name unescaped", page)
		}
		if !bytes.Contains(body, []byte("img src=x onerror")) && page != "live" && page != "projector" {
			t.Errorf("%s does not show the name at all", page)
		}
	}
	_, csv := ts.do("GET", fac+"export.csv", "", nil)
	if !bytes.Contains(csv, []byte(`"'=HYPERLINK(""http://x"",""y"")"`)) || bytes.Contains(csv, []byte(`"=HYPERLINK`)) {
		t.Errorf("the CSV lets a formula through:\n%s", csv)
	}
	if _, body := ts.do("GET", "/j/"+cr.Code, "", nil); bytes.Contains(body, []byte("<b>Room")) {
		t.Error("the join page shows the room name unescaped")
	}
}

func TestProjectorStreamsChanges(t *testing.T) {
	ts := newTestServer(t, backends[0].dsn(t))
	cr := ts.createRoom(CreateRequest{Name: "Live", Scenarios: []string{"bigco_engineer"}})
	ev := openEvents(t, ts.http.URL+ts.facPath(cr)+"events")
	ev.next(t) // the first event comes at once
	me := ts.join(cr.Code, "Ana")
	ev.next(t)
	ts.play(me, 2, 0)
	ev.next(t)
	_, body := ts.do("GET", ts.facPath(cr)+"live?view=people", "", nil)
	if !bytes.Contains(body, []byte("Ana")) || !bytes.Contains(body, []byte("month 2")) {
		t.Fatalf("the live view does not show Ana at month 2:\n%.2000s", body)
	}
}

// events reads a Server-Sent Events stream.
type events struct {
	lines chan string
}

func openEvents(t *testing.T, url string) *events {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); resp.StatusCode != 200 || ct != "text/event-stream" {
		t.Fatalf("events: %d %s", resp.StatusCode, ct)
	}
	ev := &events{lines: make(chan string, 100)}
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "event: ") {
				ev.lines <- sc.Text()
			}
		}
	}()
	return ev
}

// next waits for the next change event (a second and a half at most: the
// projector promises to update within a second).
func (ev *events) next(t *testing.T) {
	t.Helper()
	select {
	case l := <-ev.lines:
		if l != "event: change" {
			t.Fatalf("event %q", l)
		}
	case <-time.After(1500 * time.Millisecond):
		t.Fatal("no change event within 1.5 s")
	}
}
