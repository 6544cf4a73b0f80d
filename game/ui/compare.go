package ui

import (
	"context"
	"fmt"
	"hash/fnv"
	"image/color"
	"math"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/game/history"
	"runwayladder/game/scenario"
	"runwayladder/game/sim"
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
	a     *app
	back  Screen
	paths []*comparePath
	n     int // runs in all
	built int // the history generation the paths were built from

	// row and sel are the selected run: a path, and a place in its runs
	// ordered from worst to best.
	row, sel int
	// onButtons is set when the keyboard focus is on the buttons.
	onButtons bool
	btn       nav
	page      int
	scroll    scroller

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

// comparePath is one row: the player's runs of one scenario.
type comparePath struct {
	g     history.Group
	label string // short name for the takeaways: "Startup" or the title
	sc    *scenario.Scenario
	// order holds record indices from the worst run to the best.
	order []int
	// jit places each run's dot up or down in its strip (-1..1).
	jit []float64
	// base holds the bots' baselines by bot name, once known.
	base map[string]*history.Baseline
}

// trackRank orders paths: startup first, then corporate, academia, the rest.
func trackRank(track string) int {
	switch track {
	case "startup":
		return 0
	case "corporate":
		return 1
	case "academia":
		return 2
	}
	return 3
}

// trackColour gives each track one colour on every screen that compares
// paths: startup amber, corporate violet, academia pink, others teal.
func trackColour(pal Palette, track string) color.RGBA {
	s := pal.Series
	switch track {
	case "startup":
		return s[1%len(s)]
	case "corporate":
		return s[5%len(s)]
	case "academia":
		return s[3%len(s)]
	}
	return s[6%len(s)]
}

// categoryFill colours an ending category in stacked bars, best to worst.
func categoryFill(pal Palette, c string) color.RGBA {
	switch scenario.Category(c) {
	case scenario.Thrived:
		return pal.Good
	case scenario.Good:
		return mix(pal.Good, pal.Focus, 0.55)
	case scenario.Survived:
		return pal.Neutral
	case scenario.Struggled:
		return pal.Warn
	}
	return pal.Bad
}

// axisTitle names an outcome axis as the ending screen does.
func axisTitle(i int) string {
	switch sim.AxisNames[i] {
	case "wealth":
		return "Wealth"
	case "level":
		return "Level"
	case "skills":
		return "Skills"
	case "wellbeing":
		return "Wellbeing"
	case "autonomy":
		return "Autonomy"
	case "months":
		return "Time"
	}
	return sim.AxisNames[i]
}

// fmtAxis renders a value of axis i for the compare and what-if screens.
func fmtAxis(i int, v float64) string {
	switch sim.AxisNames[i] {
	case "wealth":
		return sim.FormatValue(v, scenario.Money)
	case "level":
		return fmt.Sprintf("%.1f", v)
	case "months":
		return sim.FormatValue(math.Round(v), scenario.Months)
	}
	return fmt.Sprintf("%.0f", v)
}

func fmtRange(i int, lo, hi float64) string {
	return fmtAxis(i, lo) + "–" + fmtAxis(i, hi)
}

func newCompare(a *app, back Screen) *compareScreen {
	c := &compareScreen{a: a, back: back, sel: -1}
	c.build()
	return c
}

// refresh rebuilds the rows after the scenarios were reloaded.
func (c *compareScreen) refresh() Screen {
	c.build()
	return c
}

// build groups the history by path and finds the cached baselines; the
// missing ones are computed in the background.
func (c *compareScreen) build() {
	a := c.a
	recs := a.records()
	c.built = a.hist.gen
	old := map[string]map[string]*history.Baseline{}
	for _, p := range c.paths {
		old[p.g.Key] = p.base
	}
	c.paths = nil
	c.n = len(recs)
	groups := history.ByScenario(recs)
	sort.SliceStable(groups, func(i, j int) bool {
		ri, rj := trackRank(groups[i].Track), trackRank(groups[j].Track)
		if ri != rj {
			return ri < rj
		}
		return groups[i].Key < groups[j].Key
	})
	perTrack := map[string]int{}
	for _, g := range groups {
		perTrack[g.Track]++
	}
	for _, g := range groups {
		p := &comparePath{g: g, base: old[g.Key]}
		if p.base == nil {
			p.base = map[string]*history.Baseline{}
		}
		p.sc, _ = a.lib.find(g.Key)
		if p.g.Title == "" && p.sc != nil {
			p.g.Title = p.sc.Title
		}
		if p.g.Title == "" {
			p.g.Title = g.Key
		}
		p.label = p.g.Title
		if g.Track != "" && perTrack[g.Track] == 1 {
			p.label = strings.ToUpper(g.Track[:1]) + g.Track[1:]
		}
		scores := make([]float64, len(g.Records))
		p.order = make([]int, len(g.Records))
		p.jit = make([]float64, len(g.Records))
		for i := range g.Records {
			scores[i] = history.Score(g.Records[i].Outcome())
			p.order[i] = i
			h := fnv.New32a()
			h.Write([]byte(g.Records[i].Code))
			p.jit[i] = float64(h.Sum32()%2001)/1000 - 1
		}
		sort.SliceStable(p.order, func(i, j int) bool { return scores[p.order[i]] < scores[p.order[j]] })
		c.paths = append(c.paths, p)
	}
	if c.row >= len(c.paths) {
		c.row = max(len(c.paths)-1, 0)
	}
	if len(c.paths) > 0 {
		c.sel = min(c.sel, len(c.paths[c.row].order)-1)
		if c.sel < 0 {
			c.sel = len(c.paths[c.row].order) - 1 // the best run
		}
	}
	c.startBaselines()
}

// baselineKey is the key of a path's baseline for a bot.
func baselineKey(sc *scenario.Scenario, bot string) history.BaselineKey {
	return history.NewBaselineKey(sc, bot, baselineRuns, history.DefaultBaselineSeed)
}

// startBaselines takes the cached baselines and starts computing the
// others: the typical player's first, then random picks'.
func (c *compareScreen) startBaselines() {
	a := c.a
	type job struct {
		sc  *scenario.Scenario
		key history.BaselineKey
	}
	var jobs []job
	for _, bot := range history.BaselineBots {
		for _, p := range c.paths {
			if p.sc == nil || p.base[bot] != nil {
				continue
			}
			key := baselineKey(p.sc, bot)
			if b, ok := a.history.CachedBaseline(key); ok {
				p.base[bot] = b
				continue
			}
			jobs = append(jobs, job{p.sc, key})
		}
	}
	if len(jobs) == 0 || c.hold || (c.bl != nil && !c.bl.finished()) {
		c.blTotal = max(c.blTotal, len(jobs))
		return
	}
	c.blTotal, c.blGot, c.blErr = len(jobs), 0, ""
	ch := make(chan *history.Baseline, len(jobs))
	c.blCh = ch
	c.bl = startTask(a.hist.tasks, func(ctx context.Context, progress func(done, total int)) (struct{}, error) {
		for i, j := range jobs {
			progress(i, len(jobs))
			b, err := history.ComputeBaseline(ctx, j.sc, j.key)
			if err != nil {
				return struct{}{}, err
			}
			ch <- b
		}
		progress(len(jobs), len(jobs))
		return struct{}{}, nil
	})
}

// takeBaselines takes the baselines computed since the last tick and
// caches them in the store (on the game goroutine, as the store asks).
func (c *compareScreen) takeBaselines() {
	if c.blCh == nil {
		return
	}
	// Once the task has ended every baseline it computed is in the
	// channel (checked before draining, so none is left behind).
	finished := c.bl.finished()
	for drained := false; !drained; {
		select {
		case b := <-c.blCh:
			c.blGot++
			if err := c.a.history.SaveBaseline(b); err != nil {
				c.blErr = "the bots' results could not be cached: " + err.Error()
			}
			for _, p := range c.paths {
				if p.sc != nil && p.g.Key == b.Key.Scenario && baselineKey(p.sc, b.Key.Bot) == b.Key {
					p.base[b.Key.Bot] = b
				}
			}
		default:
			drained = true
		}
	}
	if finished {
		c.blCh = nil
		if _, err, _ := c.bl.result(); err != nil && err != context.Canceled {
			c.blErr = err.Error()
		}
		c.blTook = c.bl.took
	}
}

// baselinesDone reports whether every baseline that can be had is here.
func (c *compareScreen) baselinesDone() bool {
	for _, p := range c.paths {
		if p.sc == nil {
			continue
		}
		for _, bot := range history.BaselineBots {
			if p.base[bot] == nil {
				return false
			}
		}
	}
	return true
}

// leave stops the background work when the player leaves for good.
func (c *compareScreen) leave() {
	c.bl.stop()
}

// compareLayout places the compare screen. Rows are in the coordinates
// of view, scrolled; everything else is on screen.
type compareLayout struct {
	header, sub Rect
	status      Rect   // the runs and the bots, right of the title
	lines       int    // lines of takeaway in a column's head
	pager       []Rect // previous and next page of axes, when paginated
	pagerLabel  Rect
	legend      Rect
	heads       []Rect // one per visible axis: title, takeaway, scale
	axes        []int  // the visible axes
	pages       int
	view        Rect
	labelW      float64
	cols        []Rect // x and width of each visible axis' cells
	rowH, plotH float64
	content     float64
	foot, info  Rect
	buttons     []Rect
	// empty state
	empty Rect
}

// compare geometry, in design units.
const (
	cmpLabelW = 196
	cmpMinCol = 150
	cmpColGap = 12
	cmpPad    = 9
)

// cmpPlotH is the least height of a cell's plot: the player's strip and
// the two bot bars under it (cmpBotsH).
func cmpPlotH(st *style) float64 { return st.d(20) + cmpBotsH(st) }

func cmpBotsH(st *style) float64 { return st.d(5 + 6 + 4 + 4 + 3) }

// cmpTextH is the height of a cell's numbers.
func cmpTextH(st *style) float64 { return st.d(4) + lineH(st.small) + 2*lineH(st.tiny) }

// cmpRowH is the least height of a row.
func cmpRowH(st *style) float64 {
	cell := st.d(cmpPad) + cmpPlotH(st) + cmpTextH(st) + st.d(cmpPad)
	head := st.d(cmpPad) + 2*lineH(st.label) + lineH(st.small) + st.d(6) + st.d(8) + st.d(4) + lineH(st.tiny) + st.d(cmpPad)
	return math.Max(cell, head)
}

// cmpHeadH is the height of a column's head with n lines of takeaway.
func cmpHeadH(st *style, n int) float64 {
	return lineH(st.bodyBold) + st.d(4) + textHeight(n, st.small, 1.15) + st.d(6) + lineH(st.tiny)
}

func layCompare(b Rect, st *style, nPaths, page int) compareLayout {
	var l compareLayout
	body := b.InsetXY(st.d(28), st.d(20))
	l.foot, body = body.CutBottom(st.d(48))
	_, body = body.CutBottom(st.d(10))
	bw := math.Min(st.d(170), math.Max(l.foot.W*0.16, st.d(118)))
	for i := 0; i < 3; i++ {
		l.buttons = append(l.buttons, Rect{l.foot.Right() - float64(3-i)*bw - float64(2-i)*st.d(12), l.foot.Y, bw, l.foot.H})
	}
	l.info = Rect{l.foot.X, l.foot.Y - st.d(3), l.buttons[0].X - l.foot.X - st.d(16), l.foot.H + st.d(6)}
	l.header, body = body.CutTop(lineH(st.title))
	l.sub, body = body.CutTop(st.d(4) + lineH(st.label))
	l.sub.Y += st.d(4)
	l.sub.H -= st.d(4)
	_, body = body.CutTop(st.d(10))
	if nPaths == 0 {
		l.empty = body
		return l
	}
	l.labelW = st.d(cmpLabelW)
	avail := body.W - l.labelW
	n := int((avail + st.d(cmpColGap)) / (st.d(cmpMinCol) + st.d(cmpColGap)))
	n = max(1, min(n, len(sim.AxisNames)))
	l.pages = (len(sim.AxisNames) + n - 1) / n
	page = max(0, min(page, l.pages-1))
	for i := page * n; i < min((page+1)*n, len(sim.AxisNames)); i++ {
		l.axes = append(l.axes, i)
	}
	cw := (avail - float64(n)*st.d(cmpColGap)) / float64(n)
	// Four lines of takeaway, or three when that lets every row fit.
	l.lines = 4
	fits := func(n int) bool { return body.H-cmpHeadH(st, n)-st.d(4) >= float64(nPaths)*cmpRowH(st) }
	if !fits(4) && fits(3) {
		l.lines = 3
	}
	headH := cmpHeadH(st, l.lines)
	head, rest := body.CutTop(headH)
	l.legend = Rect{head.X, head.Y, l.labelW - st.d(cmpColGap), headH}
	for k := range l.axes {
		x := body.X + l.labelW + float64(k)*(cw+st.d(cmpColGap))
		l.heads = append(l.heads, Rect{x, head.Y, cw, headH})
		l.cols = append(l.cols, Rect{x, 0, cw, 0})
	}
	_, l.view = rest.CutTop(st.d(4))
	// Rows grow into spare height (the strips spread out), up to a third.
	base := cmpRowH(st)
	l.rowH = math.Max(base, math.Min(base*4/3, l.view.H/float64(nPaths)))
	l.plotH = cmpPlotH(st) + l.rowH - base
	l.content = float64(nPaths) * l.rowH
	right := l.header.Right()
	if l.pages > 1 {
		pw := st.d(34)
		lw := st.d(56)
		y := l.header.Y + (l.header.H-pw)/2
		next := Rect{right - pw, y, pw, pw}
		l.pagerLabel = Rect{next.X - st.d(4) - lw, y, lw, pw}
		prev := Rect{l.pagerLabel.X - st.d(4) - pw, y, pw, pw}
		l.pager = []Rect{prev, next}
		right = prev.X - st.d(14)
	}
	tw := textWidth("Compare your paths", st.title) + st.d(24)
	l.status = Rect{l.header.X + tw, l.header.Y, math.Max(right-l.header.X-tw, 0), l.header.H}
	l.header.W = math.Min(l.header.W, tw)
	return l
}

func (c *compareScreen) layout() compareLayout {
	l := layCompare(c.a.bounds(), c.a.style(), len(c.paths), c.page)
	if l.pages > 0 {
		c.page = max(0, min(c.page, l.pages-1))
	}
	return l
}

// rowRect is row i on screen (scrolled).
func (c *compareScreen) rowRect(l compareLayout, i int) Rect {
	return Rect{l.view.X, l.view.Y + float64(i)*l.rowH - c.scroll.off, l.view.W, l.rowH}
}

// cellRect is the cell of row i and visible column k on screen.
func (c *compareScreen) cellRect(l compareLayout, i, k int) Rect {
	r := c.rowRect(l, i)
	return Rect{l.cols[k].X, r.Y, l.cols[k].W, r.H}
}

// plotRect is the plot inside a cell: the player's strip and the bots.
func plotRect(st *style, l compareLayout, cell Rect) Rect {
	return Rect{cell.X, cell.Y + st.d(cmpPad), cell.W, l.plotH}
}

// stripH is the height of the player's strip at the top of a plot.
func stripH(st *style, plot Rect) float64 { return plot.H - cmpBotsH(st) }

// scale is the range of an axis shared by every row: the player's runs
// and the middle half of the bots' runs (their whiskers may run off the
// edge).
func (c *compareScreen) scale(axis int) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, p := range c.paths {
		s := p.g.Summary.Axes[axis]
		if s.Count > 0 {
			lo, hi = math.Min(lo, s.Min), math.Max(hi, s.Max)
		}
		for _, b := range p.base {
			// The bots' middle halves, not their extremes: a bot's one
			// lucky run must not squeeze the player's runs into a corner.
			if b != nil && len(b.Summary.Axes) > axis && b.Summary.Axes[axis].Count > 0 {
				lo, hi = math.Min(lo, b.Summary.Axes[axis].Q1), math.Max(hi, b.Summary.Axes[axis].Q3)
			}
		}
	}
	if math.IsInf(lo, 1) {
		return 0, 1
	}
	if sim.AxisNames[axis] == "wealth" || sim.AxisNames[axis] == "months" {
		lo = math.Min(lo, 0)
	}
	if hi-lo < 1e-9 {
		lo, hi = lo-1, hi+1
	}
	return lo, hi
}

