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
	"sync"
	"testing"
	"time"

	"runwayladder/game/storage"
)

// The concurrency test runs this test binary as several processes on one
// history folder at once: writers append runs (in small fsynced pieces, so
// their appends are slow and visible half-done), and a reader loads the
// history in a loop, repairing whatever damage it believes it sees. These
// variables tell a child what to do.
const (
	concDirEnv  = "HISTORY_CONC_DIR"  // the history folder
	concRoleEnv = "HISTORY_CONC_ROLE" // "writer" or "loader"
	concBaseEnv = "HISTORY_CONC_BASE" // a writer's first seed
	concStopEnv = "HISTORY_CONC_STOP" // a file whose existence stops the loader
	concRuns    = 60                  // runs per writer
)

// TestConcurrentChild is a child: a writer prints "ok CODE" once each run
// is durable; a loader loads until told to stop.
func TestConcurrentChild(t *testing.T) {
	dir := os.Getenv(concDirEnv)
	if dir == "" {
		t.Skip("run by TestConcurrentProcessesLoseNothing")
	}
	d, err := storage.NewDir(dir)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(3)
	}
	switch os.Getenv(concRoleEnv) {
	case "writer":
		base, _ := strconv.Atoi(os.Getenv(concBaseEnv))
		pool := played(t, bundled(t)[0], "random", 10)
		h := Open(chunkedStore{d})
		for i := 0; i < concRuns; i++ {
			rec := pool[i%len(pool)]
			rec.Code = recodeSeed(t, rec, uint64(base+i))
			if _, err := h.Append(rec); err != nil {
				fmt.Println("error", err)
				os.Exit(3)
			}
			fmt.Println("ok", rec.Code)
		}
	case "loader":
		stop := os.Getenv(concStopEnv)
		for n := 0; ; n++ {
			if _, err := os.Stat(stop); err == nil {
				fmt.Println("loads", n)
				return
			}
			if _, _, err := Open(d).Load(); err != nil {
				fmt.Println("error", err)
				os.Exit(3)
			}
		}
	}
}

// TestConcurrentProcessesLoseNothing runs two writers and a loader on one
// history that starts with a torn line: every run a writer was told is
// saved must be in history.jsonl at the end (none only in a file set aside,
// none gone), once each.
func TestConcurrentProcessesLoseNothing(t *testing.T) {
	if os.Getenv(concDirEnv) != "" {
		t.Skip("in the child")
	}
	dir := t.TempDir()
	d, err := storage.NewDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	seed := played(t, bundled(t)[0], "typical", 2)
	torn := string(mustLine(t, seed[0])) + string(mustLine(t, seed[1]))[:100]
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte(torn), 0o644); err != nil {
		t.Fatal(err)
	}
	stop := filepath.Join(t.TempDir(), "stop")
	child := func(role string, base int) *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^TestConcurrentChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), concDirEnv+"="+dir, concRoleEnv+"="+role,
			concBaseEnv+"="+strconv.Itoa(base), concStopEnv+"="+stop)
		return cmd
	}
	var mu sync.Mutex
	durable := map[string]bool{seed[0].Code: true}
	var problems []string
	watch := func(name string, cmd *exec.Cmd, wg *sync.WaitGroup) {
		out, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := bufio.NewScanner(out)
			for sc.Scan() {
				line := sc.Text()
				mu.Lock()
				if code, ok := strings.CutPrefix(line, "ok "); ok {
					durable[code] = true
				} else if strings.HasPrefix(line, "error") || strings.HasPrefix(line, "loads") {
					problems = append(problems, name+": "+line)
				}
				mu.Unlock()
			}
			if err := cmd.Wait(); err != nil {
				mu.Lock()
				problems = append(problems, fmt.Sprintf("%s: %v", name, err))
				mu.Unlock()
			}
		}()
	}
	var writers, loader sync.WaitGroup
	watch("loader", child("loader", 0), &loader)
	start := time.Now()
	watch("writer 1", child("writer", 1_000_000), &writers)
	watch("writer 2", child("writer", 2_000_000), &writers)
	writers.Wait()
	if err := os.WriteFile(stop, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	loader.Wait()
	t.Logf("%d runs written by two processes in %v while a third loaded; %v", len(durable)-1, time.Since(start).Round(time.Millisecond), problems)
	for _, p := range problems {
		if !strings.Contains(p, "loads") {
			t.Errorf("child: %s", p)
		}
	}

	recs, rep, err := Open(d).Load()
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]int{}
	for _, r := range recs {
		have[r.Code]++
	}
	lost := 0
	for code := range durable {
		if have[code] == 0 {
			lost++
		}
	}
	if lost > 0 || len(durable) != 2*concRuns+1 {
		t.Fatalf("%d of %d committed runs are not in %s (report %+v)", lost, len(durable), FileName, rep)
	}
	if len(recs) != len(durable) {
		t.Fatalf("history holds %d runs, %d were committed", len(recs), len(durable))
	}
}
