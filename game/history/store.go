package history

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"

	"runwayladder/game/storage"
	"runwayladder/game/words"
)

// FileName is the history document: one JSON record per line, appended as
// runs finish.
const FileName = "history.jsonl"

// repairName holds the good records while a damaged history is replaced,
// so a crash between setting the damaged file aside and writing the good
// records back loses nothing: Load finds it and finishes the job.
const repairName = FileName + ".repair"

// MaxFileSize bounds the history file: at about 2 KB a run that is some
// 8,000 runs. Load reads no more than this (the rest stays in the file set
// aside), and Append refuses to grow the file past it.
const MaxFileSize = 16 << 20

// maxProblems bounds the problems a report lists one by one.
const maxProblems = 100

// ErrFull is returned when the history file has reached MaxFileSize.
var ErrFull = errors.New("history is full")

// Problem is a line that could not be read.
type Problem struct {
	Line   int    `json:"line"` // 1-based
	Reason string `json:"reason"`
}

// Report says what reading history (or an import) found besides good
// records. The zero Report means all was well.
type Report struct {
	// Problems lists unreadable lines, the first 100; More counts the rest.
	Problems []Problem `json:"problems,omitempty"`
	More     int       `json:"more,omitempty"`
	// Migrated counts records read from an older format version.
	Migrated int `json:"migrated,omitempty"`
	// Newer counts records from a newer build: kept in the file, not shown.
	Newer int `json:"newer,omitempty"`
	// Duplicates counts records of a run already read (the first is kept).
	Duplicates int `json:"duplicates,omitempty"`
	// Truncated is set when the file was larger than MaxFileSize and only
	// its start was read.
	Truncated bool `json:"truncated,omitempty"`
	// SetAside names the copy of a damaged file kept for inspection.
	SetAside string `json:"set_aside,omitempty"`
	// Restored is set when an interrupted repair was finished.
	Restored bool `json:"restored,omitempty"`
	// Corrected counts imported runs whose outcome differed from the
	// replay of their run code and was taken from the replay.
	Corrected int `json:"corrected,omitempty"`
	// Unchecked counts imported runs of scenarios (or versions) not
	// installed, whose outcome could not be replayed and is as the file
	// says.
	Unchecked int `json:"unchecked,omitempty"`
	// Unrepaired says why damage that was found could not be repaired
	// (a full or read-only disk): the readable runs were still read, and
	// nothing is written to history until a later Load repairs it.
	Unrepaired string `json:"unrepaired,omitempty"`
}

func (r *Report) add(line int, reason string) {
	if len(r.Problems) < maxProblems {
		r.Problems = append(r.Problems, Problem{Line: line, Reason: reason})
		return
	}
	r.More++
}

// Damaged reports whether some of the file could not be read.
func (r *Report) Damaged() bool { return len(r.Problems) > 0 || r.More > 0 || r.Truncated }

// String describes the report in a few sentences, or "" when all was well.
func (r *Report) String() string {
	var b strings.Builder
	if n := len(r.Problems) + r.More; n > 0 {
		fmt.Fprintf(&b, "%d %s could not be read", n, words.Plural(n, "line", "lines"))
		for i, p := range r.Problems {
			if i == 5 {
				fmt.Fprintf(&b, "; ...")
				break
			}
			sep := ": "
			if i > 0 {
				sep = "; "
			}
			fmt.Fprintf(&b, "%sline %d: %s", sep, p.Line, p.Reason)
		}
		b.WriteString(".")
	}
	note := func(format string, args ...any) {
		if b.Len() > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, format, args...)
	}
	if r.Truncated {
		note("The file is larger than %d MB; only its start was read.", MaxFileSize>>20)
	}
	if r.SetAside != "" {
		note("The damaged file is kept as %s; every readable run was saved again.", r.SetAside)
	}
	if r.Restored {
		note("An interrupted repair was finished.")
	}
	if r.Unrepaired != "" {
		note("The damage could not be repaired yet (%s); the readable runs were read, and new runs are not saved until it can be.", r.Unrepaired)
	}
	if r.Migrated > 0 {
		note("%d %s from an older version were updated.", r.Migrated, words.Plural(r.Migrated, "run", "runs"))
	}
	if r.Newer > 0 {
		note("%d %s saved by a newer version of the game %s kept but not shown.", r.Newer, words.Plural(r.Newer, "run", "runs"), words.Plural(r.Newer, "is", "are"))
	}
	if r.Corrected > 0 {
		note("%d %s an outcome that %s run code does not give; the replay's outcome was kept.", r.Corrected,
			words.Plural(r.Corrected, "run claimed", "runs claimed"), words.Plural(r.Corrected, "its", "their"))
	}
	if r.Unchecked > 0 {
		note("%d %s of scenarios not installed here, so %s outcome could not be checked.", r.Unchecked,
			words.Plural(r.Unchecked, "run is", "runs are"), words.Plural(r.Unchecked, "its", "their"))
	}
	if r.Duplicates > 0 {
		note("%d repeated %s skipped.", r.Duplicates, words.Plural(r.Duplicates, "run was", "runs were"))
	}
	return b.String()
}