// dotAt is where run j of path p sits in a plot, for an axis.
func dotAt(st *style, plot Rect, p *comparePath, j, axis int, lo, hi float64) Point {
	v := p.g.Records[j].Outcome().Axis(axis)
	inner := plot.InsetXY(st.d(5), 0)
	x := inner.X + inner.W*clamp01((v-lo)/(hi-lo))
	sh := stripH(st, plot)
	y := plot.Y + sh/2 + p.jit[j]*(sh/2-st.d(3))
	return Point{x, y}
}

// runAt finds the run under the pointer: the nearest dot within reach.
func (c *compareScreen) runAt(l compareLayout, pt Point) (row, sel int, ok bool) {
	st := c.a.style()
	if !l.view.Contains(pt) {
		return 0, 0, false
	}
	best := st.d(8) * st.d(8)
	for i, p := range c.paths {
		rr := c.rowRect(l, i)
		if pt.Y < rr.Y || pt.Y >= rr.Bottom() {
			continue
		}
		for k, axis := range l.axes {
			plot := plotRect(st, l, c.cellRect(l, i, k))
			if !plot.InsetXY(-st.d(4), -st.d(4)).Contains(pt) {
				continue
			}
			lo, hi := c.scale(axis)
			for s, j := range p.order {
				d := dotAt(st, plot, p, j, axis, lo, hi)
				if dd := (d.X-pt.X)*(d.X-pt.X) + (d.Y-pt.Y)*(d.Y-pt.Y); dd <= best {
					best, row, sel, ok = dd, i, s, true
				}
			}
		}
	}
	return row, sel, ok
}

