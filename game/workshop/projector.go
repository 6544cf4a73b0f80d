package workshop

import (
	"fmt"
	"html/template"
	"net/http"

	"runwayladder/game/history"
	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// liveData is what the projector shows of a room right now.
type liveData struct {
	Room     *Room
	Links    roomLinks
	Joined   int
	Playing  int
	Finished int
	Show     bool // results may be shown (not hidden until revealed)
	Groups   []liveGroup
	Axes     []liveAxis
	People   []livePerson
	Legend   []trackStyle
	Taken    string
	View     string // room, endings, outcomes or people
	Views    []viewTab
}

// viewTab is one of the projector's views: each fits one screen.
type viewTab struct {
	ID, Label, Key string
	On             bool
}

var projectorViews = []viewTab{{"room", "The room", "1", false}, {"endings", "Endings", "2", false}, {"outcomes", "Outcomes", "3", false}, {"people", "People", "4", false}}

// projectorView is the view a request asks for (the room's by default).
func projectorView(r *http.Request) string {
	v := r.URL.Query().Get("view")
	for _, t := range projectorViews {
		if t.ID == v {
			return v
		}
	}
	return "room"
}

type liveGroup struct {
	Title     string
	Style     trackStyle
	People    int
	Finished  int
	Where     template.HTML
	Now       *CardSplit
	NowBars   []Bar
	Split     *history.Split
	SplitBars []Bar
	Endings   []Bar
	Debrief   GroupDebrief
}

type liveAxis struct {
	Name, Tip string
	Chart     template.HTML
}

type livePerson struct {
	ID, Name, Where string
	Style           trackStyle
	Done            bool
	Category        string
	Problem         string
}

// debriefs summarises each group (with base rates) as the report does.
func (s *Server) debriefs(snap *Snapshot) []GroupDebrief {
	var out []GroupDebrief
	for _, g := range snap.Groups {
		base, err := s.cfg.Library.Baseline(g.Scenario)
		if err != nil {
			s.cfg.Log.Printf("workshop: base rates of %s: %v", g.Scenario.ID, err)
			base = nil
		}
		out = append(out, DebriefGroup(g.Scenario, g.Runs(), base))
	}
	return out
}

func (s *Server) liveData(r *http.Request, room *Room, secret string) (*liveData, error) {
	snap, err := s.snaps.Get(r.Context(), room.Code)
	if err != nil {
		return nil, err
	}
	room = snap.Room
	d := &liveData{Room: room, Links: s.roomLinks(r, room, secret), Joined: len(snap.People), Show: room.ShowResults(),
		Taken: snap.Taken.Format("15:04:05"), View: projectorView(r)}
	for _, t := range projectorViews {
		t.On = t.ID == d.View
		d.Views = append(d.Views, t)
	}
	var scs []*scenario.Scenario
	for _, g := range snap.Groups {
		scs = append(scs, g.Scenario)
	}
	styles := groupStyles(scs)
	d.Legend = styles
	styleOf := map[string]trackStyle{}
	for i, g := range snap.Groups {
		styleOf[g.Scenario.ID] = styles[i]
	}
	var debriefs []GroupDebrief
	if d.Show {
		debriefs = s.debriefs(snap)
	}
	for i, g := range snap.Groups {
		lg := liveGroup{Title: g.Scenario.Title, Style: styles[i], People: len(g.People), Finished: g.Finished,
			Where: whereChart(g, styles[i]), Now: g.Now, Split: g.Split}
		d.Finished += g.Finished
		if d.Show {
			if g.Now != nil {
				lg.NowBars = choiceBars(g.Now.Tallies, styles[i].Colour)
			}
			if g.Split != nil {
				lg.SplitBars = choiceBars(splitTallies(g.Split), styles[i].Colour)
			}
			lg.Debrief = debriefs[i]
			lg.Endings = endingBars(debriefs[i], styles[i].Colour)
		}
		d.Groups = append(d.Groups, lg)
	}
	d.Playing = d.Joined - d.Finished
	if d.Show && d.Finished > 0 {
		finished := make([]GroupDebrief, len(debriefs))
		for i, g := range snap.Groups {
			var runs []*sim.Run
			for _, r := range g.Runs() {
				if r.Done() {
					runs = append(runs, r)
				}
			}
			finished[i] = debriefs[i]
			finished[i].Axes = DebriefGroup(g.Scenario, runs, s.baseOrNil(g.Scenario)).Axes
		}
		for a, name := range sim.AxisNames {
			if name == "level" && !comparableLevels(scs) {
				continue
			}
			d.Axes = append(d.Axes, liveAxis{Name: name, Tip: axisTip(name), Chart: outcomeChart(a, finished, styles)})
		}
	}
	for _, p := range snap.People {
		lp := livePerson{ID: p.ID, Name: p.Name, Style: styleOf[p.Scenario], Done: p.Done()}
		switch {
		case p.Err != nil:
			lp.Problem = p.Err.Error()
			lp.Where = "cannot replay"
		case p.Done():
			if d.Show {
				e := p.Run.Ending()
				lp.Where, lp.Category = e.Title, string(e.Category)
			} else {
				lp.Where = "finished"
			}
		default:
			lp.Where = fmt.Sprintf("month %d", p.Month())
			if room.Holds(p.Month()) {
				lp.Where += " · waiting"
			}
		}
		d.People = append(d.People, lp)
	}
	return d, nil
}

func (s *Server) baseOrNil(sc *scenario.Scenario) *sim.BalanceReport {
	b, err := s.cfg.Library.Baseline(sc)
	if err != nil {
		return nil
	}
	return b
}

// comparableLevels: the level axis means a ladder's level, which a run
// without one (a startup) reports as 0; it is shown only when every group
// has a ladder to compare.
func comparableLevels(scs []*scenario.Scenario) bool {
	for _, sc := range scs {
		if sc.Ladder == nil {
			return false
		}
	}
	return true
}
