package kit

import (
	"math"
	"strings"

	"github.com/hajimehoshi/ebiten/v2/text/v2"
)

// Wrapper breaks text into lines that fit a width (text/v2 has no word
// wrapping). Results are cached: screens lay out the same text every frame.
type Wrapper struct {
	cache map[wrapKey][]string
}

type wrapKey struct {
	face  text.Face
	width int
	text  string
}

// NewWrapper makes a wrapper with an empty cache.
func NewWrapper() *Wrapper { return &Wrapper{cache: map[wrapKey][]string{}} }

// Wrap returns the lines of s that fit width with face. Paragraphs (blank
// lines) are kept as an empty line; words longer than a line are broken.
func (w *Wrapper) Wrap(s string, face text.Face, width float64) []string {
	k := wrapKey{face, int(width), s}
	if ls, ok := w.cache[k]; ok {
		return ls
	}
	if len(w.cache) > 4000 {
		clear(w.cache)
	}
	ls := wrapText(s, face, width)
	w.cache[k] = ls
	return ls
}

func wrapText(s string, face text.Face, width float64) []string {
	var out []string
	s = strings.ReplaceAll(s, "\r\n", "\n")
	paras := strings.Split(strings.TrimSpace(s), "\n\n")
	space := text.Advance(" ", face)
	for pi, para := range paras {
		if pi > 0 {
			out = append(out, "")
		}
		for _, hard := range strings.Split(para, "\n") {
			words := strings.Fields(hard)
			var line strings.Builder
			lw := 0.0
			flush := func() {
				out = append(out, line.String())
				line.Reset()
				lw = 0
			}
			for _, word := range words {
				ww := text.Advance(word, face)
				for ww > width && width > 0 {
					// A word longer than a line: break it where it fits.
					if line.Len() > 0 {
						flush()
					}
					head := fitPrefix(word, face, width)
					out = append(out, head)
					word = word[len(head):]
					ww = text.Advance(word, face)
				}
				if word == "" {
					continue
				}
				switch {
				case line.Len() == 0:
					line.WriteString(word)
					lw = ww
				case lw+space+ww <= width:
					line.WriteByte(' ')
					line.WriteString(word)
					lw += space + ww
				default:
					flush()
					line.WriteString(word)
					lw = ww
				}
			}
			if line.Len() > 0 || len(words) == 0 {
				flush()
			}
		}
	}
	return out
}

// fitPrefix returns the longest prefix of s (at least one rune) that fits.
func fitPrefix(s string, face text.Face, width float64) string {
	end := 0
	for i, r := range s {
		next := i + len(string(r))
		if text.Advance(s[:next], face) > width && end > 0 {
			break
		}
		end = next
	}
	return s[:end]
}

// Ellipsize shortens s with "…" so it fits width.
func Ellipsize(s string, face text.Face, width float64) string {
	if text.Advance(s, face) <= width {
		return s
	}
	runes := []rune(s)
	lo, hi := 0, len(runes)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if text.Advance(strings.TrimRight(string(runes[:mid]), " ,.;:")+"…", face) <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return ""
	}
	return strings.TrimRight(string(runes[:lo]), " ,.;:") + "…"
}

// ClampLines keeps at most n lines, ending the last with an ellipsis.
func ClampLines(ls []string, n int, face text.Face, width float64) []string {
	if n <= 0 {
		return nil
	}
	if len(ls) <= n {
		return ls
	}
	out := append([]string(nil), ls[:n]...)
	out[n-1] = Ellipsize(out[n-1]+" …", face, width)
	if !strings.HasSuffix(out[n-1], "…") {
		out[n-1] += "…"
	}
	return out
}

// TextHeight is the height of n lines of face at a line spacing.
func TextHeight(n int, face text.Face, spacing float64) float64 {
	if n <= 0 {
		return 0
	}
	return math.Ceil(LineH(face) * spacing * float64(n))
}

// TextWidth is the advance of s in face.
func TextWidth(s string, face text.Face) float64 { return text.Advance(s, face) }
