package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// hugeScenario writes the rules' test scenario with its cash starting at
// 1.7e308 (finite, but the sum of two runs is not) into a new folder.
func hugeScenario(t *testing.T) (dir string, sc *scenario.Scenario) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(miniDir, "mini.toml"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(src), "initial = 700_000\nmin = -5_000_000\nmax = 100_000_000", "initial = 1.7e308\nmin = -1.7e308\nmax = 1.7e308", 1)
	text = strings.Replace(text, `id = "mini"`, `id = "huge"`, 1)
	if text == string(src) {
		t.Fatal("mini.toml changed: the test cannot make its cash huge")
	}
	dir = t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "huge.toml"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	scs, errs := scenario.LoadPaths([]string{dir})
	if len(errs) > 0 || len(scs) != 1 {
		t.Fatalf("huge.toml: %v", errs)
	}
	return dir, scs[0]
}

// TestHugeFiniteStatsMakeValidJSON: balance --json and history stats
// --json print valid JSON (no +Inf) when the outcomes are finite but their
// sum is not.
func TestHugeFiniteStatsMakeValidJSON(t *testing.T) {
	dir, sc := hugeScenario(t)
	code, stdout, stderr := careersim(t, "", "balance", "--scenarios", dir, "--scenario", "huge", "--runs", "20", "--json")
	if code != 0 || !json.Valid([]byte(stdout)) {
		t.Fatalf("balance --json: exit %d, %s", code, stderr)
	}
	bot, err := sim.NewBot(sc, "random")
	if err != nil {
		t.Fatal(err)
	}
	args := []string{"history", "add", "--scenarios", dir, "--dir", t.TempDir()}
	hist := args[len(args)-1]
	for seed := uint64(1); seed <= 4; seed++ {
		args = append(args, bot.Play(seed, sim.Options{}).Code())
	}
	if code, _, stderr := careersim(t, "", args...); code != 0 {
		t.Fatalf("history add: exit %d, %s", code, stderr)
	}
	code, stdout, stderr = careersim(t, "", "history", "stats", "--dir", hist, "--json")
	if code != 0 || !json.Valid([]byte(stdout)) || !strings.Contains(stdout, `"mean"`) {
		t.Fatalf("history stats --json: exit %d, %s\n%.500s", code, stderr, stdout)
	}
}
