//go:build !js

package ui

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"runwayladder/game/history"
	"runwayladder/game/sim"
	"runwayladder/game/storage"
	"runwayladder/game/ui/kit"
	"runwayladder/scenarios"
)

// waitFor steps the game until cond holds, at most d of real time.
func (d *driver) waitFor(what string, dur time.Duration, cond func() bool) time.Duration {
	d.t.Helper()
	start := time.Now()
	for !cond() {
		if time.Since(start) > dur {
			d.t.Fatalf("%s: not done after %v", what, dur)
		}
		time.Sleep(2 * time.Millisecond)
		d.step(kit.Input{})
	}
	return time.Since(start)
}

// historyDriver starts a game whose store holds the generated history of
// about 200 runs over a startup, a corporate and an academic path.
func historyDriver(t *testing.T, store storage.Store) (*driver, int) {
	t.Helper()
	if store == nil {
		store = storage.NewMemory()
	}
	probe := newDriver(t, Config{})
	recs, err := demoHistory(probe.g.c)
	if err != nil {
		t.Fatal(err)
	}
	if added, _, err := history.Open(store).Merge(recs); err != nil || added != len(recs) {
		t.Fatalf("merge: %d added, %v", added, err)
	}
	return newDriver(t, Config{Store: store}), len(recs)
}

// openCompare goes from the title to the compare screen.
func (d *driver) openCompare() *compareScreen {
	d.t.Helper()
	d.titleItem("Compare your paths")
	c, ok := d.g.screen.(*compareScreen)
	if !ok {
		d.t.Fatalf("want the compare screen, have %T", d.g.screen)
	}
	return c
}

// TestCompareGeneratedHistory opens the compare screen over a generated
// history of 200 runs: the paths in track order with every run, the
// bots' baselines computed in the background and cached, every page of
// axes fitting at both sizes, a run opened by key and by click.
func TestCompareGeneratedHistory(t *testing.T) {
	d, n := historyDriver(t, nil)
	if n < 200 {
		t.Fatalf("the generated history has %d runs", n)
	}
	ts := d.g.screen.(*titleScreen)
	if it := ts.items[1]; !strings.Contains(it.sub, "runs on 3 paths") {
		t.Errorf("the title's compare item says %q", it.sub)
	}
	cp := d.openCompare()
	var ids, tracks []string
	total := 0
	for _, p := range cp.paths {
		ids = append(ids, p.Key)
		tracks = append(tracks, p.Track)
		total += len(p.Records)
	}
	if strings.Join(ids, ",") != "startup_engineer,bigco_engineer,academia_scientist" || total != n {
		t.Fatalf("paths %v (tracks %v), %d runs", ids, tracks, total)
	}
	d.checkSizes()
	took := d.waitFor("baselines", time.Minute, cp.baselinesDone)
	t.Logf("the bots' baselines (%d) took %v in the game (task %v)", cp.blTotal, took, cp.blTook)
	if cp.blErr != "" {
		t.Fatalf("baseline error: %s", cp.blErr)
	}
	for _, p := range cp.paths {
		for _, bot := range history.BaselineBots {
			if _, ok := d.g.c.history.CachedBaseline(baselineKey(p.sc, bot)); !ok {
				t.Errorf("%s %s: baseline not cached", p.Key, bot)
			}
		}
	}
	// The trade-off is said in words, from the data.
	if h := cp.cmp.Headline(); !strings.Contains(h, "Startup leads on") && !strings.Contains(h, "Corporate leads on") {
		t.Errorf("headline %q", h)
	}
	for axis := range sim.AxisNames {
		if cp.cmp.Takeaway(axis) == "" {
			t.Errorf("no takeaway for %s", sim.AxisNames[axis])
		}
	}
	d.checkSizes()
	// Every page of axes at the small size.
	d.g.resize(800, 600)
	l := cp.layout(d.g.c)
	if l.pages < 2 {
		t.Fatalf("800x600 shows %d page(s) of axes", l.pages)
	}
	for p := 1; p < l.pages; p++ {
		d.step(kit.Input{PageDown: true})
		if cp.page != p {
			t.Fatalf("PageDown: page %d, want %d", cp.page, p)
		}
		d.checkDraw(800, 600)
	}
	d.click(cp.layout(d.g.c).pager[1])
	if cp.page != 0 {
		t.Errorf("the pager's next button from the last page: page %d", cp.page)
	}
	d.g.resize(1280, 720)

	// Keys: down to the corporate path, its worst run, Enter.
	d.step(kit.Input{Down: true})
	d.step(kit.Input{Runes: []rune{'w'}})
	p, rec := cp.selected()
	if p.Key != "bigco_engineer" || p.Order[cp.sel] != p.Summary.Worst {
		t.Fatalf("selected %s run %d, want bigco_engineer's worst", p.Key, cp.sel)
	}
	d.step(kit.Input{Right: true})
	_, rec = cp.selected()
	code := rec.Code
	d.step(kit.Input{Confirm: true})
	pe, ok := d.g.screen.(*endingScreen)
	if !ok || pe.back != Screen(cp) {
		t.Fatalf("Enter on a run: have %T", d.g.screen)
	}
	if pe.code != code || pe.run.Outcome().Wealth != rec.Wealth {
		t.Errorf("the ending shows %s, want %s", pe.code, code)
	}
	if d.g.c.run != nil {
		t.Error("opening a past run replaced the game's run")
	}
	d.checkSizes()
	d.step(kit.Input{Back: true})
	if d.g.screen != Screen(cp) {
		t.Fatalf("Esc from a past ending: have %T", d.g.screen)
	}

	// The pointer: a click on a dot of the academic path's first axis.
	l = cp.layout(d.g.c)
	st := d.g.c.Style()
	ap := cp.paths[2]
	lo, hi := cp.cmp.Scale(l.axes[0])
	j := ap.Order[len(ap.Order)/2]
	pt := dotAt(st, plotRect(st, l, cp.cellRect(d.g.c, l, 2, 0)), ap, j, l.axes[0], lo, hi)
	if row, sel, ok := cp.runAt(d.g.c, l, pt); !ok || row != 2 {
		t.Fatalf("no run found under the dot at %+v (row %d sel %d)", pt, row, sel)
	}
	d.step(kit.Input{Cursor: pt, Moved: true})
	_, hover := cp.selected()
	d.step(kit.Input{Cursor: pt, Click: true})
	pe, ok = d.g.screen.(*endingScreen)
	if !ok {
		t.Fatalf("click on a dot: have %T", d.g.screen)
	}
	if pe.code != hover.Code {
		t.Errorf("the click opened %s, the hovered run is %s", pe.code, hover.Code)
	}
	d.step(kit.Input{Back: true})
	d.step(kit.Input{Back: true})
	if _, ok := d.g.screen.(*titleScreen); !ok {
		t.Fatalf("Esc from compare: have %T", d.g.screen)
	}
}

