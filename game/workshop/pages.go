package workshop

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
	"runwayladder/game/words"
	"runwayladder/internal/webserve"
)

//go:embed assets
var assetFS embed.FS

// pageTemplates are the server's HTML pages, parsed once.
var pageTemplates = template.Must(template.New("").Funcs(template.FuncMap{
	"pct":     func(f float64) string { return strconv.FormatFloat(f, 'f', 0, 64) + "%" },
	"width":   func(f float64) template.CSS { return template.CSS(fmt.Sprintf("width:%.1f%%", f)) },
	"colour":  func(c string) template.CSS { return template.CSS("--c:" + cssColour(c)) },
	"value":   sim.FormatValue,
	"money":   func(v float64) string { return sim.FormatValue(v, scenario.Money) },
	"mulf":    func(a, b float64) float64 { return a * b },
	"inc":     func(i int) int { return i + 1 },
	"plural":  plural,
	"axisTip": axisTip,
}).ParseFS(assetFS, "assets/*.tmpl"))

// cssColour passes only the palette's #rrggbb colours into CSS.
func cssColour(c string) string {
	if len(c) == 7 && c[0] == '#' {
		if _, err := strconv.ParseUint(c[1:], 16, 32); err == nil {
			return c
		}
	}
	return "#777"
}

// plural counts: "1 run", "3 runs".
func plural(n int, one, many string) string {
	return strconv.Itoa(n) + " " + words.Plural(n, one, many)
}

// axisTip explains an outcome axis in a few words.
func axisTip(name string) string {
	switch name {
	case "wealth":
		return "savings, equity and pay at the end"
	case "level":
		return "how far up a ladder"
	case "skills":
		return "what you learned"
	case "wellbeing":
		return "how you are doing"
	case "autonomy":
		return "how much you decide"
	case "months":
		return "how long the run lasted"
	}
	return ""
}

