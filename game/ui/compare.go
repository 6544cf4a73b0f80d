package ui

import (
	"fmt"
	"hash/fnv"
	"time"
	"unicode"

	"runwayladder/game/history"
	"runwayladder/game/scenario"
	"runwayladder/game/ui/kit"
)

// compareScreen sets the player's paths side by side: one row per path
// (scenario), ordered startup, corporate, academia, one column per
// outcome axis on a scale the column shares, each run a dot, the middle
// half a box, the median a line, the best and worst run ringed, and under
// them the same path played by the balance bots. Each column says in one
// line what the spread shows. A run is selected with the arrows or the
// pointer and opened with Enter or a click: its ending is replayed from
// its code.
type compareScreen struct {
	back Screen
	// cmp is the comparison of the player's paths (history.Compare);
	// paths are its rows as drawn.
	cmp   history.Comparison
	paths []*comparePath
	n     int // runs in all
	built int // the history generation the paths were built from

	// row and sel are the selected run: a path, and a place in its runs
	// ordered from worst to best.
	row, sel int
	// onButtons is set when the keyboard focus is on the buttons.
	onButtons bool
	btn       kit.Focus
	page      int
	scroll    kit.Scroll

	// Baselines: computed in the background, one key after the other,
	// each handed over on blCh and cached in the store by Update.
	bl      *task[struct{}]
	blCh    chan *history.Baseline
	blTotal int
	blGot   int
	blErr   string
	blTook  time.Duration
	// hold keeps the baselines from starting (the screenshot of the
	// screen as it first appears).
	hold bool
}

// comparePath is one row: a path of the comparison (history.Path) with
// its scenario, when loaded, and where its dots sit.
type comparePath struct {
	*history.Path
	sc *scenario.Scenario
	// jit places each run's dot up or down in its strip (-1..1).
	jit []float64
}

func newCompare(c *Context, back Screen) *compareScreen {
	cp := &compareScreen{back: back, sel: -1}
	cp.build(c)
	return cp
}

// Name implements Screen.
func (cp *compareScreen) Name() string { return "compare" }

// Enter implements Screen: the rows follow the history (an import, a run
// finished), and the bots play the baselines still missing.
func (cp *compareScreen) Enter(c *Context) {
	if c.hist.stale || c.hist.gen != cp.built {
		cp.build(c)
		return
	}
	cp.startBaselines(c)
}

// Leave implements Screen: the bots stop, unless the player only opens a
// run's ending or the import screen and comes back.
func (cp *compareScreen) Leave(_ *Context, next Screen) {
	switch n := next.(type) {
	case *endingScreen:
		if n.back == Screen(cp) {
			return
		}
	case *importScreen:
		if n.back == Screen(cp) {
			return
		}
	}
	cp.bl.stop()
}

// Targets implements Screen: the buttons at the foot, and the pager.
func (cp *compareScreen) Targets(c *Context) []kit.Target {
	l := cp.layout(c)
	var out []kit.Target
	for i, r := range l.buttons {
		b := cp.button(i)
		out = append(out, b.Target(r))
	}
	if len(l.pager) == 2 {
		out = append(out, kit.Target{Label: "Previous axes", Key: "PgUp", R: l.pager[0], Enabled: true},
			kit.Target{Label: "More axes", Key: "PgDn", R: l.pager[1], Enabled: true})
	}
	return out
}

// button is the foot's button i: Export, Import, Back, or with no runs
// yet New run, Import, Back.
func (cp *compareScreen) button(i int) kit.Button {
	if len(cp.paths) == 0 {
		b := kit.Button{Label: compareEmptyButtons[i], Primary: i == 0}
		if i == 2 {
			b.Key = "Esc"
		}
		return b
	}
	return kit.Button{Label: compareButtons[i].label, Key: compareButtons[i].key}
}

// refresh rebuilds the rows after the scenarios were reloaded.
func (cp *compareScreen) refresh(c *Context) Screen {
	cp.build(c)
	return cp
}

