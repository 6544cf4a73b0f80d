package main

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
	"runwayladder/scenarios"
)

// miniDir holds testdata/mini.toml of the rules' tests, as a user folder.
const miniDir = "../../game/sim/testdata"

// careersim runs the tool in-process and returns its exit code and output.
func careersim(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsageAndUnknownCommand(t *testing.T) {
	if code, _, stderr := careersim(t, ""); code != 2 || !strings.Contains(stderr, "Usage:") {
		t.Errorf("no arguments: exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr := careersim(t, "", "frobnicate"); code != 2 || !strings.Contains(stderr, `unknown command "frobnicate"`) {
		t.Errorf("unknown command: exit %d, stderr %q", code, stderr)
	}
	if code, stdout, _ := careersim(t, "", "help"); code != 0 || !strings.Contains(stdout, "careersim validate") {
		t.Errorf("help: exit %d", code)
	}
}

func TestValidateBundled(t *testing.T) {
	code, stdout, stderr := careersim(t, "", "validate")
	if code != 0 {
		t.Fatalf("validate of the bundled set: exit %d\n%s%s", code, stdout, stderr)
	}
	entries, _ := scenarios.FS.ReadDir(".")
	n := 0
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".toml") {
			n++
			if !strings.Contains(stdout, "ok   bundled/"+e.Name()+" (") {
				t.Errorf("validate does not report bundled/%s as ok:\n%s", e.Name(), stdout)
			}
		}
	}
	if n == 0 {
		t.Fatal("no bundled scenarios")
	}
}

func TestValidateMini(t *testing.T) {
	code, stdout, _ := careersim(t, "", "validate", miniDir+"/mini.toml")
	if code != 0 || !strings.Contains(stdout, "ok   "+miniDir+"/mini.toml (mini)") || strings.Contains(stdout, "warning") {
		t.Errorf("validate mini.toml: exit %d\n%s", code, stdout)
	}
}

// TestValidateBrokenFolder validates the folder of broken files: exit 1,
// and every line but the summary names the file, line and column.
func TestValidateBrokenFolder(t *testing.T) {
	dir := "../../game/scenario/testdata/broken"
	code, stdout, _ := careersim(t, "", "validate", "-q", dir)
	if code != 1 {
		t.Fatalf("exit %d, want 1:\n%s", code, stdout)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) < 18 {
		t.Fatalf("only %d lines for the broken folder:\n%s", len(lines), stdout)
	}
	pos := regexp.MustCompile(`^` + regexp.QuoteMeta(dir) + `/[a-z_]+\.toml:[1-9][0-9]*:[1-9][0-9]*: \S`)
	for _, l := range lines[:len(lines)-1] {
		if !pos.MatchString(l) {
			t.Errorf("line does not name file:line:col: %q", l)
		}
	}
	if sum := lines[len(lines)-1]; !regexp.MustCompile(`^\d+ error\(s\), \d+ warning\(s\)$`).MatchString(sum) {
		t.Errorf("last line is not the summary: %q", sum)
	}
}

func TestValidateDuplicateIDs(t *testing.T) {
	code, stdout, _ := careersim(t, "", "validate", "../../game/scenario/testdata/broken/dup_ids")
	if code != 1 || !strings.Contains(stdout, `scenario id "twin" is already used by`) {
		t.Errorf("duplicate ids: exit %d\n%s", code, stdout)
	}
}

// TestPlayPipedAndReplay drives the text mode through a pipe to an ending
// (mini.toml, seed 2: the recruiter's offer ends the run in month 6), then
// replays the run code it prints.
func TestPlayPipedAndReplay(t *testing.T) {
	code, stdout, stderr := careersim(t, "x\n9\n1\n2\n2\n1\n2\n2\n", "play", "--scenarios", miniDir, "--scenario", "mini", "--seed", "2")
	if code != 0 {
		t.Fatalf("play: exit %d\n%s", code, stderr)
	}
	for _, want := range []string{"Mini Lab", "== Month 1 of 30 ==", "Please type a number from 1 to", "== Ending: You took the steady job (survived) ==", "Run code: mini."} {
		if !strings.Contains(stdout, want) {
			t.Errorf("play output lacks %q:\n%s", want, stdout)
		}
	}
	m := regexp.MustCompile(`Run code: (\S+)`).FindStringSubmatch(stdout)
	if m == nil {
		t.Fatal("no run code")
	}
	code, replay, stderr := careersim(t, "", "replay", "--scenarios", miniDir, m[1])
	if code != 0 {
		t.Fatalf("replay %s: exit %d\n%s", m[1], code, stderr)
	}
	if !strings.Contains(replay, "== Ending: You took the steady job (survived) ==") || !strings.Contains(replay, "Run code: "+m[1]) {
		t.Errorf("replay does not reach the same ending and code:\n%s", replay)
	}
	// The months read the same in both.
	month := func(s string) string {
		i := strings.Index(s, "== Month 3 of 30 ==")
		j := strings.Index(s, "== Month 4 of 30 ==")
		if i < 0 || j < i {
			return ""
		}
		return s[i:j]
	}
	if a, b := month(stdout), month(replay); a == "" || !strings.Contains(stripPrompts(a), strings.SplitN(b, "\n>", 2)[0]) {
		t.Errorf("month 3 differs between play and replay:\n%s\n---\n%s", a, b)
	}
}

