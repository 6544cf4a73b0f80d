package kit

// Focus is keyboard and pointer focus over a list of controls.
type Focus struct {
	// I is the focused control.
	I int
}

// Update applies the input to the focus: hovering focuses, clicking
// activates, arrows (a grid of cols columns) and Tab move, Enter and Space
// activate. It returns the index activated, or -1.
func (n *Focus) Update(in Input, rects []Rect, enabled []bool, cols int) int {
	count := len(rects)
	if count == 0 {
		return -1
	}
	ok := func(i int) bool { return i >= 0 && i < count && (enabled == nil || enabled[i]) }
	if n.I < 0 || n.I >= count {
		n.I = 0
	}
	hit := -1
	for i, r := range rects {
		if r.Contains(in.Cursor) {
			hit = i
		}
	}
	if in.Moved && ok(hit) {
		n.I = hit
	}
	if in.Click && hit >= 0 {
		if ok(hit) {
			n.I = hit
			return hit
		}
		return -1
	}
	if cols < 1 {
		cols = 1
	}
	step := func(d int) {
		for i := n.I + d; i >= 0 && i < count; i += d {
			if ok(i) {
				n.I = i
				return
			}
		}
	}
	switch {
	case in.Down:
		step(cols)
	case in.Up:
		step(-cols)
	case in.Right && cols > 1, in.Next:
		step(1)
	case in.Left && cols > 1, in.Prev:
		step(-1)
	}
	if !ok(n.I) {
		step(1)
	}
	if (in.Confirm || in.Space) && ok(n.I) {
		return n.I
	}
	return -1
}
