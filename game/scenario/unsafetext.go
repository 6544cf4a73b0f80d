package scenario

// UnsafeRune reports whether a character in a text would act on a
// terminal or reorder what is shown instead of being shown: C0 controls
// (newline and tab aside), DEL, C1 controls (U+0080-U+009F: in some
// terminals U+009B starts an escape sequence), the bidirectional controls
// that make text read differently from its bytes (U+061C, U+200E, U+200F,
// U+202A-U+202E, U+2066-U+2069) and the line and paragraph separators.
// Scenario text may not hold them; careersim escapes them when it prints,
// and history replaces them in records.
func UnsafeRune(r rune) bool {
	switch {
	case r == '\n' || r == '\t':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069,
		r == 0x2028, r == 0x2029:
		return true
	}
	return false
}
