package workshop

import (
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// facHandler is a facilitator page: it gets the room its secret opened.
type facHandler func(w http.ResponseWriter, r *http.Request, room *Room, secret string)

// facilitator opens a room by the secret in the link. The room code never
// does: pages for the facilitator answer only to the secret, and wrong
// secrets count against the address like wrong room codes.
func (s *Server) facilitator(h facHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ip := clientIP(r)
		if !s.joins.peek(ip, s.now()) {
			s.message(w, http.StatusTooManyRequests, message{Title: "Too many tries", Text: "This address tried too many links that do not exist. Wait a minute."})
			return
		}
		secret := r.PathValue("secret")
		var room *Room
		err := ErrNotFound
		if len(secret) == 26 {
			room, err = s.cfg.Store.RoomBySecret(r.Context(), HashSecret(secret))
		}
		if errors.Is(err, ErrNotFound) {
			s.joins.allow(ip, s.now())
			s.message(w, http.StatusNotFound, message{Title: "This facilitator link does not open a room",
				Text: "Check the link you kept when you created the room. If the room was deleted, its data is gone.", Link: "/", Label: "Create a room"})
			return
		}
		if err != nil {
			s.cfg.Log.Printf("workshop: %v", err)
			s.message(w, http.StatusInternalServerError, message{Title: "The server has a problem", Text: "Try again in a moment."})
			return
		}
		h(w, r, room, secret)
	}
}

// roomLinks are the links a facilitator page shows.
type roomLinks struct {
	Base, Join, JoinHost, Projector, Dashboard, Report, CSV, JSON, QR string
}

func (s *Server) roomLinks(r *http.Request, room *Room, secret string) roomLinks {
	base := s.publicBase(r)
	f := "/f/" + secret + "/"
	host := strings.TrimPrefix(strings.TrimPrefix(base, "http://"), "https://")
	return roomLinks{Base: base, Join: base + "/j/" + room.Code, JoinHost: host + "/j/" + room.Code, Projector: f + "projector",
		Dashboard: f, Report: f + "report", CSV: f + "export.csv", JSON: f + "export.json", QR: f + "qr.svg"}
}

type dashboardData struct {
	Room      *Room
	Links     roomLinks
	Secret    string
	QR        template.HTML
	Snap      *Snapshot
	Titles    map[string]string
	MaxMonths int
	Notice    string
	// Shared are the shared events the room's scenarios declare; Given
	// those given so far; NextMonth the month a new one goes to by default.
	Shared    []sharedOption
	Given     []givenEvent
	NextMonth int
}

type sharedOption struct{ Value, Label string }

type givenEvent struct {
	Month       int
	Title, Path string
}

func (s *Server) dashboard(w http.ResponseWriter, r *http.Request, room *Room, secret string) {
	snap, err := s.snaps.Get(r.Context(), room.Code)
	if err != nil {
		s.cfg.Log.Printf("workshop: %v", err)
		s.message(w, http.StatusInternalServerError, message{Title: "The room could not be read", Text: "Try again in a moment."})
		return
	}
	links := s.roomLinks(r, room, secret)
	qr, _ := QRSVG(links.Join)
	d := dashboardData{Room: snap.Room, Links: links, Secret: secret, QR: template.HTML(qr), Snap: snap, Titles: map[string]string{}, Notice: r.URL.Query().Get("done")}
	for _, sc := range s.scenarios(room) {
		d.Titles[sc.ID] = sc.Title
		d.MaxMonths = max(d.MaxMonths, sc.Months)
		for _, ev := range sharedEvents(sc) {
			d.Shared = append(d.Shared, sharedOption{Value: sc.ID + "/" + ev.ID, Label: ev.Title + " (" + sc.Title + ")"})
		}
	}
	for _, in := range snap.Shared {
		g := givenEvent{Month: in.Month, Title: in.Event, Path: s.scenarioTitle(in.Scenario)}
		if sc, ok := s.cfg.Library.Find(in.Scenario); ok {
			if i, ok := sc.EventIndex(in.Event); ok {
				g.Title = sc.Events[i].Title
			}
		}
		d.Given = append(d.Given, g)
	}
	d.NextMonth = 2
	if room.HoldMonth > 0 {
		d.NextMonth = room.HoldMonth + 1
	} else {
		for _, p := range snap.People {
			if !p.Done() {
				d.NextMonth = max(d.NextMonth, p.Month()+1)
			}
		}
	}
	s.render(w, http.StatusOK, "dashboard.tmpl", d)
}