// TestCompareBaselineCached opens the compare screen twice over the same
// store: the second time, from a new game, every baseline is there at
// once, read from the cache.
func TestCompareBaselineCached(t *testing.T) {
	store := storage.NewMemory()
	d, _ := historyDriver(t, store)
	cp := d.openCompare()
	first := d.waitFor("baselines", time.Minute, cp.baselinesDone)
	d2 := newDriver(t, Config{Store: store})
	t0 := time.Now()
	cp2 := d2.openCompare()
	second := time.Since(t0)
	if !cp2.baselinesDone() || cp2.bl != nil {
		t.Fatal("the second compare screen computes the baselines again")
	}
	t.Logf("baselines: %v computed, %v from the cache (screen opened)", first, second)
	if second > time.Second {
		t.Errorf("opening the compare screen with cached baselines took %v", second)
	}
	d2.checkSizes()
}

// TestCompareEmpty shows the empty state and its way to a new run.
func TestCompareEmpty(t *testing.T) {
	d := newDriver(t, Config{})
	cp := d.openCompare()
	if len(cp.paths) != 0 {
		t.Fatalf("%d paths with no history", len(cp.paths))
	}
	d.checkSizes()
	d.step(kit.Input{Confirm: true})
	if _, ok := d.g.screen.(*chooseScreen); !ok {
		t.Fatalf("Enter on the empty compare screen: have %T", d.g.screen)
	}
}

