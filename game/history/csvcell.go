package history

import (
	"encoding/csv"
	"io"
	"regexp"
	"strings"
)

// A spreadsheet reads a cell that begins with = + - @ (and, in some, a tab
// or carriage return) as a formula, so a title chosen by a scenario author
// or typed into a workshop could run one when a facilitator opens an
// export. CSVCell neutralises such a cell the way OWASP recommends, with a
// leading single quote, which spreadsheets show as text and do not keep;
// cells that begin with a quote get one too, so csvUncell can reverse it
// exactly. Plain numbers ("-12.5", "1e+06") are left alone: they are
// values, not formulas, and a quote would turn them into text.
func CSVCell(s string) string {
	if s == "" || plainNumber.MatchString(s) {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '\'':
		return "'" + s
	}
	return s
}

// plainNumber is a decimal number as strconv.FormatFloat and Itoa write it.
var plainNumber = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

// csvUncell reverses CSVCell for the importer: one leading quote is the
// export's escape, not part of the text.
func csvUncell(s string) string { return strings.TrimPrefix(s, "'") }

// CSVWriter writes CSV whose every cell passes through CSVCell. Every CSV
// the game and careersim write goes through it.
type CSVWriter struct {
	w   *csv.Writer
	row []string
}

// NewCSVWriter returns a spreadsheet-safe CSV writer on w.
func NewCSVWriter(w io.Writer) *CSVWriter { return &CSVWriter{w: csv.NewWriter(w)} }

// Write writes one row.
func (c *CSVWriter) Write(row []string) error {
	c.row = c.row[:0]
	for _, cell := range row {
		c.row = append(c.row, CSVCell(cell))
	}
	return c.w.Write(c.row)
}

// Flush writes what is buffered and returns the first error met.
func (c *CSVWriter) Flush() error {
	c.w.Flush()
	return c.w.Error()
}