// build groups the history by path and finds the cached baselines; the
// missing ones are computed in the background.
func (cp *compareScreen) build(c *Context) {
	recs := c.records()
	cp.built = c.hist.gen
	old := map[string]map[string]*history.Baseline{}
	for _, p := range cp.paths {
		old[p.Key] = p.Baselines
	}
	cp.cmp = history.Compare(recs)
	cp.paths = nil
	cp.n = len(recs)
	for i := range cp.cmp.Paths {
		p := &comparePath{Path: &cp.cmp.Paths[i]}
		if b := old[p.Key]; b != nil {
			p.Baselines = b
		}
		p.sc, _ = c.lib.find(p.Key)
		p.jit = make([]float64, len(p.Records))
		for j := range p.Records {
			h := fnv.New32a()
			h.Write([]byte(p.Records[j].Code))
			p.jit[j] = float64(h.Sum32()%2001)/1000 - 1
		}
		cp.paths = append(cp.paths, p)
	}
	if cp.row >= len(cp.paths) {
		cp.row = max(len(cp.paths)-1, 0)
	}
	if len(cp.paths) > 0 {
		cp.sel = min(cp.sel, len(cp.paths[cp.row].Order)-1)
		if cp.sel < 0 {
			cp.sel = len(cp.paths[cp.row].Order) - 1 // the best run
		}
	}
	cp.startBaselines(c)
}

// selected returns the selected run, if any.
func (cp *compareScreen) selected() (*comparePath, *history.Record) {
	if cp.row < 0 || cp.row >= len(cp.paths) {
		return nil, nil
	}
	p := cp.paths[cp.row]
	if cp.sel < 0 || cp.sel >= len(p.Order) {
		return p, nil
	}
	return p, &p.Records[p.Order[cp.sel]]
}

var compareButtons = []struct{ label, key string }{{"Export", "E"}, {"Import", "I"}, {"Back", "Esc"}}

var compareEmptyButtons = []string{"New run", "Import", "Back"}

