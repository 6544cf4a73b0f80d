package ui

import (
	"fmt"
	"math"

	"github.com/hajimehoshi/ebiten/v2"

	"runwayladder/game/sim"
	"runwayladder/game/ui/kit"
)

// The game in a workshop room (the browser build opened from a room's join
// link): the page's script (the room server's room.js) does all the
// networking; the game asks it for the room's scenario, luck and the picks
// made so far, replays them to resume, hands it each new pick, and waits
// while the facilitator holds the room.

// roomLink is the page's side of a room. The desktop game has none.
type roomLink interface {
	// state reads the room as the page knows it now.
	state() roomState
	// picked hands the page a decided month (the pick as run codes keep
	// it: an index into the card's full choice list).
	picked(month, pick int)
}

// roomState is the room as the page knows it.
type roomState struct {
	Ready     bool
	Failed    string // why the room cannot be played
	Problem   string // something the player should know (another device…)
	Scenario  string
	Version   int
	Seed      uint64
	Session   string
	RoomName  string
	Name      string
	Picks     []int
	Shared    map[int]string // month → shared event on its card
	HoldMonth int
	Pending   int  // picks not yet acknowledged
	Online    bool // the last contact with the server worked
	Resync    int  // bumped when the page took the server's run over the game's
}

// held reports whether the room holds a run at month m.
func (s roomState) held(m int) bool { return s.HoldMonth > 0 && m >= s.HoldMonth }

// roomRun rebuilds the room's run from the page's picks and shared events.
func roomRun(c *Context, st roomState) (*sim.Run, error) {
	sc, ok := c.lib.find(st.Scenario)
	if !ok {
		return nil, fmt.Errorf("this game has no scenario %q", st.Scenario)
	}
	if sc.Version != st.Version {
		return nil, fmt.Errorf("the room plays version %d of %q and this game has version %d: reload the page", st.Version, sc.Title, sc.Version)
	}
	r := sim.New(sc, st.Seed, sim.Options{Record: true, Session: st.Session})
	for i, p := range st.Picks {
		if err := injectShared(r, st); err != nil {
			return nil, err
		}
		if err := r.PickIndex(p); err != nil {
			return nil, fmt.Errorf("month %d of the room's run does not replay: %v", i+1, err)
		}
	}
	if !r.Done() {
		if err := injectShared(r, st); err != nil {
			return nil, err
		}
	}
	return r, nil
}

// injectShared gives the run the room's shared event for its next month,
// if there is one and it is not given yet.
func injectShared(r *sim.Run, st roomState) error {
	ev, ok := st.Shared[r.Month()+1]
	if !ok {
		return nil
	}
	if inj := r.State().Injected; len(inj) > 0 && inj[len(inj)-1].Month == r.Month()+1 {
		return nil
	}
	return r.Inject(ev)
}

// roomGate is what a month screen shows instead of the month: the wait
// while the room is held, or the room's run again after the page took the
// server's over the game's. Nil lets the month go on.
func roomGate(c *Context) Screen {
	if c.room == nil || c.run == nil {
		return nil
	}
	st := c.room.state()
	if st.Resync != c.roomResync || st.held(c.run.Month()) {
		return newRoomWait(c)
	}
	return nil
}

// roomPick is called before a month screen plays a pick: the room's shared
// event for next month goes on the run first.
func roomBeforePick(c *Context) {
	if c.room != nil && c.run != nil {
		if err := injectShared(c.run, c.room.state()); err != nil {
			c.say("The room's shared event could not be given: "+err.Error(), true)
		}
	}
}

// roomAfterPick hands the decided month to the page.
func roomAfterPick(c *Context, month, pick int) {
	if c.room != nil {
		c.room.picked(month, pick)
	}
}

// roomWaitScreen is the room's screen between months: joining (the page
// is asking the server for the room), waiting while the facilitator holds
// the room, or why the room cannot be played.
type roomWaitScreen struct {
	plainScreen
	solo kit.Button
	nav  kit.Focus
}

func newRoomWait(c *Context) *roomWaitScreen {
	return &roomWaitScreen{solo: kit.Button{Label: "Play on your own", Key: "Esc"}}
}

// Name implements Screen.
func (w *roomWaitScreen) Name() string { return "room" }

type roomWaitLayout struct {
	panel, solo kit.Rect
}

