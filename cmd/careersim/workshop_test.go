package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
	"runwayladder/game/workshop"
	"runwayladder/internal/pgtest"
	"runwayladder/scenarios"
)

// roomServer is `careersim workshop serve` running as its own process.
type roomServer struct {
	cmd *exec.Cmd
	url string
	out *bytes.Buffer
}

var built struct {
	once sync.Once
	bin  string
	err  error
}

// careersimBinary builds this command once per test binary.
func careersimBinary(t *testing.T) string {
	t.Helper()
	built.once.Do(func() {
		dir, err := os.MkdirTemp("", "careersim-bin-")
		if err != nil {
			built.err = err
			return
		}
		built.bin = filepath.Join(dir, "careersim")
		cmd := exec.Command("go", "build", "-o", built.bin, ".")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			built.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.bin
}

var servingAt = regexp.MustCompile(`Workshop rooms at (http://\S+)/ `)

// startRoomServer starts a server on a free port over db and waits until
// it serves.
func startRoomServer(t *testing.T, db string) *roomServer {
	t.Helper()
	cmd := exec.Command(careersimBinary(t), "workshop", "serve", "--addr", "127.0.0.1:0", "--db", db, "--web", filepath.Join(t.TempDir(), "no-game"))
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	rs := &roomServer{cmd: cmd, out: &bytes.Buffer{}}
	cmd.Stderr = rs.out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if m := servingAt.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
			}
		}
		close(found)
	}()
	select {
	case u, ok := <-found:
		if !ok {
			t.Fatalf("the server stopped before serving: %s", rs.out)
		}
		rs.url = u
	case <-time.After(30 * time.Second):
		t.Fatalf("the server did not start: %s", rs.out)
	}
	return rs
}

// api calls the server with JSON and decodes its answer into out.
func api(t *testing.T, method, url, token string, in, out any) (int, error) {
	t.Helper()
	var body io.Reader
	if in != nil {
		b, _ := json.Marshal(in)
		body = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, url, body)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode/100 == 2 && out != nil {
		return resp.StatusCode, json.Unmarshal(data, out)
	}
	return resp.StatusCode, nil
}

func bundledLibrary(t *testing.T) *workshop.Library {
	t.Helper()
	scs, errs := scenario.LoadBundled(scenarios.FS)
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	return workshop.NewLibrary(scs)
}

// A server killed with SIGKILL in the middle of a room loses no choice it
// had acknowledged: after a restart on the same database every
// participant's run is there, and play goes on.
func TestWorkshopServerKilledLosesNoAcknowledgedChoice(t *testing.T) {
	for _, db := range []struct {
		name string
		dsn  func(t *testing.T) string
	}{
		{"sqlite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "room.db") }},
		{"postgres", func(t *testing.T) string { return pgtest.Database(t) }},
	} {
		t.Run(db.name, func(t *testing.T) {
			dsn := db.dsn(t)
			lib := bundledLibrary(t)
			srv := startRoomServer(t, dsn)
			var room workshop.CreateResponse
			if status, err := api(t, "POST", srv.url+"/api/rooms", "", workshop.CreateRequest{Name: "Kill", Scenarios: []string{"startup_engineer", "bigco_engineer"}}, &room); status != 201 || err != nil {
				t.Fatalf("creating a room: %d %v", status, err)
			}
			const people = 16
			type player struct {
				me    workshop.Me
				run   *sim.Run
				acked []int // picks the server acknowledged, month 1 first
				sent  int   // the pick sent without an answer, or -1
			}
			players := make([]*player, people)
			for i := range players {
				var me workshop.Me
				if status, err := api(t, "POST", srv.url+"/api/join", "", map[string]string{"room": room.Code, "name": fmt.Sprint("P", i)}, &me); status != 201 || err != nil {
					t.Fatalf("join: %d %v", status, err)
				}
				sc, _ := lib.Find(me.Scenario)
				players[i] = &player{me: me, run: sim.New(sc, me.Seed, sim.Options{Session: me.Session}), sent: -1}
			}
			var wg sync.WaitGroup
			var mu sync.Mutex
			total := 0
			for i, p := range players {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for n := 0; !p.run.Done(); n++ {
						var avail []int
						for _, c := range p.run.Choices() {
							if c.Available {
								avail = append(avail, c.Index)
							}
						}
						pick := avail[(i+n)%len(avail)]
						month := p.run.Month()
						p.sent = pick
						var ack workshop.Ack
						status, err := api(t, "POST", srv.url+"/api/choice", p.me.Token, map[string]int{"month": month, "pick": pick}, &ack)
						if err != nil || status != 200 {
							return // the server is gone
						}
						p.run.PickIndex(pick)
						p.acked = append(p.acked, pick)
						p.sent = -1
						mu.Lock()
						total++
						mu.Unlock()
					}
				}()
			}
			time.Sleep(800 * time.Millisecond)
			if err := srv.cmd.Process.Kill(); err != nil { // SIGKILL
				t.Fatal(err)
			}
			srv.cmd.Wait()
			wg.Wait()
			if total < 50 {
				t.Fatalf("only %d choices were acknowledged before the kill: the test proves little", total)
			}

			again := startRoomServer(t, dsn)
			lost := 0
			for _, p := range players {
				var me workshop.Me
				if status, err := api(t, "GET", again.url+"/api/me", p.me.Token, nil, &me); status != 200 || err != nil {
					t.Fatalf("after the restart: %d %v", status, err)
				}
				for m, pick := range p.acked {
					if m >= len(me.Picks) || me.Picks[m] != pick {
						lost++
					}
				}
				// The one in flight may or may not have been stored, but
				// nothing else.
				extra := len(me.Picks) - len(p.acked)
				if extra > 1 || (extra == 1 && me.Picks[len(p.acked)] != p.sent) {
					t.Errorf("%s: the server has %d picks, %d acknowledged, in flight %d", p.me.Name, len(me.Picks), len(p.acked), p.sent)
				}
				// Play goes on from where the server is.
				if !me.Done {
					r := sim.New(p.run.Scenario(), p.run.State().Seed, sim.Options{Session: me.Session})
					for _, pk := range me.Picks {
						r.PickIndex(pk)
					}
					next := r.Choices()[0].Index
					for _, c := range r.Choices() {
						if c.Available {
							next = c.Index
							break
						}
					}
					if status, err := api(t, "POST", again.url+"/api/choice", p.me.Token, map[string]int{"month": r.Month(), "pick": next}, nil); status != 200 || err != nil {
						t.Errorf("%s: the next month after the restart: %d %v", p.me.Name, status, err)
					}
				}
			}
			if lost > 0 {
				t.Fatalf("%d of %d acknowledged choices lost", lost, total)
			}
			t.Logf("%d choices acknowledged before SIGKILL, none lost", total)
		})
	}
}

