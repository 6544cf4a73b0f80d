//go:build js

package history

import (
	"testing"

	"runwayladder/game/storage"
)

// stores returns a fresh in-memory store (the browser's localStorage is
// tested by the browser tests).
func stores(t *testing.T) map[string]storage.Store {
	t.Helper()
	return map[string]storage.Store{"memory": storage.NewMemory()}
}