// Store is the history of finished runs over a storage.Store: the user's
// config folder on the desktop, localStorage in the browser.
//
// Processes: every read, repair and write holds the storage's lock on the
// file (storage.Lock: one process at a time on the desktop), so a repair
// never sees another process's append half done, and a Store that finds
// the file changed by another process since it last looked (storage.Stamp)
// reads it again before it writes.
type Store struct {
	mu    sync.Mutex
	st    storage.Store
	ready bool            // read (and repaired): codes and size are the file's
	codes map[string]bool // runs in the file, by canonical code
	size  int             // bytes in the file
	stamp string          // the file as last read or written (storage.Stamp)
}

// Open returns the history kept in st. It reads nothing until Load or
// Append.
func Open(st storage.Store) *Store { return &Store{st: st} }

// Where says where history is kept, for messages.
func (s *Store) Where() string { return s.st.Where() + " (" + FileName + ")" }

// Load returns every readable record, oldest first, and a report of the
// rest. A damaged file (unreadable lines, a record cut off by a crash, a
// file over MaxFileSize) is set aside under a new name after the readable
// records are written back atomically, so no good record is ever lost and
// the next Append starts on a clean file. Reading never depends on that
// repair: when the disk refuses it (full, read-only) the readable records
// are returned all the same and Report.Unrepaired says why. Records of
// older format versions are migrated; those of newer ones are kept in the
// file. The error is for storage that cannot be read at all, or that
// another process keeps locked; the records are then nil.
func (s *Store) Load() ([]Record, *Report, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	unlock, err := storage.Lock(s.st, FileName)
	if errors.Is(err, storage.ErrUnavailable) {
		// No lock can be taken here (a read-only folder): read, and
		// leave any repair to a process that can write.
		return s.load(false)
	}
	if err != nil {
		return nil, nil, fmt.Errorf("history: %w", err)
	}
	defer unlock()
	return s.load(true)
}

// load reads the file; with the lock held (locked), it also repairs it.
func (s *Store) load(locked bool) ([]Record, *Report, error) {
	s.ready = false
	rep := &Report{}
	data, truncated, err := readBounded(s.st, FileName, MaxFileSize)
	restore := false
	if storage.IsNotFound(err) {
		data, truncated, err = readBounded(s.st, repairName, MaxFileSize)
		if storage.IsNotFound(err) {
			s.ready, s.codes, s.size, s.stamp = locked, map[string]bool{}, 0, ""
			return nil, rep, nil
		}
		restore = err == nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("history: %w", err)
	}
	rep.Truncated = truncated
	recs, _, kept, torn, _ := parseLines(data, rep, nil)
	if !locked {
		if restore || rep.Damaged() || torn {
			rep.Unrepaired = "the folder cannot be locked or written"
		}
		return recs, rep, nil
	}
	if restore {
		if err := s.st.Write(FileName, data); err != nil {
			rep.Unrepaired = "finishing an interrupted repair: " + err.Error()
			return recs, rep, nil
		}
		_ = s.st.Remove(repairName)
		rep.Restored = true
	}
	size := len(data)
	switch {
	case rep.Damaged():
		good, err := encodeAll(recs, kept)
		if err != nil {
			return nil, nil, err
		}
		aside, err := s.repair(good)
		if err != nil {
			rep.Unrepaired = err.Error()
			return recs, rep, nil
		}
		rep.SetAside = aside
		size = len(good)
	case torn:
		// The last record is whole but its newline was lost: add it, so
		// the next record starts on a line of its own.
		if err := s.st.Append(FileName, []byte("\n")); err != nil {
			rep.Unrepaired = "ending the last line: " + err.Error()
			return recs, rep, nil
		}
		size++
	}
	codes := make(map[string]bool, len(recs))
	for i := range recs {
		codes[recs[i].Code] = true
	}
	s.ready, s.codes, s.size = true, codes, size
	s.stamp, _ = storage.Stamp(s.st, FileName)
	return recs, rep, nil
}

