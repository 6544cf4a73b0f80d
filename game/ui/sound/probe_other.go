//go:build android || darwin || js || windows || nintendosdk || playstation5

package sound

// probeDevice has nothing to check here: these systems' audio drivers
// report trouble without stopping the game.
func probeDevice() error { return nil }