// The report shows the numbers careersim debrief prints for the same run
// codes, and the exports carry every decision.
func TestWorkshopReportMatchesDebriefAndExports(t *testing.T) {
	db := filepath.Join(t.TempDir(), "room.db")
	ctx := context.Background()
	st, err := workshop.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	lib := bundledLibrary(t)
	srv, err := workshop.NewServer(workshop.Config{Store: st, Library: lib})
	if err != nil {
		t.Fatal(err)
	}
	hs := newHTTPServer(t, srv)
	var room workshop.CreateResponse
	if status, err := api(t, "POST", hs+"/api/rooms", "", workshop.CreateRequest{Name: "Debrief", Scenarios: []string{"startup_engineer", "bigco_engineer"}, Session: "DEBRIEF1"}, &room); status != 201 || err != nil {
		t.Fatalf("%d %v", status, err)
	}
	decisions := 0
	for i := 0; i < 8; i++ {
		var me workshop.Me
		if status, err := api(t, "POST", hs+"/api/join", "", map[string]string{"room": room.Code, "name": fmt.Sprintf("=cmd|' /C calc'!A%d", i)}, &me); status != 201 || err != nil {
			t.Fatalf("%d %v", status, err)
		}
		sc, _ := lib.Find(me.Scenario)
		r := sim.New(sc, me.Seed, sim.Options{})
		for n := 0; !r.Done() && (i < 6 || n < 10); n++ { // two leave early
			var cs []sim.ChoiceView
			for _, c := range r.Choices() {
				if c.Available {
					cs = append(cs, c)
				}
			}
			pick := cs[(i*7+n*3)%len(cs)]
			m := r.Month()
			r.PickIndex(pick.Index)
			if status, err := api(t, "POST", hs+"/api/choice", me.Token, map[string]int{"month": m, "pick": pick.Index}, nil); status != 200 || err != nil {
				t.Fatalf("%d %v", status, err)
			}
			decisions++
		}
	}
	st.Close()

	code, out, errOut := careersim(t, "", "workshop", "export", "--db", db, "--room", room.Code, "--format", "json")
	if code != 0 {
		t.Fatalf("export json: %d %s", code, errOut)
	}
	var exp workshop.ExportRoom
	if err := json.Unmarshal([]byte(out), &exp); err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, p := range exp.Participants {
		codes = append(codes, p.RunCode)
	}
	code, csvOut, errOut := careersim(t, "", "workshop", "export", "--db", db, "--room", strings.ToLower(room.Code), "--format", "csv")
	if code != 0 {
		t.Fatalf("export csv: %d %s", code, errOut)
	}
	rows, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != decisions+1 || strings.Join(rows[0], ",") != strings.Join(workshop.CSVHeader, ",") {
		t.Fatalf("the CSV has %d rows for %d decisions; header %v", len(rows), decisions, rows[0])
	}
	for _, row := range rows[1:] {
		if !strings.HasPrefix(row[0], "'=cmd") || row[2] != room.Code {
			t.Fatalf("a CSV row starts %q (room %q): the participant first, formulas made text", row[0], row[2])
		}
	}

	// careersim debrief of the room's run codes...
	code, debrief, errOut := careersim(t, strings.Join(codes, "\n"), "debrief")
	if code != 0 {
		t.Fatalf("debrief: %s", errOut)
	}
	// ...and the room's report.
	st2, err := workshop.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	srv2, _ := workshop.NewServer(workshop.Config{Store: st2, Library: lib})
	hs2 := newHTTPServer(t, srv2)
	resp, err := http.Get(strings.Replace(room.FacilitatorURL, hs, hs2, 1) + "report")
	if err != nil {
		t.Fatal(err)
	}
	report, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	text := plainText(string(report))
	ending := regexp.MustCompile(`^  (\w+)\s+(.+?)\s+(\d+) \(\s*(\d+)%\)\s+typical\s+(\d+)%$`)
	axis := regexp.MustCompile(`^  (\w+)\s+(.+?)\s+\((.+?) to (.+?)\)\s+typical (.+)$`)
	split := regexp.MustCompile(`^The room split in month (\d+) \(session seed \d+\), "(.*)":$`)
	checked := 0
	for _, line := range strings.Split(debrief, "\n") {
		var want string
		if m := ending.FindStringSubmatch(line); m != nil {
			want = fmt.Sprintf("%s %s %s (%s%%) %s%%", m[1], m[2], m[3], m[4], m[5])
		} else if m := axis.FindStringSubmatch(line); m != nil {
			want = fmt.Sprintf("%s %s %s to %s %s", m[1], m[2], m[3], m[4], m[5])
		} else if m := split.FindStringSubmatch(line); m != nil {
			want = fmt.Sprintf("The room split in month %s: “%s”", m[1], m[2])
		} else {
			continue
		}
		if !strings.Contains(text, want) {
			t.Errorf("careersim debrief says %q; the report does not have %q", strings.TrimSpace(line), want)
		}
		checked++
	}
	if t.Failed() {
		t.Logf("the report as text: %s", text)
		t.Logf("the debrief: %s", debrief)
	}
	if checked < 16 {
		t.Fatalf("only %d debrief lines compared:\n%s", checked, debrief)
	}
}

