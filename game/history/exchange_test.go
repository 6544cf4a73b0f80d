package history

import (
	"bytes"
	"encoding/csv"
	"reflect"
	"strings"
	"testing"

	"runwayladder/game/storage"
)

func withoutTimeline(recs []Record) []Record {
	out := append([]Record(nil), recs...)
	for i := range out {
		out[i].Timeline = nil
	}
	return out
}

func TestExportImportRoundTrip(t *testing.T) {
	recs := append(played(t, bundled(t)[0], "typical", 8), played(t, bundled(t)[0], "random", 8)...)
	recs[2].Session = "ROOM42"
	recs[3].EndingTitle = `An "odd", title` + "\nwith a line break"
	tests := []struct {
		name   string
		export func(*bytes.Buffer) error
		want   []Record
	}{
		{"json", func(b *bytes.Buffer) error { return ExportJSON(b, recs) }, recs},
		{"csv", func(b *bytes.Buffer) error { return ExportCSV(b, recs) }, withoutTimeline(recs)},
		{"jsonl", func(b *bytes.Buffer) error {
			for _, r := range recs {
				b.Write(mustLine(t, r))
			}
			return nil
		}, recs},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tt.export(&buf); err != nil {
				t.Fatal(err)
			}
			got, rep, err := Import(buf.Bytes())
			if err != nil || rep.Damaged() {
				t.Fatalf("Import = %+v, %v", rep, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				for i := range got {
					if !reflect.DeepEqual(got[i], tt.want[i]) {
						t.Fatalf("record %d changed:\n got %+v\nwant %+v", i, got[i], tt.want[i])
					}
				}
				t.Fatalf("Import returned %d records, want %d", len(got), len(tt.want))
			}
		})
	}
}

func TestExportCSVHasAxesAsColumns(t *testing.T) {
	recs := played(t, bundled(t)[0], "typical", 3)
	var buf bytes.Buffer
	if err := ExportCSV(&buf, recs); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || !reflect.DeepEqual(rows[0], CSVColumns) {
		t.Fatalf("CSV has %d rows, header %v", len(rows), rows[0])
	}
	col := map[string]int{}
	for i, c := range rows[0] {
		col[c] = i
	}
	for _, axis := range []string{"wealth", "level", "skills", "wellbeing", "autonomy", "months"} {
		if _, ok := col[axis]; !ok {
			t.Errorf("no %s column", axis)
		}
	}
	if rows[1][col["code"]] != recs[0].Code || rows[1][col["finished_at"]] != "2026-03-14T15:09:26Z" {
		t.Errorf("row 1 = %v", rows[1])
	}
}

