//go:build !js

package ui

import (
	"fmt"
	"os"
	"path/filepath"

	"runwayladder/game/history"
)

// whatIfRuns is how many times the ending's what-if plays on from each
// option of a decision: enough for steady shares on the desktop's cores.
const whatIfRuns = 200

// canImportPath reports whether the import screen can read a file by its
// path (the desktop can; a browser page cannot).
const canImportPath = true

// baselineRuns is how many runs a bot plays for a path's baseline.
const baselineRuns = history.DefaultBaselineRuns

// yieldCPU lets the game loop run between pieces of background work; the
// desktop's scheduler needs no help.
func yieldCPU() {}

// exportFiles writes an export into the exports folder beside the store
// (~/.config/runwayladder/exports) and says where. A store that is not a
// folder (memory, when the config folder cannot be used) keeps the files
// as documents of its own.
func exportFiles(m *model, files []exportFile) (string, error) {
	dir := ""
	if p, ok := m.store.(interface{ Path() string }); ok {
		dir = filepath.Join(p.Path(), "exports")
	}
	if dir == "" {
		for _, f := range files {
			if err := m.store.Write(f.name, f.data); err != nil {
				return "", fmt.Errorf("could not export: %w", err)
			}
		}
		return "in " + m.store.Where(), nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("could not export: %w", err)
	}
	for _, f := range files {
		if err := writeFileAtomic(filepath.Join(dir, f.name), f.data); err != nil {
			return "", fmt.Errorf("could not export: %w", err)
		}
	}
	return "in " + dir, nil
}

// writeFileAtomic writes a file through a temporary one, so a crash never
// leaves half an export under the final name.
func writeFileAtomic(name string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".tmp-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// readImportPath reads a history file named on the import screen.
func readImportPath(p string) ([]byte, error) {
	return readHistoryFile(os.DirFS(filepath.Dir(p)), filepath.Base(p))
}