// selected returns the selected run, if any.
func (c *compareScreen) selected() (*comparePath, *history.Record) {
	if c.row < 0 || c.row >= len(c.paths) {
		return nil, nil
	}
	p := c.paths[c.row]
	if c.sel < 0 || c.sel >= len(p.order) {
		return p, nil
	}
	return p, &p.g.Records[p.order[c.sel]]
}

var compareButtons = []struct{ label, key string }{{"Export", "E"}, {"Import", "I"}, {"Back", "Esc"}}

var compareEmptyButtons = []string{"New run", "Import", "Back"}

// Update implements Screen.
func (c *compareScreen) Update(in Input) (next Screen, err error) {
	a := c.a
	defer func() {
		if next != Screen(c) {
			if _, past := next.(*pastEnding); !past {
				if _, imp := next.(*importScreen); !imp {
					c.leave()
				}
			}
		}
	}()
	if a.hist.stale || a.hist.gen != c.built {
		c.build()
	}
	c.takeBaselines()
	if c.bl != nil && c.bl.finished() && c.blCh == nil && !c.baselinesDone() && c.blErr == "" {
		c.startBaselines() // rows were added while the bots played
	}
	st := a.style()
	l := c.layout()
	if in.Back {
		return c.back, nil
	}
	for _, r := range in.Runes {
		switch unicode.ToLower(r) {
		case 'e':
			return c.export()
		case 'i':
			return newImport(a, c), nil
		case 'b', 'w':
			if len(c.paths) > 0 {
				p := c.paths[c.row]
				c.onButtons = false
				c.sel = len(p.order) - 1
				if unicode.ToLower(r) == 'w' {
					c.sel = 0
				}
			}
		}
	}
	if len(c.paths) == 0 {
		switch c.btn.update(in, l.buttons, nil, 3) {
		case 0:
			return newChoose(a), nil
		case 1:
			return newImport(a, c), nil
		case 2:
			return c.back, nil
		}
		return c, nil
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
			c.page = (c.page + turn + l.pages) % l.pages
			return c, nil
		}
		in.PageUp, in.PageDown = false, false
	}
	c.scroll.update(in, l.view, l.content, lineH(st.body))
	// The pointer: hovering a dot selects its run, a click opens it.
	if in.Moved || in.Click {
		if row, sel, ok := c.runAt(l, in.Cursor); ok {
			c.row, c.sel, c.onButtons = row, sel, false
			if in.Click {
				return c.open()
			}
		}
	}
	// The keyboard: the runs, then the buttons.
	switch {
	case in.Next && !c.onButtons:
		if c.row < len(c.paths)-1 {
			c.moveRow(1, l)
		} else {
			c.onButtons, c.btn.focus = true, 0
		}
		return c, nil
	case in.Prev && !c.onButtons:
		c.moveRow(-1, l)
		return c, nil
	case in.Prev && c.onButtons && c.btn.focus == 0:
		c.onButtons = false
		return c, nil
	case in.Up && c.onButtons:
		c.onButtons = false
		return c, nil
	case in.Down && !c.onButtons && c.row == len(c.paths)-1:
		c.onButtons = true
		return c, nil
	}
	if !c.onButtons {
		p := c.paths[c.row]
		switch {
		case in.Up:
			c.moveRow(-1, l)
		case in.Down:
			c.moveRow(1, l)
		case in.Left:
			c.sel = max(c.sel-1, 0)
		case in.Right:
			c.sel = min(c.sel+1, len(p.order)-1)
		case in.Confirm || in.Space:
			return c.open()
		}
	}
	bin := in
	if !c.onButtons {
		bin.Up, bin.Down, bin.Left, bin.Right, bin.Next, bin.Prev, bin.Confirm, bin.Space = false, false, false, false, false, false, false, false
	}
	if in.Moved {
		for _, r := range l.buttons {
			if r.Contains(in.Cursor) {
				c.onButtons = true
			}
		}
	}
	switch c.btn.update(bin, l.buttons, nil, 3) {
	case 0:
		return c.export()
	case 1:
		return newImport(a, c), nil
	case 2:
		return c.back, nil
	}
	return c, nil
}