// TestFinishedRunInHistory finishes a run: it is recorded once, and the
// compare screen shows it.
func TestFinishedRunInHistory(t *testing.T) {
	d := newDriver(t, Config{})
	a := d.g.c
	if err := playTo(a, withFunding, func(r *sim.Run) bool { return r.Done() }); err != nil {
		t.Fatal(err)
	}
	a.finish(d.now)
	a.finish(d.now)
	a.ending.wait(a.model)
	d.show(newTitle(a))
	cp := d.openCompare()
	if len(cp.paths) != 1 || len(cp.paths[0].Records) != 1 || cp.paths[0].Records[0].Code != a.run.Code() {
		t.Fatalf("compare after one finished run: %d paths", len(cp.paths))
	}
	d.checkSizes()
}

// TestWhatIfPanel fills the ending's what-if panel in the background:
// the same run gives the same results in another game, the panel fits,
// and leaving the ending stops the work.
func TestWhatIfPanel(t *testing.T) {
	analyse := func() (*driver, *endingScreen, []string, time.Duration) {
		d := newDriver(t, Config{})
		a := d.g.c
		if err := playTo(a, withFunding, func(r *sim.Run) bool { return r.Done() }); err != nil {
			t.Fatal(err)
		}
		e := newEnding(a)
		d.show(e)
		took := d.waitFor("what-if", 2*time.Minute, func() bool { return e.decisions != nil && e.whatif.done(d.g.c) })
		if len(e.whatif.kds) < 2 {
			t.Fatalf("%d key decisions", len(e.whatif.kds))
		}
		if e.whatif.err != "" {
			t.Fatalf("what-if: %s", e.whatif.err)
		}
		var out []string
		for _, dd := range e.whatif.res.Decisions {
			for i := range dd.Options {
				out = append(out, dd.Headline(i))
			}
		}
		e.scroll.Off = 1e9
		d.checkSizes()
		e.scroll.Show(e.layout(d.g.c).view, e.layout(d.g.c).content, e.whatif.r.Y, e.whatif.r.H)
		d.checkSizes()
		return d, e, out, took
	}
	d1, e1, h1, took := analyse()
	_, _, h2, _ := analyse()
	t.Logf("what-if of %d decisions, %d runs per option: %v in the game (task %v)", len(e1.whatif.kds), e1.whatif.res.Runs, took, e1.whatif.took)
	if strings.Join(h1, "\n") != strings.Join(h2, "\n") {
		t.Errorf("the what-if differs between two games:\n%s\n---\n%s", strings.Join(h1, "\n"), strings.Join(h2, "\n"))
	}
	if e1.whatif.res.Runs != whatIfRuns {
		t.Errorf("runs per option %d, want %d", e1.whatif.res.Runs, whatIfRuns)
	}
	// Leaving stops the work; coming back to the same run is instant.
	d := newDriver(t, Config{})
	a := d.g.c
	if err := playTo(a, withLadder, func(r *sim.Run) bool { return r.Done() }); err != nil {
		t.Fatal(err)
	}
	e := newEnding(a)
	d.show(e)
	d.waitFor("the ending's work", time.Minute, func() bool { return e.decisions != nil })
	d.step(kit.Input{Back: true})
	if !e.whatif.job.wait(10 * time.Second) {
		t.Fatal("the what-if did not stop when the player left")
	}
	// Back to the first ending: its what-if is there at once; its button
	// goes to the compare screen and back.
	e3 := newEnding(d1.g.c)
	d1.show(e3)
	d1.step(kit.Input{})
	if e3.whatif.job != nil || e3.whatif.res == nil {
		t.Error("coming back to an ending analysed the run again")
	}
	d1.step(kit.Input{Runes: []rune{'p'}})
	if _, ok := d1.g.screen.(*compareScreen); !ok {
		t.Fatalf("P on the ending: have %T", d1.g.screen)
	}
	d1.step(kit.Input{Back: true})
	if d1.g.screen != Screen(e3) {
		t.Fatalf("Esc from compare: have %T, want the ending", d1.g.screen)
	}
}

