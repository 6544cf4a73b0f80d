package scenario_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"runwayladder/game/scenario"
	"runwayladder/scenarios"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// errLine is how every line of a validate listing must start: the file, a
// line and a column.
var errLine = regexp.MustCompile(`^(testdata/broken/[a-z_/]+\.toml):(\d+):(\d+): (warning: )?\S`)

// mustSay lists, per broken file, words its listing must hold whatever the
// golden says, so a careless -update cannot bless a worse message.
var mustSay = map[string][]string{
	"bad_format":            {"format 3", "reads formats 1 and 2"},
	"dangling_follow_up":    {"unknown event `wrok`", `did you mean "work"?`},
	"deep_nesting":          {"nest 21 levels deep", "limit is 16"},
	"derived_effect":        {"`rich` is a derived stat"},
	"dup_ids":               {`scenario id "twin"`, "dup_ids/a.toml", "not loaded"},
	"unknown_refs":          {"unknown event `payday` (valid: work)", "unknown ending `brok` (did you mean \"broke\"? valid: broke, done)"},
	"shadowed_ending":       {"ending `rich` can never be reached: the earlier ending `done` (at_end = true and no `when`)", "move [endings.done] after [endings.rich]", "ending `burnout` can never be reached: the earlier ending `always` (`when = true`)"},
	"negative_weight":       {"event `work` has a negative weight, -2", "event `lull` has weight 0"},
	"not_a_number":          {"money is a number; write money == 0"},
	"chance_sum":            {"add up to 1.2, more than 1", "line 41: 0.5, line 45: 0.7"},
	"expr_type":             {"ending `broke`", "derived stat `rich`"},
	"no_fallback_ending":    {"at_end = true and no `when`"},
	"quotas":                {"add up to 0.8", "must add up to 1"},
	"several":               {"`version`", "unknown unit `cash`", "unknown name `bonus`", "unknown ending category `fail`", `did you mean "failed"?`, "`at_end` should be true or false", "unknown key `luck`"},
	"syntax":                {"TOML syntax"},
	"unknown_key":           {"unknown key `hiden`", `did you mean "hidden"?`, "unknown key `wieght`", `did you mean "weight"?`, "unknown key `colour`"},
	"unknown_source":        {"unknown source key `vc-retrun`", `did you mean "vc-return"?`, "unknown source key `nosuchkey`", "free text"},
	"unknown_stat":          {"unknown name `mony`", `did you mean "money"?`},
	"unknown_unit":          {"unknown unit `mony`", `did you mean "money"?`, "unknown unit `dollars`"},
	"unscheduled_follow_up": {"event `payoff` only fires as a follow-up"},
	"when_without_blocked":  {"no `blocked` reason"},
	"wrong_type":            {"`months` should be a whole number, not text", "`initial` should be a number, not text", "`title` should be text in quotes"},
}

// TestBrokenGolden loads every file (and folder, a set of files) in
// testdata/broken as `careersim validate PATH` does and compares the
// listing with its golden file. Every line must name the file, a line that
// exists in it and a column; errors come in line order.
func TestBrokenGolden(t *testing.T) {
	entries, err := os.ReadDir("testdata/broken")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() && !strings.HasSuffix(name, ".toml") {
			continue
		}
		id := strings.TrimSuffix(name, ".toml")
		seen[id] = true
		t.Run(id, func(t *testing.T) {
			path := "testdata/broken/" + name
			scs, errs := scenario.LoadPaths([]string{path})
			if !errs.HasErrors() {
				t.Fatalf("%s loads without errors; it should not", path)
			}
			if e.IsDir() {
				// A set with a duplicate id loads the first file only.
				if len(scs) != 1 || !strings.HasSuffix(scs[0].File, "a.toml") {
					t.Errorf("%s: %d scenarios loaded, want a.toml alone", path, len(scs))
				}
			} else if len(scs) != 0 {
				t.Errorf("%s: a broken file gave a scenario", path)
			}
			got := errs.Error() + "\n"
			checkListing(t, got)
			for _, want := range mustSay[id] {
				if !strings.Contains(got, want) {
					t.Errorf("%s: listing does not say %q:\n%s", path, want, got)
				}
			}
			golden(t, "testdata/broken/"+id+".golden", got)
		})
	}
	for id := range mustSay {
		if !seen[id] {
			t.Errorf("testdata/broken/%s.toml is missing", id)
		}
	}
}

