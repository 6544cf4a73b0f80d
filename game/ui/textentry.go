package ui

// typeInto applies a tick's typing to a text field: runes accepted by
// keep (which may also transform them) are appended up to limit, and
// Backspace erases the last one. It reports whether the text changed, so
// the caller can clear a stale error.
func typeInto(buf []rune, in Input, limit int, keep func(rune) (rune, bool)) ([]rune, bool) {
	changed := false
	for _, r := range in.Runes {
		if len(buf) >= limit {
			break
		}
		if k, ok := keep(r); ok {
			buf = append(buf, k)
			changed = true
		}
	}
	if in.Erase && len(buf) > 0 {
		buf = buf[:len(buf)-1]
		changed = true
	}
	return buf, changed
}
