package history

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"runwayladder/game/storage"
)

// folder is implemented by stores whose documents are files in a folder
// (storage.Dir): a huge file there can be read in part instead of whole.
type folder interface{ Path() string }

// readBounded reads at most limit bytes of a document, cut after the last
// whole line; truncated reports that there was more. Stores other than
// folders read the document whole (localStorage caps a value at a few MB).
func readBounded(st storage.Store, name string, limit int) (data []byte, truncated bool, err error) {
	if d, ok := st.(folder); ok {
		f, err := os.Open(filepath.Join(d.Path(), name))
		if errors.Is(err, fs.ErrNotExist) {
			return nil, false, fmt.Errorf("storage: %s: %w", name, storage.ErrNotFound)
		}
		if err != nil {
			return nil, false, err
		}
		defer f.Close()
		data, err = io.ReadAll(io.LimitReader(f, int64(limit)+1))
		if err != nil {
			return nil, false, err
		}
	} else if data, err = st.Read(name); err != nil {
		return nil, false, err
	}
	if len(data) <= limit {
		return data, false, nil
	}
	data = data[:limit]
	if i := bytes.LastIndexByte(data, '\n'); i >= 0 {
		data = data[:i+1]
	} else {
		data = nil
	}
	return data, true, nil
}