func TestImportReportsBadRowsByLine(t *testing.T) {
	recs := played(t, bundled(t)[0], "typical", 3)
	l := func(i int) string { return strings.TrimSuffix(string(mustLine(t, recs[i])), "\n") }
	var csvBuf bytes.Buffer
	_ = ExportCSV(&csvBuf, recs)
	csvLines := strings.Split(strings.TrimSuffix(csvBuf.String(), "\n"), "\n")
	tests := []struct {
		name      string
		data      string
		keep      int
		lines     []int
		wantError string
	}{
		{"json bad element", "[\n" + l(0) + ",\n{\"v\":1,\"code\":\"nope\"},\n" + l(1) + "\n]", 2, []int{3}, ""},
		{"json element not an object", "[\n" + l(0) + ",\n42,\n\"text\",\n" + l(1) + "\n]", 2, []int{3, 4}, ""},
		{"json broken syntax stops", "[\n" + l(0) + ",\n{\"v\":1,,},\n" + l(1) + "\n]", 1, []int{3}, ""},
		{"json unclosed", "[\n" + l(0) + ",\n" + l(1), 2, []int{3}, ""},
		{"json duplicates merge", "[" + l(0) + "," + l(0) + "," + l(1) + "]", 2, nil, ""},
		{"json not array", "[[[", 0, []int{1}, ""},
		{"jsonl bad line", l(0) + "\nnot json\n" + l(1) + "\n", 2, []int{2}, ""},
		{"csv bad row", csvLines[0] + "\n" + csvLines[1] + "\n" + strings.Replace(csvLines[2], recs[1].Scenario+",", "other,", 1) + "\n" + csvLines[3] + "\n", 2, []int{3}, ""},
		{"csv bad number", strings.Join(csvLines[:2], "\n") + "\n" + replaceField(csvLines[2], 10, "lots") + "\n", 1, []int{3}, ""},
		{"csv bad quote", csvLines[0] + "\n" + csvLines[1] + "\n" + `a,"b` + "\"c,d\n" + csvLines[2] + "\n", 2, []int{3}, ""},
		{"csv columns reordered", reorder(t, csvBuf.String()), 3, nil, ""},
		{"csv short row", csvLines[0] + "\n" + csvLines[1] + "\nonly,three,fields\n", 1, []int{3}, ""},
		{"csv missing columns", "code,scenario\nx,y\n", 0, nil, "lacks the columns content"},
		{"not history", "hello world", 0, nil, "lacks the columns"},
		{"empty", "  \n", 0, nil, ""},
		{"bom", "\xEF\xBB\xBF" + csvBuf.String(), 3, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, rep, err := Import([]byte(tt.data))
			if tt.wantError != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantError) {
					t.Fatalf("Import error = %v, want %q", err, tt.wantError)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.keep {
				t.Logf("data:\n%s", tt.data)
				t.Fatalf("Import kept %d records, want %d (%+v)", len(got), tt.keep, rep)
			}
			var lines []int
			for _, p := range rep.Problems {
				lines = append(lines, p.Line)
			}
			if !reflect.DeepEqual(lines, tt.lines) {
				t.Fatalf("reported lines %v, want %v: %+v", lines, tt.lines, rep.Problems)
			}
		})
	}
}

func replaceField(line string, i int, v string) string {
	f, _ := csv.NewReader(strings.NewReader(line)).Read()
	f[i] = v
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(f)
	w.Flush()
	return strings.TrimSuffix(b.String(), "\n")
}

// reorder reverses the columns of a CSV file.
func reorder(t *testing.T, data string) string {
	rows, err := csv.NewReader(strings.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	for _, r := range rows {
		rev := make([]string, len(r))
		for i := range r {
			rev[len(r)-1-i] = r[i]
		}
		_ = w.Write(rev)
	}
	w.Flush()
	return b.String()
}

func TestImportMergesWithoutDuplicates(t *testing.T) {
	a := played(t, bundled(t)[0], "typical", 6)
	b := played(t, bundled(t)[0], "random", 6)
	st := storage.NewMemory()
	h := Open(st)
	if added, dup, err := h.Merge(a[:4]); err != nil || added != 4 || dup != 0 {
		t.Fatalf("Merge = %d, %d, %v", added, dup, err)
	}
	// Another machine's export overlaps with ours.
	var buf bytes.Buffer
	if err := ExportJSON(&buf, append(append([]Record{}, a[2:]...), b...)); err != nil {
		t.Fatal(err)
	}
	in, _, err := Import(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	added, dup, err := h.Merge(in)
	if err != nil || added != 2+6 || dup != 2 {
		t.Fatalf("Merge = %d added, %d duplicates, %v; want 8, 2", added, dup, err)
	}
	// Importing the same file again adds nothing.
	if added, dup, _ := h.Merge(in); added != 0 || dup != len(in) {
		t.Fatalf("second Merge = %d added, %d duplicates", added, dup)
	}
	got, rep, _ := Open(st).Load()
	if rep.Damaged() || rep.Duplicates != 0 || len(got) != 12 {
		t.Fatalf("history holds %d records (%+v), want 12", len(got), rep)
	}
	if !reflect.DeepEqual(got, append(append([]Record{}, a...), b...)) {
		t.Fatal("merged history is not ours followed by the new runs in file order")
	}
}