// moveRow selects the best run of the next or previous path.
func (c *compareScreen) moveRow(d int, l compareLayout) {
	n := max(0, min(c.row+d, len(c.paths)-1))
	if n != c.row {
		c.row = n
		c.sel = len(c.paths[n].order) - 1
	}
	c.scroll.show(l.view, l.content, float64(c.row)*l.rowH, l.rowH)
}

func (c *compareScreen) export() (Screen, error) {
	msg, err := c.a.exportHistory()
	if err != nil {
		c.a.say(err.Error(), true)
	} else {
		c.a.say(msg, false)
	}
	return c, nil
}

// open shows the selected run's ending again, replayed from its code.
func (c *compareScreen) open() (Screen, error) {
	a := c.a
	_, rec := c.selected()
	if rec == nil {
		return c, nil
	}
	scr, err := openRecord(a, rec, c)
	if err != nil {
		a.say(err.Error(), true)
		return c, nil
	}
	return scr, nil
}

// Draw implements Screen.
func (c *compareScreen) Draw(dst *ebiten.Image) {
	a := c.a
	c.takeBaselines()
	st := a.style()
	pal := st.pal
	l := c.layout()
	c.scroll.clamp(l.view, l.content)
	a.paint.text(dst, ellipsize("Compare your paths", st.title, l.header.W), st.title, l.header.X, l.header.Y, pal.Text, l.header)
	if len(c.paths) == 0 {
		a.paint.text(dst, ellipsize("Every run you finish is kept, so the paths can be set side by side.", st.small, l.sub.W), st.small, l.sub.X, l.sub.Y, pal.Muted, l.sub)
	} else {
		a.paint.text(dst, ellipsize(c.headline(), st.label, l.sub.W), st.label, l.sub.X, l.sub.Y, pal.Accent, l.sub)
		if l.status.W > st.d(40) {
			stx := ellipsize(c.status(), st.small, l.status.W)
			a.paint.text(dst, stx, st.small, l.status.Right()-textWidth(stx, st.small), l.status.Y+(l.status.H-lineH(st.small))/2, pal.Muted, l.status)
		}
	}
	if len(c.paths) == 0 {
		c.drawEmpty(dst, l)
	} else {
		if l.pages > 1 {
			a.button(dst, l.pager[0], "‹", "", false, true, false)
			a.button(dst, l.pager[1], "›", "", false, true, false)
			a.paint.textIn(dst, fmt.Sprintf("%d of %d", c.page+1, l.pages), st.small, l.pagerLabel, 0.5, pal.Muted)
		}
		c.drawLegend(dst, l.legend)
		for k, axis := range l.axes {
			c.drawHead(dst, l.heads[k], axis, l.lines)
		}
		clip := clipTo(dst, l.view)
		for i := range c.paths {
			r := c.rowRect(l, i)
			if r.Overlaps(l.view) {
				c.drawRow(clip, l, i)
			}
		}
		a.fadeEdges(clip, l.view, l.content, c.scroll.off, pal.Bg)
		a.scrollbar(dst, l.view, l.view.Right()-st.d(4), 0, l.content, c.scroll.off)
		c.drawInfo(dst, l.info, l.pages > 1)
	}
	labels := compareButtons
	for i, r := range l.buttons {
		label, key := labels[i].label, labels[i].key
		if len(c.paths) == 0 {
			label, key = compareEmptyButtons[i], ""
			if i == 2 {
				key = "Esc"
			}
		}
		focused := c.btn.focus == i && (c.onButtons || len(c.paths) == 0)
		a.button(dst, r, label, key, focused, true, len(c.paths) == 0 && i == 0)
	}
}

