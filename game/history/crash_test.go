//go:build unix

package history

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"runwayladder/game/storage"
)

// The crash test re-runs this test binary as a child that appends records
// forever and kills it with SIGKILL in the middle of a write. These
// variables tell the child what to do.
const (
	crashDirEnv  = "HISTORY_CRASH_DIR"  // the history folder
	crashModeEnv = "HISTORY_CRASH_MODE" // "whole": storage.Dir as is; "chunks": a slow disk
	crashBaseEnv = "HISTORY_CRASH_BASE" // first seed, so every round's runs differ
)

// chunkedStore writes each append in small fsynced pieces, like a slow disk
// or a large record, so a kill lands mid-record nearly every time.
type chunkedStore struct{ *storage.Dir }

func (c chunkedStore) Append(name string, data []byte) error {
	for len(data) > 0 {
		n := min(97, len(data))
		if err := c.Dir.Append(name, data[:n]); err != nil {
			return err
		}
		data = data[n:]
		if len(data) > 0 {
			time.Sleep(300 * time.Microsecond)
		}
	}
	return nil
}

// TestCrashChild is the child: it prints "ok CODE" after each Append
// returns, that is once the record is durable.
func TestCrashChild(t *testing.T) {
	dir := os.Getenv(crashDirEnv)
	if dir == "" {
		t.Skip("run by TestCrashDuringAppend")
	}
	d, err := storage.NewDir(dir)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	var st storage.Store = d
	if os.Getenv(crashModeEnv) == "chunks" {
		st = chunkedStore{d}
	}
	base, _ := strconv.Atoi(os.Getenv(crashBaseEnv))
	pool := played(t, bundled(t)[0], "random", 20)
	h := Open(st)
	for i := 0; ; i++ {
		rec := pool[i%len(pool)]
		rec.Code = recodeSeed(t, rec, uint64(base+i))
		if _, err := h.Append(rec); err != nil {
			fmt.Println("error", err)
			os.Exit(3)
		}
		fmt.Println("ok", rec.Code)
	}
}

func TestCrashDuringAppend(t *testing.T) {
	if os.Getenv(crashDirEnv) != "" {
		t.Skip("in the child")
	}
	dir := t.TempDir()
	d, err := storage.NewDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	durable := map[string]bool{}
	tornRounds := 0
	// Whole-record appends rarely tear; chunked ones nearly always do. Go
	// on until two rounds tore (at most 20), so a loaded machine cannot
	// make the test pass without exercising a torn tail.
	for round := 0; round < 20 && (round < 8 || tornRounds < 2); round++ {
		mode := "whole"
		if round%2 == 1 {
			mode = "chunks"
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashDirEnv+"="+dir, crashModeEnv+"="+mode, crashBaseEnv+"="+strconv.Itoa(1_000_000*(round+1)))
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		killAfter := 3 + round%8*4
		sc := bufio.NewScanner(out)
		seen := 0
		for sc.Scan() {
			line := sc.Text()
			if code, ok := strings.CutPrefix(line, "ok "); ok {
				durable[code] = true
				seen++
				if seen == killAfter {
					// Let the next append get under way, then kill.
					time.Sleep(time.Duration(round%4) * time.Millisecond)
					_ = cmd.Process.Signal(syscall.SIGKILL)
				}
			} else if strings.HasPrefix(line, "error") {
				t.Fatalf("child: %s", line)
			}
		}
		_ = cmd.Wait()
		if seen < killAfter {
			t.Fatalf("round %d: the child stopped after %d records", round, seen)
		}

		data, err := os.ReadFile(filepath.Join(dir, FileName))
		if err != nil {
			t.Fatal(err)
		}
		torn := len(data) > 0 && data[len(data)-1] != '\n'
		lines := strings.Count(string(data), "\n")
		recs, rep, err := Open(d).Load()
		if err != nil {
			t.Fatalf("round %d: Load after a kill failed: %v", round, err)
		}
		have := map[string]bool{}
		for _, r := range recs {
			have[r.Code] = true
		}
		for code := range durable {
			if !have[code] {
				t.Fatalf("round %d (%s): record %s was durable before the kill and is lost", round, mode, code)
			}
		}
		// At most one more: the record being written may have landed whole
		// before its "ok" was printed.
		if n := len(recs) - len(durable); n < 0 || n > 1 {
			t.Fatalf("round %d: %d records read, %d durable", round, len(recs), len(durable))
		}
		for code := range have {
			durable[code] = true
		}
		if torn {
			last := rep.Problems
			switch {
			case len(last) == 1 && last[0].Line == lines+1 && rep.SetAside != "":
				tornRounds++
				t.Logf("round %d (%s): torn tail at line %d reported (%s), set aside as %s", round, mode, last[0].Line, last[0].Reason, rep.SetAside)
			case len(last) == 0 && !rep.Damaged():
				// Cut exactly before the newline: the record is whole.
			default:
				t.Fatalf("round %d: torn tail reported as %+v", round, rep)
			}
		} else if rep.Damaged() {
			t.Fatalf("round %d: a whole file reported damaged: %+v", round, rep)
		}
	}
	if tornRounds == 0 {
		t.Error("no kill landed mid-record in 20 rounds; the test did not exercise a torn tail")
	}
	recs, rep, err := Open(d).Load()
	if err != nil || rep.Damaged() || len(recs) != len(durable) {
		t.Fatalf("final Load: %d records of %d, %+v, %v", len(recs), len(durable), rep, err)
	}
}
