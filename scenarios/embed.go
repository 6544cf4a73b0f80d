//go:build !js

package scenarios

import "embed"

// FS holds the bundled scenarios (*.toml at the top level).
//
//go:embed *.toml
var FS embed.FS