// TestExportImport exports the history from the compare screen, imports
// the JSON into another game by dropping it, then again (nothing added),
// and the CSV by its path on the import screen.
func TestExportImport(t *testing.T) {
	dir := t.TempDir()
	st, err := storage.NewDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	d, n := historyDriver(t, st)
	d.openCompare()
	d.step(kit.Input{Runes: []rune{'e'}})
	if d.g.toast.Bad || !strings.Contains(d.g.toast.Msg, "exports") {
		t.Fatalf("export says %q", d.g.toast.Msg)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "exports", "runwayladder-history-*"))
	var jsonFile, csvFile string
	for _, f := range files {
		switch filepath.Ext(f) {
		case ".json":
			jsonFile = f
		case ".csv":
			csvFile = f
		}
	}
	if jsonFile == "" || csvFile == "" {
		t.Fatalf("exported files: %v", files)
	}
	data, err := os.ReadFile(jsonFile)
	if err != nil {
		t.Fatal(err)
	}

	store2 := storage.NewMemory()
	d2 := newDriver(t, Config{Store: store2})
	drop := []kit.DroppedFile{{Name: filepath.Base(jsonFile), Data: data}}
	d2.step(kit.Input{Dropped: drop})
	d2.settleImports()
	if !strings.Contains(d2.g.toast.Msg, "runs added") || !strings.Contains(d2.g.toast.Msg, strconv.Itoa(n)+" runs added") {
		t.Fatalf("import says %q", d2.g.toast.Msg)
	}
	if got := len(d2.g.c.records()); got != n {
		t.Fatalf("%d runs after the import, want %d", got, n)
	}
	if errs, _ := d2.g.c.lib.problems(); len(errs) != 0 {
		t.Errorf("the history file was read as a scenario: %v", errs)
	}
	cp2 := d2.openCompare()
	d2.step(kit.Input{Dropped: drop})
	d2.settleImports()
	if !strings.Contains(d2.g.toast.Msg, "0 runs added, "+strconv.Itoa(n)+" already in your history") {
		t.Errorf("the second import says %q", d2.g.toast.Msg)
	}
	if got := len(d2.g.c.records()); got != n {
		t.Fatalf("%d runs after importing twice, want %d", got, n)
	}
	if cp2.n != n {
		t.Errorf("the compare screen shows %d runs", cp2.n)
	}
	// The CSV, by its path on the import screen: nothing new either.
	d2.step(kit.Input{Runes: []rune{'i'}})
	is, ok := d2.g.screen.(*importScreen)
	if !ok {
		t.Fatalf("I on compare: have %T", d2.g.screen)
	}
	d2.checkSizes()
	d2.step(kit.Input{Runes: []rune(csvFile)})
	d2.step(kit.Input{Confirm: true})
	d2.settleImports()
	if is.path.Err != "" || d2.g.c.hist.lastImport == nil || d2.g.c.hist.lastImport.added != 0 || d2.g.c.hist.lastImport.dup != n {
		t.Fatalf("CSV import: err %q, result %+v", is.path.Err, d2.g.c.hist.lastImport)
	}
	d2.checkSizes()

	// The CSV into an empty history: every run, titles filled in again.
	d3 := newDriver(t, Config{})
	csvData, _ := os.ReadFile(csvFile)
	d3.step(kit.Input{Dropped: []kit.DroppedFile{{Name: "h.csv", Data: csvData}}})
	d3.settleImports()
	recs := d3.g.c.records()
	if len(recs) != n || recs[0].Timeline == nil {
		t.Fatalf("CSV import into an empty history: %d runs (timeline %v)", len(recs), len(recs) > 0 && recs[0].Timeline != nil)
	}
	// A file that is not history is refused with a reason.
	d3.step(kit.Input{Dropped: []kit.DroppedFile{{Name: "notes.csv", Data: []byte("a,b\n1,2\n")}}})
	d3.settleImports()
	if !d3.g.toast.Bad || !strings.Contains(d3.g.toast.Msg, "notes.csv") {
		t.Errorf("a CSV that is not history: %q", d3.g.toast.Msg)
	}
}

