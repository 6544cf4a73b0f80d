package history

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
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
