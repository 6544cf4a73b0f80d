package history

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// MaxImportSize bounds a file given to Import.
const MaxImportSize = MaxFileSize

// progressEvery is how many records or lines an import reads between two
// progress reports (and checks of its context).
const progressEvery = 1024

// ImportOptions sets how ImportContext reads a file.
type ImportOptions struct {
	// Scenarios are the installed scenarios. A run of one of them (same
	// id and content version) is replayed from its run code and its
	// outcome taken from the replay, never from the file: a record that
	// claims another outcome is corrected (Report.Corrected), one whose
	// code does not replay is refused. Runs of other scenarios are kept
	// as the file says (Report.Unchecked). Nil checks nothing.
	Scenarios []*scenario.Scenario
	// Lookup, when set, finds an installed scenario by id instead of
	// Scenarios (the game compiles its bundled scenarios only when one is
	// needed). It is called from the importing goroutine.
	Lookup func(id string) (*scenario.Scenario, bool)
	// Progress, when set, is told now and then how far the import got:
	// first through the file's bytes ("reading"), then through its runs
	// ("checking", when there are Scenarios).
	Progress func(ImportProgress)
}

// ImportProgress says how far an import got.
type ImportProgress struct {
	Stage string // "reading" (Done and Total count bytes) or "checking" (runs)
	Done  int
	Total int
}

// Import reads history with ImportContext, without scenarios to check the
// runs against, progress or cancellation.
func Import(data []byte) ([]Record, *Report, error) {
	return ImportContext(context.Background(), data, ImportOptions{})
}

// ImportContext reads history from another machine or a workshop
// participant: a JSON array (ExportJSON), JSON lines (a history file
// itself) or CSV (ExportCSV, or any CSV with its required columns in any
// order). It returns every readable record, the first of each run (by
// canonical code), and reports the rest by line number. Old format
// versions are migrated. Its time is linear in the size of the file. The
// error is for data that is not history at all, or a cancelled ctx (the
// records are then nil); records read before a format error are returned.
func ImportContext(ctx context.Context, data []byte, opt ImportOptions) ([]Record, *Report, error) {
	rep := &Report{}
	if len(data) > MaxImportSize {
		return nil, rep, fmt.Errorf("history: the file is %d bytes; the limit is %d", len(data), MaxImportSize)
	}
	body := bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")) // a spreadsheet's byte-order mark
	lead := bytes.TrimLeft(body, " \t\r\n")
	done := func(n int) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if opt.Progress != nil {
			opt.Progress(ImportProgress{Stage: "reading", Done: n, Total: len(body)})
		}
		return nil
	}
	var recs []Record
	var at []int
	var err error
	switch {
	case len(lead) == 0:
		return nil, rep, nil
	case lead[0] == '[':
		recs, at, err = importJSON(body, rep, done)
	case lead[0] == '{':
		recs, at, _, _, err = parseLines(body, rep, done)
	default:
		recs, at, err = importCSV(body, rep, done)
	}
	if cerr := ctx.Err(); cerr != nil {
		return nil, rep, fmt.Errorf("history: import stopped: %w", cerr)
	}
	if opt.Progress != nil {
		opt.Progress(ImportProgress{Stage: "reading", Done: len(body), Total: len(body)})
	}
	if opt.Scenarios != nil || opt.Lookup != nil {
		var cerr error
		recs, cerr = checkOutcomes(ctx, recs, at, opt, rep)
		if cerr != nil {
			return nil, rep, fmt.Errorf("history: import stopped: %w", cerr)
		}
	}
	return recs, rep, err
}

