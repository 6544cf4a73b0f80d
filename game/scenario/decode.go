package scenario

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Limits refuse absurd files before they cost memory or time.
const (
	MaxFileSize   = 1 << 20 // bytes
	MaxDepth      = 16      // nesting of tables and arrays
	MaxEvents     = 400
	MaxStats      = 64
	MaxEndings    = 64
	MaxExprLength = 2000 // characters of one expression
	MaxMonths     = 240
	// MaxFollowUps bounds the follow-ups one effect schedules, and
	// MaxPendingFollowUps those a run holds waiting at once (one card
	// shows a month, so more could never be seen); the rules drop any
	// beyond it and count them (sim.State.FollowUpsDropped).
	MaxFollowUps        = 8
	MaxPendingFollowUps = 64
)

// decoder turns the generic TOML tree into the typed File, collecting every
// problem instead of stopping at the first.
type decoder struct {
	file string
	pos  positions
	errs Errors
	// failed holds key paths whose value could not be decoded, so later
	// checks do not pile follow-on messages onto the same key.
	failed map[string]bool
	// format2 lists the format-2 keys the file uses, in file order.
	format2 []string
	// src is the file's text, for positions inside values; lines holds the
	// byte offset where each line starts (made when first needed).
	src   string
	lines []int
}

func (d *decoder) errorf(path string, format string, args ...any) {
	d.errs = append(d.errs, Error{File: d.file, Pos: d.pos.at(path), Msg: fmt.Sprintf(format, args...)})
}

// typeError reports a value of the wrong shape and remembers the key.
func (d *decoder) typeError(path string, format string, args ...any) {
	d.markFailed(path)
	d.errorf(path, format, args...)
}

// markFailed records a key already reported as missing or malformed.
func (d *decoder) markFailed(path string) {
	if d.failed == nil {
		d.failed = map[string]bool{}
	}
	d.failed[path] = true
}

func (d *decoder) errorHelp(path, help string, format string, args ...any) {
	d.errs = append(d.errs, Error{File: d.file, Pos: d.pos.at(path), Msg: fmt.Sprintf(format, args...), Help: help})
}

// valuePos is where the value of a key starts.
func (d *decoder) valuePos(path string) Pos {
	if p, ok := d.pos.keys[path+"#value"]; ok {
		return p
	}
	return d.pos.at(path)
}

// parseFile decodes src into a File. It returns nil when the file is not
// valid TOML at all; otherwise the File holds what could be read, and the
// decoder's errs everything that could not.
func parseFile(name string, src []byte) (*File, *decoder) {
	d := &decoder{file: name}
	if len(src) > MaxFileSize {
		d.errs = append(d.errs, Error{File: name, Pos: Pos{Line: 1, Col: 1}, Msg: fmt.Sprintf("file is %d bytes; the limit is %d", len(src), MaxFileSize), Help: "split it into several scenarios"})
		return nil, d
	}
	if depth, pos := nestingDepth(string(src)); depth > MaxDepth {
		d.errs = append(d.errs, Error{File: name, Pos: pos, Msg: fmt.Sprintf("tables and arrays nest %d levels deep; the limit is %d (passed here)", depth, MaxDepth),
			Help: "dotted keys (a.b.c), table headers ([a.b.c]) and brackets in values all count"})
		return nil, d
	}
	var raw map[string]any
	if _, err := toml.Decode(string(src), &raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			msg := pe.Message
			if msg == "" {
				msg = pe.Error()
			}
			d.errs = append(d.errs, Error{File: name, Pos: Pos{Line: pe.Position.Line, Col: max(pe.Position.Col, 1)}, Msg: "TOML syntax: " + msg, Help: strings.TrimSpace(pe.Usage)})
		} else {
			d.errs = append(d.errs, Error{File: name, Msg: "TOML syntax: " + err.Error()})
		}
		return nil, d
	}
	d.pos = scanPositions(string(src))
	d.src = string(src)
	var f File
	d.decode(reflect.ValueOf(&f).Elem(), raw, "")
	return &f, d
}

type fieldInfo struct {
	index    []int
	required bool
	format2  bool // a key of format 2 (tag since:"2")
}

// fieldsOf lists the TOML keys of a struct type, flattening embedded structs.
func fieldsOf(t reflect.Type) (map[string]fieldInfo, []string) {
	fields := map[string]fieldInfo{}
	var names []string
	var walk func(t reflect.Type, prefix []int)
	walk = func(t reflect.Type, prefix []int) {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			idx := append(append([]int(nil), prefix...), i)
			if f.Anonymous {
				walk(f.Type, idx)
				continue
			}
			name := f.Tag.Get("toml")
			if name == "" || name == "-" {
				continue
			}
			req := strings.Contains(f.Tag.Get("jsonschema"), "required")
			fields[name] = fieldInfo{index: idx, required: req, format2: f.Tag.Get("since") == "2"}
			names = append(names, name)
		}
	}
	walk(t, nil)
	return fields, names
}

var exprType = reflect.TypeOf(Expr{})

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// describe names a TOML value's type for messages.
func describe(v any) string {
	switch v.(type) {
	case string:
		return "text"
	case int64:
		return "a whole number"
	case float64:
		return "a number"
	case bool:
		return "true/false"
	case map[string]any:
		return "a table"
	case []map[string]any, []any:
		return "a list"
	}
	return fmt.Sprintf("%T", v)
}

// sortedKeys returns a table's keys in file order.
func (d *decoder) sortedKeys(path string, m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := d.pos.at(join(path, keys[i])), d.pos.at(join(path, keys[j]))
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return keys[i] < keys[j]
	})
	return keys
}