// TestDamagedHistory starts over a history file with a garbage line and a
// record cut off by a crash: the title reports it on its problems panel,
// every good record stays, and the compare screen shows them.
func TestDamagedHistory(t *testing.T) {
	store := storage.NewMemory()
	probe := newDriver(t, Config{})
	recs, err := demoHistory(probe.g.c)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	for i, r := range recs[:10] {
		line, err := history.EncodeLine(r)
		if err != nil {
			t.Fatal(err)
		}
		if i == 4 {
			buf.WriteString("this line is not a record\n")
		}
		buf.Write(line)
	}
	last, _ := history.EncodeLine(recs[10])
	buf.Write(last[:len(last)/2]) // killed mid-write
	if err := store.Write(history.FileName, buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, Config{Store: store})
	a := d.g.c
	if !strings.Contains(a.hist.problem, "could not be read") || !strings.Contains(a.hist.problem, "10 runs are kept") {
		t.Fatalf("history problem %q", a.hist.problem)
	}
	ts := d.g.screen.(*titleScreen)
	if !ts.hasPanel(d.g.c) {
		t.Fatal("the title shows no problems panel")
	}
	d.checkSizes()
	if got := len(a.records()); got != 10 {
		t.Fatalf("%d good records, want 10", got)
	}
	cp := d.openCompare()
	if cp.n != 10 {
		t.Errorf("the compare screen shows %d runs", cp.n)
	}
	// A run finished after the repair is appended to the clean file.
	d2 := newDriver(t, Config{Store: store})
	if d2.g.c.hist.problem != "" {
		t.Errorf("the repaired history is reported again: %q", d2.g.c.hist.problem)
	}
	if got := len(d2.g.c.records()); got != 10 {
		t.Errorf("%d records after a restart", got)
	}
}

// TestCompareEveryPath fills history with runs of every bundled scenario
// (two corporate paths share a track): more rows than fit, scrolled by
// keys and wheel, in both palettes; a run of another content version is
// explained rather than replayed.
func TestCompareEveryPath(t *testing.T) {
	probe := newDriver(t, Config{})
	recs, err := history.BotHistory(compiled(t, probe.g.c.lib), "random", 12, 3, time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	store := storage.NewMemory()
	if _, _, err := history.Open(store).Merge(recs); err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, Config{Store: store})
	cp := d.openCompare()
	if len(cp.paths) != len(probe.g.c.lib.all) {
		t.Fatalf("%d paths, want %d", len(cp.paths), len(probe.g.c.lib.all))
	}
	for i := 1; i < len(cp.paths); i++ {
		if history.TrackRank(cp.paths[i-1].Track) > history.TrackRank(cp.paths[i].Track) {
			t.Errorf("path %s before %s", cp.paths[i-1].Key, cp.paths[i].Key)
		}
	}
	d.waitFor("baselines", time.Minute, cp.baselinesDone)
	d.checkSizes()
	for i := 0; i < len(cp.paths); i++ {
		d.step(kit.Input{Down: true})
	}
	if !cp.onButtons {
		t.Error("Down past the last path does not reach the buttons")
	}
	d.checkSizes()
	d.step(kit.Input{Up: true})
	if cp.row != len(cp.paths)-1 || cp.scroll.Off == 0 {
		t.Errorf("the last path is not scrolled into view (row %d, offset %v)", cp.row, cp.scroll.Off)
	}
	l := cp.layout(d.g.c)
	d.step(kit.Input{Cursor: kit.Point{X: l.view.X + 10, Y: l.view.Y + 10}, Moved: true, Wheel: 5})
	if cp.scroll.Off != 0 {
		t.Errorf("the wheel did not scroll back up: offset %v", cp.scroll.Off)
	}
	d.g.c.settings.HighContrast = true
	d.checkSizes()
	d.g.c.settings.HighContrast = false
	// The author drops a new version of the startup path: its runs in
	// history were played on the old one, and say so.
	src, err := fs.ReadFile(scenarios.FS, "startup_engineer.toml")
	if err != nil {
		t.Fatal(err)
	}
	sc, _ := d.g.c.lib.find("startup_engineer")
	newer := strings.Replace(string(src), fmt.Sprintf("\nversion = %d\n", sc.Version), "\nversion = 99\n", 1)
	d.step(kit.Input{Dropped: []kit.DroppedFile{{Name: "startup_engineer.toml", Data: []byte(newer)}}})
	if sc, _ := d.g.c.lib.find("startup_engineer"); sc.Version != 99 {
		t.Fatalf("the dropped version did not load: %v", sc.Version)
	}
	cp.row, cp.sel, cp.onButtons = 0, 0, false
	d.step(kit.Input{Confirm: true})
	if d.g.screen != Screen(cp) || !strings.Contains(d.g.toast.Msg, "version 99 is installed") {
		t.Errorf("opening a run of another version: %T, %q", d.g.screen, d.g.toast.Msg)
	}
}
