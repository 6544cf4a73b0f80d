package history

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// ExportJSON writes records as a JSON array, one record per line, which
// Import reads back whole (timelines included).
func ExportJSON(w io.Writer, recs []Record) error {
	var buf bytes.Buffer
	buf.WriteString("[")
	for i := range recs {
		line, err := EncodeLine(recs[i])
		if err != nil {
			return fmt.Errorf("history: run %d: %w", i+1, err)
		}
		if i > 0 {
			buf.WriteString(",")
		}
		buf.WriteString("\n")
		buf.Write(bytes.TrimSuffix(line, []byte("\n")))
	}
	buf.WriteString("\n]\n")
	_, err := w.Write(buf.Bytes())
	return err
}

// CSVColumns are the columns ExportCSV writes, in order: who and what the
// run was, how it ended, then the outcome axes. Timelines are not in CSV.
var CSVColumns = []string{"code", "scenario", "content", "scenario_title", "track", "session",
	"ending", "ending_title", "category", "job_title",
	"wealth", "level", "skills", "wellbeing", "autonomy", "months", "finished_at"}

// csvRequired are the columns Import needs in a CSV file.
var csvRequired = []string{"code", "scenario", "content", "ending", "category",
	"wealth", "level", "skills", "wellbeing", "autonomy", "months", "finished_at"}

// ExportCSV writes one row per run under a header of CSVColumns, for a
// spreadsheet. Numbers are written in full precision, times in RFC 3339;
// text that a spreadsheet would run as a formula is escaped (CSVCell) and
// read back as it was by Import.
func ExportCSV(w io.Writer, recs []Record) error {
	cw := NewCSVWriter(w)
	if err := cw.Write(CSVColumns); err != nil {
		return err
	}
	num := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	for i := range recs {
		r := &recs[i]
		if err := r.Validate(); err != nil {
			return fmt.Errorf("history: run %d: %v", i+1, err)
		}
		row := []string{r.Code, r.Scenario, strconv.Itoa(r.Content), r.ScenarioTitle, r.Track, r.Session,
			r.Ending, r.EndingTitle, r.Category, r.JobTitle,
			num(r.Wealth), num(r.Level), num(r.Skills), num(r.Wellbeing), num(r.Autonomy),
			strconv.Itoa(r.Months), r.FinishedAt.UTC().Format(time.RFC3339)}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	return cw.Flush()
}

// MaxImportSize bounds a file given to Import.
const MaxImportSize = MaxFileSize

// Import reads history from another machine or a workshop participant: a
// JSON array (ExportJSON), JSON lines (a history file itself) or CSV
// (ExportCSV, or any CSV with its required columns in any order). It
// returns every readable record, the first of each run, and reports the
// rest by line number. Old format versions are migrated. The error is for
// data that is not history at all; records read before it are returned.
func Import(data []byte) ([]Record, *Report, error) {
	rep := &Report{}
	if len(data) > MaxImportSize {
		return nil, rep, fmt.Errorf("history: the file is %d bytes; the limit is %d", len(data), MaxImportSize)
	}
	body := bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")) // a spreadsheet's byte-order mark
	lead := bytes.TrimLeft(body, " \t\r\n")
	var recs []Record
	var err error
	switch {
	case len(lead) == 0:
		return nil, rep, nil
	case lead[0] == '[':
		recs, err = importJSON(body, rep)
	case lead[0] == '{':
		recs, _, _ = parseLines(body, rep)
	default:
		recs, err = importCSV(body, rep)
	}
	return recs, rep, err
}

// importJSON reads a JSON array of records.
func importJSON(data []byte, rep *Report) ([]Record, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil {
		return nil, fmt.Errorf("history: not a JSON array: %v", jsonProblem(err))
	}
	var recs []Record
	seen := map[string]bool{}
	for dec.More() {
		line := lineAt(data, int(dec.InputOffset()))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			// The array is broken here; nothing after it can be found.
			rep.add(line, jsonProblem(err).Error()+"; the rest of the file was not read")
			return recs, nil
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
		recs = append(recs, rec)
	}
	if _, err := dec.Token(); err != nil {
		rep.add(lineAt(data, int(dec.InputOffset())), "the array does not close: "+jsonProblem(err).Error())
	}
	return recs, nil
}

// lineAt returns the 1-based line of the first value at or after offset
// (skipping the separators a JSON decoder stops before).
func lineAt(data []byte, offset int) int {
	offset = min(max(offset, 0), len(data))
	for offset < len(data) && strings.IndexByte(" \t\r\n,", data[offset]) >= 0 {
		offset++
	}
	return 1 + bytes.Count(data[:offset], []byte("\n"))
}

// importCSV reads CSV rows by their header.
func importCSV(data []byte, rep *Report) ([]Record, error) {
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("history: not JSON, and not CSV with a header: %v", err)
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
		return nil, fmt.Errorf("history: not JSON, and the CSV header lacks the columns %s", strings.Join(missing, ", "))
	}
	var recs []Record
	seen := map[string]bool{}
	for {
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
		recs = append(recs, rec)
	}
	return recs, nil
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
		return s[:40] + "..."
	}
	return s
}
