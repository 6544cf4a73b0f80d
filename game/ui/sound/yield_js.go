//go:build js

package sound

import "time"

// yield lets the browser run between chunks of decoding: a wasm program is
// one thread, and a goroutine that never sleeps would hold off the game's
// frames until it finished.
func yield() { time.Sleep(time.Millisecond) }
