//go:build !js

package history

import (
	"testing"

	"runwayladder/game/storage"
)

// stores returns a fresh in-memory store and a fresh folder store.
func stores(t *testing.T) map[string]storage.Store {
	t.Helper()
	dir, err := storage.NewDir(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return map[string]storage.Store{"memory": storage.NewMemory(), "dir": dir}
}