func (s *Server) qr(w http.ResponseWriter, r *http.Request, room *Room, secret string) {
	svg, err := QRSVG(s.roomLinks(r, room, secret).Join)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	w.Header().Set("Cache-Control", "no-store")
	w.Write([]byte(svg))
}

// control applies a facilitator's button: hold, release, reveal, hide,
// close or open the room.
func (s *Server) control(w http.ResponseWriter, r *http.Request, room *Room, secret string) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
	if err := r.ParseForm(); err != nil {
		s.message(w, http.StatusBadRequest, message{Title: "That form could not be read", Text: err.Error()})
		return
	}
	c := Control{HoldMonth: room.HoldMonth, Revealed: room.Revealed, Closed: room.Closed}
	maxMonths := 0
	for _, sc := range s.scenarios(room) {
		maxMonths = max(maxMonths, sc.Months)
	}
	done := ""
	switch r.PostForm.Get("action") {
	case "hold":
		m, err := strconv.Atoi(strings.TrimSpace(r.PostForm.Get("month")))
		if err != nil || m < 1 || m > maxMonths {
			s.message(w, http.StatusBadRequest, message{Title: "Which month?", Text: fmt.Sprintf("Hold at a month from 1 to %d.", maxMonths), Link: "/f/" + secret + "/", Label: "Back"})
			return
		}
		c.HoldMonth = m
		done = fmt.Sprintf("Everyone will wait at month %d.", m)
	case "release":
		c.HoldMonth = 0
		done = "Released: everyone can play on."
	case "reveal":
		c.Revealed = true
		done = "Results are on the projector."
	case "hide":
		c.Revealed = false
		done = "Results are hidden from the projector."
	case "close":
		c.Closed = true
		done = "The room is closed to new participants."
	case "open":
		c.Closed = false
		done = "The room is open to new participants."
	default:
		s.message(w, http.StatusBadRequest, message{Title: "Unknown action", Text: "That button does nothing.", Link: "/f/" + secret + "/", Label: "Back"})
		return
	}
	err := s.cfg.Store.SetControl(r.Context(), room.Code, c)
	s.cache.forgetRoom(room.Code)
	if err != nil {
		s.cfg.Log.Printf("workshop: %v", err)
		s.message(w, http.StatusInternalServerError, message{Title: "That did not work", Text: "The room could not be updated; try again.", Link: "/f/" + secret + "/", Label: "Back"})
		return
	}
	back := "/f/" + secret + "/"
	if strings.HasSuffix(r.PostForm.Get("back"), "projector") {
		back += "projector"
	}
	http.Redirect(w, r, back+"?done="+url.QueryEscape(done), http.StatusSeeOther)
}

// inject gives the room a shared event for one month (for everyone
// playing its scenario who has not yet decided the month before).
func (s *Server) inject(w http.ResponseWriter, r *http.Request, room *Room, secret string) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
	back := "/f/" + secret + "/"
	fail := func(text string) {
		s.message(w, http.StatusBadRequest, message{Title: "No shared event was given", Text: text, Link: back, Label: "Back"})
	}
	if err := r.ParseForm(); err != nil {
		fail(err.Error())
		return
	}
	scID, evID, _ := strings.Cut(r.PostForm.Get("event"), "/")
	var sc *scenario.Scenario
	for _, c := range s.scenarios(room) {
		if c.ID == scID {
			sc = c
		}
	}
	if sc == nil {
		fail("That scenario is not played in this room.")
		return
	}
	i, ok := sc.EventIndex(evID)
	if !ok || sc.Events[i].Trigger != scenario.Shared {
		fail(fmt.Sprintf("%s has no shared event %q.", sc.Title, evID))
		return
	}
	m, err := strconv.Atoi(strings.TrimSpace(r.PostForm.Get("month")))
	if err != nil || m < 2 || m > sc.Months {
		fail(fmt.Sprintf("Give it for a month from 2 to %d.", sc.Months))
		return
	}
	err = s.cfg.Store.AddInjection(r.Context(), room.Code, Injection{Scenario: sc.ID, Month: m, Event: evID, Created: s.now()})
	s.cache.forgetRoom(room.Code)
	if errors.Is(err, ErrConflict) {
		fail(fmt.Sprintf("Month %d of %s already has a shared event.", m, sc.Title))
		return
	}
	if err != nil {
		s.cfg.Log.Printf("workshop: %v", err)
		s.message(w, http.StatusInternalServerError, message{Title: "That did not work", Text: "The event could not be stored; try again.", Link: back, Label: "Back"})
		return
	}
	done := fmt.Sprintf("%q is month %d's card for everyone playing %s who has not decided month %d yet.", sc.Events[i].Title, m, sc.Title, m-1)
	http.Redirect(w, r, back+"?done="+url.QueryEscape(done), http.StatusSeeOther)
}

