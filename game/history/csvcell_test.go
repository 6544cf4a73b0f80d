package history

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"runwayladder/game/storage"
)

func TestCSVCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Senior, and it is enough", "Senior, and it is enough"},
		{"=HYPERLINK(\"http://x\",\"click\")", "'=HYPERLINK(\"http://x\",\"click\")"},
		{"+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1:A9)", "'@SUM(A1:A9)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"'already quoted", "''already quoted"},
		{"-12.5", "-12.5"},
		{"+7", "+7"},
		{"-1.1723858659354448e+06", "-1.1723858659354448e+06"},
		{"-0x1p3", "'-0x1p3"},
		{"-Inf", "'-Inf"},
		{"a=b", "a=b"},
	}
	for _, tt := range tests {
		if got := CSVCell(tt.in); got != tt.want {
			t.Errorf("CSVCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if back := csvUncell(CSVCell(tt.in)); back != tt.in {
			t.Errorf("csvUncell(CSVCell(%q)) = %q", tt.in, back)
		}
	}
}

// TestExportCSVNeutralisesFormulas exports titles a spreadsheet would run
// and reads the file as a spreadsheet would: no cell may start a formula;
// Import gives the titles back as they were.
func TestExportCSVNeutralisesFormulas(t *testing.T) {
	recs := played(t, bundled(t)[0], "typical", 5)
	titles := []string{`=HYPERLINK("http://evil","x")`, "+SUM(1)", "-1+2", "@cmd", "'quoted"}
	for i := range recs {
		recs[i].EndingTitle = titles[i]
		recs[i].ScenarioTitle = titles[len(titles)-1-i]
		recs[i].Wealth = -float64(i+1) * 1000.5
	}
	var buf bytes.Buffer
	if err := ExportCSV(&buf, recs); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(buf.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		for c, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && !plainNumber.MatchString(cell) {
				t.Errorf("row %d column %s starts a formula: %q", r+1, rows[0][c], cell)
			}
		}
	}
	if got := rows[1][10]; got != "-1000.5" {
		t.Errorf("a negative wealth is written %q, want the plain number -1000.5", got)
	}
	back, rep, err := Import(buf.Bytes())
	if err != nil || rep.Damaged() || len(back) != len(recs) {
		t.Fatalf("Import = %d records, %+v, %v", len(back), rep, err)
	}
	for i := range back {
		if back[i].EndingTitle != recs[i].EndingTitle || back[i].ScenarioTitle != recs[i].ScenarioTitle || back[i].Wealth != recs[i].Wealth {
			t.Errorf("run %d read back as %q / %q / %v", i+1, back[i].EndingTitle, back[i].ScenarioTitle, back[i].Wealth)
		}
	}
}

// respell writes a run code as a person might retype it: lower case, a
// dash every four characters, O for 0 and l for 1.
func respell(code string) string {
	i := strings.LastIndexByte(code, '.')
	var b strings.Builder
	b.WriteString(strings.ToUpper(code[:i+1]))
	for j, r := range strings.ToLower(code[i+1:]) {
		if j > 0 && j%4 == 0 {
			b.WriteByte('-')
		}
		switch r {
		case '0':
			r = 'o'
		case '1':
			r = 'l'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// TestOneRunCountedOnce imports and merges the same run under other
// spellings of its code: it is one run everywhere.
func TestOneRunCountedOnce(t *testing.T) {
	recs := played(t, bundled(t)[0], "typical", 2)
	copyOf := recs[0]
	copyOf.Code = respell(recs[0].Code)
	if copyOf.Code == recs[0].Code {
		t.Fatal("respell changed nothing")
	}
	if c, err := CanonicalCode(copyOf.Code); err != nil || c != recs[0].Code {
		t.Fatalf("CanonicalCode(%q) = %q, %v; want %q", copyOf.Code, c, err, recs[0].Code)
	}
	three := []Record{recs[0], recs[1], copyOf}
	var jsonBuf, csvBuf, linesBuf bytes.Buffer
	if err := ExportJSON(&jsonBuf, three); err != nil {
		t.Fatal(err)
	}
	if err := ExportCSV(&csvBuf, three); err != nil {
		t.Fatal(err)
	}
	linesBuf.Write(mustLine(t, recs[0]))
	linesBuf.Write(mustLine(t, recs[1]))
	linesBuf.WriteString(strings.Replace(string(mustLine(t, recs[0])), recs[0].Code, copyOf.Code, 1))
	for name, data := range map[string][]byte{"json": jsonBuf.Bytes(), "csv": csvBuf.Bytes(), "jsonl": linesBuf.Bytes()} {
		got, rep, err := Import(data)
		if err != nil || len(got) != 2 || rep.Duplicates != 1 {
			t.Errorf("%s: Import = %d records, %d duplicates, %v; want 2, 1", name, len(got), rep.Duplicates, err)
		}
		for _, r := range got {
			if c, _ := CanonicalCode(r.Code); c != r.Code {
				t.Errorf("%s: imported code %q is not canonical", name, r.Code)
			}
		}
	}
	h := Open(storage.NewMemory())
	if added, dup, err := h.Merge(recs); err != nil || added != 2 || dup != 0 {
		t.Fatalf("Merge = %d, %d, %v", added, dup, err)
	}
	if added, dup, err := h.Merge([]Record{copyOf}); err != nil || added != 0 || dup != 1 {
		t.Fatalf("Merge of a respelled copy = %d added, %d duplicates, %v; want 0, 1", added, dup, err)
	}
	if err := h.Replace(three); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := h.Load(); len(got) != 2 {
		t.Fatalf("Replace kept %d runs, want 2", len(got))
	}
}

// TestRecordTextHasNoTerminalControls: a record read from any file keeps
// no character that would act on a terminal; it stays as read on the next
// save and read.
func TestRecordTextHasNoTerminalControls(t *testing.T) {
	rec := played(t, bundled(t)[0], "typical", 1)[0]
	line := strings.Replace(string(mustLine(t, rec)), `"ending_title":"`, `"ending_title":"\u001b]0;x\u0007\u202e`, 1)
	got, _, err := DecodeLine([]byte(line))
	if err != nil {
		t.Fatal(err)
	}
	if got.EndingTitle != "\uFFFD]0;x\uFFFD\uFFFD"+rec.EndingTitle {
		t.Fatalf("ending title read as %q", got.EndingTitle)
	}
	again, _, err := DecodeLine(mustLine(t, got))
	if err != nil || again.EndingTitle != got.EndingTitle {
		t.Fatalf("read back as %q, %v", again.EndingTitle, err)
	}
}