// status counts the runs and says where the bots are.
func (c *compareScreen) status() string {
	s := fmt.Sprintf("%d %s · bots: %d runs a path", c.n, plural(c.n, "run", "runs"), baselineRuns)
	switch {
	case c.blErr != "":
		s = fmt.Sprintf("%d %s · bots: %s", c.n, plural(c.n, "run", "runs"), c.blErr)
	case !c.baselinesDone() && c.blTotal > 0:
		s = fmt.Sprintf("%d %s · bots playing %d of %d…", c.n, plural(c.n, "run", "runs"), min(c.blGot+1, c.blTotal), c.blTotal)
	}
	return s
}

// headline says in one line which path leads on which axis: the
// trade-off at a glance, from the medians.
func (c *compareScreen) headline() string {
	if len(c.paths) == 1 {
		return fmt.Sprintf("%s on its own: finish runs on another path to see the trade-offs.", c.paths[0].g.Title)
	}
	leads := map[int][]string{}
	for axis, name := range sim.AxisNames {
		if name == "months" {
			continue // a longer run is not a better one
		}
		hi, lo := -1, -1
		for i, p := range c.paths {
			s := p.g.Summary.Axes[axis]
			if s.Count == 0 {
				continue
			}
			if hi < 0 || s.Median > c.paths[hi].g.Summary.Axes[axis].Median {
				hi = i
			}
			if lo < 0 || s.Median < c.paths[lo].g.Summary.Axes[axis].Median {
				lo = i
			}
		}
		if hi < 0 || hi == lo {
			continue
		}
		lo0, hi0 := c.scale(axis)
		if c.paths[hi].g.Summary.Axes[axis].Median-c.paths[lo].g.Summary.Axes[axis].Median <= (hi0-lo0)/20 {
			continue // about the same
		}
		leads[hi] = append(leads[hi], name)
	}
	var parts []string
	for i, p := range c.paths {
		if len(leads[i]) == 0 {
			continue
		}
		names := leads[i]
		list := strings.Join(names, ", ")
		if len(names) > 1 {
			list = strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
		}
		if len(parts) == 0 {
			parts = append(parts, fmt.Sprintf("%s leads on %s", p.label, list))
		} else {
			parts = append(parts, fmt.Sprintf("%s on %s", p.label, list))
		}
	}
	if len(parts) == 0 {
		return "Your paths end about the same on every axis."
	}
	return "Medians: " + strings.Join(parts, "; ") + "."
}

// drawLegend explains the marks, drawn as they appear in the plots.
func (c *compareScreen) drawLegend(dst *ebiten.Image, r Rect) {
	a := c.a
	st := a.style()
	pal := st.pal
	lh := lineH(st.tiny) + st.d(3)
	y := r.Y + st.d(2)
	gx := r.X + st.d(4)
	tx := r.X + st.d(30)
	row := func(label string, glyph func(cx, cy float64)) {
		glyph(gx+st.d(10), y+lineH(st.tiny)/2)
		a.paint.text(dst, ellipsize(label, st.tiny, r.Right()-tx), st.tiny, tx, y, pal.Muted, r)
		y += lh
	}
	clr := pal.Text
	row("one of your runs", func(cx, cy float64) { a.paint.circle(dst, cx, cy, st.d(3), alpha(clr, 0.8)) })
	row("middle half, | median", func(cx, cy float64) {
		a.paint.rect(dst, Rect{cx - st.d(9), cy - st.d(5), st.d(18), st.d(10)}, alpha(pal.Muted, 0.35))
		a.paint.rect(dst, Rect{cx - st.d(1), cy - st.d(6), st.d(2), st.d(12)}, pal.Text)
	})
	row("your best run", func(cx, cy float64) { a.paint.ring(dst, cx, cy, st.d(5), st.d(2), pal.Good) })
	row("your worst run", func(cx, cy float64) { a.paint.ring(dst, cx, cy, st.d(5), st.d(2), pal.Bad) })
	row("typical player", func(cx, cy float64) {
		a.paint.rect(dst, Rect{cx - st.d(10), cy - st.d(3), st.d(20), st.d(6)}, alpha(pal.Muted, 0.75))
	})
	if y+lineH(st.tiny) <= r.Bottom() {
		row("random picks", func(cx, cy float64) {
			a.paint.rect(dst, Rect{cx - st.d(10), cy - st.d(2), st.d(20), st.d(4)}, alpha(pal.Faint, 0.8))
		})
	}
}