// Update implements Screen.
func (cp *compareScreen) Update(c *Context, in kit.Input) (next Screen, err error) {
	if c.hist.stale || c.hist.gen != cp.built {
		cp.build(c)
	}
	cp.takeBaselines(c)
	if cp.bl != nil && cp.bl.finished() && cp.blCh == nil && !cp.baselinesDone() && cp.blErr == "" {
		cp.startBaselines(c) // rows were added while the bots played
	}
	st := c.Style()
	l := cp.layout(c)
	if in.Back {
		return cp.back, nil
	}
	for _, r := range in.Runes {
		switch unicode.ToLower(r) {
		case 'e':
			return cp.export(c)
		case 'i':
			return newImport(c, cp), nil
		case 'b', 'w':
			if len(cp.paths) > 0 {
				p := cp.paths[cp.row]
				cp.onButtons = false
				cp.sel = len(p.Order) - 1
				if unicode.ToLower(r) == 'w' {
					cp.sel = 0
				}
			}
		}
	}
	if len(cp.paths) == 0 {
		switch cp.btn.Update(in, l.buttons, nil, 3) {
		case 0:
			return newChoose(c), nil
		case 1:
			return newImport(c, cp), nil
		case 2:
			return cp.back, nil
		}
		return cp, nil
	}
	// Pages of axes (narrow windows).
	if l.pages > 1 {
		turn := 0
		if in.Click {
			if l.pager[0].Contains(in.Cursor) {
				turn = -1
			} else if l.pager[1].Contains(in.Cursor) {
				turn = 1
			}
		}
		if in.PageDown {
			turn = 1
		}
		if in.PageUp {
			turn = -1
		}
		if turn != 0 {
			cp.page = (cp.page + turn + l.pages) % l.pages
			return cp, nil
		}
		in.PageUp, in.PageDown = false, false
	}
	cp.scroll.Update(in, l.view, l.content, kit.LineH(st.Body))
	// The pointer: hovering a dot selects its run, a click opens it.
	if in.Moved || in.Click {
		if row, sel, ok := cp.runAt(c, l, in.Cursor); ok {
			cp.row, cp.sel, cp.onButtons = row, sel, false
			if in.Click {
				return cp.open(c)
			}
		}
	}
	// The keyboard: the runs, then the buttons.
	switch {
	case in.Next && !cp.onButtons:
		if cp.row < len(cp.paths)-1 {
			cp.moveRow(1, l)
		} else {
			cp.onButtons, cp.btn.I = true, 0
		}
		return cp, nil
	case in.Prev && !cp.onButtons:
		cp.moveRow(-1, l)
		return cp, nil
	case in.Prev && cp.onButtons && cp.btn.I == 0:
		cp.onButtons = false
		return cp, nil
	case in.Up && cp.onButtons:
		cp.onButtons = false
		return cp, nil
	case in.Down && !cp.onButtons && cp.row == len(cp.paths)-1:
		cp.onButtons = true
		return cp, nil
	}
	if !cp.onButtons {
		p := cp.paths[cp.row]
		switch {
		case in.Up:
			cp.moveRow(-1, l)
		case in.Down:
			cp.moveRow(1, l)
		case in.Left:
			cp.sel = max(cp.sel-1, 0)
		case in.Right:
			cp.sel = min(cp.sel+1, len(p.Order)-1)
		case in.Confirm || in.Space:
			return cp.open(c)
		}
	}
	bin := in
	if !cp.onButtons {
		bin.Up, bin.Down, bin.Left, bin.Right, bin.Next, bin.Prev, bin.Confirm, bin.Space = false, false, false, false, false, false, false, false
	}
	if in.Moved {
		for _, r := range l.buttons {
			if r.Contains(in.Cursor) {
				cp.onButtons = true
			}
		}
	}
	switch cp.btn.Update(bin, l.buttons, nil, 3) {
	case 0:
		return cp.export(c)
	case 1:
		return newImport(c, cp), nil
	case 2:
		return cp.back, nil
	}
	return cp, nil
}

// moveRow selects the best run of the next or previous path.
func (cp *compareScreen) moveRow(d int, l compareLayout) {
	n := max(0, min(cp.row+d, len(cp.paths)-1))
	if n != cp.row {
		cp.row = n
		cp.sel = len(cp.paths[n].Order) - 1
	}
	cp.scroll.Show(l.view, l.content, float64(cp.row)*l.rowH, l.rowH)
}

func (cp *compareScreen) export(c *Context) (Screen, error) {
	msg, err := c.exportHistory(c.Now)
	if err != nil {
		c.say(err.Error(), true)
	} else {
		c.say(msg, false)
	}
	return cp, nil
}

// open shows the selected run's ending again, replayed from its code.
func (cp *compareScreen) open(c *Context) (Screen, error) {
	_, rec := cp.selected()
	if rec == nil {
		return cp, nil
	}
	scr, err := openRecord(c, rec, cp)
	if err != nil {
		c.say(err.Error(), true)
		return cp, nil
	}
	return scr, nil
}

// openRecord replays a finished run from history and shows its ending.
func openRecord(c *Context, rec *history.Record, back Screen) (Screen, error) {
	sc, ok := c.lib.find(rec.Scenario)
	if !ok {
		return nil, fmt.Errorf("this run is of the scenario %q, which is not loaded, so it cannot be replayed", rec.Scenario)
	}
	if sc.Version != rec.Content {
		return nil, fmt.Errorf("this run was played on version %d of %s; version %d is installed, so it cannot be replayed", rec.Content, sc.Title, sc.Version)
	}
	run, err := rec.Replay(sc)
	if err != nil {
		return nil, fmt.Errorf("this run could not be replayed: %v", err)
	}
	if !run.Done() {
		return nil, fmt.Errorf("this run's code does not reach an ending")
	}
	return newPastEnding(run, back), nil
}
