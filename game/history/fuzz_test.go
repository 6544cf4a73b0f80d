package history

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"runwayladder/game/storage"
)

// The seed corpus lives in testdata/fuzz/<Target>/: a current record, a
// version 0 record, a newer one, cut and glued lines, JSON arrays and CSV
// files as the exporters write them. Run a target with, for example,
// go test ./game/history -run XXX -fuzz FuzzDecodeLine -fuzztime 30s -fuzzminimizetime 3s
// (minimising every new input with coverage on the exported JSON seeds is
// slow enough at the default 60s to look like a hang).

// checkRecords holds for every record a decoder returns.
func checkRecords(t *testing.T, recs []Record) {
	seen := map[string]bool{}
	for i := range recs {
		if err := recs[i].Validate(); err != nil {
			t.Fatalf("decoder returned an invalid record: %v", err)
		}
		canon, err := CanonicalCode(recs[i].Code)
		if err != nil || canon != recs[i].Code {
			t.Fatalf("decoder returned the code %q, not its canonical form %q (%v)", recs[i].Code, canon, err)
		}
		if seen[canon] {
			t.Fatalf("decoder returned run %s twice", recs[i].Code)
		}
		seen[canon] = true
		line, err := EncodeLine(recs[i])
		if err != nil {
			t.Fatalf("a decoded record does not encode: %v", err)
		}
		again, migrated, err := DecodeLine(line)
		if err != nil || migrated || !reflect.DeepEqual(again, recs[i]) {
			t.Fatalf("a decoded record does not survive a round trip: %v\n%s", err, line)
		}
	}
}

func checkLines(t *testing.T, data []byte, rep *Report) {
	lines := bytes.Count(data, []byte("\n")) + 1
	for _, p := range rep.Problems {
		if p.Line < 1 || p.Line > lines || p.Reason == "" {
			t.Fatalf("problem %+v is not on one of the %d lines", p, lines)
		}
	}
}

func FuzzDecodeLine(f *testing.F) {
	f.Add([]byte(`{"v":1}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		rec, _, err := DecodeLine(line)
		if err != nil {
			return
		}
		checkRecords(t, []Record{rec})
	})
}

func FuzzImportJSON(f *testing.F) {
	f.Add([]byte(`[{"v":1},{"run":"x"}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		rep := &Report{}
		recs, _, _ := importJSON(data, rep, nil)
		checkRecords(t, recs)
		checkLines(t, data, rep)
	})
}

func FuzzImportCSV(f *testing.F) {
	f.Add([]byte("code,scenario\nx,y\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		rep := &Report{}
		recs, _, _ := importCSV(data, rep, nil)
		checkRecords(t, recs)
		checkLines(t, data, rep)
		// What was read exports and reads back the same.
		var buf bytes.Buffer
		if err := ExportCSV(&buf, recs); err != nil {
			t.Fatalf("imported records do not export: %v", err)
		}
		again, _, err := importCSV(buf.Bytes(), &Report{}, nil)
		if err != nil || !reflect.DeepEqual(again, recs) {
			t.Fatalf("imported records change on export and import: %v\n%s", err, buf.Bytes())
		}
	})
}

// FuzzLoad reads arbitrary history files: whatever it keeps must be valid,
// and after its repair the file must load again cleanly with the same
// records.
func FuzzLoad(f *testing.F) {
	f.Add([]byte("{\"v\":1}\ngarbage\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		st := storage.NewMemory()
		if err := st.Write(FileName, data); err != nil {
			t.Fatal(err)
		}
		recs, rep, err := Open(st).Load()
		if err != nil {
			t.Fatal(err)
		}
		checkRecords(t, recs)
		checkLines(t, data, rep)
		again, rep2, err := Open(st).Load()
		if err != nil || rep2.Damaged() || rep2.SetAside != "" {
			t.Fatalf("the repaired file is still damaged: %+v, %v", rep2, err)
		}
		if !reflect.DeepEqual(again, recs) {
			t.Fatalf("the repair changed the records: %d then %d", len(recs), len(again))
		}
	})
}

// FuzzReadCodes reads any bytes as pasted run codes: never more than a
// code line's worth of text per code, lines in order, every skipped line
// with a reason.
func FuzzReadCodes(f *testing.F) {
	f.Add([]byte("startup_engineer.1.ABC\n\n# note\r\nx\n"))
	f.Add(bytes.Repeat([]byte("A"), MaxCodeLine+3))
	f.Fuzz(func(t *testing.T, data []byte) {
		codes, skipped, err := ReadCodes(bytes.NewReader(data), "in")
		if err != nil {
			t.Fatal(err)
		}
		last := 0
		for _, c := range codes {
			if c.Line <= last || len(c.Text) > MaxCodeLine || c.Text == "" || bytes.ContainsAny([]byte(c.Text), "\n") {
				t.Fatalf("code %+v after line %d", c, last)
			}
			last = c.Line
		}
		for _, s := range skipped {
			if s.Reason == "" || len(s.Text) > MaxCodeLine {
				t.Fatalf("skipped %+v", s)
			}
		}
	})
}

// FuzzCachedBaseline reads any bytes as a cached baseline: it is refused,
// or it holds the key's number of runs, each with a known category.
func FuzzCachedBaseline(f *testing.F) {
	key := BaselineKey{Scenario: "s", Version: 1, Bot: "typical", Runs: 2, Seed: 1}
	f.Add([]byte(`{"v":1,"key":{"scenario":"s","version":1,"bot":"typical","runs":2,"seed":1},"samples":[{"outcome":{"category":"good"}},{"outcome":{"category":"failed","wealth":1e308}}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		st := storage.NewMemory()
		if err := st.Write(key.docName(), data); err != nil {
			t.Fatal(err)
		}
		b, ok := Open(st).CachedBaseline(key)
		if !ok {
			return
		}
		if len(b.Samples) != key.Runs || b.Summary.Count != key.Runs {
			t.Fatalf("a baseline of %d runs for a key of %d", len(b.Samples), key.Runs)
		}
		if _, err := json.Marshal(b.Summary); err != nil {
			t.Fatalf("its summary does not encode: %v", err)
		}
	})
}