// newHTTPServer serves h on a loopback port for the test and returns its
// URL.
func newHTTPServer(t *testing.T, h http.Handler) string {
	t.Helper()
	hs := httptest.NewServer(h)
	t.Cleanup(hs.Close)
	return hs.URL
}

// plainText reduces a page to its words, one space between cells.
func plainText(page string) string {
	page = regexp.MustCompile(`(?s)<svg.*?</svg>`).ReplaceAllString(page, " ")
	page = regexp.MustCompile(`<[^>]+>`).ReplaceAllString(page, " ")
	page = strings.NewReplacer("&#34;", `"`, "&quot;", `"`, "&#39;", "'", "&amp;", "&", "&lt;", "<", "&gt;", ">").Replace(page)
	return strings.Join(strings.Fields(page), " ")
}

func TestWorkshopCommandErrors(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db")
	for _, tc := range []struct {
		args []string
		code int
		err  string
	}{
		{[]string{"workshop"}, 2, "usage"},
		{[]string{"workshop", "nope"}, 2, "unknown command"},
		{[]string{"workshop", "export", "--db", db, "--room", "K7Q"}, 2, "room code"},
		{[]string{"workshop", "export", "--db", db, "--room", "K7QM2X", "--format", "xml"}, 2, "csv or json"},
		{[]string{"workshop", "export", "--db", db, "--room", "K7QM2X"}, 1, "no such database"},
		{[]string{"workshop", "load"}, 2, "--url is required"},
		{[]string{"workshop", "serve", "--db", filepath.Join(t.TempDir(), "no", "dir.db")}, 1, "does not exist"},
		{[]string{"workshop", "serve", "stray"}, 2, "unexpected argument"},
	} {
		code, _, errOut := careersim(t, "", tc.args...)
		if code != tc.code || !strings.Contains(errOut, tc.err) {
			t.Errorf("careersim %s: exit %d, %q; want %d and %q", strings.Join(tc.args, " "), code, errOut, tc.code, tc.err)
		}
	}
}