// checkOutcomes replays each run of an installed scenario and takes its
// outcome from the replay (see ImportOptions.Scenarios).
func checkOutcomes(ctx context.Context, recs []Record, at []int, opt ImportOptions, rep *Report) ([]Record, error) {
	find := opt.Lookup
	if find == nil {
		find = func(id string) (*scenario.Scenario, bool) { return scenario.Find(opt.Scenarios, id) }
	}
	out := recs[:0]
	for i := range recs {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			if opt.Progress != nil {
				opt.Progress(ImportProgress{Stage: "checking", Done: i, Total: len(recs)})
			}
		}
		rec := recs[i]
		sc, ok := find(rec.Scenario)
		if !ok || sc.Version != rec.Content {
			rep.Unchecked++
			out = append(out, rec)
			continue
		}
		derived, err := Rederive(sc, rec)
		if err != nil {
			rep.add(at[i], err.Error())
			continue
		}
		if !sameOutcome(&derived, &rec) {
			rep.Corrected++
		}
		out = append(out, derived)
	}
	if opt.Progress != nil {
		opt.Progress(ImportProgress{Stage: "checking", Done: len(recs), Total: len(recs)})
	}
	return out, nil
}

// Rederive replays a record's run code on its scenario (sc must be the
// record's scenario at its content version) and returns the record as
// that run made it: outcome, titles and timeline from the replay; code,
// session and finishing time from rec.
func Rederive(sc *scenario.Scenario, rec Record) (Record, error) {
	code, err := sim.ParseCode(rec.Code)
	if err != nil {
		return Record{}, fmt.Errorf("record's code: %v", err)
	}
	r, err := sim.Replay(sc, code, sim.Options{Session: rec.Session})
	if err != nil {
		return Record{}, fmt.Errorf("the run code does not replay on the installed %s v%d: %v", sc.ID, sc.Version, err)
	}
	if !r.Done() {
		return Record{}, fmt.Errorf("the run code stops after %d months, before an ending of %s v%d", len(code.Picks), sc.ID, sc.Version)
	}
	return FromRun(r, rec.FinishedAt)
}

// sameOutcome reports whether two records of one run agree on how it went.
func sameOutcome(a, b *Record) bool {
	return a.Ending == b.Ending && a.Category == b.Category && a.Months == b.Months &&
		a.Wealth == b.Wealth && a.Level == b.Level && a.Skills == b.Skills &&
		a.Wellbeing == b.Wellbeing && a.Autonomy == b.Autonomy && a.JobTitle == b.JobTitle
}

// importJSON reads a JSON array of records.
func importJSON(data []byte, rep *Report, done func(int) error) ([]Record, []int, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil {
		return nil, nil, fmt.Errorf("history: not a JSON array: %v", jsonProblem(err))
	}
	var recs []Record
	var at []int
	seen := map[string]bool{}
	lines := lineCounter{data: data, line: 1}
	for n := 1; dec.More(); n++ {
		if done != nil && n%progressEvery == 0 {
			if err := done(int(dec.InputOffset())); err != nil {
				return recs, at, err
			}
		}
		line := lines.at(int(dec.InputOffset()))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			// The array is broken here; nothing after it can be found.
			rep.add(line, jsonProblem(err).Error()+"; the rest of the file was not read")
			return recs, at, nil
		}
		rec, migrated, err := DecodeLine(raw)
		switch {
		case errors.Is(err, ErrNewer):
			rep.Newer++
			continue
		case err != nil:
			rep.add(line, err.Error())
			continue
		case seen[rec.Code]:
			rep.Duplicates++
			continue
		}
		seen[rec.Code] = true
		if migrated {
			rep.Migrated++
		}
		recs, at = append(recs, rec), append(at, line)
	}
	if _, err := dec.Token(); err != nil {
		rep.add(lines.at(int(dec.InputOffset())), "the array does not close: "+jsonProblem(err).Error())
	}
	return recs, at, nil
}

// lineCounter turns byte offsets into 1-based line numbers. Offsets come in
// increasing order, so it counts each newline once: a file of a million
// elements is not rescanned a million times.
type lineCounter struct {
	data []byte
	off  int // counted up to here
	line int // the line at off
}

