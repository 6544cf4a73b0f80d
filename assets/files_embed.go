//go:build !js

package assets

import (
	"embed"
	"io/fs"
)

//go:embed art sound fonts
var embedded embed.FS

func files() fs.FS { return embedded }
