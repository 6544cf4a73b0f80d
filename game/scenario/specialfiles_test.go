//go:build unix

package scenario_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"runwayladder/game/scenario"
)

// TestSpecialFilesInAScenarioFolder: a .toml that is a FIFO, a symlink to
// /dev/zero or /dev/urandom, or a folder is refused with a reason, at once
// and without reading without end; the plain scenario beside them loads.
func TestSpecialFilesInAScenarioFolder(t *testing.T) {
	dir := t.TempDir()
	mini, err := os.ReadFile("../sim/testdata/mini.toml")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "mini.toml"), mini, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.toml"), 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	for name, target := range map[string]string{"zero.toml": "/dev/zero", "urandom.toml": "/dev/urandom"} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "folder.toml"), 0o755); err != nil {
		t.Fatal(err)
	}
	type result struct {
		scs  []*scenario.Scenario
		errs scenario.Errors
	}
	for _, load := range []struct {
		name string
		f    func() ([]*scenario.Scenario, scenario.Errors)
	}{
		{"LoadPaths", func() ([]*scenario.Scenario, scenario.Errors) { return scenario.LoadPaths([]string{dir}) }},
		{"LoadFS", func() ([]*scenario.Scenario, scenario.Errors) { return scenario.LoadFS(os.DirFS(dir), "user") }},
	} {
		done := make(chan result, 1)
		go func() { scs, errs := load.f(); done <- result{scs, errs} }()
		var r result
		select {
		case r = <-done:
		case <-time.After(30 * time.Second):
			t.Fatalf("%s hung on a special file", load.name)
		}
		if len(r.scs) != 1 || r.scs[0].ID != "mini" {
			t.Errorf("%s loaded %d scenarios, want mini alone", load.name, len(r.scs))
		}
		msg := r.errs.Error()
		for _, name := range []string{"fifo.toml", "zero.toml", "urandom.toml"} {
			if !strings.Contains(msg, name) || !strings.Contains(msg, "not a regular file") {
				t.Errorf("%s does not refuse %s as not a regular file:\n%s", load.name, name, msg)
			}
		}
	}
}
