package scenario

import (
	"fmt"
	"sort"
	"strings"
)

// Error is one problem found in a scenario file.
type Error struct {
	File    string // file name as given to the loader
	Pos     Pos    // where; Line 0 when the problem concerns the whole file
	Msg     string // what is wrong, in plain words
	Help    string // what would be right, when known
	Warning bool   // a warning does not stop the scenario from loading
}

// Error formats as `file:line:col: message (help)`.
func (e Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Pos.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Pos.Line, e.Pos.Col)
	}
	b.WriteString(": ")
	if e.Warning {
		b.WriteString("warning: ")
	}
	b.WriteString(e.Msg)
	if e.Help != "" {
		b.WriteString(" (")
		b.WriteString(e.Help)
		b.WriteString(")")
	}
	return b.String()
}

// Errors is every problem found in one or more files, in file and line order.
type Errors []Error

// Error lists the problems one per line.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// HasErrors reports whether any entry is more than a warning.
func (es Errors) HasErrors() bool {
	for _, e := range es {
		if !e.Warning {
			return true
		}
	}
	return false
}

// Warnings returns only the warnings.
func (es Errors) Warnings() Errors {
	var out Errors
	for _, e := range es {
		if e.Warning {
			out = append(out, e)
		}
	}
	return out
}

func (es Errors) sort() {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i], es[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		return a.Pos.Col < b.Pos.Col
	})
}

// suggest returns the candidate closest to name, if it is close enough to be
// a likely typo.
func suggest(name string, candidates []string) string {
	best, bestD := "", 1<<30
	for _, c := range candidates {
		d := editDistance(strings.ToLower(name), strings.ToLower(c))
		if d < bestD || (d == bestD && c < best) {
			best, bestD = c, d
		}
	}
	limit := 2
	if len(name) > 8 {
		limit = 3
	}
	if best == "" || bestD > limit || bestD >= len(name) {
		return ""
	}
	return best
}

func didYouMean(name string, candidates []string) string {
	if s := suggest(name, candidates); s != "" {
		return fmt.Sprintf("did you mean %q?", s)
	}
	return ""
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