// drawHead draws a column's title, its takeaway and its scale.
func (c *compareScreen) drawHead(dst *ebiten.Image, r Rect, axis, lines int) {
	a := c.a
	st := a.style()
	pal := st.pal
	a.paint.text(dst, ellipsize(axisTitle(axis), st.bodyBold, r.W), st.bodyBold, r.X, r.Y, pal.Text, r)
	y := r.Y + lineH(st.bodyBold) + st.d(4)
	ls := clampLines(a.wrap.wrap(c.takeaway(axis), st.small, r.W), lines, st.small, r.W)
	for _, ln := range ls {
		a.paint.text(dst, ln, st.small, r.X, y, pal.Muted, r)
		y += lineH(st.small) * 1.15
	}
	lo, hi := c.scale(axis)
	ty := r.Bottom() - lineH(st.tiny)
	los, his := fmtAxis(axis, lo), fmtAxis(axis, hi)
	a.paint.rect(dst, Rect{r.X, ty - st.d(3), r.W, st.d(1)}, pal.Border)
	a.paint.text(dst, los, st.tiny, r.X, ty, pal.Faint, r)
	a.paint.text(dst, his, st.tiny, r.Right()-textWidth(his, st.tiny), ty, pal.Faint, r)
}

// drawRow draws one path: its name and counts, then a cell per axis.
func (c *compareScreen) drawRow(dst *ebiten.Image, l compareLayout, i int) {
	a := c.a
	st := a.style()
	pal := st.pal
	p := c.paths[i]
	r := c.rowRect(l, i)
	view := l.view
	tc := trackColour(pal, p.g.Track)
	selected := i == c.row && !c.onButtons
	bg := pal.Panel
	if selected {
		bg = pal.Raised
	}
	card := Rect{r.X, r.Y + st.d(3), r.W - st.d(10), r.H - st.d(6)}
	a.paint.round(dst, card, st.d(10), bg)
	a.paint.roundStroke(dst, card, st.d(10), st.d(1), pal.Border)
	a.paint.rect(dst, Rect{card.X, card.Y + st.d(10), st.d(4), card.H - st.d(20)}, tc)
	// The path's name, its track and count, and how its runs ended.
	in := Rect{r.X + st.d(16), r.Y + st.d(cmpPad), l.labelW - st.d(28), r.H - 2*st.d(cmpPad)}
	y := in.Y
	title := clampLines(a.wrap.wrap(p.g.Title, st.label, in.W), 2, st.label, in.W)
	for _, ln := range title {
		a.paint.textCut(dst, ln, st.label, in.X, y, pal.Text, view)
		y += lineH(st.label)
	}
	if len(title) < 2 {
		y += lineH(st.label)
	}
	track := p.g.Track
	if track == "" {
		track = "your scenario"
	}
	sub := fmt.Sprintf("%s · %d %s", track, p.g.Summary.Count, plural(p.g.Summary.Count, "run", "runs"))
	if p.sc == nil {
		sub += " · not loaded"
	}
	a.paint.textCut(dst, ellipsize(sub, st.small, in.W), st.small, in.X, y, tc, view)
	y += lineH(st.small) + st.d(10)
	bar := Rect{in.X, y, in.W, st.d(8)}
	x := bar.X
	for _, cc := range p.g.Summary.Categories {
		if cc.Count == 0 {
			continue
		}
		w := bar.W * cc.Share
		a.paint.rect(dst, Rect{x, bar.Y, math.Max(w-st.d(1), st.d(1)), bar.H}, categoryFill(pal, cc.Category))
		x += w
	}
	y = bar.Bottom() + st.d(6)
	a.paint.textCut(dst, ellipsize(categoryLine(p.g.Summary), st.tiny, in.W), st.tiny, in.X, y, pal.Muted, view)
	for k, axis := range l.axes {
		c.drawCell(dst, l, c.cellRect(l, i, k), p, axis, selected)
	}
}

// categoryLine says how a group's runs ended: the share that did well
// (thrived or good) and the share that failed.
func categoryLine(s history.Summary) string {
	well, failed := 0.0, 0.0
	for _, cc := range s.Categories {
		switch scenario.Category(cc.Category) {
		case scenario.Thrived, scenario.Good:
			well += cc.Share
		case scenario.Failed:
			failed += cc.Share
		}
	}
	return fmt.Sprintf("%.0f%% did well · %.0f%% failed", well*100, failed*100)
}

