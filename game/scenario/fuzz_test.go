package scenario_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
	"runwayladder/scenarios"
)

// FuzzParse feeds the loader any bytes: it must never panic, must explain
// every refusal with a positioned error in the file it read, and a scenario
// it accepts must play to an ending with the random bot.
func FuzzParse(f *testing.F) {
	for _, pattern := range []string{"testdata/*.toml", "testdata/broken/*.toml", "../sim/testdata/mini.toml"} {
		files, _ := filepath.Glob(pattern)
		for _, name := range files {
			if data, err := os.ReadFile(name); err == nil {
				f.Add(data)
			}
		}
	}
	entries, _ := scenarios.FS.ReadDir(".")
	for _, e := range entries {
		if data, err := scenarios.FS.ReadFile(e.Name()); err == nil && strings.HasSuffix(e.Name(), ".toml") {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sc, errs := scenario.Parse("fuzz.toml", data)
		for _, e := range errs {
			if e.File != "fuzz.toml" || e.Msg == "" {
				t.Fatalf("error without file or message: %#v", e)
			}
		}
		if sc == nil {
			if !errs.HasErrors() {
				t.Fatalf("no scenario and no error: %v", errs)
			}
			return
		}
		if errs.HasErrors() {
			t.Fatalf("a scenario and errors: %v", errs)
		}
		bot, err := sim.NewBot(sc, "random")
		if err != nil {
			t.Fatal(err)
		}
		r := bot.Play(uint64(len(data)), sim.Options{Record: true})
		if !r.Done() || len(r.State().Steps) > sc.Months {
			t.Fatalf("random run did not end properly: month %d of %d", r.Month(), sc.Months)
		}
		// Play it again through the text mode's path, with reports.
		r2 := sim.New(sc, uint64(len(data)), sim.Options{})
		tr := sim.Transcript{W: io.Discard}
		tr.Intro(r2)
		for _, p := range r.State().Picks() {
			tr.Month(r2)
			rep, err := r2.PickIndexReport(p)
			if err != nil {
				t.Fatalf("replaying the bot's pick: %v", err)
			}
			tr.Report(r2, rep)
		}
		tr.Ending(r2)
		_ = r2.Outcome()
	})
}
