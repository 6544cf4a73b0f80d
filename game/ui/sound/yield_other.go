//go:build !js

package sound

// yield does nothing where goroutines run in parallel with the game.
func yield() {}