// drawCell draws one path on one axis: the dots, the box, the bots'
// bars and the numbers.
func (c *compareScreen) drawCell(dst *ebiten.Image, l compareLayout, cell Rect, p *comparePath, axis int, selected bool) {
	a := c.a
	st := a.style()
	pal := st.pal
	tc := trackColour(pal, p.g.Track)
	s := p.g.Summary.Axes[axis]
	lo, hi := c.scale(axis)
	view := l.view
	plot := plotRect(st, l, cell)
	inner := plot.InsetXY(st.d(5), 0)
	px := func(v float64) float64 { return inner.X + inner.W*clamp01((v-lo)/(hi-lo)) }
	sh := stripH(st, plot)
	cy := plot.Y + sh/2
	// The player's runs: whiskers, box, median, dots.
	if s.Count > 0 {
		a.paint.rect(dst, Rect{px(s.Min), cy - st.d(0.5), math.Max(px(s.Max)-px(s.Min), 1), st.d(1)}, alpha(tc, 0.55))
		bh := sh - st.d(2)
		box := Rect{px(s.Q1), cy - bh/2, math.Max(px(s.Q3)-px(s.Q1), st.d(2)), bh}
		a.paint.rect(dst, box, alpha(tc, 0.28))
		a.paint.roundStroke(dst, box, 0, st.d(1), alpha(tc, 0.9))
		for _, j := range p.order {
			d := dotAt(st, plot, p, j, axis, lo, hi)
			a.paint.circle(dst, d.X, d.Y, st.d(2.4), alpha(tc, 0.7))
		}
		a.paint.rect(dst, Rect{px(s.Median) - st.d(1.25), cy - bh/2 - st.d(2), st.d(2.5), bh + st.d(4)}, pal.Text)
		mark := func(j int, clr color.RGBA, rad float64) {
			if j < 0 || j >= len(p.g.Records) {
				return
			}
			d := dotAt(st, plot, p, j, axis, lo, hi)
			a.paint.ring(dst, d.X, d.Y, rad, st.d(2), clr)
		}
		mark(p.g.Summary.Worst, pal.Bad, st.d(5))
		mark(p.g.Summary.Best, pal.Good, st.d(5))
		if selected && c.sel >= 0 && c.sel < len(p.order) {
			j := p.order[c.sel]
			d := dotAt(st, plot, p, j, axis, lo, hi)
			a.paint.circle(dst, d.X, d.Y, st.d(3.2), pal.Text)
			mark(j, pal.Focus, st.d(7))
		}
	}
	// The bots: typical, then random picks.
	by := plot.Y + sh + st.d(5)
	for bi, bot := range history.BaselineBots {
		h := st.d(6)
		clr := alpha(pal.Muted, 0.75)
		if bi > 0 {
			h, clr = st.d(4), alpha(pal.Faint, 0.8)
		}
		b := p.base[bot]
		if b == nil || len(b.Summary.Axes) <= axis || b.Summary.Axes[axis].Count == 0 {
			if p.sc != nil {
				a.paint.rect(dst, Rect{inner.X, by, inner.W, h}, alpha(pal.Sunken, 0.9))
			}
		} else {
			bs := b.Summary.Axes[axis]
			a.paint.rect(dst, Rect{px(bs.Min), by + h/2 - st.d(0.5), math.Max(px(bs.Max)-px(bs.Min), 1), st.d(1)}, clr)
			a.paint.rect(dst, Rect{px(bs.Q1), by, math.Max(px(bs.Q3)-px(bs.Q1), st.d(2)), h}, clr)
			a.paint.rect(dst, Rect{px(bs.Median) - st.d(1), by - st.d(2), st.d(2), h + st.d(4)}, pal.Text)
		}
		by += h + st.d(4)
	}
	// The numbers.
	y := plot.Bottom() + st.d(4)
	if s.Count == 0 {
		return
	}
	med := "median " + fmtAxis(axis, s.Median)
	a.paint.textCut(dst, ellipsize(med, st.small, cell.W), st.small, cell.X, y, pal.Text, view)
	y += lineH(st.small)
	a.paint.textCut(dst, ellipsize("Q1–Q3 "+fmtRange(axis, s.Q1, s.Q3), st.tiny, cell.W), st.tiny, cell.X, y, pal.Muted, view)
	y += lineH(st.tiny)
	a.paint.textCut(dst, ellipsize("min–max "+fmtRange(axis, s.Min, s.Max), st.tiny, cell.W), st.tiny, cell.X, y, pal.Muted, view)
}

// drawInfo describes the selected run beside the buttons.
func (c *compareScreen) drawInfo(dst *ebiten.Image, r Rect, paged bool) {
	a := c.a
	st := a.style()
	pal := st.pal
	p, rec := c.selected()
	if rec == nil {
		return
	}
	j := p.order[c.sel]
	tag := ""
	switch j {
	case p.g.Summary.Best:
		tag = " · your best"
	case p.g.Summary.Worst:
		tag = " · your worst"
	}
	line1 := fmt.Sprintf("%s, run %d of %d%s", p.g.Title, j+1, len(p.g.Records), tag)
	ending := rec.EndingTitle
	if ending == "" {
		ending = rec.Ending
	}
	parts := []string{fmt.Sprintf("“%s” (%s)", ending, rec.Category), fmtAxis(0, rec.Wealth)}
	if rec.JobTitle != "" {
		parts = append(parts, rec.JobTitle)
	}
	parts = append(parts, fmt.Sprintf("%d months", rec.Months))
	line2 := strings.Join(parts, " · ")
	hint := "← → other runs · ↑ ↓ other paths · Enter or a click shows its ending"
	if paged {
		hint = "PgDn or ›: more axes · ← → runs · ↑ ↓ paths · Enter: its ending"
	}
	th := lineH(st.label) + lineH(st.small) + lineH(st.tiny)
	y := r.Y + (r.H-th)/2
	a.paint.text(dst, ellipsize(line1, st.label, r.W), st.label, r.X, y, pal.Text, r)
	y += lineH(st.label)
	a.paint.text(dst, ellipsize(line2, st.small, r.W), st.small, r.X, y, pal.Muted, r)
	y += lineH(st.small)
	a.paint.text(dst, ellipsize(hint, st.tiny, r.W), st.tiny, r.X, y, pal.Faint, r)
}

// drawEmpty explains the screen before any run has finished.
func (c *compareScreen) drawEmpty(dst *ebiten.Image, l compareLayout) {
	a := c.a
	st := a.style()
	pal := st.pal
	w := math.Min(l.empty.W, st.d(720))
	msg := "One run is an anecdote: the trade-offs show in the spread of many. Every run you finish is kept here, and your paths are set side by side on the same scales: wealth, level, skills, wellbeing, autonomy and time, next to bots that played the same paths.\n\nPlay a startup path and a corporate path a few times each, then come back. You can also import a history exported on another machine."
	ls := a.wrap.wrap(msg, st.body, w-st.d(48))
	h := st.d(48) + st.d(60) + textHeight(len(ls), st.body, 1.3)
	in := Rect{l.empty.X, l.empty.Y, w, math.Min(l.empty.H, h)}
	a.panel(dst, in)
	box := in.Inset(st.d(24))
	a.iconBadge(dst, "chart", Rect{box.X, box.Y, st.d(44), st.d(44)}, pal.Accent)
	tx := box.X + st.d(60)
	a.paint.text(dst, ellipsize("No finished runs yet", st.heading, box.Right()-tx), st.heading, tx, box.Y+st.d(8), pal.Text, box)
	y := box.Y + st.d(60)
	for _, ln := range ls {
		if y+lineH(st.body) > box.Bottom() {
			break
		}
		a.paint.text(dst, ln, st.body, box.X, y, pal.Muted, box)
		y += lineH(st.body) * 1.3
	}
}

