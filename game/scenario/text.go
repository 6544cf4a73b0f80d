package scenario

import (
	"math"
	"strconv"
	"strings"
)

// Text that knows the situation (format 2): a player-visible text may quote
// values, `{cash}` or `{months_left:months}`, and events, choices and
// endings may carry variants picked by condition. The loader compiles each
// text once (textload.go); the Show methods below render it against the
// state of the moment, so nothing is parsed while playing.

// Text is a compiled player-visible text. The zero Text is literal: the
// source is shown as written (every text of a format-1 file, and every
// text without braces).
type Text struct{ parts []textPart }

// textPart is a literal or a placeholder.
type textPart struct {
	lit  string
	show func(*Env) string
}

// render returns the text for the state e; src is what the author wrote.
func (t Text) render(src string, e *Env) string {
	if t.parts == nil {
		return src
	}
	var b strings.Builder
	for _, p := range t.parts {
		if p.show == nil {
			b.WriteString(p.lit)
		} else {
			b.WriteString(p.show(e))
		}
	}
	return b.String()
}

// Shown is a text as written plus its compiled form.
type Shown struct {
	Src string
	t   Text
}

// Render returns the text for the state e.
func (s *Shown) Render(e *Env) string { return s.t.render(s.Src, e) }

// Variant replaces some of its parent's texts when When holds; a nil text
// is not replaced.
type Variant struct {
	When                        Cond
	Title, Text, Label, Blocked *Shown
	// Speaker replaces the event's speaker when not "".
	Speaker string
}

// pick returns the first variant whose condition holds, or nil.
func pick(vs []Variant, e *Env) *Variant {
	for i := range vs {
		if vs[i].When(e) {
			return &vs[i]
		}
	}
	return nil
}

// or renders a variant's text when it has one, else the base text.
func or(v *Shown, base Text, src string, e *Env) string {
	if v != nil {
		return v.Render(e)
	}
	return base.render(src, e)
}

// Show returns the event's title and text for the state e.
func (ev *Event) Show(e *Env) (title, text string) {
	v := pick(ev.variants, e)
	if v == nil {
		return ev.tTitle.render(ev.Title, e), ev.tText.render(ev.Text, e)
	}
	return or(v.Title, ev.tTitle, ev.Title, e), or(v.Text, ev.tText, ev.Text, e)
}

// ShowSpeaker returns the event's speaker for the state e (a variant may
// change it).
func (ev *Event) ShowSpeaker(e *Env) string {
	if v := pick(ev.variants, e); v != nil && v.Speaker != "" {
		return v.Speaker
	}
	return ev.Speaker
}

// Show returns the choice's label, blocked reason and result text for the
// state e.
func (c *Choice) Show(e *Env) (label, blocked, text string) {
	v := pick(c.variants, e)
	if v == nil {
		return c.tLabel.render(c.Label, e), c.tBlocked.render(c.Blocked, e), c.tText.render(c.Text, e)
	}
	return or(v.Label, c.tLabel, c.Label, e), or(v.Blocked, c.tBlocked, c.Blocked, e), or(v.Text, c.tText, c.Text, e)
}

// ShowLabel returns only the choice's label for the state e.
func (c *Choice) ShowLabel(e *Env) string {
	if v := pick(c.variants, e); v != nil && v.Label != nil {
		return v.Label.Render(e)
	}
	return c.tLabel.render(c.Label, e)
}

// Show returns the outcome's label and text for the state e.
func (o *Outcome) Show(e *Env) (label, text string) {
	return o.tLabel.render(o.Label, e), o.tText.render(o.Text, e)
}

// Show returns the ending's title and text for the state e.
func (en *Ending) Show(e *Env) (title, text string) {
	v := pick(en.variants, e)
	if v == nil {
		return en.tTitle.render(en.Title, e), en.tText.render(en.Text, e)
	}
	return or(v.Title, en.tTitle, en.Title, e), or(v.Text, en.tText, en.Text, e)
}

// Varies reports whether the ending's texts depend on the state.
func (en *Ending) Varies() bool {
	return len(en.variants) > 0 || en.tTitle.parts != nil || en.tText.parts != nil
}

// Show returns the result's text for the state e.
func (r *Result) Show(e *Env) string { return r.tText.render(r.Text, e) }

// Show returns the offer card's title, text and choice labels for the state
// e.
func (o *Offer) Show(e *Env) (title, text, start, wait string) {
	return o.tTitle.render(o.Title, e), o.tText.render(o.Text, e), o.tStart.render(o.Start, e), o.tWait.render(o.Wait, e)
}

// Show returns the rating's text for the state e.
func (r *Rating) Show(e *Env) string { return r.tText.render(r.Text, e) }