func stripPrompts(s string) string {
	return regexp.MustCompile(`Your choice \(1-\d\): `).ReplaceAllString(s, "")
}

// TestPlayQuitAndEOF: quitting or closing the input stops the game with
// the run code so far.
func TestPlayQuitAndEOF(t *testing.T) {
	for _, stdin := range []string{"1\nq\n", "1\n"} {
		code, stdout, _ := careersim(t, stdin, "play", "--scenarios", miniDir, "--scenario", "mini", "--seed", "5")
		if code != 0 || !strings.Contains(stdout, "Stopped at month 2. Run code so far: mini.") {
			t.Errorf("stdin %q: exit %d\n%s", stdin, code, stdout)
		}
	}
	if code, _, stderr := careersim(t, "", "play", "--scenario", "no_such"); code != 2 || !strings.Contains(stderr, `unknown scenario "no_such"`) {
		t.Errorf("unknown scenario: exit %d, %q", code, stderr)
	}
}

func TestReplayRefuses(t *testing.T) {
	for _, tt := range []struct{ code, want string }{
		{"nonsense", "run code"},
		{"mini.3.H41HWH25MG8H0X4H06RM0VG", "checksum"},
		{"mini.3.H41HWH25MG8H0M4H06RM0VG", "not installed"},
	} {
		code, _, stderr := careersim(t, "", "replay", tt.code)
		if code != 1 || !strings.Contains(stderr, tt.want) {
			t.Errorf("replay %s: exit %d, stderr %q; want 1 and %q", tt.code, code, stderr, tt.want)
		}
	}
	// A code made for another content version of mini.
	c, _ := sim.Code{Scenario: "mini", Version: 99, Seed: 1, Picks: []int{0}}.Encode()
	if code, _, stderr := careersim(t, "", "replay", "--scenarios", miniDir, c); code != 1 || !strings.Contains(stderr, "version 99") {
		t.Errorf("replay of another version: exit %d, %q", code, stderr)
	}
}

func TestSchemaCommand(t *testing.T) {
	code, stdout, _ := careersim(t, "", "schema")
	want, _ := scenario.Schema()
	if code != 0 || stdout != string(want) {
		t.Errorf("careersim schema: exit %d, output differs from scenario.Schema()", code)
	}
}

func TestList(t *testing.T) {
	code, stdout, _ := careersim(t, "", "list", "--scenarios", miniDir)
	if code != 0 || !strings.Contains(stdout, "mini ") || !strings.Contains(stdout, "Mini Lab") {
		t.Errorf("list: exit %d\n%s", code, stdout)
	}
}

// TestBalanceJSON runs a small balance and reads its JSON: decisions per
// second, sample codes that replay, endings that add up to all runs.
func TestBalanceJSON(t *testing.T) {
	code, stdout, stderr := careersim(t, "", "balance", "--scenarios", miniDir, "--scenario", "mini", "--runs", "200", "--bot", "typical", "--json")
	if code != 0 {
		t.Fatalf("balance: exit %d\n%s", code, stderr)
	}
	var rep sim.BalanceReport
	if err := json.Unmarshal([]byte(stdout), &rep); err != nil {
		t.Fatalf("balance --json is not JSON: %v\n%s", err, stdout)
	}
	if rep.DecisionsPerSecond <= 0 || rep.Runs != 200 || len(rep.SampleCodes) == 0 {
		t.Errorf("report: %+v", rep)
	}
	n := 0
	for _, e := range rep.Endings {
		n += e.Count
	}
	if n != 200 {
		t.Errorf("endings count %d runs, want 200", n)
	}
	for _, c := range rep.SampleCodes {
		if code, _, stderr := careersim(t, "", "replay", "-outcome", "--scenarios", miniDir, c); code != 0 {
			t.Errorf("sample code %s does not replay: %s", c, stderr)
		}
	}
	if code, _, stderr := careersim(t, "", "balance", "--scenario", "mini"); code != 2 || !strings.Contains(stderr, "unknown scenario") {
		t.Errorf("balance of a scenario not installed: exit %d, %q", code, stderr)
	}
}

// TestDebriefSkipsHugeLine: a 10 MB line among the pasted codes is skipped
// with its line number; the debrief goes on with the rest, and a code
// pasted twice in another spelling counts once.
func TestDebriefSkipsHugeLine(t *testing.T) {
	scs, errs := scenario.LoadBundled(scenarios.FS)
	if errs.HasErrors() {
		t.Fatal(errs)
	}
	bot, err := sim.NewBot(scs[0], "typical")
	if err != nil {
		t.Fatal(err)
	}
	a, b := bot.Play(1, sim.Options{}).Code(), bot.Play(2, sim.Options{}).Code()
	in := a + "\n" + strings.Repeat("X", 10<<20) + "\n" + b + "\n" + strings.ToLower(b) + "\n"
	code, stdout, stderr := careersim(t, in, "debrief", "--baseline", "0")
	if code != 0 {
		t.Fatalf("debrief: exit %d\n%s", code, stderr)
	}
	for _, want := range []string{"skipped stdin:2 (", "the line is 10485760 bytes", "Debrief of 2 runs (1 repeated code counted once) (1 line skipped)"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("debrief output lacks %q:\n%.2000s", want, stdout)
		}
	}
}
