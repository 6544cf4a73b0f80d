package history

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
	"runwayladder/game/storage"
)

func TestStoreRoundTrip(t *testing.T) {
	recs := played(t, bundled(t)[0], "typical", 12)
	for name, st := range stores(t) {
		t.Run(name, func(t *testing.T) {
			h := Open(st)
			got, rep, err := h.Load()
			if err != nil || len(got) != 0 || rep.Damaged() || rep.String() != "" {
				t.Fatalf("empty Load = %d records, %+v, %v", len(got), rep, err)
			}
			for _, r := range recs {
				added, err := h.Append(r)
				if err != nil || !added {
					t.Fatalf("Append = %v, %v", added, err)
				}
			}
			if added, err := h.Append(recs[3]); err != nil || added {
				t.Fatalf("Append(same run again) = %v, %v; want false, nil", added, err)
			}
			// A new Store over the same storage: the game restarted.
			got, rep, err = Open(st).Load()
			if err != nil || rep.Damaged() {
				t.Fatalf("Load = %+v, %v", rep, err)
			}
			if !reflect.DeepEqual(got, recs) {
				t.Fatalf("Load returned %d records that differ from the %d appended", len(got), len(recs))
			}
		})
	}
}

// damage writes a history file holding good records around bad lines and
// checks Load keeps every good record, reports the bad lines by number,
// sets the damaged file aside byte for byte, and leaves a clean file.
func TestLoadDamagedFiles(t *testing.T) {
	recs := played(t, bundled(t)[0], "random", 4)
	good := func(i int) string { return string(mustLine(t, recs[i])) }
	newer := `{"v":7,"code":"x","future_field":true}` + "\n"
	huge := `{"v":1,"code":"` + strings.Repeat("A", MaxLineSize) + `"}` + "\n"
	cut := good(3)[:len(good(3))/2]
	tests := []struct {
		name      string
		file      string
		keep      []int // indices of recs that must be read
		badLines  []int
		newer     int
		setAside  bool
		wantInNew string // a line that must survive the rewrite
	}{
		{"garbage lines", good(0) + "garbage!\n" + good(1) + "\x00\x01\x02\n" + good(2), []int{0, 1, 2}, []int{2, 4}, 0, true, ""},
		{"truncated last line", good(0) + good(1) + cut, []int{0, 1}, []int{3}, 0, true, ""},
		{"truncated middle line", good(0) + cut + "\n" + good(1), []int{0, 1}, []int{2}, 0, true, ""},
		{"glued lines", good(0) + strings.TrimSuffix(good(1), "\n") + good(2), []int{0, 1, 2}, []int{2}, 0, true, ""},
		{"torn record glued to the next", good(0) + cut + good(1) + good(2), []int{0, 1, 2}, []int{2}, 0, true, ""},
		{"newer version kept", good(0) + newer + good(1), []int{0, 1}, nil, 1, false, ""},
		{"newer version kept through a repair", good(0) + newer + "junk\n" + good(1), []int{0, 1}, []int{3}, 1, true, strings.TrimSpace(newer)},
		{"wrong version", good(0) + `{"v":"one"}` + "\n" + good(1), []int{0, 1}, []int{2}, 0, true, ""},
		{"huge line", good(0) + huge + good(1), []int{0, 1}, []int{2}, 0, true, ""},
		{"valid JSON, not a record", good(0) + `{"v":1,"code":"startup_engineer.1.0"}` + "\n" + `[1,2]` + "\n", []int{0}, []int{2, 3}, 0, true, ""},
		{"blank lines and CRLF", "\n" + strings.TrimSuffix(good(0), "\n") + "\r\n\r\n  \n" + good(1), []int{0, 1}, nil, 0, false, ""},
		{"empty file", "", nil, nil, 0, false, ""},
	}
	for _, tt := range tests {
		for name, st := range stores(t) {
			t.Run(tt.name+"/"+name, func(t *testing.T) {
				if err := st.Write(FileName, []byte(tt.file)); err != nil {
					t.Fatal(err)
				}
				h := Open(st)
				got, rep, err := h.Load()
				if err != nil {
					t.Fatalf("Load failed on a damaged file: %v", err)
				}
				var want []Record
				for _, i := range tt.keep {
					want = append(want, recs[i])
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("Load kept %d records, want %d", len(got), len(want))
				}
				var lines []int
				for _, p := range rep.Problems {
					lines = append(lines, p.Line)
					if p.Reason == "" {
						t.Errorf("line %d reported without a reason", p.Line)
					}
				}
				if !reflect.DeepEqual(lines, tt.badLines) {
					t.Fatalf("reported lines %v, want %v (%v)", lines, tt.badLines, rep.Problems)
				}
				if rep.Newer != tt.newer {
					t.Errorf("Newer = %d, want %d", rep.Newer, tt.newer)
				}
				if (rep.SetAside != "") != tt.setAside {
					t.Fatalf("SetAside = %q, want set aside: %v", rep.SetAside, tt.setAside)
				}
				if tt.setAside {
					aside, err := st.Read(rep.SetAside)
					if err != nil || string(aside) != tt.file {
						t.Fatalf("the damaged file was not kept as it was (%v)", err)
					}
					if !strings.Contains(rep.String(), rep.SetAside) {
						t.Errorf("report %q does not say where the damaged file is", rep.String())
					}
				}
				// The file is clean now: it loads without problems, and a
				// new run appended after it reads back.
				extra := played(t, bundled(t)[0], "typical", 1)[0]
				extra.Code = recodeSeed(t, extra, 999)
				if _, err := h.Append(extra); err != nil {
					t.Fatal(err)
				}
				again, rep2, err := Open(st).Load()
				if err != nil || rep2.Damaged() {
					t.Fatalf("second Load: %+v, %v", rep2, err)
				}
				if !reflect.DeepEqual(again, append(want, extra)) {
					t.Fatalf("after repair and append: %d records, want %d", len(again), len(want)+1)
				}
				if tt.wantInNew != "" {
					data, _ := st.Read(FileName)
					if !strings.Contains(string(data), tt.wantInNew) {
						t.Fatalf("the repair dropped the newer build's line")
					}
				}
				if rep2.Newer != tt.newer {
					t.Errorf("after repair Newer = %d, want %d", rep2.Newer, tt.newer)
				}
			})
		}
	}
}

