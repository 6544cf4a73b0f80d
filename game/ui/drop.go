package ui

import (
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"runwayladder/game/scenario"
	"runwayladder/game/storage"
	"runwayladder/game/ui/kit"
)

// MaxDroppedFiles bounds how many files one drop may load.
const MaxDroppedFiles = 50

// readDropped reads the TOML files of a drop: files at its root and the
// top level of dropped folders. Other files are reported, not read.
func readDropped(fsys fs.FS) []kit.DroppedFile {
	var out []kit.DroppedFile
	var names []string
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return []kit.DroppedFile{{Name: "dropped files", Err: err}}
	}
	for _, e := range entries {
		if !e.IsDir() {
			names = append(names, e.Name())
			continue
		}
		sub, err := fs.ReadDir(fsys, e.Name())
		if err != nil {
			out = append(out, kit.DroppedFile{Name: e.Name(), Err: err})
			continue
		}
		for _, s := range sub {
			if !s.IsDir() && strings.HasSuffix(strings.ToLower(s.Name()), ".toml") {
				names = append(names, path.Join(e.Name(), s.Name()))
			}
		}
	}
	sort.Strings(names)
	for _, name := range names {
		if len(out) >= MaxDroppedFiles {
			break
		}
		df := kit.DroppedFile{Name: name}
		if isHistoryFile(name) {
			// History to import (exported JSON or CSV), not a scenario.
			df.Data, df.Err = readHistoryFile(fsys, name)
			out = append(out, df)
			continue
		}
		if !strings.HasSuffix(strings.ToLower(name), ".toml") {
			df.Err = errNotTOML
			out = append(out, df)
			continue
		}
		f, err := fsys.Open(name)
		if err != nil {
			df.Err = err
			out = append(out, df)
			continue
		}
		// On the desktop the dropped file is the real file: remember its
		// path so F5 reads the author's latest edit.
		if n, ok := f.(interface{ Name() string }); ok && filepath.IsAbs(n.Name()) {
			df.Path = n.Name()
		}
		f.Close()
		df.Data, df.Err = storage.ReadFSFile(fsys, name, scenario.MaxFileSize)
		out = append(out, df)
	}
	return out
}
