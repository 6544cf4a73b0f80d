package scenario

import (
	"strings"
	"testing"
)

// TestScanPositions checks the key-path scanner against TOML's corners.
// want maps a key path to "line:col"; a path mapped to "" must not exist.
func TestScanPositions(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want map[string]string
	}{
		{"top-level keys", "a = 1\n  b = \"x\"\n", map[string]string{
			"a": "1:1", "a#value": "1:5", "b": "2:3", "b#value": "2:7"}},
		{"headers", "[stats.cash]\nlabel = \"Cash\"\n\n[stats.burn]\nlabel = \"Burn\"\n", map[string]string{
			"stats.cash": "1:1", "stats.cash.label": "2:1", "stats.burn": "4:1", "stats.burn.label": "5:1"}},
		{"header with spaces", "[ stats . cash ]\nx = 1\n", map[string]string{
			"stats.cash": "1:1", "stats.cash.x": "2:1"}},
		{"arrays of tables", "[[monthly]]\nlabel = \"a\"\n[[monthly]]\nlabel = \"b\"\n", map[string]string{
			"monthly": "1:1", "monthly.0": "1:1", "monthly.0.label": "2:1", "monthly.1": "3:1", "monthly.1.label": "4:1"}},
		{"nested arrays of tables",
			"[events.a]\ntitle = \"A\"\n[[events.a.choices]]\nlabel = \"x\"\n[[events.a.choices.outcomes]]\ntext = \"o1\"\n[[events.a.choices.outcomes]]\ntext = \"o2\"\n[[events.a.choices]]\nlabel = \"y\"\n[[events.a.choices.outcomes]]\ntext = \"o3\"\n[events.b]\ntitle = \"B\"\n",
			map[string]string{
				"events.a.title": "2:1", "events.a.choices.0": "3:1", "events.a.choices.0.label": "4:1",
				"events.a.choices.0.outcomes.0.text": "6:1", "events.a.choices.0.outcomes.1.text": "8:1",
				"events.a.choices.1": "9:1", "events.a.choices.1.label": "10:1",
				"events.a.choices.1.outcomes.0.text": "12:1", "events.b.title": "14:1"}},
		{"sub-table of an array element", "[[ladder.levels]]\ntitle = \"a\"\n[ladder.levels.extra]\nx = 1\n[[ladder.levels]]\ntitle = \"b\"\n", map[string]string{
			"ladder.levels.0.extra.x": "4:1", "ladder.levels.1.title": "6:1"}},
		{"inline tables", "effects = { cash = 1, morale = -5 }\nfollow_up = { event = \"x\", after = { n = 2 } }\n", map[string]string{
			"effects": "1:1", "effects.cash": "1:13", "effects.cash#value": "1:20", "effects.morale": "1:23",
			"follow_up.event": "2:15", "follow_up.event#value": "2:23", "follow_up.after.n": "2:38"}},
		{"inline table over lines", "set = {\n  a = 1,\n  b = 2\n}\nc = 3\n", map[string]string{
			"set.a": "2:3", "set.b": "3:3", "c": "5:1"}},
		{"dotted keys", "a.b.c = 1\n[t]\nk.v = 2\n", map[string]string{
			"a.b.c": "1:1", "t.k.v": "3:1"}},
		{"quoted keys", "[stats.\"my stat\"]\nlabel = 1\n'lit' = 2\n\"q\\\"x\" = 3\n", map[string]string{
			"stats.my stat": "1:1", "stats.my stat.label": "2:1", "stats.my stat.lit": "3:1", "stats.my stat.q\"x": "4:1"}},
		{"multi-line strings with brackets and =",
			"text = \"\"\"\n[not.a.header]\nx = 1\n\"\"\"\ny = 2\nz = '''\n[[nope]]\n'''\nw = 3\n",
			map[string]string{"text": "1:1", "y": "5:1", "z": "6:1", "w": "9:1", "not.a.header": "", "x": "", "nope": ""}},
		{"multi-line string ending in quotes", "a = \"\"\"x\"\"\"\"\"\nb = 1\n", map[string]string{"b": "2:1"}},
		{"escaped quotes in strings", "s = \"a \\\" [b] = c\"\nt = 1\n", map[string]string{"t": "2:1", "b": ""}},
		{"literal string with backslash", "p = 'C:\\path\\'\nq = 1\n", map[string]string{"q": "2:1"}},
		{"comments", "# [fake]\nx = 1 # y = 2\n  # z = 3\n[t] # [u]\nv = 4\n", map[string]string{
			"x": "2:1", "t": "4:1", "t.v": "5:1", "fake": "", "y": "", "z": "", "u": ""}},
		{"arrays of values", "a = [\n  1,\n  \"two\", # a comment\n  [3, 4],\n]\nb = 5\n", map[string]string{
			"a.0": "2:3", "a.1": "3:3", "a.2": "4:3", "a.2.1": "4:7", "b": "6:1"}},
		{"arrays of inline tables", "r = [ { name = \"x\" }, { name = \"y\" } ]\n", map[string]string{
			"r.0.name": "1:9", "r.1.name": "1:25"}},
		{"columns count characters", "t = \"héllo\"\nu = { é = 1, v = 2 }\n", map[string]string{
			"u.é": "2:7", "u.v": "2:14"}},
		{"windows line ends", "a = 1\r\nb = 2\r\n[t]\r\nc = 3\r\n", map[string]string{
			"b": "2:1", "t.c": "4:1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := scanPositions(tt.src)
			for path, want := range tt.want {
				pos, ok := p.keys[path]
				switch {
				case want == "" && ok:
					t.Errorf("%s: found at %d:%d; it is not a key", path, pos.Line, pos.Col)
				case want != "" && !ok:
					t.Errorf("%s: not found; have %v", path, p.keys)
				case want != "" && fmtPos(pos) != want:
					t.Errorf("%s at %s, want %s", path, fmtPos(pos), want)
				}
			}
		})
	}
}