// at returns the line of the first value at or after offset (skipping the
// separators a JSON decoder stops before).
func (c *lineCounter) at(offset int) int {
	offset = min(max(offset, 0), len(c.data))
	for offset < len(c.data) && strings.IndexByte(" \t\r\n,", c.data[offset]) >= 0 {
		offset++
	}
	if offset < c.off {
		c.off, c.line = 0, 1
	}
	c.line += bytes.Count(c.data[c.off:offset], []byte("\n"))
	c.off = offset
	return c.line
}

// importCSV reads CSV rows by their header.
func importCSV(data []byte, rep *Report, done func(int) error) ([]Record, []int, error) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, nil, fmt.Errorf("history: not JSON, and not CSV with a header: %v", err)
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	var missing []string
	for _, c := range csvRequired {
		if _, ok := col[c]; !ok {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		return nil, nil, fmt.Errorf("history: not JSON, and the CSV header lacks the columns %s", strings.Join(missing, ", "))
	}
	var recs []Record
	var at []int
	seen := map[string]bool{}
	for n := 1; ; n++ {
		if done != nil && n%progressEvery == 0 {
			if err := done(int(cr.InputOffset())); err != nil {
				return recs, at, err
			}
		}
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			// FieldPos is only defined for a row read without error.
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
				err = pe.Err
			}
			rep.add(line, "not valid CSV: "+err.Error())
			continue
		}
		line, _ := cr.FieldPos(0)
		if len(row) == 1 && strings.TrimSpace(row[0]) == "" {
			continue
		}
		rec, err := csvRecord(row, col)
		if err == nil {
			rec.normalise()
			err = rec.Validate()
		}
		switch {
		case err != nil:
			rep.add(line, err.Error())
			continue
		case seen[rec.Code]:
			rep.Duplicates++
			continue
		}
		seen[rec.Code] = true
		recs, at = append(recs, rec), append(at, line)
	}
	return recs, at, nil
}

// csvRecord reads one row.
func csvRecord(row []string, col map[string]int) (Record, error) {
	get := func(name string) string {
		i, ok := col[name]
		if !ok || i >= len(row) {
			return ""
		}
		// Spaces around a cell are not kept (a hand-made CSV has them
		// after its commas), nor the quote CSVCell put in front.
		return strings.TrimSpace(csvUncell(strings.TrimSpace(row[i])))
	}
	var firstErr error
	num := func(name string) float64 {
		v, err := strconv.ParseFloat(get(name), 64)
		if err != nil && firstErr == nil {
			firstErr = fmt.Errorf("column %s: %q is not a number", name, clipString(get(name)))
		}
		return v
	}
	whole := func(name string) int {
		v, err := strconv.Atoi(get(name))
		if err != nil && firstErr == nil {
			firstErr = fmt.Errorf("column %s: %q is not a whole number", name, clipString(get(name)))
		}
		return v
	}
	r := Record{V: FormatVersion, Code: get("code"), Scenario: get("scenario"), Content: whole("content"),
		ScenarioTitle: get("scenario_title"), Track: get("track"), Session: get("session"),
		Ending: get("ending"), EndingTitle: get("ending_title"), Category: strings.ToLower(get("category")), JobTitle: get("job_title"),
		Wealth: num("wealth"), Level: num("level"), Skills: num("skills"), Wellbeing: num("wellbeing"), Autonomy: num("autonomy"),
		Months: whole("months")}
	if firstErr != nil {
		return Record{}, firstErr
	}
	t, err := time.Parse(time.RFC3339, get("finished_at"))
	if err != nil {
		return Record{}, fmt.Errorf("column finished_at: %q is not a time like 2026-01-31T18:00:00Z", clipString(get("finished_at")))
	}
	r.FinishedAt = t
	return r, nil
}

func clipString(s string) string {
	if len(s) > 40 {
		return strings.ToValidUTF8(s[:40], "") + "..."
	}
	return s
}