// repair replaces a damaged file by its good records and returns the name
// the damaged one is kept under. The good records go to repairName first,
// so a crash at any step loses nothing: load finishes the job.
func (s *Store) repair(good []byte) (string, error) {
	if err := s.st.Write(repairName, good); err != nil {
		return "", fmt.Errorf("saving the readable runs: %w", err)
	}
	aside, err := s.st.SetAside(FileName)
	if err != nil {
		_ = s.st.Remove(repairName)
		return "", fmt.Errorf("setting the damaged file aside: %w", err)
	}
	if err := s.st.Write(FileName, good); err != nil {
		// The next load finds repairName and finishes.
		return "", fmt.Errorf("writing the readable runs back: %w", err)
	}
	_ = s.st.Remove(repairName)
	return aside, nil
}

// current makes sure, with the lock held, that codes and size are the
// file's: it reads the file again when this Store has not read it yet or
// another process changed it since, and refuses to go on while damage
// cannot be repaired, so a write never lands after a torn line.
func (s *Store) current() error {
	if s.ready {
		stamp, ok := storage.Stamp(s.st, FileName)
		if stamp == s.stamp && (ok || s.stamp == "") {
			return nil
		}
	}
	_, rep, err := s.load(true)
	if err != nil {
		return err
	}
	if rep.Unrepaired != "" {
		return fmt.Errorf("history: %s is damaged and could not be repaired: %s", FileName, rep.Unrepaired)
	}
	return nil
}

