package history

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// MaxLineSize bounds one record's line (a record is about 2 KB).
const MaxLineSize = 64 << 10

// ErrNewer is returned for a record written by a newer build of the game.
// The store keeps such lines in its file untouched, so a newer build still
// finds them, but cannot show them.
var ErrNewer = errors.New("written by a newer version of the game")

// EncodeLine returns a record as one line of JSON, with its newline, in
// normal form (see normalise).
func EncodeLine(r Record) ([]byte, error) {
	r.Timeline = r.Timeline.clone()
	r.Phases = append([]Stint(nil), r.Phases...)
	r.normalise()
	if err := r.Validate(); err != nil {
		return nil, fmt.Errorf("history: %v", err)
	}
	b, err := json.Marshal(r)
	if err != nil {
		return nil, fmt.Errorf("history: %v", err)
	}
	return append(b, '\n'), nil
}

// DecodeLine reads one record of any version this build knows, migrating
// an old one to the current layout (migrated is then true). Errors say what
// is wrong in words a player can act on; a record from a newer build
// returns an error wrapping ErrNewer.
func DecodeLine(line []byte) (rec Record, migrated bool, err error) {
	line = bytes.TrimSpace(line)
	if len(line) > MaxLineSize {
		return Record{}, false, fmt.Errorf("the line is %d bytes; a record is at most %d", len(line), MaxLineSize)
	}
	if len(line) == 0 {
		return Record{}, false, errors.New("the line is empty")
	}
	if line[0] != '{' {
		return Record{}, false, errors.New("the line is not a JSON object")
	}
	var probe struct {
		V json.RawMessage `json:"v"`
	}
	if err := json.Unmarshal(line, &probe); err != nil {
		return Record{}, false, jsonProblem(err)
	}
	version := 0
	if len(probe.V) > 0 && string(probe.V) != "null" {
		version, err = strconv.Atoi(string(probe.V))
		if err != nil {
			return Record{}, false, fmt.Errorf("the record's version %s is not a whole number", clip(probe.V))
		}
	}
	switch {
	case version > FormatVersion:
		return Record{}, false, fmt.Errorf("record version %d: %w (this build reads up to %d)", version, ErrNewer, FormatVersion)
	case version < 0:
		return Record{}, false, fmt.Errorf("the record's version %d is not a version", version)
	case version == 0:
		rec, err = migrateV0(line)
		if err != nil {
			return Record{}, false, fmt.Errorf("version 0 record: %v", err)
		}
		migrated = true
	default:
		if err := json.Unmarshal(line, &rec); err != nil {
			return Record{}, false, jsonProblem(err)
		}
	}
	rec.normalise()
	if err := rec.Validate(); err != nil {
		return Record{}, false, err
	}
	return rec, migrated, nil
}

// normalise puts equal records into equal form, so a decoded record
// encodes back to what decodes to it again: the run code in its canonical
// spelling (CanonicalCode), text as valid UTF-8 without terminal controls
// (each run of invalid bytes, and each control, becomes one U+FFFD, as it
// will stay through every later save and read), the time in whole UTC
// seconds.
func (r *Record) normalise() {
	if c, err := CanonicalCode(r.Code); err == nil {
		r.Code = c
	}
	for _, s := range []*string{&r.Code, &r.Scenario, &r.ScenarioTitle, &r.Track, &r.Session,
		&r.Ending, &r.EndingTitle, &r.Category, &r.JobTitle} {
		*s = validUTF8(*s)
	}
	if !r.FinishedAt.IsZero() {
		r.FinishedAt = r.FinishedAt.UTC().Truncate(time.Second)
	}
	for i := range r.Phases {
		r.Phases[i].Phase = validUTF8(r.Phases[i].Phase)
	}
	if r.Timeline == nil {
		return
	}
	for i := range r.Timeline.Series {
		s := &r.Timeline.Series[i]
		s.ID, s.Unit = validUTF8(s.ID), validUTF8(s.Unit)
		if s.Data == "" {
			continue
		}
		// The decoder skips line breaks inside base64; re-encode so the
		// stored form is canonical.
		if b, err := base64.RawURLEncoding.DecodeString(s.Data); err == nil {
			s.Data = base64.RawURLEncoding.EncodeToString(b)
		}
	}
}

// jsonProblem turns a JSON error into a reason a person can read.
func jsonProblem(err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), err.Error() == "unexpected end of JSON input":
		return errors.New("the record is cut off (a write was interrupted)")
	case errors.As(err, &se):
		return fmt.Errorf("not valid JSON at byte %d: %v", se.Offset, se)
	case errors.As(err, &te):
		return fmt.Errorf("field %q should be a %s, not a JSON %s", te.Field, te.Type, te.Value)
	}
	return fmt.Errorf("the record cannot be read: %v", err)
}

func clip(b []byte) string { return clipString(string(b)) }

// validUTF8 replaces each run of invalid bytes with one U+FFFD, and each
// character that would act on a terminal (scenario.UnsafeRune) with one
// too: a record's text is for showing.
func validUTF8(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || scenario.UnsafeRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(r rune) rune {
		if scenario.UnsafeRune(r) {
			return utf8.RuneError
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))
}

// CanonicalCode returns a run code in the one spelling the game writes:
// the same run typed in another case, with dashes or spaces, or with O, I
// and L for 0 and 1 has the same canonical code. History, imports and
// debriefs tell runs apart by it.
func CanonicalCode(text string) (string, error) {
	c, err := sim.ParseCode(text)
	if err != nil {
		return "", err
	}
	return c.Encode()
}
