//go:build js

package assets

import (
	"io/fs"

	"runwayladder/internal/pagefiles"
)

// files are fetched beside the wasm by the loading page (web/index.html),
// under assets/ as in this folder.
func files() fs.FS { return pagefiles.Dir("assets") }