// parseLines decodes every line. It returns the good records (first of
// each run) and the line each was read from, the raw lines of newer builds
// to keep, and whether the data ends without a newline after a good record.
// done, when set, is told how many bytes have been read now and then, and
// stops the reading early by returning an error.
func parseLines(data []byte, rep *Report, done func(int) error) (recs []Record, at []int, kept [][]byte, torn bool, err error) {
	seen := map[string]bool{}
	total := len(data)
	for n := 1; len(data) > 0; n++ {
		if done != nil && n%progressEvery == 0 {
			if err := done(total - len(data)); err != nil {
				return recs, at, kept, torn, err
			}
		}
		line := data
		end := bytes.IndexByte(data, '\n')
		if end >= 0 {
			line, data = data[:end], data[end+1:]
		} else {
			data = nil
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		rec, migrated, err := DecodeLine(line)
		switch {
		case errors.Is(err, ErrNewer):
			rep.Newer++
			kept = append(kept, append(bytes.TrimSpace(line), '\n'))
			torn = end < 0
			continue
		case err != nil:
			// A write cut short and followed by more records leaves them
			// on one line: recover the whole records inside it.
			found := salvage(line)
			reason := err.Error()
			if len(found) > 0 {
				reason += fmt.Sprintf(" (%d %s inside it recovered)", len(found), words.Plural(len(found), "run", "runs"))
			}
			rep.add(n, reason)
			for _, rec := range found {
				if !seen[rec.Code] {
					seen[rec.Code] = true
					recs, at = append(recs, rec), append(at, n)
				}
			}
			continue
		}
		torn = end < 0
		if seen[rec.Code] {
			rep.Duplicates++
			continue
		}
		seen[rec.Code] = true
		if migrated {
			rep.Migrated++
		}
		recs, at = append(recs, rec), append(at, n)
	}
	return recs, at, kept, torn, nil
}

// recordStarts mark where a record of each version begins: the encoder
// writes "v" first, and version 0 wrote "run" first.
var recordStarts = [][]byte{[]byte(`{"v":`), []byte(`{"run":`)}

// salvage finds whole records inside a damaged line, such as a record cut
// off by a crash with the next record appended after it.
// It tries at most maxSalvage starts, and only on lines of a sane size,
// so a hostile line cannot make reading slow.
func salvage(line []byte) []Record {
	const maxSalvage = 64
	var out []Record
	if len(line) > 4*MaxLineSize {
		return nil
	}
	for i, tries := 0, 0; i < len(line) && tries < maxSalvage; tries++ {
		next := -1
		for _, m := range recordStarts {
			if j := bytes.Index(line[i:], m); j >= 0 && (next < 0 || j < next) {
				next = j
			}
		}
		if next < 0 {
			break
		}
		start := i + next
		dec := json.NewDecoder(bytes.NewReader(line[start:]))
		var raw json.RawMessage
		if dec.Decode(&raw) == nil {
			if rec, _, err := DecodeLine(raw); err == nil {
				out = append(out, rec)
				i = start + len(raw)
				continue
			}
		}
		i = start + 1
	}
	return out
}

func encodeAll(recs []Record, kept [][]byte) ([]byte, error) {
	var buf bytes.Buffer
	for i := range recs {
		line, err := EncodeLine(recs[i])
		if err != nil {
			return nil, err
		}
		buf.Write(line)
	}
	for _, k := range kept {
		buf.Write(k)
	}
	return buf.Bytes(), nil
}

// Append records a finished run, durably (the storage fsyncs). It returns
// false, and writes nothing, when the run is already in history. If Load
// has not run on this Store yet, Append runs it first (so it never writes
// after a torn line) and its report is not seen: call Load at startup to
// show the player what it found.
func (s *Store) Append(rec Record) (bool, error) {
	added, _, err := s.Merge([]Record{rec})
	return added == 1, err
}

// Merge adds the records whose runs are not yet in history (by canonical
// run code, see CanonicalCode),
// in order, with one durable append. It returns how many were added and
// how many were already there (or repeated in recs).
func (s *Store) Merge(recs []Record) (added, duplicates int, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	unlock, err := storage.Lock(s.st, FileName)
	if err != nil {
		return 0, 0, fmt.Errorf("history: %w", err)
	}
	defer unlock()
	if err := s.current(); err != nil {
		return 0, 0, err
	}
	var buf bytes.Buffer
	var codes []string
	fresh := map[string]bool{}
	for i := range recs {
		key := runKey(recs[i].Code)
		if s.codes[key] || fresh[key] {
			duplicates++
			continue
		}
		line, err := EncodeLine(recs[i])
		if err != nil {
			return 0, 0, fmt.Errorf("history: run %d: %w", i+1, err)
		}
		fresh[key] = true
		codes = append(codes, key)
		buf.Write(line)
	}
	if buf.Len() == 0 {
		return 0, duplicates, nil
	}
	if s.size+buf.Len() > MaxFileSize {
		return 0, duplicates, fmt.Errorf("history: %w: the file would pass %d MB; export it and start a new one", ErrFull, MaxFileSize>>20)
	}
	if err := s.st.Append(FileName, buf.Bytes()); err != nil {
		// The append may have landed in part: read the file again before
		// the next write.
		s.ready = false
		return 0, duplicates, fmt.Errorf("history: %w", err)
	}
	for _, c := range codes {
		s.codes[c] = true
	}
	s.size += buf.Len()
	s.stamp, _ = storage.Stamp(s.st, FileName)
	return len(codes), duplicates, nil
}

// Replace rewrites history atomically with exactly recs (to delete runs,
// or clear history with none). Lines from newer builds are dropped.
func (s *Store) Replace(recs []Record) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	unlock, err := storage.Lock(s.st, FileName)
	if err != nil {
		return fmt.Errorf("history: %w", err)
	}
	defer unlock()
	seen := map[string]bool{}
	var uniq []Record
	for i := range recs {
		if key := runKey(recs[i].Code); !seen[key] {
			seen[key] = true
			uniq = append(uniq, recs[i])
		}
	}
	data, err := encodeAll(uniq, nil)
	if err != nil {
		return err
	}
	if len(data) > MaxFileSize {
		return fmt.Errorf("history: %w: %d bytes", ErrFull, len(data))
	}
	if err := s.st.Write(FileName, data); err != nil {
		s.ready = false
		return fmt.Errorf("history: %w", err)
	}
	s.ready, s.codes, s.size = true, seen, len(data)
	s.stamp, _ = storage.Stamp(s.st, FileName)
	return nil
}

// runKey tells runs apart: the canonical run code, or the text as it is
// when it is not a readable code (Validate refuses such a record anyway).
func runKey(code string) string {
	if c, err := CanonicalCode(code); err == nil {
		return c
	}
	return code
}