// deleteRoom removes the room and everything in it, once confirmed by
// typing the room code.
func (s *Server) deleteRoom(w http.ResponseWriter, r *http.Request, room *Room, secret string) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
	if err := r.ParseForm(); err != nil {
		s.message(w, http.StatusBadRequest, message{Title: "That form could not be read", Text: err.Error()})
		return
	}
	if code, _ := NormalizeCode(r.PostForm.Get("confirm")); code != room.Code {
		s.message(w, http.StatusBadRequest, message{Title: "Nothing was deleted", Text: "Type the room code to confirm that you want to delete the room and all its data.", Link: "/f/" + secret + "/", Label: "Back"})
		return
	}
	if err := s.cfg.Store.DeleteRoom(r.Context(), room.Code); err != nil {
		s.cfg.Log.Printf("workshop: %v", err)
		s.message(w, http.StatusInternalServerError, message{Title: "The room could not be deleted", Text: "Try again in a moment.", Link: "/f/" + secret + "/", Label: "Back"})
		return
	}
	s.snaps.forget(room.Code)
	s.cache.forgetRoom(room.Code)
	s.message(w, http.StatusOK, message{Title: "Room deleted", Text: fmt.Sprintf("Room %s, its participants and every choice they made are deleted.", room.Code), Link: "/", Label: "Create another room"})
}

// projectorData is the projector page (and its live part).
type projectorData struct {
	Room     *Room
	Links    roomLinks
	QR       template.HTML
	JoinView bool
	Live     *liveData
}

func (s *Server) projector(w http.ResponseWriter, r *http.Request, room *Room, secret string) {
	links := s.roomLinks(r, room, secret)
	qr, _ := QRSVG(links.Join)
	d := projectorData{Room: room, Links: links, QR: template.HTML(qr), JoinView: r.URL.Query().Get("view") == "join"}
	if !d.JoinView {
		live, err := s.liveData(r, room, secret)
		if err != nil {
			s.cfg.Log.Printf("workshop: %v", err)
			s.message(w, http.StatusInternalServerError, message{Title: "The room could not be read", Text: "Try again in a moment."})
			return
		}
		d.Live = live
	}
	s.render(w, http.StatusOK, "projector.tmpl", d)
}

// live is the projector's changing part, fetched by its script after
// each change.
func (s *Server) live(w http.ResponseWriter, r *http.Request, room *Room, secret string) {
	d, err := s.liveData(r, room, secret)
	if err != nil {
		s.cfg.Log.Printf("workshop: %v", err)
		http.Error(w, "the room could not be read", http.StatusInternalServerError)
		return
	}
	s.render(w, http.StatusOK, "live.tmpl", d)
}

// events streams a signal after each change to the room (Server-Sent
// Events), at most four a second; the projector then fetches its live part.
func (s *Server) events(w http.ResponseWriter, r *http.Request, room *Room, secret string) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming is not supported here", http.StatusInternalServerError)
		return
	}
	ch, cancel := s.cfg.Store.Events().Subscribe(room.Code)
	defer cancel()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	send := func() bool {
		gen := s.cfg.Store.Events().Generation(room.Code)
		if _, err := fmt.Fprintf(w, "event: change\ndata: %d\n\n", gen); err != nil {
			return false
		}
		flusher.Flush()
		return true
	}
	fmt.Fprint(w, "retry: 1000\n\n")
	if !send() {
		return
	}
	keep := time.NewTicker(20 * time.Second)
	defer keep.Stop()
	const gap = 250 * time.Millisecond
	last := time.Now()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-keep.C:
			if _, err := fmt.Fprint(w, ": still here\n\n"); err != nil {
				return
			}
			flusher.Flush()
		case <-ch:
			if wait := gap - time.Since(last); wait > 0 {
				select {
				case <-time.After(wait):
				case <-r.Context().Done():
					return
				}
			}
			last = time.Now()
			if !send() {
				return
			}
		}
	}
}

