package history

import (
	"bytes"

	"runwayladder/game/storage"
)

// readBounded reads at most limit bytes of a document, cut after the last
// whole line; truncated reports that there was more. Folder stores read
// only that much; others (localStorage caps a value at a few MB) read the
// document whole.
func readBounded(st storage.Store, name string, limit int) (data []byte, truncated bool, err error) {
	if data, err = storage.ReadAtMost(st, name, limit); err != nil {
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