// TestPositionsImplicitTables: a table created only by a deeper header
// ([endings.done] creates `endings`) takes the position of that header, so
// an error about the whole table still names a useful line.
func TestPositionsImplicitTables(t *testing.T) {
	p := scanPositions("id = \"x\"\n\n[endings.done]\ntitle = \"D\"\n")
	if got := fmtPos(p.at("endings")); got != "3:1" {
		t.Errorf("endings at %s, want 3:1", got)
	}
}

// TestPositionsAt falls back to the closest ancestor with a position.
func TestPositionsAt(t *testing.T) {
	p := scanPositions("[stats.cash]\nlabel = \"Cash\"\n")
	for path, want := range map[string]string{
		"stats.cash.label":         "2:1",
		"stats.cash.label.deeper":  "2:1",
		"stats.cash.min":           "1:1",
		"nothing.at.all":           "1:1",
		"stats.cash.label#unknown": "1:1",
	} {
		if got := fmtPos(p.at(path)); got != want {
			t.Errorf("at(%q) = %s, want %s", path, got, want)
		}
	}
}

// TestScanPositionsNeverPanics feeds the scanner broken and truncated
// text: it trusts the parser's verdict but must not crash on its own.
func TestScanPositionsNeverPanics(t *testing.T) {
	for _, src := range []string{"", "[", "[[", "a = ", "a = \"", "a = \"\"\"", "a = {", "a = [", "= 1", "'", "[a.\"b", "a = '''x", "\\", "a = [{", "[[a]]\n[[a.b]]\n[[a]]\n[a.b.c]"} {
		scanPositions(src)
	}
}