// walkMonth is one month of a run, as the facilitator walks it.
type walkMonth struct {
	Month    int
	Title    string
	Text     string
	Choice   string
	Others   []string
	Result   string
	Roll     string
	Notes    []string
	Changes  []string
	Decided  time.Time
	Ending   string
	Category string
}

type walkData struct {
	Room    *Room
	Links   roomLinks
	Person  *Participant
	Title   string
	Months  []walkMonth
	Now     string // the card the person is looking at, if playing
	Outcome *sim.Outcome
	Code    string
	Err     string
}

// walk shows one participant's run month by month.
func (s *Server) walk(w http.ResponseWriter, r *http.Request, room *Room, secret string) {
	p, err := s.cfg.Store.Participant(r.Context(), room.Code, r.PathValue("id"))
	if errors.Is(err, ErrNotFound) {
		s.message(w, http.StatusNotFound, message{Title: "No such participant", Text: "They are not in this room.", Link: "/f/" + secret + "/", Label: "Back to the room"})
		return
	}
	cs, err2 := s.cfg.Store.Choices(r.Context(), p.ID)
	if err != nil || err2 != nil {
		s.cfg.Log.Printf("workshop: %v %v", err, err2)
		s.message(w, http.StatusInternalServerError, message{Title: "The run could not be read", Text: "Try again in a moment."})
		return
	}
	d := walkData{Room: room, Links: s.roomLinks(r, room, secret), Person: p, Title: s.scenarioTitle(p.Scenario)}
	sc, ok := s.cfg.Library.Find(p.Scenario)
	if !ok {
		d.Err = fmt.Sprintf("Scenario %q is not installed on this server.", p.Scenario)
		s.render(w, http.StatusOK, "walk.tmpl", d)
		return
	}
	injs, err := s.cfg.Store.Injections(r.Context(), room.Code)
	if err != nil {
		s.cfg.Log.Printf("workshop: %v", err)
		s.message(w, http.StatusInternalServerError, message{Title: "The run could not be read", Text: "Try again in a moment."})
		return
	}
	run := sim.New(sc, room.Seed(), sim.Options{Session: room.Settings.Session})
	for _, c := range cs {
		if d.Err == "" {
			if err := injectFor(run, injs, &c); err != nil {
				d.Err = err.Error()
				break
			}
		}
		card := run.Card()
		m := walkMonth{Month: run.Month(), Title: card.Title, Text: card.Text, Decided: c.At}
		for _, ch := range card.Choices {
			if ch.Index == c.Pick {
				m.Choice = ch.Label
			} else {
				m.Others = append(m.Others, ch.Label)
			}
		}
		rep, err := run.PickIndexReport(c.Pick)
		if err != nil {
			d.Err = fmt.Sprintf("Month %d's stored choice does not replay: %v.", c.Month, err)
			break
		}
		m.Result = rep.Text
		if rl := rep.Roll; rl != nil {
			odds := make([]sim.OddsView, len(rl.Odds))
			for i, p := range rl.Odds {
				odds[i] = sim.OddsView{Label: rl.Labels[i], Chance: p}
			}
			m.Roll = fmt.Sprintf("Rolled %.0f of 100 against %s", rl.Value*100, sim.OddsText(odds))
		}
		for _, n := range rep.Notes {
			m.Notes = append(m.Notes, n.Text)
		}
		for _, dl := range rep.Deltas {
			st := sc.Stats[dl.Stat]
			if st.Hidden {
				continue
			}
			m.Changes = append(m.Changes, fmt.Sprintf("%s %s", st.Label, sim.FormatDelta(dl.After-dl.Before, st.Unit)))
		}
		if rep.Ending != nil {
			m.Ending, m.Category = rep.Ending.Title, string(rep.Ending.Category)
		}
		d.Months = append(d.Months, m)
	}
	if d.Err == "" {
		if run.Done() {
			o := run.Outcome()
			d.Outcome = &o
		} else {
			d.Now = fmt.Sprintf("Month %d: %s", run.Month(), run.Card().Title)
		}
		d.Code = run.Code()
	}
	s.render(w, http.StatusOK, "walk.tmpl", d)
}