func layRoomWait(b kit.Rect, st *kit.Style) roomWaitLayout {
	pw := math.Min(b.W-st.D(48), st.D(560))
	ph := st.D(260)
	p := kit.Rect{X: b.X + (b.W-pw)/2, Y: b.Y + (b.H-ph)/2, W: pw, H: ph}
	bw := math.Min(st.D(240), pw-st.D(48))
	return roomWaitLayout{panel: p, solo: kit.Rect{X: p.X + (p.W-bw)/2, Y: p.Bottom() - st.D(68), W: bw, H: st.D(44)}}
}

// Targets implements Screen: "Play on your own" when the room cannot be
// played.
func (w *roomWaitScreen) Targets(c *Context) []kit.Target {
	if c.room == nil || c.room.state().Failed == "" {
		return nil
	}
	return []kit.Target{w.solo.Target(layRoomWait(c.Bounds(), c.Style()).solo)}
}

// Update implements Screen: once the room is known and not held, the month
// (or the ending) of the room's run.
func (w *roomWaitScreen) Update(c *Context, in kit.Input) (Screen, error) {
	if c.room == nil {
		return newTitle(c), nil
	}
	st := c.room.state()
	if st.Failed != "" {
		l := layRoomWait(c.Bounds(), c.Style())
		if in.Back || w.nav.Update(in, []kit.Rect{l.solo}, nil, 1) == 0 {
			c.room = nil
			return newTitle(c), nil
		}
		return w, nil
	}
	if !st.Ready {
		return w, nil
	}
	if c.run == nil || st.Resync != c.roomResync || c.run.Scenario().ID != st.Scenario {
		run, err := roomRun(c, st)
		if err != nil {
			c.roomFailed = err.Error()
			return w, nil
		}
		c.run, c.roomResync, c.roomFailed = run, st.Resync, ""
		if st.Problem != "" {
			c.say(st.Problem, true)
		}
	}
	if c.run.Done() {
		return newEnding(c), nil
	}
	if st.held(c.run.Month()) {
		return w, nil
	}
	return newMonth(c), nil
}

// Draw implements Screen.
func (w *roomWaitScreen) Draw(c *Context, dst *ebiten.Image) {
	st := c.Style()
	pal := st.Pal
	l := layRoomWait(c.Bounds(), st)
	kit.Panel(c.Context, dst, l.panel)
	title, text := "Joining the room…", "Asking the room server for your game."
	var rs roomState
	if c.room != nil {
		rs = c.room.state()
	}
	switch {
	case rs.Failed != "":
		title, text = "The room cannot be played", rs.Failed
	case c.roomFailed != "":
		title, text = "The room's run does not load", c.roomFailed
	case rs.Ready && c.run != nil && rs.held(c.run.Month()):
		title = "Waiting for the facilitator"
		text = fmt.Sprintf("The room is paused at month %d. You will go on as soon as the facilitator releases it.", c.run.Month())
		if rs.Pending > 0 {
			text += fmt.Sprintf(" (%d of your choices still to send.)", rs.Pending)
		}
	}
	inner := l.panel.InsetXY(st.D(28), st.D(24))
	y := inner.Y
	if rs.RoomName != "" {
		c.Paint.Text(dst, rs.RoomName, st.Small, inner.X, y, pal.Muted, inner)
		y += kit.LineH(st.Small) + st.D(6)
	}
	c.Paint.Text(dst, title, st.Title, inner.X, y, pal.Text, inner)
	y += kit.LineH(st.Title) + st.D(10)
	for _, line := range c.Wrap.Wrap(text, st.Body, inner.W) {
		c.Paint.Text(dst, line, st.Body, inner.X, y, pal.Muted, inner)
		y += kit.LineH(st.Body)
	}
	if rs.Failed != "" {
		w.solo.Draw(c.Context, dst, l.solo, w.nav.I == 0)
	}
}

// roomChanged reports whether the room's state changed since the last
// tick that asked (a release, the run arriving): the game redraws then.
func (m *model) roomChanged() bool {
	if m.room == nil {
		return false
	}
	st := m.room.state()
	prev := m.roomSeen
	m.roomSeen = st
	return st.Ready != prev.Ready || st.Failed != prev.Failed || st.HoldMonth != prev.HoldMonth ||
		st.Resync != prev.Resync || st.Pending != prev.Pending || st.Online != prev.Online
}
