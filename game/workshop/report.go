package workshop

import (
	"bytes"
	"net/http"
	"time"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// reportData is the debrief report: the numbers of careersim debrief for
// the room's runs, its charts, and every participant's run.
type reportData struct {
	Room   *Room
	Links  roomLinks
	Date   string
	Runs   int
	Groups []reportGroup
	Axes   []liveAxis
	People []ExportPerson
	Legend []trackStyle
	Titles map[string]string
}

type reportGroup struct {
	Debrief   GroupDebrief
	Style     trackStyle
	Endings   []Bar
	SplitBars []Bar
}

func (s *Server) report(w http.ResponseWriter, r *http.Request, room *Room, secret string) {
	snap, err := s.snaps.Get(r.Context(), room.Code)
	if err != nil {
		s.cfg.Log.Printf("workshop: %v", err)
		s.message(w, http.StatusInternalServerError, message{Title: "The room could not be read", Text: "Try again in a moment."})
		return
	}
	exp, err := Collect(r.Context(), s.cfg.Store, s.cfg.Library, room.Code, s.now())
	if err != nil {
		s.cfg.Log.Printf("workshop: %v", err)
		s.message(w, http.StatusInternalServerError, message{Title: "The room could not be read", Text: "Try again in a moment."})
		return
	}
	var scs []*scenario.Scenario
	for _, g := range snap.Groups {
		scs = append(scs, g.Scenario)
	}
	styles := groupStyles(scs)
	d := reportData{Room: snap.Room, Links: s.roomLinks(r, room, secret), Date: s.now().Format("2 January 2006, 15:04"),
		People: exp.Participants, Legend: styles, Titles: map[string]string{}}
	debriefs := s.debriefs(snap)
	var finished []GroupDebrief
	for i, g := range snap.Groups {
		d.Titles[g.Scenario.ID] = g.Scenario.Title
		if len(g.People) == 0 {
			continue
		}
		d.Runs += debriefs[i].Runs
		rg := reportGroup{Debrief: debriefs[i], Style: styles[i], Endings: endingBars(debriefs[i], styles[i].Colour)}
		rg.SplitBars = choiceBars(splitTallies(debriefs[i].FirstSplit()), styles[i].Colour)
		d.Groups = append(d.Groups, rg)
		var done []*sim.Run
		for _, r := range g.Runs() {
			if r.Done() {
				done = append(done, r)
			}
		}
		f := debriefs[i]
		f.Axes = DebriefGroup(g.Scenario, done, s.baseOrNil(g.Scenario)).Axes
		finished = append(finished, f)
	}
	if len(finished) > 0 {
		var gs []*scenario.Scenario
		var st []trackStyle
		for i, g := range snap.Groups {
			if len(g.People) > 0 {
				gs = append(gs, g.Scenario)
				st = append(st, styles[i])
			}
		}
		for a, name := range sim.AxisNames {
			if name == "level" && !comparableLevels(gs) {
				continue
			}
			if c := outcomeChart(a, finished, st); c != "" {
				d.Axes = append(d.Axes, liveAxis{Name: name, Tip: axisTip(name), Chart: c})
			}
		}
	}
	s.render(w, http.StatusOK, "report.tmpl", d)
}

func (s *Server) exportCSV(w http.ResponseWriter, r *http.Request, room *Room, secret string) {
	s.export(w, r, room, "csv", "text/csv; charset=utf-8")
}

func (s *Server) exportJSON(w http.ResponseWriter, r *http.Request, room *Room, secret string) {
	s.export(w, r, room, "json", "application/json")
}

func (s *Server) export(w http.ResponseWriter, r *http.Request, room *Room, format, typ string) {
	var buf bytes.Buffer
	if err := Export(r.Context(), s.cfg.Store, s.cfg.Library, room.Code, format, s.now(), &buf); err != nil {
		s.cfg.Log.Printf("workshop: %v", err)
		http.Error(w, "the export could not be made", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", typ)
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Disposition", `attachment; filename="room-`+room.Code+`-`+time.Now().Format("2006-01-02")+`.`+format+`"`)
	w.Write(buf.Bytes())
}