func (d *decoder) decode(v reflect.Value, raw any, path string) {
	t := v.Type()
	switch {
	case t == exprType:
		e, ok := exprFromValue(raw)
		if !ok {
			d.typeError(path, "`%s` should be a number or an expression in quotes, not %s", lastKey(path), describe(raw))
			return
		}
		e.Pos = d.valuePos(path)
		if !d.checkText(path, e.Src) {
			return
		}
		if len(e.Src) > MaxExprLength {
			d.errorf(path, "expression is %d characters long; the limit is %d", len(e.Src), MaxExprLength)
			return
		}
		v.Set(reflect.ValueOf(e))
		return
	}
	switch t.Kind() {
	case reflect.Pointer:
		nv := reflect.New(t.Elem())
		d.decode(nv.Elem(), raw, path)
		v.Set(nv)
	case reflect.Struct:
		m, ok := raw.(map[string]any)
		if !ok {
			d.typeError(path, "`%s` should be a table, not %s", lastKey(path), describe(raw))
			return
		}
		fields, names := fieldsOf(t)
		for _, k := range d.sortedKeys(path, m) {
			fi, ok := fields[k]
			if !ok {
				where := "here"
				if path != "" {
					where = "in [" + tablePath(path) + "]"
				}
				d.errorHelp(join(path, k), didYouMean(k, names), "unknown key `%s` %s", k, where)
				continue
			}
			if fi.format2 {
				d.format2 = append(d.format2, join(path, k))
			}
			d.decode(v.FieldByIndex(fi.index), m[k], join(path, k))
		}
		for _, name := range names {
			if fields[name].required {
				if _, ok := m[name]; !ok {
					where := "at the top of the file"
					if path != "" {
						where = "in [" + tablePath(path) + "]"
					}
					d.errorf(path, "missing key `%s` %s", name, where)
					d.markFailed(join(path, name))
				}
			}
		}
	case reflect.Map:
		m, ok := raw.(map[string]any)
		if !ok {
			d.typeError(path, "`%s` should be a table, not %s", lastKey(path), describe(raw))
			return
		}
		out := reflect.MakeMapWithSize(t, len(m))
		for _, k := range d.sortedKeys(path, m) {
			if !d.checkText(join(path, k), k) {
				continue
			}
			ev := reflect.New(t.Elem()).Elem()
			d.decode(ev, m[k], join(path, k))
			out.SetMapIndex(reflect.ValueOf(k), ev)
		}
		v.Set(out)
	case reflect.Slice:
		var items []any
		switch x := raw.(type) {
		case []map[string]any:
			for _, it := range x {
				items = append(items, it)
			}
		case []any:
			items = x
		default:
			d.typeError(path, "`%s` should be a list, not %s", lastKey(path), describe(raw))
			return
		}
		out := reflect.MakeSlice(t, len(items), len(items))
		for i, it := range items {
			d.decode(out.Index(i), it, join(path, strconv.Itoa(i)))
		}
		v.Set(out)
	case reflect.String:
		s, ok := raw.(string)
		if !ok {
			d.typeError(path, "`%s` should be text in quotes, not %s", lastKey(path), describe(raw))
			return
		}
		if !d.checkText(path, s) {
			return
		}
		v.SetString(s)
	case reflect.Bool:
		b, ok := raw.(bool)
		if !ok {
			d.typeError(path, "`%s` should be true or false, not %s", lastKey(path), describe(raw))
			return
		}
		v.SetBool(b)
	case reflect.Int:
		n, ok := raw.(int64)
		if !ok {
			if f, isF := raw.(float64); isF && f == math.Trunc(f) && math.Abs(f) < 1e9 {
				n, ok = int64(f), true
			}
		}
		if !ok {
			d.typeError(path, "`%s` should be a whole number, not %s", lastKey(path), describe(raw))
			return
		}
		if n < -1e9 || n > 1e9 {
			d.typeError(path, "`%s` is out of range", lastKey(path))
			return
		}
		v.SetInt(n)
	case reflect.Float64:
		switch x := raw.(type) {
		case int64:
			v.SetFloat(float64(x))
		case float64:
			if math.IsNaN(x) || math.IsInf(x, 0) {
				d.typeError(path, "`%s` must be a finite number", lastKey(path))
				return
			}
			v.SetFloat(x)
		default:
			d.typeError(path, "`%s` should be a number, not %s", lastKey(path), describe(raw))
		}
	default:
		d.errorf(path, "internal: cannot decode %s", t)
	}
}

func lastKey(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		k := path[i+1:]
		if _, err := strconv.Atoi(k); err == nil {
			return lastKey(path[:i]) + "[" + k + "]"
		}
		return k
	}
	return path
}

// tablePath renders a key path the way a TOML header would name it.
func tablePath(path string) string {
	parts := strings.Split(path, ".")
	var out []string
	for _, p := range parts {
		if _, err := strconv.Atoi(p); err == nil && len(out) > 0 {
			out[len(out)-1] += "[" + p + "]"
			continue
		}
		out = append(out, p)
	}
	return strings.Join(out, ".")
}

// checkText refuses text holding a character that would act on a terminal
// or reorder what is shown (UnsafeRune): escape sequences, C1 controls,
// bidirectional overrides. Line breaks (CRLF too) and tabs are allowed.
func (d *decoder) checkText(path, s string) bool {
	for i, r := range s {
		if r == '\r' && strings.HasPrefix(s[i:], "\r\n") {
			continue // a line break in a file saved with CRLF
		}
		if UnsafeRune(r) {
			d.typeError(path, "`%s` holds the control character %U at character %d; text may hold line breaks and tabs but no other control characters",
				lastKey(path), r, utf8.RuneCountInString(s[:i])+1)
			return false
		}
	}
	return true
}