// checkListing asserts that every line names a file and a line that exists
// in it, and that each file's lines come in line order.
func checkListing(t *testing.T, listing string) {
	t.Helper()
	last := map[string]int{}
	for _, line := range strings.Split(strings.TrimSuffix(listing, "\n"), "\n") {
		m := errLine.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("line does not start with file:line:col: %q", line)
			continue
		}
		n, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		data, err := os.ReadFile(m[1])
		if err != nil {
			t.Errorf("line names a file that cannot be read: %v", err)
			continue
		}
		lines := strings.Split(string(data), "\n")
		if n < 1 || n > len(lines) {
			t.Errorf("line %d does not exist in %s (%d lines): %q", n, m[1], len(lines), line)
		} else if col < 1 || col > len([]rune(lines[n-1]))+1 {
			t.Errorf("column %d is past the end of line %d of %s: %q", col, n, m[1], line)
		}
		if n < last[m[1]] {
			t.Errorf("errors are not in line order: %q after line %d", line, last[m[1]])
		}
		last[m[1]] = n
	}
}

// golden compares got with a golden file, or rewrites it with -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./game/scenario -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run go test ./game/scenario -update if the change is right):\n--- got\n%s--- want\n%s", path, got, want)
	}
}

// baseScenario is a small valid file for tests that break one thing.
func baseScenario(id string) string {
	data, err := os.ReadFile("testdata/valid.toml")
	if err != nil {
		panic(err)
	}
	return strings.Replace(string(data), `id = "valid"`, fmt.Sprintf("id = %q", id), 1)
}

func TestValidBaseLoads(t *testing.T) {
	sc, errs := scenario.Parse("valid.toml", []byte(baseScenario("valid")))
	if sc == nil || len(errs) > 0 {
		t.Fatalf("testdata/valid.toml does not load cleanly:\n%v", errs)
	}
}

// TestOversizedFile refuses a file over the size limit, through Parse and
// through LoadPaths (which must not read it whole), naming file and line.
func TestOversizedFile(t *testing.T) {
	var b bytes.Buffer
	b.WriteString(baseScenario("big"))
	for b.Len() <= scenario.MaxFileSize {
		b.WriteString("# padding padding padding padding padding padding padding padding padding\n")
	}
	sc, errs := scenario.Parse("big.toml", b.Bytes())
	if sc != nil || len(errs) != 1 || !strings.Contains(errs[0].Msg, "limit") {
		t.Fatalf("Parse of a %d-byte file: %v, %v; want one size error", b.Len(), sc, errs)
	}
	all := scenario.Errors{errs[0]}
	dir := t.TempDir()
	path := filepath.Join(dir, "big.toml")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, dir} {
		scs, errs := scenario.LoadPaths([]string{p})
		if len(scs) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Msg, "limit") {
			t.Fatalf("LoadPaths(%s): %d scenarios, %v; want one size error", p, len(scs), errs)
		}
		if !strings.HasPrefix(errs[0].Error(), path+":") {
			t.Errorf("error does not name the file: %q", errs[0].Error())
		}
		all = append(all, errs[0])
	}
	// Every error names a line, even one about the whole file.
	for _, e := range all {
		if e.Pos.Line < 1 {
			t.Errorf("the size error names no line: %q", e.Error())
		}
	}
}

