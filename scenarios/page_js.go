//go:build js

package scenarios

import "runwayladder/internal/pagefiles"

// FS holds the bundled scenarios (*.toml at the top level): in the browser,
// the copies the loading page fetched beside the wasm (make web puts them
// in dist/scenarios/).
var FS = pagefiles.Dir("scenarios")
