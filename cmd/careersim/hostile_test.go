package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"runwayladder/game/history"
	"runwayladder/game/scenario"
	"runwayladder/game/sim"
	"runwayladder/scenarios"
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

// evilTitle holds what a hostile scenario or file would put in a title:
// a window-title OSC, a colour CSI, a C1 CSI, a bidi override, a bell and
// a carriage return.
const evilTitle = "Mini \x1b]0;pwned\x07 \x1b[31mRed \u009b2J \u202eevil\u202c\rX"

// unsafeIn returns the first character of out that would act on a
// terminal, or "".
func unsafeIn(out string) string {
	for i, r := range out {
		if scenario.UnsafeRune(r) || r == utf8.RuneError && !strings.HasPrefix(out[i:], "\uFFFD") {
			return fmt.Sprintf("%q at byte %d in %q", r, i, out[max(0, i-40):min(len(out), i+40)])
		}
	}
	return ""
}

// TestPrintedTextIsEscaped runs every command that prints scenario or
// history text on a scenario whose title and file name hold terminal
// controls: nothing the commands print may hold one raw.
func TestPrintedTextIsEscaped(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(miniDir, "mini.toml"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(src), `title = "Mini Lab"`, "title = "+tomlQuote(evilTitle), 1)
	text = strings.Replace(text, `id = "mini"`, `id = "evil"`, 1)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "evil\x1b[2J.toml"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	hist := t.TempDir()
	// A run of the scenario if it loads (the loader may refuse the title);
	// a bundled run otherwise, so the history commands have something.
	scs, _ := scenario.LoadPaths([]string{dir})
	var runCode string
	if len(scs) == 1 {
		bot, _ := sim.NewBot(scs[0], "typical")
		runCode = bot.Play(5, sim.Options{}).Code()
	} else {
		bundled, _ := scenario.LoadBundled(scenarios.FS)
		bot, _ := sim.NewBot(bundled[0], "typical")
		runCode = bot.Play(5, sim.Options{}).Code()
	}
	importFile := filepath.Join(t.TempDir(), "runs\x1b]0;x\x07.csv")
	header := strings.Join(history.CSVColumns, ",")
	row := strings.Repeat(",", len(history.CSVColumns)-1)
	if err := os.WriteFile(importFile, []byte(header+"\n\x1b[31mred,\u202eevil"+row[2:]+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	commands := [][]string{
		{"validate", dir},
		{"list", "--scenarios", dir},
		{"play", "--scenarios", dir, "--scenario", "evil", "--seed", "3"},
		{"replay", "--scenarios", dir, runCode},
		{"replay", "--scenarios", dir, "evil.1.\x1b[2J"},
		{"debrief", "--scenarios", dir, "--baseline", "10"},
		{"history", "add", "--scenarios", dir, "--dir", hist, runCode},
		{"history", "import", importFile, "--dir", hist},
		{"history", "stats", "--dir", hist},
		{"history", "stats", "--dir", hist, "--json"},
	}
	for _, args := range commands {
		stdin := strings.Repeat("1\n", 200)
		if args[0] == "debrief" {
			stdin = runCode + "\n\x1b[31m\u202ebad code\n"
		}
		_, stdout, stderr := careersim(t, stdin, args...)
		if u := unsafeIn(stdout + stderr); u != "" {
			t.Errorf("careersim %s prints %s", strings.Join(args[:1], " "), u)
		}
	}
}

func TestTermWriter(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain\ttext\n", "plain\ttext\n"},
		{"a\x1b[31mb", `a\u001b[31mb`},
		{"\x1b]0;t\x07", `\u001b]0;t\u0007`},
		{"x\u009b2Jy", `x\u009b2Jy`},
		{"\u202eevil\u2066", `\u202eevil\u2066`},
		{"bad \xff byte", `bad \xff byte`},
		{"r\rn", `r\u000dn`},
		{"é ü 日本 🙂", "é ü 日本 🙂"},
		{`{"t":"\u202e"}`, `{"t":"\u202e"}`},
	}
	for _, tt := range tests {
		var b strings.Builder
		w := newTermWriter(&b)
		// Byte by byte: characters cut between writes must come out whole.
		for i := 0; i < len(tt.in); i++ {
			if n, err := w.Write([]byte{tt.in[i]}); n != 1 || err != nil {
				t.Fatalf("Write = %d, %v", n, err)
			}
		}
		w.Flush()
		if b.String() != tt.want {
			t.Errorf("%q printed as %q, want %q", tt.in, b.String(), tt.want)
		}
		var whole strings.Builder
		w = newTermWriter(&whole)
		w.Write([]byte(tt.in))
		w.Flush()
		if whole.String() != tt.want {
			t.Errorf("%q in one write printed as %q, want %q", tt.in, whole.String(), tt.want)
		}
	}
	var j strings.Builder
	w := newTermWriter(&j)
	if err := json.NewEncoder(w).Encode(map[string]string{"t": evilTitle}); err != nil {
		t.Fatal(err)
	}
	var back map[string]string
	if err := json.Unmarshal([]byte(j.String()), &back); err != nil || back["t"] != evilTitle {
		t.Errorf("escaped JSON %s reads back as %q, %v", j.String(), back["t"], err)
	}
}

// tomlQuote writes s as a TOML basic string, every control as \uXXXX.
func tomlQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// bombScenario writes mini.toml with rules that each schedule follow-ups
// every month: rules rules of perRule follow-ups.
func bombScenario(t *testing.T, rules, perRule int) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(miniDir, "mini.toml"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(src), `id = "mini"`, `id = "bomb"`, 1)
	var b strings.Builder
	for r := 0; r < rules; r++ {
		fmt.Fprintf(&b, "\n[[monthly]]\nlabel = \"Bomb %d\"\nfollow_ups = [", r)
		for i := 0; i < perRule; i++ {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(`{ event = "side_project_payoff", after = 1 }`)
		}
		b.WriteString("]\n")
	}
	text = strings.Replace(text, "\n[[monthly]]\n", b.String()+"\n[[monthly]]\n", 1)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "bomb.toml"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestFollowUpBomb: a rule that schedules thousands of follow-ups a month
// is refused by the loader; rules that stay under the per-effect limit but
// together schedule more than a run can show are caught by validate's
// playthroughs, and the rules keep a run's waiting follow-ups (and so its
// save) bounded, so balance finishes.
func TestFollowUpBomb(t *testing.T) {
	code, stdout, _ := careersim(t, "", "validate", bombScenario(t, 1, 3000))
	if code != 1 || !strings.Contains(stdout, "3000 follow-ups in one effect; the limit is 8") {
		t.Errorf("validate of a 3000-follow-up rule: exit %d\n%.1000s", code, stdout)
	}
	dir := bombScenario(t, 12, 8)
	code, stdout, _ = careersim(t, "", "validate", dir)
	if code != 1 || !strings.Contains(stdout, "follow-ups pile up") {
		t.Errorf("validate of rules scheduling 96 follow-ups a month: exit %d\n%.1000s", code, stdout)
	}
	scs, errs := scenario.LoadPaths([]string{dir})
	if len(scs) != 1 {
		t.Fatalf("the bomb does not load: %v", errs)
	}
	bot, _ := sim.NewBot(scs[0], "random")
	r := bot.Play(1, sim.Options{})
	st := r.State()
	if len(st.FollowUps) > scenario.MaxPendingFollowUps || st.FollowUpsDropped == 0 {
		t.Errorf("%d follow-ups waiting, %d dropped", len(st.FollowUps), st.FollowUpsDropped)
	}
	save, err := sim.EncodeState(st)
	if err != nil || len(save) > 64<<10 {
		t.Errorf("the save is %d bytes (%v)", len(save), err)
	}
	if again, err := sim.DecodeState(scs[0], save); err != nil || again.State().FollowUpsDropped != st.FollowUpsDropped {
		t.Errorf("the save does not load back: %v", err)
	}
	if code, _, stderr := careersim(t, "", "balance", "--scenarios", dir, "--scenario", "bomb", "--runs", "200"); code > 1 {
		t.Errorf("balance: exit %d\n%s", code, stderr)
	}
}

// TestUserScenarioWithABundledID: a user scenario with a bundled id and
// the same version is refused (run codes could not tell them apart); with
// another version it replaces the bundled one with a warning, and each
// one's run codes name their version.
func TestUserScenarioWithABundledID(t *testing.T) {
	bundled, _ := scenario.LoadBundled(scenarios.FS)
	sc := bundled[0]
	src, err := scenarios.FS.ReadFile(filepath.Base(sc.File))
	if err != nil {
		t.Fatal(err)
	}
	bot, _ := sim.NewBot(sc, "typical")
	bundledCode := bot.Play(3, sim.Options{}).Code()
	for _, tt := range []struct {
		name    string
		version int
		want    string
		exit    int
	}{
		{"the bundled file itself", sc.Version, "", 0},
		{"same version", sc.Version, "has the id and version of a bundled scenario", 1},
		{"another version", sc.Version + 1, "replaces the bundled", 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			text := strings.Replace(string(src), fmt.Sprintf("\nversion = %d\n", sc.Version), fmt.Sprintf("\nversion = %d\n", tt.version), 1)
			if tt.want == "" {
				// An author validating the repository's copy.
				code, stdout, _ := careersim(t, "", "validate", filepath.Join("../../scenarios", filepath.Base(sc.File)))
				if code != 0 || strings.Contains(stdout, "bundled") {
					t.Errorf("validate of the bundled file: exit %d\n%s", code, stdout)
				}
				return
			}
			text += "\n# a change\n"
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "mine.toml"), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			code, stdout, _ := careersim(t, "", "validate", dir)
			if code != tt.exit || !strings.Contains(stdout, tt.want) {
				t.Errorf("validate: exit %d, want %d and %q:\n%s", code, tt.exit, tt.want, stdout)
			}
			_, _, stderr := careersim(t, "", "list", "--scenarios", dir)
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("list does not say %q:\n%s", tt.want, stderr)
			}
			code, stdout, stderr = careersim(t, "", "replay", "--scenarios", dir, bundledCode)
			if tt.version == sc.Version {
				if code != 0 {
					t.Errorf("the bundled run no longer replays: %s", stderr)
				}
			} else if code == 0 || !strings.Contains(stderr, fmt.Sprintf("made with version %d", sc.Version)) {
				t.Errorf("a bundled run code on the replaced scenario: exit %d, %s", code, stderr)
			}
		})
	}
}