// render executes a page template, answering a server error if it fails
// (nothing is written until the page is complete).
func (s *Server) render(w http.ResponseWriter, status int, name string, data any) {
	var buf bytes.Buffer
	if err := pageTemplates.ExecuteTemplate(&buf, name, data); err != nil {
		s.cfg.Log.Printf("workshop: page %s: %v", name, err)
		http.Error(w, "the page could not be drawn", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// message is a page with a title and a sentence: errors, confirmations.
type message struct {
	Title, Text string
	Link, Label string
}

func (s *Server) message(w http.ResponseWriter, status int, m message) {
	s.render(w, status, "message.tmpl", m)
}

// scenarioOption is a scenario on the create form.
type scenarioOption struct {
	ID, Title, Track string
	Months           int
}

func (s *Server) options() []scenarioOption {
	var out []scenarioOption
	for _, sc := range s.cfg.Library.Scenarios() {
		out = append(out, scenarioOption{sc.ID, sc.Title, sc.Track, sc.Months})
	}
	return out
}

// splitPair is the "half startup, half big company" assignment: the first
// startup and the first corporate scenario (the engineer paths when
// bundled).
func (s *Server) splitPair() []string {
	var startup, corp string
	for _, sc := range s.cfg.Library.Scenarios() {
		switch {
		case sc.Track == "startup" && (startup == "" || sc.ID == "startup_engineer"):
			startup = sc.ID
		case sc.Track == "corporate" && (corp == "" || sc.ID == "bigco_engineer"):
			corp = sc.ID
		}
	}
	if startup == "" || corp == "" {
		return nil
	}
	return []string{startup, corp}
}

type homeData struct {
	Scenarios []scenarioOption
	Split     []string
	Error     string
	Form      CreateRequest
	Assign    string
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	s.render(w, http.StatusOK, "home.tmpl", homeData{Scenarios: s.options(), Split: s.splitPair(), Assign: "split"})
}

// createRoomForm creates a room from the home page's form and sends the
// facilitator to the room's secret page.
func (s *Server) createRoomForm(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
	if err := r.ParseForm(); err != nil {
		s.message(w, http.StatusBadRequest, message{Title: "That form could not be read", Text: err.Error(), Link: "/", Label: "Back"})
		return
	}
	f := r.PostForm
	req := CreateRequest{Name: f.Get("name"), Session: f.Get("session"), Reveal: f.Get("reveal")}
	assign := f.Get("assign")
	switch assign {
	case "split":
		req.Scenarios = s.splitPair()
	default:
		req.Scenarios = []string{f.Get("scenario")}
	}
	var err error
	if v := f.Get("capacity"); v != "" {
		if req.Capacity, err = strconv.Atoi(v); err != nil {
			err = fmt.Errorf("the number of participants %q is not a whole number", v)
		}
	}
	if v := f.Get("hold"); err == nil && v != "" && v != "0" {
		if req.HoldMonth, err = strconv.Atoi(v); err != nil {
			err = fmt.Errorf("the hold month %q is not a whole number", v)
		}
	}
	var room *Room
	var secret string
	if err == nil {
		room, secret, err = s.newRoom(req)
	}
	if err == nil {
		err = s.create(r.Context(), room)
		if err != nil {
			s.cfg.Log.Printf("workshop: creating a room: %v", err)
			err = errors.New("the room could not be stored; try again")
		}
	}
	if err != nil {
		s.render(w, http.StatusBadRequest, "home.tmpl", homeData{Scenarios: s.options(), Split: s.splitPair(), Error: err.Error(), Form: req, Assign: assign})
		return
	}
	http.Redirect(w, r, "/f/"+secret+"/", http.StatusSeeOther)
}

// joinByCode sends a typed room code to its join page.
func (s *Server) joinByCode(w http.ResponseWriter, r *http.Request) {
	code, ok := NormalizeCode(r.URL.Query().Get("code"))
	if !ok {
		s.message(w, http.StatusBadRequest, message{Title: "That is not a room code", Text: fmt.Sprintf("A room code is %d letters and digits, as the projector shows it.", CodeLen), Link: "/", Label: "Try again"})
		return
	}
	http.Redirect(w, r, "/j/"+code, http.StatusSeeOther)
}

type joinData struct {
	Code, Name string
	Full       bool
	Closed     bool
	Scenarios  []string
}

func (s *Server) joinPage(w http.ResponseWriter, r *http.Request) {
	ip := clientIP(r)
	if !s.joins.peek(ip, s.now()) {
		s.message(w, http.StatusTooManyRequests, message{Title: "Too many tries", Text: "This address tried too many room codes that do not exist. Wait a minute and check the code on the projector."})
		return
	}
	code, ok := NormalizeCode(r.PathValue("code"))
	var room *Room
	var err error
	if ok {
		room, err = s.cfg.Store.Room(r.Context(), code)
	}
	if !ok || errors.Is(err, ErrNotFound) {
		s.joins.allow(ip, s.now())
		s.message(w, http.StatusNotFound, message{Title: "No such room", Text: "There is no room with that code. Check the code on the projector, or ask the facilitator.", Link: "/", Label: "Type a code"})
		return
	}
	if err != nil {
		s.cfg.Log.Printf("workshop: %v", err)
		s.message(w, http.StatusInternalServerError, message{Title: "The server has a problem", Text: "Try again in a moment."})
		return
	}
	d := joinData{Code: room.Code, Name: room.Name, Closed: room.Closed}
	for _, id := range room.Settings.Scenarios {
		if sc, ok := s.cfg.Library.Find(id); ok {
			d.Scenarios = append(d.Scenarios, sc.Title)
		}
	}
	s.render(w, http.StatusOK, "join.tmpl", d)
}

// play serves the browser game under /play/, its page with room.js added.
func (s *Server) play(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Game == nil || len(s.cfg.GameIndex) == 0 {
		s.message(w, http.StatusServiceUnavailable, message{Title: "The game is not built on this server",
			Text: "The facilitator needs to build the browser game (make web) and restart the room server with --web dist."})
		return
	}
	name := strings.TrimPrefix(r.URL.Path, "/play/")
	if name == "" || name == "index.html" {
		page := bytes.Replace(s.cfg.GameIndex, []byte(`<script src="wasm_exec.js"></script>`),
			[]byte(`<script src="/assets/room.js"></script>`+"\n"+`<script src="wasm_exec.js"></script>`), 1)
		h := w.Header()
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Cache-Control", "no-cache")
		h.Set("Content-Security-Policy", webserve.ContentSecurityPolicy(page))
		w.Write(page)
		return
	}
	r2 := r.Clone(r.Context())
	r2.URL = &url.URL{Path: "/" + name, RawQuery: r.URL.RawQuery}
	s.cfg.Game.ServeHTTP(w, r2)
}

// assetTypes are the content types of the embedded assets.
var assetTypes = map[string]string{".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml"}

func (s *Server) asset(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	typ, ok := assetTypes[path.Ext(name)]
	if !ok || strings.Contains(name, "/") {
		http.NotFound(w, r)
		return
	}
	data, err := fs.ReadFile(assetFS, "assets/"+name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", typ)
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(data)
}

// scenarioTitle is a scenario's title, or its id when not installed.
func (s *Server) scenarioTitle(id string) string {
	if sc, ok := s.cfg.Library.Find(id); ok {
		return sc.Title
	}
	return id
}

// scenarios returns a room's installed scenarios.
func (s *Server) scenarios(room *Room) []*scenario.Scenario {
	var out []*scenario.Scenario
	for _, id := range room.Settings.Scenarios {
		if sc, ok := s.cfg.Library.Find(id); ok {
			out = append(out, sc)
		}
	}
	return out
}