// Show returns the planning card's title and text for the state e.
func (f *Fight) Show(e *Env) (title, text string) {
	return f.tTitle.render(f.Title, e), f.tText.render(f.Text, e)
}

// Show returns the phase's label for the state e.
func (p *Phase) Show(e *Env) string { return p.tLabel.render(p.Label, e) }

// TextFormats are the formats a placeholder may name after a colon.
var TextFormats = []string{"money", "months", "percent", "plain", "count", "ordinal", "Count"}

// builtinUnits are the units the built-in variables are shown in.
var builtinUnits = [NumBuiltinVars]Unit{Plain, Months, Months, Plain, Plain, Plain, Months, Fraction, Plain, Months, Money, Plain, Plain}

// FormatText renders a number in a text: by its unit when format is ""
// (months as "14 months", plain numbers with thousands separators), or in
// one of TextFormats.
func FormatText(v float64, u Unit, format string) string {
	switch format {
	case "":
		switch u {
		case Months:
			return FormatText(v, u, "months")
		case Plain:
			if v != math.Trunc(v) && math.Abs(v) < 10 {
				return strconv.FormatFloat(v, 'f', 1, 64)
			}
			return groupDigits(math.Round(v))
		}
		return FormatValue(v, u)
	case "money":
		return FormatValue(v, Money)
	case "months":
		n := math.Round(v)
		if n == 1 || n == -1 {
			return groupDigits(n) + " month"
		}
		return groupDigits(n) + " months"
	case "percent":
		if u == Fraction {
			v *= 100
		}
		return groupDigits(math.Round(v)) + "%"
	case "count", "Count":
		n := math.Round(v)
		s := groupDigits(n)
		if n >= 0 && n < float64(len(countWords)) {
			s = countWords[int(n)]
		}
		if format == "Count" {
			s = strings.ToUpper(s[:1]) + s[1:]
		}
		return s
	case "ordinal":
		n := math.Round(v)
		suffix := "th"
		if m := math.Mod(math.Abs(n), 100); m < 11 || m > 13 {
			switch math.Mod(math.Abs(n), 10) {
			case 1:
				suffix = "st"
			case 2:
				suffix = "nd"
			case 3:
				suffix = "rd"
			}
		}
		return groupDigits(n) + suffix
	}
	return groupDigits(math.Round(v)) // "plain"
}

var countWords = []string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}

// groupDigits writes a whole number with thousands separators: 1,500,000.
func groupDigits(n float64) string {
	s := strconv.FormatFloat(math.Abs(n), 'f', 0, 64)
	var b strings.Builder
	if n < 0 && s != "0" {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// tmplSeg is a literal or a placeholder of a text, as scanned.
type tmplSeg struct {
	lit          string
	ph           bool
	name, format string
	raw          string // the placeholder as written, braces included
}

// tmplErr is a malformed brace in a text.
type tmplErr struct {
	raw, msg, help string
}

// scanTemplate splits a text into literals and placeholders: `{name}`,
// `{name:format}`, and `{{` and `}}` for literal braces.
func scanTemplate(s string) ([]tmplSeg, []tmplErr) {
	var segs []tmplSeg
	var errs []tmplErr
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			segs = append(segs, tmplSeg{lit: lit.String()})
			lit.Reset()
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '{' && i+1 < len(s) && s[i+1] == '{', c == '}' && i+1 < len(s) && s[i+1] == '}':
			lit.WriteByte(c)
			i++
		case c == '}':
			errs = append(errs, tmplErr{raw: "}", msg: "a `}` without its `{`", help: "write `}}` for a brace in the text"})
		case c == '{':
			end := strings.IndexAny(s[i+1:], "{}\n")
			if end < 0 || s[i+1+end] != '}' {
				raw := s[i:]
				if end >= 0 {
					raw = s[i : i+1+end]
				}
				errs = append(errs, tmplErr{raw: raw, msg: "a `{` that is not closed", help: "close it with `}`, or write `{{` for a brace in the text"})
				if end < 0 {
					i = len(s)
				} else {
					i += end
				}
				continue
			}
			raw := s[i : i+2+end]
			inner := strings.TrimSpace(s[i+1 : i+1+end])
			name, format, _ := strings.Cut(inner, ":")
			name, format = strings.TrimSpace(name), strings.TrimSpace(format)
			if !isName(name) || strings.Contains(inner, ":") && format == "" {
				errs = append(errs, tmplErr{raw: raw, msg: "`" + raw + "` should hold one name, like {cash} or {cash:money}",
					help: "a text shows a stat or built-in value; write `{{` for a brace"})
			} else {
				flush()
				segs = append(segs, tmplSeg{ph: true, name: name, format: format, raw: raw})
			}
			i += 1 + end
		default:
			lit.WriteByte(c)
		}
	}
	flush()
	return segs, errs
}

func isName(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}
