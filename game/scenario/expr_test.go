package scenario_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"runwayladder/game/scenario"
)

// exprFile is a scenario whose derived stat `v` holds a numeric expression
// and whose ending `hit` holds a condition, each alone on its line, so
// error columns can be checked against the expression's own offsets.
const exprFile = `format = 1
id = "expr"
version = 1
title = "Expressions"
track = "test"
pitch = "p"
promise = "p"
price = "p"
months = 12

[stats.a]
label = "A"
initial = 3
min = -100
max = 100

[stats.b]
label = "B"
initial = 4
min = -100
max = 100

[stats.zero]
label = "Zero"
initial = 0
min = -100
max = 100

[stats.neg]
label = "Neg"
initial = -2.5
min = -100
max = 100

[stats.money]
label = "Money"
initial = 1_000_000
min = 0
max = 10_000_000

[derived.v]
label = "V"
expr = %s

[events.e]
title = "E"
text = "E"
[[events.e.choices]]
label = "On"
text = "On"
flags = ["on"]
[[events.e.choices]]
label = "Off"
text = "Off"
flags = ["off"]
clear = ["on"]

[endings.done]
category = "survived"
title = "Done"
text = "Done"
at_end = true

[endings.hit]
category = "good"
title = "Hit"
text = "Hit"
when = %s

[axes]
wealth = 0
level = 0
skills = 0
wellbeing = 0
autonomy = 0
`

// exprLine and condLine are the file lines of the two expressions.
func exprLines() (num, cond int) {
	for i, l := range strings.Split(exprFile, "\n") {
		switch {
		case strings.HasPrefix(l, "expr = %s"):
			num = i + 1
		case strings.HasPrefix(l, "when = %s"):
			cond = i + 1
		}
	}
	return
}

func parseExpr(num, cond string) (*scenario.Scenario, scenario.Errors) {
	return scenario.Parse("expr.toml", []byte(fmt.Sprintf(exprFile, quote(num), quote(cond))))
}

func quote(s string) string { return `"` + s + `"` }

// exprEnv is the environment the tests evaluate in: the stats' initial
// values, month 5 of 12, flag `on` set.
func exprEnv(sc *scenario.Scenario) *scenario.Env {
	env := &scenario.Env{V: make([]float64, sc.NumVars()), F: make([]bool, sc.NumFlagVars())}
	for i := 0; i < sc.NumDeclared; i++ {
		env.V[i] = sc.Stats[i].Initial
	}
	env.V[sc.Var(scenario.VarMonth)] = 5
	env.V[sc.Var(scenario.VarMonthsLeft)] = 8
	for i, f := range sc.Flags {
		env.F[i] = f == "on"
	}
	return env
}

func TestExprNumbers(t *testing.T) {
	tests := []struct {
		src  string
		want float64
	}{
		{"1 + 2 * 3", 7},
		{"(1 + 2) * 3", 9},
		{"a - b - 1", -2},
		{"a * b / 2", 6},
		{"2 * a ** 2", 18},
		{"a ** 2 + b ** 2", 25},
		{"-a + b", 1},
		{"a / b", 0.75},
		{"1_000_000 / 1_000", 1000},
		{"2.5e3", 2500},
		{"money / 1_000_000", 1},
		{"on ? a : b", 3},
		{"off ? a : b", 4},
		{"a > b ? 1 : 2", 2},
		{"a < b ? (on ? 10 : 20) : 30", 10},
		{"min(a, b, neg)", -2.5},
		{"max(a, b)", 4},
		{"max(a)", 3},
		{"min(a, b) + max(a, b)", 7},
		{"clamp(a, 0, 2)", 2},
		{"clamp(neg, 0, 2)", 0},
		{"clamp(a, 0, 10)", 3},
		{"sqrt(b)", 2},
		{"sqrt(neg)", 0},
		{"abs(neg)", 2.5},
		{"floor(neg)", -3},
		{"ceil(neg)", -2},
		{"round(2.5)", 3},
		{"round(neg)", -3},
		{"b ** 0.5", 2},
		{"a ** 0", 1},
		{"a ** 1", 3},
		{"a ** 8", 6561},
		{"a ^ 2", 9},
		{"neg ** 2", 6.25},
		{"month", 5},
		{"months_left * 2", 16},
		{"month % 12 < 6 ? 1 : -1", 1},
		// Division and remainder by zero give 0, never Inf or NaN.
		{"a / zero", 0},
		{"a / (b - 4)", 0},
		{"-a / zero", 0},
		{"zero / zero", 0},
		{"7", 7},
		{"-0.5", -0.5},
	}
	for _, tt := range tests {
		sc, errs := parseExpr(tt.src, "a > 0")
		if sc == nil {
			t.Errorf("%q does not compile: %v", tt.src, errs)
			continue
		}
		i, _ := sc.StatIndex("v")
		got := sc.Stats[i].Derived(exprEnv(sc))
		if got != tt.want || math.IsNaN(got) {
			t.Errorf("%s = %v, want %v", tt.src, got, tt.want)
		}
	}
}

