package ui

import (
	"bytes"
	"strings"
	"testing"

	"runwayladder/game/ui/kit"
)

// TestImportRunsOffTheFrame drops a large history file (4 MB of entries
// that are not runs): the frame that takes the drop returns with the
// import still reading, the import screen shows how far it got, and a
// later frame reports the result.
func TestImportRunsOffTheFrame(t *testing.T) {
	var buf bytes.Buffer
	buf.WriteString("[")
	for buf.Len() < 4<<20 {
		buf.WriteString("{},\n")
	}
	buf.WriteString("{}]")
	d := newDriver(t, Config{})
	d.show(newImport(d.g.c, newTitle(d.g.c)))
	d.step(kit.Input{Dropped: []kit.DroppedFile{{Name: "big.json", Data: buf.Bytes()}}})
	if d.g.c.hist.importing == nil {
		t.Fatal("the drop was imported on the frame that took it")
	}
	if msg := d.g.c.importProgress(); !strings.HasPrefix(msg, "Importing big.json") {
		t.Errorf("progress says %q", msg)
	}
	d.checkSizes()
	d.settleImports()
	res := d.g.c.hist.lastImport
	if res == nil || res.added != 0 || res.refused == 0 || !strings.Contains(d.g.toast.Msg, "big.json") {
		t.Fatalf("after the import: %+v, notice %q", res, d.g.toast.Msg)
	}
}
