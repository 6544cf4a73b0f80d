package ui

import (
	"bytes"
	"fmt"

	"runwayladder/game/history"
)

// runAction is something the platform can do with a finished run beyond
// showing its code, offered on the ending screen: in the browser, copy the
// run code to the clipboard and save the run as a file (web_js.go). The
// desktop offers none (web_desktop.go).
type runAction struct {
	label string
	// key is the letter that does it on the ending screen.
	key rune
	// do runs the action and returns what to tell the player.
	do func(a *app, code string) (string, error)
}

// runFile is a finished run as a file to keep or hand to a facilitator:
// its history record (code, outcome, timeline) as the JSON that
// history.Import reads.
func runFile(a *app) (name string, data []byte, err error) {
	if a.run == nil || !a.run.Done() {
		return "", nil, fmt.Errorf("the run is not finished")
	}
	rec, err := history.FromRun(a.run, a.now)
	if err != nil {
		return "", nil, err
	}
	var buf bytes.Buffer
	if err := history.ExportJSON(&buf, []history.Record{rec}); err != nil {
		return "", nil, err
	}
	name = fmt.Sprintf("runwayladder-%s-%s.json", a.run.Scenario().ID, a.now.Format("2006-01-02-1504"))
	return name, buf.Bytes(), nil
}