// TestExprRemainderOnStats: `%` is documented for expressions, and stats
// are numbers like the built-in month, so `stat % n` must compile too.
func TestExprRemainderOnStats(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want float64
	}{{"month % 2", 1}, {"a % 2", 1}, {"b % a", 1}, {"a % zero", 0}, {"neg % 2", -0.5}} {
		sc, errs := parseExpr(tt.src, "a > 0")
		if sc == nil {
			t.Errorf("%q does not compile: %v", tt.src, errs)
			continue
		}
		i, _ := sc.StatIndex("v")
		if got := sc.Stats[i].Derived(exprEnv(sc)); got != tt.want {
			t.Errorf("%s = %v, want %v", tt.src, got, tt.want)
		}
	}
}

func TestExprConditions(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{"a < b", true},
		{"a >= b", false},
		{"a <= 3 && b >= 4", true},
		{"a == 3", true},
		{"a != 3", false},
		{"on", true},
		{"off", false},
		{"!off", true},
		{"on && !off", true},
		{"on and not off", true},
		{"off || a > 2", true},
		{"off or a > 5", false},
		{"on == off", false},
		{"on != off", true},
		{"not (a > 1)", false},
		{"a > 1 ? on : off", true},
		{"true", true},
		{"false || true", true},
		{"a + b > 6 and a * b == 12", true},
		{"month >= 5", true},
		{"a / zero == 0", true},
		{"min(a, b) < 3", false},
	}
	for _, tt := range tests {
		sc, errs := parseExpr("a", tt.src)
		if sc == nil {
			t.Errorf("%q does not compile: %v", tt.src, errs)
			continue
		}
		i, _ := sc.EndingIndex("hit")
		if got := sc.Endings[i].When(exprEnv(sc)); got != tt.want {
			t.Errorf("%s = %v, want %v", tt.src, got, tt.want)
		}
	}
}

