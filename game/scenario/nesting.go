package scenario

import "strings"

// The TOML decoder's memory grows with the square of how deep the tables
// and arrays of a file nest, so a file must be measured before it is
// decoded. nestingDepth reads just enough of TOML to do that for every
// way a file can nest: [ and { in values, dotted keys (a.b.c = 1) and
// table headers ([a.b.c], [[a.b]]); and it skips every form of string and
// comment exactly as TOML does (multi-line strings that end in four or
// five quotes, escaped quotes in multi-line basic strings), so text inside
// a string never counts and text outside one is never skipped.

// nestFrame is an open container: the top-level table, an array or an
// inline table.
type nestFrame struct {
	kind    byte // 't' top level, '[' array, '{' inline table
	depth   int  // containers from the root down to this one
	inValue bool // past the = of a key (always, in an array)
	lastKey int  // segments of the last key read in this frame
}

// nestingDepth returns the deepest nesting of tables and arrays the file
// may build (a = 1 is 0; [a] is 1; a.b = [[1]] is 3: the table a, the
// array b and the array in it; [a.b] counts 3, as a may be an array of
// tables), and where it first passes MaxDepth. It is
// linear in the file's size and never fails: a file it misreads is not
// valid TOML, and the decoder refuses it.
func nestingDepth(src string) (int, Pos) {
	stack := []nestFrame{{kind: 't'}}
	maxDepth, at := 0, Pos{}
	line, lineStart := 1, 0
	run, afterDot := 0, false // segments of the dotted name being read
	header, headerDouble := false, false
	note := func(depth, i int) {
		if depth > MaxDepth && maxDepth <= MaxDepth || maxDepth == 0 && depth > 0 {
			at = Pos{Line: line, Col: i - lineStart + 1}
		}
		maxDepth = max(maxDepth, depth)
	}
	// segment counts one part of a dotted name (a bare word or a quoted
	// string) and notes the tables it implies.
	segment := func(i int) {
		if afterDot {
			run++
		} else {
			run = 1
		}
		afterDot = false
		top := &stack[len(stack)-1]
		if header || !top.inValue {
			note(top.depth+run-1, i) // a.b.c = 1 holds tables a and b
		}
	}
	endName := func() {
		top := &stack[len(stack)-1]
		if !top.inValue && !header {
			top.lastKey = run
		}
		run, afterDot = 0, false
	}
	newline := func(i int) {
		line++
		lineStart = i + 1
	}
	for i := 0; i < len(src); i++ {
		top := &stack[len(stack)-1]
		switch c := src[i]; c {
		case ' ', '\t', '\r':
		case '\n':
			endName()
			newline(i)
			if top.kind == 't' {
				top.inValue = false
			}
		case '#':
			for i+1 < len(src) && src[i+1] != '\n' {
				i++
			}
		case '"', '\'':
			start := i
			i = skipString(src, i)
			for j := start; j < i && j < len(src); j++ {
				if src[j] == '\n' {
					newline(j)
				}
			}
			i-- // the loop's i++ steps past the string
			segment(start)
		case '.':
			afterDot = true
		case '=':
			endName()
			top.inValue = true
		case ',':
			endName()
			if top.kind == '{' {
				top.inValue = false
			}
		case '[', '{':
			if c == '[' && top.kind == 't' && !top.inValue && !header {
				// A table header: [a.b] or [[a.b]].
				endName()
				header, headerDouble = true, strings.HasPrefix(src[i:], "[[")
				if headerDouble {
					i++
				}
				continue
			}
			depth := top.depth + 1 // an element of an array
			if top.kind != '[' {
				endName()
				depth = top.depth + top.lastKey // the value of a.b = [ ... ]
			}
			run, afterDot = 0, false
			note(depth, i)
			stack = append(stack, nestFrame{kind: c, depth: depth, inValue: c == '['})
		case ']', '}':
			if header {
				// Any part of the path may name an array of tables
				// ([[a]] ... [a.b] puts b in a's last table): count two
				// levels for each but the last, which is a table, or an
				// array and its table for [[a.b]].
				depth := 2*max(run-1, 0) + 1
				if headerDouble {
					depth++
					if strings.HasPrefix(src[i:], "]]") {
						i++
					}
				}
				note(depth, i)
				header = false
				stack[0] = nestFrame{kind: 't', depth: depth}
				run, afterDot = 0, false
				continue
			}
			endName()
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		default:
			// A bare key, or a value (number, date, true): read the word.
			start := i
			for i+1 < len(src) && !strings.ContainsRune(" \t\r\n#\"'.=,[]{}", rune(src[i+1])) {
				i++
			}
			segment(start)
		}
	}
	return maxDepth, at
}

// skipString returns the index just past the string that starts at
// src[i] (a quote), as TOML reads it: basic strings end at an unescaped
// quote or the line's end, literal ones at a quote or the line's end;
// multi-line ones at their closing triple quote, which may be followed by
// up to two more quotes that belong to the string ("""a"""" is `a"`).
func skipString(src string, i int) int {
	q := src[i]
	basic := q == '"'
	if strings.HasPrefix(src[i:], strings.Repeat(string(q), 3)) {
		for j := i + 3; j < len(src); j++ {
			if basic && src[j] == '\\' {
				j++ // an escape, even of a quote or of the line's end
				continue
			}
			if src[j] == q && strings.HasPrefix(src[j:], strings.Repeat(string(q), 3)) {
				end := j + 3
				for k := 0; k < 2 && end < len(src) && src[end] == q; k++ {
					end++
				}
				return end
			}
		}
		return len(src)
	}
	for j := i + 1; j < len(src); j++ {
		switch {
		case basic && src[j] == '\\':
			j++
		case src[j] == q:
			return j + 1
		case src[j] == '\n':
			return j // unterminated: the decoder says so
		}
	}
	return len(src)
}
