package history

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"runwayladder/game/sim"
)

// TestImportProgressAndCancel: a large import reports its progress in
// order and stops when its context is cancelled.
func TestImportProgressAndCancel(t *testing.T) {
	var buf bytes.Buffer
	buf.WriteString("[")
	for buf.Len() < 200_000 {
		buf.WriteString("{},\n")
	}
	buf.WriteString("{}]")
	var seen []ImportProgress
	_, rep, err := ImportContext(context.Background(), buf.Bytes(), ImportOptions{Progress: func(p ImportProgress) { seen = append(seen, p) }})
	if err != nil || rep.More == 0 {
		t.Fatalf("Import = %+v, %v", rep, err)
	}
	if len(seen) < 10 {
		t.Fatalf("only %d progress reports", len(seen))
	}
	for i := 1; i < len(seen); i++ {
		if seen[i].Done < seen[i-1].Done || seen[i].Total != buf.Len() {
			t.Fatalf("progress went %+v then %+v", seen[i-1], seen[i])
		}
	}
	if last := seen[len(seen)-1]; last.Done != last.Total {
		t.Fatalf("last progress %+v", last)
	}

	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	recs, _, err := ImportContext(ctx, buf.Bytes(), ImportOptions{Progress: func(ImportProgress) {
		if calls++; calls == 3 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) || recs != nil || calls > 4 {
		t.Fatalf("cancelled import = %d records, %v after %d reports", len(recs), err, calls)
	}
}

// TestImportRederivesOutcomes: a run of an installed scenario gets the
// outcome its code replays to, whatever the file claims; a code that does
// not replay is refused by line; runs of scenarios not installed are kept
// and counted as unchecked.
func TestImportRederivesOutcomes(t *testing.T) {
	scs := bundled(t)
	recs := played(t, scs[0], "typical", 4)
	honest := recs[0]
	lying := recs[1]
	lying.Ending, lying.Category, lying.Wealth, lying.EndingTitle = recs[1].Ending+"x", "thrived", 1e12, "=cmd"
	lying.Timeline = nil
	// A code for the same scenario whose picks stop early: valid as a
	// record, but not a finished run.
	c, err := sim.ParseCode(recs[2].Code)
	if err != nil {
		t.Fatal(err)
	}
	c.Picks = c.Picks[:3]
	short := fake(t, scs[0].ID, scs[0].Track, c.Seed, 3, "good", sim.Outcome{})
	short.Content = scs[0].Version
	if short.Code, err = c.Encode(); err != nil {
		t.Fatal(err)
	}
	foreign := fake(t, "not_installed", "startup", 9, 2, "good", sim.Outcome{Wealth: 5})
	var buf bytes.Buffer
	if err := ExportJSON(&buf, []Record{honest, lying, short, foreign}); err != nil {
		t.Fatal(err)
	}
	got, rep, err := ImportContext(context.Background(), buf.Bytes(), ImportOptions{Scenarios: scs})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || rep.Corrected != 1 || rep.Unchecked != 1 || len(rep.Problems) != 1 || rep.Problems[0].Line != 4 {
		t.Fatalf("Import = %d records, %+v", len(got), rep)
	}
	if !strings.Contains(rep.Problems[0].Reason, "stops after 3 months") {
		t.Errorf("reason: %s", rep.Problems[0].Reason)
	}
	if got[0].Code != honest.Code || got[0].Wealth != honest.Wealth || got[0].Timeline == nil {
		t.Errorf("the honest run changed: %+v", got[0])
	}
	if got[1].Wealth != recs[1].Wealth || got[1].Ending != recs[1].Ending || got[1].EndingTitle != recs[1].EndingTitle || got[1].Timeline == nil {
		t.Errorf("the lying run was kept as it claimed: %+v", got[1])
	}
	if got[2].Scenario != "not_installed" || got[2].Wealth != 5 {
		t.Errorf("the run of another scenario changed: %+v", got[2])
	}
	if s := rep.String(); !strings.Contains(s, "1 run claimed an outcome") || !strings.Contains(s, "could not be checked") {
		t.Errorf("report: %s", s)
	}
}
