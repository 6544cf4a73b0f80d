//go:build js

package main

import "runwayladder/game/storage"

// openStore returns the browser's localStorage. When the browser refuses
// it (storage off, a private window, a sandboxed frame) the game keeps its
// documents in memory and says so on screen. There is no folder of user
// scenarios in the browser: players drop files on the page instead.
func openStore() (storage.Store, string, error) {
	local, err := storage.NewLocal("runwayladder.")
	if err != nil {
		return storage.NewMemory(), "", err
	}
	return local, "", nil
}
