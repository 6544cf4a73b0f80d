//go:build !js

package main

import (
	"path/filepath"

	"runwayladder/game/storage"
)

// openStore returns the store in the user's config folder and the folder
// of the user's own scenarios inside it. When the folder cannot be used,
// the game still runs, keeping saves in memory.
func openStore() (storage.Store, string, error) {
	d, err := storage.UserDir()
	if err != nil {
		return storage.NewMemory(), "", err
	}
	return d, filepath.Join(d.Path(), "scenarios"), nil
}