// TestExprErrors checks refusals: each error names the file, the
// expression's line and a column inside the expression (offset counts
// characters from the expression's first character; -1 skips the column).
func TestExprErrors(t *testing.T) {
	numLine, condLine := exprLines()
	tests := []struct {
		num, cond string // one of them is broken
		offset    int
		want      string
	}{
		{num: "a + mony", offset: 4, want: "unknown name `mony`"},
		{num: "a + mony", offset: 4, want: `did you mean "money"?`},
		{num: "2 ** a", offset: -1, want: "plain number"},
		{num: "a ** 1.5", offset: -1, want: "power 1.5 is not supported"},
		{num: "a ** 9", offset: -1, want: "power 9 is not supported"},
		{num: "a ** -1", offset: -1, want: "plain number"},
		{num: "log(a)", offset: 0, want: "`log`"},
		{num: "exp(a)", offset: 0, want: "`exp`"},
		{num: "a +", offset: -1, want: "in derived stat `v`"},
		{num: "a > b", offset: -1, want: "derived stat `v`"},
		{num: "on", offset: -1, want: "derived stat `v`"},
		{num: "a + on", offset: 2, want: "mismatched types"},
		{num: "months_in_level", offset: 0, want: "only means something in a scenario with a [ladder]"},
		{num: "rounds_closed", offset: 0, want: "[funding]"},
		{num: "a * share", offset: 4, want: "only known inside [resource_fight.award]"},
		{num: "award", offset: 0, want: "[resource_fight.award]"},
		{num: "max()", offset: -1, want: "derived stat `v`"},
		{num: "clamp(a, 1)", offset: -1, want: "derived stat `v`"},
		{num: "a[0]", offset: -1, want: "derived stat `v`"},
		{cond: "a - 1", offset: -1, want: "ending `hit`"},
		{cond: "a > 1 and b", offset: 6, want: "mismatched types"},
		{cond: "on + 1", offset: 3, want: "mismatched types"},
		{cond: "a > (on ? 1 : on)", offset: -1, want: "`on` is a flag"},
		{cond: "a > 1 && raisng", offset: 9, want: "unknown name `raisng`"},
		{cond: "raising", offset: 0, want: "[funding]"},
	}
	for _, tt := range tests {
		num, cond, line := "a", "a > 0", numLine
		if tt.num != "" {
			num = tt.num
		} else {
			cond, line = tt.cond, condLine
		}
		sc, errs := parseExpr(num, cond)
		if sc != nil || !errs.HasErrors() {
			t.Errorf("num %q, cond %q compiles; it should not", num, cond)
			continue
		}
		e := errs[0]
		if len(errs) != 1 {
			t.Errorf("num %q, cond %q: %d errors, want 1:\n%v", num, cond, len(errs), errs)
		}
		if !strings.Contains(e.Error(), tt.want) {
			t.Errorf("num %q, cond %q: %q does not say %q", num, cond, e.Error(), tt.want)
		}
		if e.File != "expr.toml" || e.Pos.Line != line {
			t.Errorf("num %q, cond %q: error at %s:%d, want expr.toml:%d", num, cond, e.File, e.Pos.Line, line)
		}
		// Both expressions start at column 9: `expr = "` and `when = "`.
		if tt.offset >= 0 && e.Pos.Col != 9+tt.offset {
			t.Errorf("num %q, cond %q: error at column %d, want %d (offset %d): %v", num, cond, e.Pos.Col, 9+tt.offset, tt.offset, e)
		}
	}
}

// TestExprTypeErrorsInPlainWords: an expression of the wrong kind is
// explained in plain words, not in Go type names.
func TestExprTypeErrorsInPlainWords(t *testing.T) {
	for _, tt := range []struct{ num, cond, want string }{
		{"a", "a - 1", "should be a condition"},
		{"a > b", "a > 0", "should give a number"},
	} {
		_, errs := parseExpr(tt.num, tt.cond)
		msg := errs.Error()
		if !strings.Contains(msg, tt.want) || strings.Contains(msg, "float64") {
			t.Errorf("num %q, cond %q: %q; want plain words (%q) and no Go type names", tt.num, tt.cond, msg, tt.want)
		}
	}
}

// TestExprQuotedColumns: an expression given as a bare number has no
// quote to skip; one in an inline table still points into the text.
func TestExprPositionsInInlineTables(t *testing.T) {
	src := strings.Replace(fmt.Sprintf(exprFile, `"a"`, `"a > 0"`), `flags = ["on"]`, `flags = ["on"]`+"\n"+`effects = { a = 1, b = "a * nope" }`, 1)
	_, errs := scenario.Parse("expr.toml", []byte(src))
	if len(errs) != 1 {
		t.Fatalf("want one error, got %v", errs)
	}
	lines := strings.Split(src, "\n")
	line := lines[errs[0].Pos.Line-1]
	if col := strings.Index(line, "nope") + 1; !strings.HasPrefix(line, "effects = {") || errs[0].Pos.Col != col {
		t.Errorf("error at %d:%d (%q), want column %d of the effects line", errs[0].Pos.Line, errs[0].Pos.Col, line, col)
	}
}
