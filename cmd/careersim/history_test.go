package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"runwayladder/game/history"
	"runwayladder/game/scenario"
	"runwayladder/game/sim"
	"runwayladder/game/storage"
	"runwayladder/scenarios"
)

// botCodes returns codes of finished runs of every bundled scenario.
func botCodes(t *testing.T, perScenario int) []string {
	t.Helper()
	scs, errs := scenario.LoadBundled(scenarios.FS)
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	var codes []string
	for _, sc := range scs {
		bot, err := sim.NewBot(sc, "random")
		if err != nil {
			t.Fatal(err)
		}
		for seed := uint64(1); seed <= uint64(perScenario); seed++ {
			codes = append(codes, bot.Play(seed, sim.Options{}).Code())
		}
	}
	return codes
}

func TestHistoryAddExportImport(t *testing.T) {
	dir, dir2 := t.TempDir(), t.TempDir()
	codes := botCodes(t, 4)
	args := append([]string{"history", "add"}, codes...)
	args = append(args, "--dir", dir, "--session", "ROOM7")
	if code, stdout, stderr := careersim(t, "", args...); code != 0 || !strings.Contains(stdout, fmt.Sprintf("added %d runs", len(codes))) {
		t.Fatalf("history add: exit %d\n%s%s", code, stdout, stderr)
	}
	// Adding the same runs again adds nothing.
	if code, stdout, _ := careersim(t, "", append([]string{"history", "add", "--dir", dir}, codes[:2]...)...); code != 0 || !strings.Contains(stdout, "added 0 runs") || !strings.Contains(stdout, "2 already there") {
		t.Fatalf("history add again: exit %d, %s", code, stdout)
	}
	recs, rep, err := history.Open(mustDir(t, dir)).Load()
	if err != nil || rep.Damaged() || len(recs) != len(codes) {
		t.Fatalf("history holds %d records (%v, %v), want %d", len(recs), rep, err, len(codes))
	}
	for i, r := range recs {
		if r.Code != codes[i] || r.Session != "ROOM7" || r.Timeline == nil {
			t.Fatalf("record %d = %s session %q", i, r.Code, r.Session)
		}
	}

	// CSV to stdout: one row per run, axes as columns.
	code, stdout, stderr := careersim(t, "", "history", "export", "--format", "csv", "--dir", dir)
	if code != 0 {
		t.Fatalf("export csv: exit %d: %s", code, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if err != nil || len(rows) != len(codes)+1 || !reflect.DeepEqual(rows[0], history.CSVColumns) {
		t.Fatalf("export csv: %d rows, %v", len(rows), err)
	}

	// JSON to a file, imported into another history: the FILE --dir order
	// of the brief works.
	file := filepath.Join(t.TempDir(), "runs.json")
	if code, _, stderr := careersim(t, "", "history", "export", "--dir", dir, "--out", file); code != 0 {
		t.Fatalf("export json: exit %d: %s", code, stderr)
	}
	if code, stdout, stderr := careersim(t, "", "history", "import", file, "--dir", dir2); code != 0 || !strings.Contains(stdout, fmt.Sprintf("imported %d runs", len(codes))) {
		t.Fatalf("import: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, stdout, _ := careersim(t, "", "history", "import", "--dir", dir2, file); code != 0 || !strings.Contains(stdout, "imported 0 runs") {
		t.Fatalf("second import: exit %d, %s", code, stdout)
	}
	got, _, _ := history.Open(mustDir(t, dir2)).Load()
	if !reflect.DeepEqual(got, recs) {
		t.Fatal("the imported history differs from the exported one")
	}

	// CSV from stdin, with a bad row: the good rows are imported, the bad
	// one reported by line, and the exit code says so.
	var b strings.Builder
	_ = history.ExportCSV(&b, recs[:3])
	lines := strings.Split(b.String(), "\n")
	lines[2] = "not,a,run"
	dir3 := t.TempDir()
	code, stdout, stderr = careersim(t, strings.Join(lines, "\n"), "history", "import", "-", "--dir", dir3)
	if code != 1 || !strings.Contains(stdout, "imported 2 runs") || !strings.Contains(stderr, "-:3: ") {
		t.Fatalf("import with a bad row: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, _, stderr := careersim(t, "hello", "history", "import", "-", "--dir", dir3); code != 1 || !strings.Contains(stderr, "lacks the columns") {
		t.Fatalf("import of nonsense: exit %d, %s", code, stderr)
	}
}

func mustDir(t *testing.T, dir string) *storage.Dir {
	t.Helper()
	d, err := storage.NewDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestHistoryStats(t *testing.T) {
	dir := t.TempDir()
	codes := botCodes(t, 3)
	if code, _, stderr := careersim(t, "", append([]string{"history", "add", "--dir", dir}, codes...)...); code != 0 {
		t.Fatalf("add: %s", stderr)
	}
	code, stdout, stderr := careersim(t, "", "history", "stats", "--dir", dir, "--baseline", "--runs", "20", "--json")
	if code != 0 {
		t.Fatalf("stats: exit %d: %s", code, stderr)
	}
	var groups []statsJSON
	if err := json.Unmarshal([]byte(stdout), &groups); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, g := range groups {
		n += g.Summary.Count
		if len(g.Baselines) != len(history.BaselineBots) || g.Baselines["typical"].Count != 20 || g.Best == "" {
			t.Errorf("group %s: baselines %v, best %q", g.Key, g.Baselines, g.Best)
		}
	}
	if n != len(codes) {
		t.Fatalf("groups hold %d runs, want %d", n, len(codes))
	}
	cached, _ := filepath.Glob(filepath.Join(dir, "baseline-*.json"))
	if len(cached) != 2*len(groups) {
		t.Errorf("%d cached baselines, want %d", len(cached), 2*len(groups))
	}
	// Text, by track.
	code, stdout, _ = careersim(t, "", "history", "stats", "--dir", dir, "--by", "track")
	if code != 0 || !strings.Contains(stdout, "median") || !strings.Contains(stdout, "best run:") {
		t.Fatalf("stats by track: exit %d\n%s", code, stdout)
	}
	// A damaged history is reported, repaired, and still summarised.
	f, _ := os.OpenFile(filepath.Join(dir, history.FileName), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("{\"v\":1,\"code\":\"cut off")
	f.Close()
	code, stdout, stderr = careersim(t, "", "history", "stats", "--dir", dir)
	if code != 0 || !strings.Contains(stderr, "could not be read") || !strings.Contains(stdout, "runs in") {
		t.Fatalf("stats of a damaged history: exit %d\n%s%s", code, stdout, stderr)
	}
}

func TestHistoryWhatIf(t *testing.T) {
	codes := botCodes(t, 1)
	code, stdout, stderr := careersim(t, "", "history", "whatif", codes[0], "--runs", "12", "--top", "2")
	if code != 0 || !strings.Contains(stdout, "Month ") || !strings.Contains(stdout, "Had you picked") {
		t.Fatalf("whatif: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, _ = careersim(t, "", "history", "whatif", "--json", "--runs", "5", codes[0])
	var an struct {
		Decisions []struct {
			Options []struct {
				Summary history.Summary `json:"summary"`
			} `json:"options"`
		} `json:"decisions"`
	}
	if code != 0 || json.Unmarshal([]byte(stdout), &an) != nil || len(an.Decisions) == 0 || an.Decisions[0].Options[0].Summary.Count != 5 {
		t.Fatalf("whatif --json: exit %d\n%s", code, stdout)
	}
}

func TestHistoryUsage(t *testing.T) {
	for _, args := range [][]string{
		{"history"},
		{"history", "frobnicate"},
		{"history", "export", "--format", "xml"},
		{"history", "import"},
		{"history", "stats", "--by", "colour"},
		{"history", "stats", "--by", "track", "--baseline"},
		{"history", "add"},
		{"history", "whatif"},
	} {
		if code, _, _ := careersim(t, "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if code, stdout, _ := careersim(t, "", "history", "help"); code != 0 || !strings.Contains(stdout, "careersim history COMMAND") {
		t.Errorf("history help: exit %d", code)
	}
	if code, _, stderr := careersim(t, "", "history", "add", "--dir", t.TempDir(), "startup_engineer.1.XXXX"); code != 1 || stderr == "" {
		t.Errorf("add with a bad code: exit %d", code)
	}
	if code, _, stderr := careersim(t, "", "history", "whatif", "nosuch.1.0000000"); code != 1 || stderr == "" {
		t.Errorf("whatif with a bad code: exit %d", code)
	}
}