// pathSpread is what a takeaway compares: one path on one axis.
type pathSpread struct {
	label               string
	med, q1, q3, spread float64
	min, max            float64
}

// takeaway says in one line what an axis shows across the paths, from
// the data: which path spreads widest, which has the highest median, and
// how the player compares with a typical player.
func (c *compareScreen) takeaway(axis int) string {
	var ps []pathSpread
	for _, p := range c.paths {
		s := p.g.Summary.Axes[axis]
		if s.Count == 0 {
			continue
		}
		ps = append(ps, pathSpread{label: p.label, med: s.Median, q1: s.Q1, q3: s.Q3, spread: s.Q3 - s.Q1, min: s.Min, max: s.Max})
	}
	return takeawayText(axis, ps, c.typicalMedian(axis))
}

// typicalMedian is the typical bot's median on an axis when there is a
// single path (the comparison that matters then); NaN otherwise.
func (c *compareScreen) typicalMedian(axis int) float64 {
	if len(c.paths) != 1 {
		return math.NaN()
	}
	b := c.paths[0].base["typical"]
	if b == nil || len(b.Summary.Axes) <= axis || b.Summary.Axes[axis].Count == 0 {
		return math.NaN()
	}
	return b.Summary.Axes[axis].Median
}

func takeawayText(axis int, ps []pathSpread, typical float64) string {
	f := func(v float64) string { return fmtAxis(axis, v) }
	switch len(ps) {
	case 0:
		return ""
	case 1:
		p := ps[0]
		s := fmt.Sprintf("Median %s, middle half %s.", f(p.med), fmtRange(axis, p.q1, p.q3))
		if !math.IsNaN(typical) {
			s = fmt.Sprintf("Your median %s; a typical player's %s.", f(p.med), f(typical))
		}
		return s
	}
	hi, lo, wide := 0, 0, 0
	for i, p := range ps {
		if p.med > ps[hi].med {
			hi = i
		}
		if p.med < ps[lo].med {
			lo = i
		}
		if p.max-p.min > ps[wide].max-ps[wide].min {
			wide = i
		}
	}
	// Medians closer than a twentieth of the range read as the same.
	rlo, rhi := ps[0].min, ps[0].max
	for _, p := range ps {
		rlo, rhi = math.Min(rlo, p.min), math.Max(rhi, p.max)
	}
	if ps[hi].med-ps[lo].med <= (rhi-rlo)/20 {
		return fmt.Sprintf("Every path ends about the same: medians %s to %s.", f(ps[lo].med), f(ps[hi].med))
	}
	switch wide {
	case hi:
		return fmt.Sprintf("%s: highest median (%s) and the widest range, %s.", ps[hi].label, f(ps[hi].med), fmtRange(axis, ps[hi].min, ps[hi].max))
	case lo:
		return fmt.Sprintf("%s: widest range, yet the lowest median: %s vs %s for %s.", ps[wide].label, f(ps[wide].med), f(ps[hi].med), ps[hi].label)
	}
	return fmt.Sprintf("%s: widest range, up to %s; median %s, below %s's %s.", ps[wide].label, f(ps[wide].max), f(ps[wide].med), ps[hi].label, f(ps[hi].med))
}

// openRecord replays a finished run from history and shows its ending.
func openRecord(a *app, rec *history.Record, back Screen) (Screen, error) {
	sc, ok := a.lib.find(rec.Scenario)
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
	return newPastEnding(a, run, back), nil
}

// pastEnding shows the ending of a run from history. The ending screen
// draws the app's run, so it gets a copy of the app whose run is the
// replayed one: the run in progress, if any, is left alone. Leaving goes
// back to the compare screen; starting a run hands it to the game.
type pastEnding struct {
	a    *app
	view *app
	e    *endingScreen
	back Screen
}

func newPastEnding(a *app, run *sim.Run, back Screen) *pastEnding {
	v := *a
	v.run = run
	p := &pastEnding{a: a, view: &v, back: back}
	p.e = newEnding(p.view)
	return p
}

// sync copies what the game changes between ticks into the view.
func (p *pastEnding) sync() {
	v, a := p.view, p.a
	v.w, v.h, v.dsf, v.now = a.w, a.h, a.dsf, a.now
	v.settings = a.settings
	v.toast, v.toastBad, v.toastUntil = a.toast, a.toastBad, a.toastUntil
	v.animStart, v.animUntil, v.busyUntil = a.animStart, a.animUntil, a.busyUntil
}

// Update implements Screen.
func (p *pastEnding) Update(in Input) (Screen, error) {
	p.sync()
	if in.Back {
		p.e.Update(Input{Now: in.Now, Cursor: Point{-1, -1}, Back: true}) // lets the ending stop its work
		return p.back, nil
	}
	next, err := p.e.Update(in)
	a, v := p.a, p.view
	a.toast, a.toastBad, a.toastUntil = v.toast, v.toastBad, v.toastUntil
	a.busyUntil = v.busyUntil
	a.hist.whatIf = v.hist.whatIf
	if err != nil {
		return nil, err
	}
	switch n := next.(type) {
	case *endingScreen:
		if n == p.e {
			return p, nil
		}
		return n, nil
	case *titleScreen:
		return newTitle(a), nil
	case *chooseScreen:
		return newChoose(a), nil
	case *compareScreen:
		return p.back, nil
	case *monthScreen:
		// "Play this path again" started a run on the view: it is the
		// game's run now.
		a.run, a.session, a.notice, a.saveKeep = v.run, v.session, v.notice, v.saveKeep
		return newMonth(a), nil
	}
	return next, nil
}

// Draw implements Screen.
func (p *pastEnding) Draw(dst *ebiten.Image) {
	p.sync()
	p.e.Draw(dst)
}
