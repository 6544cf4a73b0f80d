package ui

import (
	"bytes"
	"fmt"
	"time"

	"runwayladder/game/history"
	"runwayladder/game/sim"
)

// runAction is something the platform can do with a finished run beyond
// showing its code, offered on the ending screen: in the browser, copy the
// run code to the clipboard and save the run as a file (web_js.go). The
// desktop offers none (web_desktop.go).
type runAction struct {
	label string
	// key is the letter that does it on the ending screen.
	key rune
	// do runs the action on a finished run at a time and returns what to
	// tell the player.
	do func(run *sim.Run, now time.Time) (string, error)
}

// runFile is a finished run as a file to keep or hand to a facilitator:
// its history record (code, outcome, timeline) as the JSON that
// history.Import reads.
func runFile(run *sim.Run, now time.Time) (name string, data []byte, err error) {
	if run == nil || !run.Done() {
		return "", nil, fmt.Errorf("the run is not finished")
	}
	rec, err := history.FromRun(run, now)
	if err != nil {
		return "", nil, err
	}
	var buf bytes.Buffer
	if err := history.ExportJSON(&buf, []history.Record{rec}); err != nil {
		return "", nil, err
	}
	name = fmt.Sprintf("runwayladder-%s-%s.json", run.Scenario().ID, now.Format("2006-01-02-1504"))
	return name, buf.Bytes(), nil
}