// recodeSeed gives a record a different (valid) code, so it counts as
// another run.
func recodeSeed(t *testing.T, r Record, seed uint64) string {
	c, err := sim.ParseCode(r.Code)
	if err != nil {
		t.Fatal(err)
	}
	c.Seed = seed
	s, err := c.Encode()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestTornNewlineIsMendedWithoutSettingAside(t *testing.T) {
	recs := played(t, bundled(t)[0], "typical", 3)
	st := storage.NewMemory()
	file := string(mustLine(t, recs[0])) + strings.TrimSuffix(string(mustLine(t, recs[1])), "\n")
	_ = st.Write(FileName, []byte(file))
	h := Open(st)
	got, rep, err := h.Load()
	if err != nil || rep.Damaged() || rep.SetAside != "" || len(got) != 2 {
		t.Fatalf("Load = %d records, %+v, %v", len(got), rep, err)
	}
	if _, err := h.Append(recs[2]); err != nil {
		t.Fatal(err)
	}
	got, rep, _ = Open(st).Load()
	if len(got) != 3 || rep.Damaged() {
		t.Fatalf("after append: %d records, %+v", len(got), rep)
	}
}

func TestAppendWithoutLoadStillGuardsATornTail(t *testing.T) {
	recs := played(t, bundled(t)[0], "typical", 3)
	st := storage.NewMemory()
	cut := mustLine(t, recs[1])
	_ = st.Write(FileName, append(mustLine(t, recs[0]), cut[:40]...))
	if _, err := Open(st).Append(recs[2]); err != nil {
		t.Fatal(err)
	}
	got, rep, err := Open(st).Load()
	if err != nil || rep.Damaged() {
		t.Fatalf("Load = %+v, %v", rep, err)
	}
	if !reflect.DeepEqual(got, []Record{recs[0], recs[2]}) {
		t.Fatalf("Append after a torn tail lost or glued a record: %d records", len(got))
	}
}

func TestDuplicatesInFile(t *testing.T) {
	recs := played(t, bundled(t)[0], "typical", 2)
	st := storage.NewMemory()
	l0, l1 := mustLine(t, recs[0]), mustLine(t, recs[1])
	_ = st.Write(FileName, bytes.Join([][]byte{l0, l1, l0}, nil))
	got, rep, _ := Open(st).Load()
	if len(got) != 2 || rep.Duplicates != 1 || rep.Damaged() {
		t.Fatalf("Load = %d records, %+v", len(got), rep)
	}
}

// failingStore fails chosen operations, to interrupt a repair midway.
type failingStore struct {
	storage.Store
	failWrite string
}

func (f *failingStore) Write(name string, data []byte) error {
	if name == f.failWrite {
		return errors.New("disk on fire")
	}
	return f.Store.Write(name, data)
}

func TestInterruptedRepairIsFinished(t *testing.T) {
	recs := played(t, bundled(t)[0], "typical", 3)
	mem := storage.NewMemory()
	file := string(mustLine(t, recs[0])) + "junk\n" + string(mustLine(t, recs[1]))
	_ = mem.Write(FileName, []byte(file))
	// The crash: the good records are saved and the damaged file set
	// aside, but the good records never reach history.jsonl.
	if got, rep, err := Open(&failingStore{Store: mem, failWrite: FileName}).Load(); err != nil || len(got) != 2 || !strings.Contains(rep.Unrepaired, "disk on fire") {
		t.Fatalf("Load with a failing write = %d records, %+v, %v; want the 2 readable ones and the reason", len(got), rep, err)
	}
	if _, err := mem.Read(FileName); !storage.IsNotFound(err) {
		t.Fatalf("test setup: history.jsonl should be gone, got %v", err)
	}
	h := Open(mem)
	got, rep, err := h.Load()
	if err != nil || !rep.Restored || len(got) != 2 {
		t.Fatalf("Load after an interrupted repair = %d records, %+v, %v", len(got), rep, err)
	}
	if _, err := mem.Read(repairName); !storage.IsNotFound(err) {
		t.Errorf("the repair file was left behind: %v", err)
	}
	if aside, err := mem.Read(FileName + ".broken"); err != nil || string(aside) != file {
		t.Errorf("the damaged file was not kept: %v", err)
	}
	if _, err := h.Append(recs[2]); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := Open(mem).Load(); len(got) != 3 {
		t.Fatalf("%d records after append, want 3", len(got))
	}
}

func TestFileOverTheLimit(t *testing.T) {
	recs := played(t, bundled(t)[0], "typical", 2)
	for name, st := range stores(t) {
		t.Run(name, func(t *testing.T) {
			// Good records, then more than MaxFileSize of junk lines.
			var buf bytes.Buffer
			buf.Write(mustLine(t, recs[0]))
			junk := strings.Repeat("x", 1000) + "\n"
			for buf.Len() <= MaxFileSize+5000 {
				buf.WriteString(junk)
			}
			buf.Write(mustLine(t, recs[1])) // beyond the limit: not read now, kept aside
			if err := st.Write(FileName, buf.Bytes()); err != nil {
				t.Fatal(err)
			}
			got, rep, err := Open(st).Load()
			if err != nil {
				t.Fatal(err)
			}
			if !rep.Truncated || rep.SetAside == "" || len(got) != 1 || rep.More == 0 {
				t.Fatalf("Load = %d records, truncated %v, aside %q, %d+%d problems", len(got), rep.Truncated, rep.SetAside, len(rep.Problems), rep.More)
			}
			if len(rep.Problems) != maxProblems {
				t.Errorf("%d problems listed, want the first %d", len(rep.Problems), maxProblems)
			}
			if aside, _ := st.Read(rep.SetAside); !bytes.Equal(aside, buf.Bytes()) {
				t.Errorf("the oversized file was not kept whole")
			}
		})
	}
}

func TestAppendRefusesToGrowPastTheLimit(t *testing.T) {
	st := storage.NewMemory()
	h := Open(st)
	rec := fake(t, "startup_engineer", "startup", 1, 1, scenario.Good, sim.Outcome{})
	if _, _, err := h.Load(); err != nil {
		t.Fatal(err)
	}
	h.size = MaxFileSize - 10
	if _, err := h.Append(rec); !errors.Is(err, ErrFull) {
		t.Fatalf("Append at the limit = %v, want ErrFull", err)
	}
}

func TestReplace(t *testing.T) {
	recs := played(t, bundled(t)[0], "typical", 3)
	st := storage.NewMemory()
	h := Open(st)
	if _, _, err := h.Merge(recs); err != nil {
		t.Fatal(err)
	}
	if err := h.Replace([]Record{recs[2], recs[0], recs[2]}); err != nil {
		t.Fatal(err)
	}
	got, _, _ := Open(st).Load()
	if !reflect.DeepEqual(got, []Record{recs[2], recs[0]}) {
		t.Fatalf("Replace kept %d records", len(got))
	}
	if added, _ := h.Append(recs[1]); !added {
		t.Fatal("a run removed by Replace cannot be added again")
	}
}

func TestMigrationFromV0(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "v0.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	st := storage.NewMemory()
	_ = st.Write(FileName, data)
	got, rep, err := Open(st).Load()
	if err != nil {
		t.Fatal(err)
	}
	if rep.Migrated != 3 || rep.Damaged() || len(got) != 3 {
		t.Fatalf("Load of v0 file = %d records, %+v", len(got), rep)
	}
	first := got[0]
	want := Record{V: FormatVersion, Code: first.Code, Scenario: "startup_engineer", Content: 1, Track: "startup",
		Ending: "acquired", Category: "thrived", Wealth: 2.5e6, Level: 3, Skills: 77, Wellbeing: 40, Autonomy: 75,
		Months: 12, FinishedAt: first.FinishedAt}
	if !reflect.DeepEqual(first, want) {
		t.Fatalf("migrated record\n got %+v\nwant %+v", first, want)
	}
	if first.FinishedAt.Unix() != 1767225600 {
		t.Errorf("played_at became %v", first.FinishedAt)
	}
	if !strings.Contains(rep.String(), "older version") {
		t.Errorf("report %q does not mention the migration", rep.String())
	}
	// Mixed with current records, and through an import.
	cur := played(t, bundled(t)[0], "typical", 1)[0]
	mixed := append(append([]byte{}, data...), mustLine(t, cur)...)
	recs, irep, err := Import(mixed)
	if err != nil || len(recs) != 4 || irep.Migrated != 3 {
		t.Fatalf("Import of mixed versions = %d records, %+v, %v", len(recs), irep, err)
	}
}

func TestReportString(t *testing.T) {
	r := &Report{}
	if r.String() != "" || r.Damaged() {
		t.Fatalf("zero report = %q", r.String())
	}
	for i := 1; i <= 7; i++ {
		r.add(i*2, fmt.Sprintf("reason %d", i))
	}
	r.SetAside, r.Migrated, r.Newer, r.Duplicates = "history.jsonl.broken", 2, 1, 1
	got := r.String()
	for _, want := range []string{"7 lines could not be read", "line 2: reason 1", "...", "history.jsonl.broken", "2 runs from an older version", "1 run saved by a newer version", "1 repeated run was skipped"} {
		if !strings.Contains(got, want) {
			t.Errorf("report %q lacks %q", got, want)
		}
	}
}

// fullDisk refuses every write, as a full or read-only disk does.
type fullDisk struct{ storage.Store }

func (fullDisk) Write(string, []byte) error {
	return fmt.Errorf("%w: no space left on device", storage.ErrUnavailable)
}
func (fullDisk) Append(string, []byte) error {
	return fmt.Errorf("%w: no space left on device", storage.ErrUnavailable)
}
func (fullDisk) SetAside(string) (string, error) {
	return "", fmt.Errorf("%w: no space left on device", storage.ErrUnavailable)
}

// TestReadingNeedsNoRepair: with a torn line on a disk that refuses writes,
// history still reads (every time, not only once), says why it was not
// repaired, refuses to append after the torn line, and changes nothing.
func TestReadingNeedsNoRepair(t *testing.T) {
	recs := played(t, bundled(t)[0], "typical", 3)
	for _, tail := range []string{"cut", "no newline"} {
		t.Run(tail, func(t *testing.T) {
			mem := storage.NewMemory()
			file := string(mustLine(t, recs[0])) + string(mustLine(t, recs[1]))
			if tail == "cut" {
				file += string(mustLine(t, recs[2]))[:50]
			} else {
				file = strings.TrimSuffix(file, "\n")
			}
			_ = mem.Write(FileName, []byte(file))
			h := Open(fullDisk{mem})
			for i := 0; i < 2; i++ {
				got, rep, err := h.Load()
				if err != nil || len(got) != 2 || !strings.Contains(rep.Unrepaired, "no space left") || !strings.Contains(rep.String(), "could not be repaired") {
					t.Fatalf("Load %d on a full disk = %d records, %+v, %v", i+1, len(got), rep, err)
				}
			}
			if _, err := h.Append(recs[2]); err == nil {
				t.Fatal("Append after an unrepaired torn line succeeded")
			}
			if now, _ := mem.Read(FileName); string(now) != file {
				t.Fatal("the file changed on a disk that refuses writes")
			}
		})
	}
}