// TestChoiceWithManyOutcomes: a choice may have more than eight outcomes;
// the bots' lookahead kept their odds in an array of eight and panicked
// (balance, baselines and what-if in the game all play bots).
func TestChoiceWithManyOutcomes(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(miniDir, "mini.toml"))
	if err != nil {
		t.Fatal(err)
	}
	anchor := "effects = { visibility = 10, impact = 5 }\nclear = [\"side_project\"]\n"
	var outs strings.Builder
	for k := 0; k < 12; k++ {
		fmt.Fprintf(&outs, "\n[[events.side_project_payoff.choices.outcomes]]\nchance = 0.05\ntext = \"Outcome %d.\"\neffects = { impact = %d }\n", k, k)
	}
	outs.WriteString("\n[[events.side_project_payoff.choices.outcomes]]\ntext = \"The rest.\"\n")
	text := strings.Replace(string(src), anchor, anchor+outs.String(), 1)
	text = strings.Replace(text, `id = "mini"`, `id = "many"`, 1)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "many.toml"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, _ := careersim(t, "", "validate", dir); code != 0 {
		t.Fatalf("validate: exit %d\n%s", code, stdout)
	}
	for _, bot := range []string{"typical", "cautious", "bold"} {
		if code, _, stderr := careersim(t, "", "balance", "--scenarios", dir, "--scenario", "many", "--runs", "300", "--bot", bot); code > 1 {
			t.Errorf("balance --bot %s: exit %d\n%s", bot, code, stderr)
		}
	}
}