func fmtPos(p Pos) string { return itoa(p.Line) + ":" + itoa(p.Col) }

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func TestSuggest(t *testing.T) {
	stats := []string{"cash", "burn", "revenue", "traction", "morale", "money", "visibility", "month"}
	tests := []struct {
		name       string
		candidates []string
		want       string
	}{
		{"mony", stats, "money"},
		{"Money", stats, "money"},
		{"cahs", stats, "cash"},
		{"revnue", stats, "revenue"},
		{"tracton", stats, "traction"},
		{"visiblity", stats, "visibility"},
		{"visibilty", stats, "visibility"},
		{"visbilty", stats, "visibility"}, // long names allow 3 edits
		{"moral", stats, "morale"},
		{"xyz", stats, ""},
		{"totally_different", stats, ""},
		{"a", []string{"b"}, ""}, // distance 1 is the whole name
		{"weight", []string{"weight", "when"}, "weight"},
		{"wieght", []string{"weight", "when", "title"}, "weight"},
		{"hiden", []string{"hidden", "help", "min"}, "hidden"},
		{"cat", []string{"bat", "car"}, "bat"}, // ties go to the first in order
		{"anything", nil, ""},
		{"", stats, ""},
	}
	for _, tt := range tests {
		if got := suggest(tt.name, tt.candidates); got != tt.want {
			t.Errorf("suggest(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
	if got := didYouMean("mony", stats); got != `did you mean "money"?` {
		t.Errorf("didYouMean = %q", got)
	}
	if got := didYouMean("zzz", stats); got != "" {
		t.Errorf("didYouMean(zzz) = %q, want empty", got)
	}
}

func TestEditDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{{"", "", 0}, {"a", "", 1}, {"", "ab", 2}, {"kitten", "sitting", 3}, {"wieght", "weight", 2}, {"é", "e", 1}, {"same", "same", 0}} {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestDecodeAllErrors: the decoder reports every type problem of a file in
// one pass, in line order, and still reads what it can.
func TestDecodeAllErrors(t *testing.T) {
	src := `format = "one"
id = 5
months = 12.5
titel = "x"

[stats.cash]
label = "Cash"
initial = "lots"
min = 0
max = true

[stats.good]
label = "Good"
initial = 1
min = 0
max = 2

[[monthly]]
label = 3
effects = { cash = [1] }

[events.e]
title = "E"
text = "E"
choices = "none"
weight = { a = 1 }
`
	f, d := parseFile("d.toml", []byte(src))
	errs := d.errs
	if f == nil {
		t.Fatal("parseFile gave no File for valid TOML")
	}
	want := []struct {
		line int
		msg  string
	}{
		{1, "`format` should be a whole number, not text"},
		{2, "`id` should be text in quotes, not a whole number"},
		{3, "`months` should be a whole number, not a number"},
		{4, "unknown key `titel` here (did you mean"},
		{8, "`initial` should be a number, not text"},
		{10, "`max` should be a number, not true/false"},
		{19, "`label` should be text in quotes, not a whole number"},
		{20, "`cash` should be a number or an expression in quotes, not a list"},
		{25, "`choices` should be a list, not text"},
		{26, "`weight` should be a number or an expression in quotes, not a table"},
	}
	errs.sort()
	var typeErrs Errors
	for _, e := range errs {
		if !strings.HasPrefix(e.Msg, "missing key") {
			typeErrs = append(typeErrs, e)
		}
	}
	errs = typeErrs
	if len(errs) != len(want) {
		t.Fatalf("%d errors, want %d:\n%v", len(errs), len(want), errs)
	}
	for i, w := range want {
		if errs[i].Pos.Line != w.line || !strings.Contains(errs[i].Error(), w.msg) {
			t.Errorf("error %d = %q; want line %d saying %q", i, errs[i].Error(), w.line, w.msg)
		}
	}
	// What could be read, was.
	if f.Stats["good"].Max != 2 || f.Stats["cash"].Label != "Cash" || f.Events["e"].Title != "E" {
		t.Errorf("the decoder dropped good values: %+v", f.Stats)
	}
}

// TestDecodeMissingKeys names each missing required key with its table.
func TestDecodeMissingKeys(t *testing.T) {
	_, d := parseFile("m.toml", []byte("format = 1\n\n[stats.cash]\nlabel = \"Cash\"\n"))
	errs := d.errs
	msg := errs.Error()
	for _, want := range []string{"missing key `id` at the top of the file", "missing key `initial` in [stats.cash]", "missing key `max` in [stats.cash]", "m.toml:3:1: missing key `min` in [stats.cash]"} {
		if !strings.Contains(msg, want) {
			t.Errorf("missing-key errors do not say %q:\n%s", want, msg)
		}
	}
}

func TestNestingDepth(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want int
	}{
		{"a = 1", 0},
		{"[a]\nb = [1, [2]]", 3},
		{"a = \"[[[[[\"", 0},
		{"# [[[[[[\na = 1", 0},
		{"a = '''[[[['''\nb = [[1]]", 2},
		{"a = { b = { c = [ { d = 1 } ] } }", 4},
		{"a = \"\\\"[[\"", 0},
		{"a = 1.5\nb = [1.5, 2e3, 1979-05-27T07:32:00.999Z]", 1},
		{"a.b.c = 1", 2},
		{"a . \"b.c\" . 'd' = 1", 2},
		{"[a.b.c]\nd.e = { f = 1 }", 7},
		{"[[a.b]]\nc = 1", 4},
		{"[[x]]\n[[x.y]]\nz = 1", 4},
		{"[ a . b ]\n[[c]]\nd = 1", 3},
		{"x = 1\n[a]\n[b.c]\ny = 2", 3},
		// Strings that end in four or five quotes, and escaped quotes in
		// multi-line strings, do not hide what follows them.
		{`a = ["""x"""", [[[1]]]]`, 4},
		{`a = ["""x""""", [[[1]]]]`, 4},
		{`a = ['''x'''', [[[1]]]]`, 4},
		{`a = ["""x\"""#""", [[[1]]]]`, 4},
		{"a = \"\"\"\n[[[[\\\"\"\"\n\"\"\"\nb = 1", 0},
		{"a = '''x\\'''\nb = [[1]]", 2},
	} {
		if got, _ := nestingDepth(tt.src); got != tt.want {
			t.Errorf("nestingDepth(%q) = %d, want %d", tt.src, got, tt.want)
		}
	}
}
