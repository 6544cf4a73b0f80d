package scenario

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Pos is a place in a scenario file. Line and Col count from 1; Col counts
// characters, as editors do.
type Pos struct {
	Line int
	Col  int
}

// positions maps a key path ("events.offer.choices.0.label") to where its
// value starts, and a table path to where its header (or key) stands.
//
// BurntSushi/toml reports positions only for syntax errors, so once a file
// has parsed we walk its text a second time, tracking just keys. The walk
// trusts the parser's verdict that the file is valid TOML and is lenient
// about anything else.
type positions struct {
	keys map[string]Pos
}

// at returns the position of a key path, falling back to its closest
// ancestor that has one.
func (p positions) at(path string) Pos {
	for {
		if pos, ok := p.keys[path]; ok {
			return pos
		}
		i := strings.LastIndexByte(path, '.')
		if i < 0 {
			return Pos{Line: 1, Col: 1}
		}
		path = path[:i]
	}
}

type posScanner struct {
	src       string
	i         int
	line, col int
	out       map[string]Pos
	arrays    map[string]int // resolved path of an array of tables -> elements so far
	table     []string       // resolved path of the current table
}

func scanPositions(src string) positions {
	s := &posScanner{src: src, line: 1, col: 1, out: map[string]Pos{}, arrays: map[string]int{}}
	s.document()
	return positions{keys: s.out}
}

func (s *posScanner) eof() bool { return s.i >= len(s.src) }

func (s *posScanner) peek() byte {
	if s.eof() {
		return 0
	}
	return s.src[s.i]
}

func (s *posScanner) advance() {
	if s.eof() {
		return
	}
	r, n := utf8.DecodeRuneInString(s.src[s.i:])
	s.i += n
	if r == '\n' {
		s.line++
		s.col = 1
	} else {
		s.col++
	}
}

func (s *posScanner) pos() Pos { return Pos{Line: s.line, Col: s.col} }

// skipSpace skips blanks and comments; with newlines it also skips line ends.
func (s *posScanner) skipSpace(newlines bool) {
	for !s.eof() {
		c := s.peek()
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			s.advance()
		case c == '\n' && newlines:
			s.advance()
		case c == '#':
			for !s.eof() && s.peek() != '\n' {
				s.advance()
			}
		default:
			return
		}
	}
}

func (s *posScanner) document() {
	for !s.eof() {
		s.skipSpace(true)
		if s.eof() {
			return
		}
		if s.peek() == '[' {
			s.header()
			continue
		}
		start := len(s.table)
		s.keyValue(s.table)
		s.table = s.table[:start]
		// Skip the rest of the line.
		for !s.eof() && s.peek() != '\n' {
			s.advance()
		}
	}
}

func (s *posScanner) header() {
	pos := s.pos()
	s.advance()
	array := false
	if s.peek() == '[' {
		array = true
		s.advance()
	}
	keys := s.keyPath()
	for !s.eof() && s.peek() != '\n' {
		s.advance()
	}
	var resolved []string
	for i, k := range keys {
		resolved = append(resolved, k)
		joined := strings.Join(resolved, ".")
		last := i == len(keys)-1
		if last && array {
			n := s.arrays[joined]
			s.arrays[joined] = n + 1
			if _, ok := s.out[joined]; !ok {
				s.out[joined] = pos
			}
			resolved = append(resolved, strconv.Itoa(n))
			continue
		}
		if _, ok := s.out[joined]; !ok {
			s.out[joined] = pos // a table made implicitly by a deeper header
		}
		if n, ok := s.arrays[joined]; ok && n > 0 {
			resolved = append(resolved, strconv.Itoa(n-1))
		}
	}
	s.table = resolved
	s.out[strings.Join(resolved, ".")] = pos
}

// keyPath reads a dotted key and returns its parts.
func (s *posScanner) keyPath() []string {
	var parts []string
	for {
		s.skipSpace(false)
		parts = append(parts, s.key())
		s.skipSpace(false)
		if s.peek() != '.' {
			return parts
		}
		s.advance()
	}
}

func (s *posScanner) key() string {
	switch s.peek() {
	case '"', '\'':
		return s.quoted()
	}
	start := s.i
	for !s.eof() {
		c := s.peek()
		if c == '.' || c == '=' || c == ' ' || c == '\t' || c == ']' || c == '\n' || c == '\r' || c == '#' || c == ',' || c == '}' {
			break
		}
		s.advance()
	}
	return s.src[start:s.i]
}

// quoted reads a single-line quoted string and returns its (roughly)
// unescaped content.
func (s *posScanner) quoted() string {
	q := s.peek()
	s.advance()
	var b strings.Builder
	for !s.eof() && s.peek() != q && s.peek() != '\n' {
		if q == '"' && s.peek() == '\\' {
			s.advance()
		}
		b.WriteByte(s.peek())
		s.advance()
	}
	s.advance()
	return b.String()
}

// keyValue reads `a.b = value` under the given table path.
func (s *posScanner) keyValue(table []string) {
	pos := s.pos()
	keys := s.keyPath()
	path := append(append([]string(nil), table...), keys...)
	s.out[strings.Join(path, ".")] = pos
	s.skipSpace(false)
	if s.peek() != '=' {
		return
	}
	s.advance()
	s.skipSpace(false)
	s.value(path)
}

func (s *posScanner) value(path []string) {
	s.out[strings.Join(path, ".")+"#value"] = s.pos()
	switch {
	case strings.HasPrefix(s.src[s.i:], `"""`), strings.HasPrefix(s.src[s.i:], `'''`):
		s.multiline()
	case s.peek() == '"' || s.peek() == '\'':
		s.quoted()
	case s.peek() == '{':
		s.advance()
		for !s.eof() {
			s.skipSpace(true)
			if s.peek() == '}' {
				s.advance()
				return
			}
			if s.peek() == ',' {
				s.advance()
				continue
			}
			s.keyValue(path)
		}
	case s.peek() == '[':
		s.advance()
		for n := 0; !s.eof(); {
			s.skipSpace(true)
			switch s.peek() {
			case ']':
				s.advance()
				return
			case ',':
				s.advance()
				n++
				continue
			}
			elem := append(append([]string(nil), path...), strconv.Itoa(n))
			s.out[strings.Join(elem, ".")] = s.pos()
			s.value(elem)
		}
	default:
		for !s.eof() {
			c := s.peek()
			if c == ',' || c == '}' || c == ']' || c == '\n' || c == '#' {
				return
			}
			s.advance()
		}
	}
}

func (s *posScanner) multiline() {
	q := s.src[s.i : s.i+3]
	for k := 0; k < 3; k++ {
		s.advance()
	}
	for !s.eof() {
		if strings.HasPrefix(s.src[s.i:], q) {
			for k := 0; k < 3; k++ {
				s.advance()
			}
			// A closing quote may be followed by up to two more quotes.
			for !s.eof() && s.peek() == q[0] {
				s.advance()
			}
			return
		}
		if q == `"""` && s.peek() == '\\' {
			s.advance()
		}
		s.advance()
	}
}