// TestManyErrorsAndCounts refuses absurd counts with a message.
func TestManyErrorsAndCounts(t *testing.T) {
	var b strings.Builder
	b.WriteString(baseScenario("many_events"))
	for i := 0; i <= scenario.MaxEvents; i++ {
		fmt.Fprintf(&b, "\n[events.e%d]\ntitle = \"E\"\ntext = \"E\"\n[[events.e%d.choices]]\nlabel = \"A\"\ntext = \"A\"\neffects = { money = 1 }\n[[events.e%d.choices]]\nlabel = \"B\"\ntext = \"B\"\neffects = { money = 2 }\n", i, i, i)
	}
	sc, errs := scenario.Parse("many.toml", []byte(b.String()))
	if sc != nil || !strings.Contains(errs.Error(), fmt.Sprintf("the limit is %d", scenario.MaxEvents)) {
		t.Fatalf("a file with %d events loads or is not refused for its count: %v", scenario.MaxEvents+1, errs)
	}
}

// TestBundledLoad checks that every *.toml of the bundled set loads
// cleanly, one scenario per file, with unique ids.
func TestBundledLoad(t *testing.T) {
	scs, errs := scenario.LoadBundled(scenarios.FS)
	if errs.HasErrors() {
		t.Fatalf("bundled scenarios have errors:\n%v", errs)
	}
	for _, w := range errs.Warnings() {
		t.Logf("bundled warning: %v", w)
	}
	files, err := filepath.Glob("../../scenarios/*.toml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no bundled files found: %v", err)
	}
	entries, _ := scenarios.FS.ReadDir(".")
	n := 0
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".toml") {
			n++
			data, _ := scenarios.FS.ReadFile(e.Name())
			if sc, errs := scenario.Parse(e.Name(), data); sc == nil {
				t.Errorf("%s: %v", e.Name(), errs)
			}
		}
	}
	if len(scs) != n {
		t.Errorf("%d bundled files gave %d scenarios", n, len(scs))
	}
	ids := map[string]bool{}
	for _, sc := range scs {
		if ids[sc.ID] {
			t.Errorf("bundled id %q is used twice", sc.ID)
		}
		ids[sc.ID] = true
		if !sc.Bundled || !strings.HasPrefix(sc.File, "bundled/") {
			t.Errorf("%s: Bundled=%v File=%q", sc.ID, sc.Bundled, sc.File)
		}
	}
}

// TestMerge: a user scenario with a bundled id replaces it in place; new
// ones come after.
func TestMerge(t *testing.T) {
	mk := func(id, title string) *scenario.Scenario {
		src := strings.Replace(baseScenario(id), `title = "Valid"`, fmt.Sprintf("title = %q", title), 1)
		sc, errs := scenario.Parse(id+".toml", []byte(src))
		if sc == nil {
			t.Fatal(errs)
		}
		return sc
	}
	bundled := []*scenario.Scenario{mk("a", "A"), mk("b", "B")}
	user := []*scenario.Scenario{mk("c", "C"), mk("a", "A2")}
	got := scenario.Merge(bundled, user)
	var titles []string
	for _, sc := range got {
		titles = append(titles, sc.ID+"="+sc.Title)
	}
	if want := "a=A2 b=B c=C"; strings.Join(titles, " ") != want {
		t.Errorf("Merge = %v, want %s", titles, want)
	}
	if sc, ok := scenario.Find(got, "b"); !ok || sc.Title != "B" {
		t.Errorf("Find(b) = %v, %v", sc, ok)
	}
	if _, ok := scenario.Find(got, "zz"); ok {
		t.Error("Find(zz) found something")
	}
}

// TestLoadPathsMissing reports a path that does not exist, naming it.
func TestLoadPathsMissing(t *testing.T) {
	scs, errs := scenario.LoadPaths([]string{"testdata/no_such_file.toml"})
	if len(scs) != 0 || len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), "testdata/no_such_file.toml") {
		t.Fatalf("LoadPaths(missing) = %v, %v", scs, errs)
	}
}
