package workshop

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Request size limits: an API call is a few short fields, a facilitator's
// form a little more.
const (
	maxAPIBody  = 4 << 10
	maxFormBody = 16 << 10
)

// Config is what a Server needs.
type Config struct {
	Store   *Store
	Library *Library
	// Game serves the browser build (make web's dist/ folder); nil when it
	// is not built, and the play page then says so.
	Game http.Handler
	// GameIndex is the browser build's index.html, into which the play
	// page adds room.js.
	GameIndex []byte
	// PublicURL is the address participants reach the server at, for join
	// links and the QR code ("http://192.168.1.20:8080"); empty takes it
	// from each request.
	PublicURL string
	// Log receives one line per problem worth a facilitator's attention.
	Log *log.Logger
}

// Server is the workshop room's HTTP server: the facilitator's pages, the
// participants' join page and API, the projector's live view.
type Server struct {
	cfg   Config
	mux   *http.ServeMux
	snaps *snapshots
	runs  *runCache
	joins *limiter
	cache *lookups
	now   func() time.Time
}

// NewServer returns a server over a store and a library.
func NewServer(cfg Config) (*Server, error) {
	if cfg.Store == nil || cfg.Library == nil {
		return nil, errors.New("workshop: a server needs a store and a library")
	}
	if cfg.Log == nil {
		cfg.Log = log.New(io.Discard, "", 0)
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux(), snaps: newSnapshots(cfg.Library, cfg.Store),
		runs: newRunCache(), cache: newLookups(), joins: newLimiter(20, 6*time.Second), now: time.Now}
	s.routes()
	return s, nil
}

func (s *Server) routes() {
	m := s.mux
	m.HandleFunc("GET /{$}", s.home)
	m.HandleFunc("POST /rooms", s.createRoomForm)
	m.HandleFunc("GET /join", s.joinByCode)
	m.HandleFunc("GET /j/{code}", s.joinPage)
	m.HandleFunc("GET /play/", s.play)
	m.HandleFunc("GET /assets/{name}", s.asset)

	m.HandleFunc("POST /api/rooms", s.apiCreateRoom)
	m.HandleFunc("POST /api/join", s.apiJoin)
	m.HandleFunc("GET /api/me", s.apiMe)
	m.HandleFunc("POST /api/choice", s.apiChoice)

	m.HandleFunc("GET /f/{secret}/{$}", s.facilitator(s.dashboard))
	m.HandleFunc("GET /f/{secret}/projector", s.facilitator(s.projector))
	m.HandleFunc("GET /f/{secret}/live", s.facilitator(s.live))
	m.HandleFunc("GET /f/{secret}/events", s.facilitator(s.events))
	m.HandleFunc("POST /f/{secret}/control", s.facilitator(s.control))
	m.HandleFunc("POST /f/{secret}/delete", s.facilitator(s.deleteRoom))
	m.HandleFunc("POST /f/{secret}/inject", s.facilitator(s.inject))
	m.HandleFunc("GET /f/{secret}/p/{id}", s.facilitator(s.walk))
	m.HandleFunc("GET /f/{secret}/report", s.facilitator(s.report))
	m.HandleFunc("GET /f/{secret}/export.csv", s.facilitator(s.exportCSV))
	m.HandleFunc("GET /f/{secret}/export.json", s.facilitator(s.exportJSON))
	m.HandleFunc("GET /f/{secret}/qr.svg", s.facilitator(s.qr))
}

// ServeHTTP adds the headers every answer carries and serves the request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	// Facilitator links carry their secret in the path: never send it on.
	h.Set("Referrer-Policy", "no-referrer")
	s.mux.ServeHTTP(w, r)
}

// apiError is the body of every failed API call: a message for a person
// and a code for the page's script.
type apiError struct {
	Error string `json:"error"`
	Code  string `json:"code"`
	// HoldMonth is set with code "held".
	HoldMonth int `json:"hold_month,omitempty"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v)
}

func writeError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, apiError{Error: msg, Code: code})
}

// readJSON decodes a bounded JSON body into v, refusing unknown fields and
// trailing data.
func readJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	r.Body = http.MaxBytesReader(w, r.Body, maxAPIBody)
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, "too_large", fmt.Sprintf("the request is larger than %d bytes", maxAPIBody))
		} else {
			writeError(w, http.StatusBadRequest, "bad_request", "the request is not the JSON this server expects: "+err.Error())
		}
		return false
	}
	if dec.More() {
		writeError(w, http.StatusBadRequest, "bad_request", "the request has data after its JSON object")
		return false
	}
	return true
}

// storeError answers a store failure: the known ones clearly, the rest as
// a server problem, logged.
func (s *Server) storeError(w http.ResponseWriter, err error) {
	switch {
	case errors.Is(err, ErrNotFound):
		writeError(w, http.StatusNotFound, "not_found", "no such room or participant (the room may have been deleted)")
	case errors.Is(err, ErrFull):
		writeError(w, http.StatusConflict, "full", "This room is full. Ask the facilitator to make room or open another one.")
	case errors.Is(err, ErrClosed):
		writeError(w, http.StatusConflict, "closed", "This room is closed to new participants. Ask the facilitator.")
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusServiceUnavailable, "busy", "the server is busy; try again")
	default:
		s.cfg.Log.Printf("workshop: %v", err)
		writeError(w, http.StatusInternalServerError, "server", "the server could not store this; it will be retried")
	}
}

// publicBase is the address participants use: the configured one, or the
// one this request came to.
func (s *Server) publicBase(r *http.Request) string {
	if s.cfg.PublicURL != "" {
		return strings.TrimRight(s.cfg.PublicURL, "/")
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// clientIP is the address a request came from (the server does not trust
// forwarding headers: a proxy in front would make every client one).
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// limiter is a token bucket per client address: burst tokens, one more
// every refill. It limits attempts with room codes that do not exist, so
// guessing codes is slow, while a classroom behind one address joining a
// real room is never held up.
type limiter struct {
	mu      sync.Mutex
	burst   float64
	refill  time.Duration
	buckets map[string]*bucket
	sweep   time.Time
}

type bucket struct {
	tokens float64
	at     time.Time
}

func newLimiter(burst int, refill time.Duration) *limiter {
	return &limiter{burst: float64(burst), refill: refill, buckets: map[string]*bucket{}}
}

// allow reports whether key may make another attempt now, and takes a
// token if so.
func (l *limiter) allow(key string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Sub(l.sweep) > time.Minute {
		// Forget addresses whose buckets have refilled.
		for k, b := range l.buckets {
			if now.Sub(b.at) > time.Duration(l.burst)*l.refill {
				delete(l.buckets, k)
			}
		}
		l.sweep = now
	}
	b := l.buckets[key]
	if b == nil {
		b = &bucket{tokens: l.burst, at: now}
		l.buckets[key] = b
	}
	b.tokens = min(l.burst, b.tokens+float64(now.Sub(b.at))/float64(l.refill))
	b.at = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// peek reports whether key has a token left, without taking it.
func (l *limiter) peek(key string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.buckets[key]
	if b == nil {
		return true
	}
	return b.tokens+float64(now.Sub(b.at))/float64(l.refill) >= 1
}
