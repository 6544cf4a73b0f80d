package scenario

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// nestBombs are files of some 20,000 nested tables or arrays, 40-120 KB,
// in every way TOML can nest, several behind a string the old pre-check
// misread (a multi-line string ending in four or five quotes, an escaped
// quote in a multi-line string). Each cost the decoder memory quadratic in
// the depth: gigabytes, then "fatal error: out of memory".
func nestBombs(n int) map[string]string {
	inline := strings.Repeat("{b=", n) + "1" + strings.Repeat("}", n)
	arrays := strings.Repeat("[", n) + strings.Repeat("]", n)
	return map[string]string{
		"inline tables after 4 quotes": `a = ["""x"""", ` + inline + "]\n",
		"inline tables after 5 quotes": `a = ["""x""""", ` + inline + "]\n",
		"literal string, 4 quotes":     `a = ['''x'''', ` + inline + "]\n",
		"escaped quote":                `a = ["""x\"""#""", ` + inline + "]\n",
		"arrays after 4 quotes":        `a = ["""x"""", ` + arrays + "]\n",
		"table header":                 "[" + strings.Repeat("a.", n) + "a]\nx = 1\n",
		"array of tables header":       "[[" + strings.Repeat("a.", n) + "a]]\nx = 1\n",
		"dotted key":                   strings.Repeat("a.", n) + "a = 1\n",
		"dotted key in inline table":   "t = { " + strings.Repeat("a.", n) + "a = 1 }\n",
		"many multi-line strings": strings.Repeat("s = \"\"\"x\"\"\"\"\n", 2000) +
			`a = ["""x""""", ` + inline + "]\n",
	}
}

// TestNestingBombsAreRefusedCheaply parses each bomb and measures what it
// allocated (runtime.MemStats): each must be refused for its nesting with
// a few MB at most.
func TestNestingBombsAreRefusedCheaply(t *testing.T) {
	for name, src := range nestBombs(20_000) {
		t.Run(name, func(t *testing.T) {
			if len(src) < 40_000 || len(src) > 130_000 {
				t.Fatalf("the bomb is %d bytes", len(src))
			}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			sc, errs := Parse("bomb.toml", []byte(src))
			runtime.ReadMemStats(&after)
			if sc != nil || !strings.Contains(errs.Error(), "levels deep; the limit is") {
				t.Fatalf("a %d-byte bomb was not refused for its depth: %v", len(src), errs)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
				t.Errorf("refusing a %d-byte bomb allocated %d MB", len(src), alloc>>20)
			}
		})
	}
}

// treeDepth counts the containers on the deepest path of a decoded tree.
func treeDepth(v any) int {
	d := 0
	switch x := v.(type) {
	case map[string]any:
		for _, e := range x {
			d = max(d, treeDepth(e))
		}
		return d + 1
	case []map[string]any:
		for _, e := range x {
			d = max(d, treeDepth(e))
		}
		return d + 1
	case []any:
		for _, e := range x {
			d = max(d, treeDepth(e))
		}
		return d + 1
	}
	return 0
}

// FuzzNestingDepth checks the pre-check against the decoder itself: for
// any text the decoder reads, nestingDepth is at least the depth of what
// it built, so no form of TOML can slip nesting past it.
func FuzzNestingDepth(f *testing.F) {
	for _, src := range nestBombs(3) {
		f.Add(src)
	}
	for _, src := range []string{"a = 1", "[a.b]\nc.d = [1, {e = [2]}]", "[[x]]\n[[x.y]]\nz = 'q'", "s = '''a''''\nt = [\"\"\"b\\\"\"\"\"\"\"]"} {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 4096 {
			return
		}
		got, _ := nestingDepth(src)
		var raw map[string]any
		if _, err := toml.Decode(src, &raw); err != nil {
			return
		}
		// The root table is not nesting.
		if want := treeDepth(raw) - 1; got < want {
			t.Fatalf("nestingDepth = %d, but the decoder built %d levels from\n%s", got, want, fmt.Sprintf("%q", src))
		}
	})
}

// TestGuideStatesTheLimits keeps the guide's table of limits true to the
// loader's constants.
func TestGuideStatesTheLimits(t *testing.T) {
	data, err := os.ReadFile("../../docs/scenario-format.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	for _, want := range []string{
		fmt.Sprintf("| file size | %d MiB |", MaxFileSize>>20),
		fmt.Sprintf("| files per folder | %d |", MaxFiles),
		fmt.Sprintf("| nesting | %d levels |", MaxDepth),
		fmt.Sprintf("| events / stats (derived included) / endings | %d / %d / %d |", MaxEvents, MaxStats, MaxEndings),
		fmt.Sprintf("| months | %d |", MaxMonths),
		fmt.Sprintf("| one expression | %d,%03d characters |", MaxExprLength/1000, MaxExprLength%1000),
		fmt.Sprintf("| follow-ups | %d in one effect; %d waiting in a run |", MaxFollowUps, MaxPendingFollowUps),
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("docs/scenario-format.md does not say %q", want)
		}
	}
}
