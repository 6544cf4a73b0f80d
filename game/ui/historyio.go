package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"
	"time"

	"runwayladder/game/history"
	"runwayladder/game/scenario"
	"runwayladder/game/storage"
	"runwayladder/game/ui/kit"
	"runwayladder/game/words"
)

// histState is what the game keeps of the history of finished runs: the
// records as last read (the compare screen and the title show them), the
// report of the first read, and the background tasks.
type histState struct {
	recs []history.Record
	// stale is set when the history changed since recs were read (a run
	// finished, an import); the next records() reads it again.
	stale bool
	// loaded is set once the history has been read.
	loaded bool
	// problem explains, for the title, what reading the history found:
	// damaged lines, a file set aside, storage that cannot be read.
	problem string
	// gen counts changes, so screens showing the history know to rebuild.
	gen int
	// tasks are the background computations (baselines, what-ifs).
	tasks *tasks
	// lastImport is what the last import did, for the import screen.
	lastImport *importResult
	// importing is the history file being read in the background, and
	// importQueue the files dropped while it is.
	importing   *importJob
	importQueue []pendingImport
	// whatIf is the last what-if analysis, for coming back to an ending.
	whatIf *whatIfCache
}

// loadHistory reads the history when the game starts. Damage is never
// fatal: the readable records are kept and the rest is explained on the
// title screen's problems panel.
func (m *model) loadHistory() {
	if m.hist.tasks == nil {
		m.hist.tasks = &tasks{}
	}
	recs, rep, err := m.history.Load()
	m.hist.loaded, m.hist.stale = true, false
	m.hist.gen++
	if err != nil {
		m.hist.recs = nil
		m.hist.problem = fmt.Sprintf("Your history of finished runs could not be read (%v). The game goes on; finished runs may not be kept.", err)
		return
	}
	m.hist.recs = recs
	if rep != nil && rep.Damaged() {
		kept := fmt.Sprintf("%d %s kept.", len(recs), words.Plural(len(recs), "run is", "runs are"))
		m.hist.problem = "Part of your history was damaged. " + rep.String() + " " + kept
	}
}

// records returns the history, read again when it changed.
func (m *model) records() []history.Record {
	if !m.hist.loaded || m.hist.stale {
		recs, _, err := m.history.Load()
		m.hist.loaded, m.hist.stale = true, false
		m.hist.gen++
		if err == nil {
			m.hist.recs = recs
		}
	}
	return m.hist.recs
}

// historyChanged marks the history as changed (a run was added).
func (m *model) historyChanged() { m.hist.stale = true }

// historyFileExts are the files a drop imports as history rather than
// loading them as scenarios.
var historyFileExts = []string{".json", ".jsonl", ".csv"}

// isHistoryFile reports whether a dropped file is history to import.
func isHistoryFile(name string) bool {
	ext := strings.ToLower(path.Ext(name))
	for _, e := range historyFileExts {
		if ext == e {
			return true
		}
	}
	return false
}

// readHistoryFile reads a dropped history file: a regular file of at
// most the import limit (storage.ReadFSFile).
func readHistoryFile(fsys fs.FS, name string) ([]byte, error) {
	return storage.ReadFSFile(fsys, name, history.MaxImportSize)
}

// importResult is what one import did, for the player.
type importResult struct {
	name                string
	added, dup, refused int
	newer               int
	corrected           int // outcomes the runs' codes replay differently
	problems            []history.Problem
	err                 error
}

// String says what happened in a sentence or two.
func (r importResult) String() string {
	if r.err != nil && r.added == 0 {
		return fmt.Sprintf("%s was not imported: %v.", r.name, trimDot(r.err.Error()))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d %s added", r.name, r.added, words.Plural(r.added, "run", "runs"))
	if r.dup > 0 {
		fmt.Fprintf(&b, ", %d already in your history", r.dup)
	}
	if r.refused > 0 {
		fmt.Fprintf(&b, ", %d refused", r.refused)
		if len(r.problems) > 0 {
			p := r.problems[0]
			fmt.Fprintf(&b, " (line %d: %s)", p.Line, trimDot(p.Reason))
		}
	}
	if r.newer > 0 {
		fmt.Fprintf(&b, ", %d from a newer version of the game skipped", r.newer)
	}
	if r.corrected > 0 {
		fmt.Fprintf(&b, ", %d with an outcome their run code does not give (the replay's kept)", r.corrected)
	}
	b.WriteString(".")
	if r.err != nil {
		fmt.Fprintf(&b, " Then: %v.", trimDot(r.err.Error()))
	}
	return b.String()
}

func trimDot(s string) string { return strings.TrimSuffix(strings.TrimSpace(s), ".") }

// importRead is what reading a history file found, before any of it is
// added to the history.
type importRead struct {
	recs []history.Record
	rep  *history.Report
	err  error
}

// readImport reads a history file (JSON, JSON lines or CSV). A run of a
// loaded scenario at its installed version takes its outcome, titles and
// timeline from a replay of its code (history.ImportContext); lookup must
// be safe from the goroutine that reads.
func readImport(ctx context.Context, data []byte, lookup func(string) (*scenario.Scenario, bool), progress func(done, total int)) importRead {
	opt := history.ImportOptions{Lookup: lookup}
	if progress != nil {
		// Reading the bytes is most of the work; replaying the runs the rest.
		opt.Progress = func(p history.ImportProgress) {
			f := 0.0
			if p.Total > 0 {
				f = float64(p.Done) / float64(p.Total)
			}
			if p.Stage == "checking" {
				f = 0.7 + 0.3*f
			} else {
				f *= 0.7
			}
			progress(int(f*1000), 1000)
		}
	}
	recs, rep, err := history.ImportContext(ctx, data, opt)
	return importRead{recs: recs, rep: rep, err: err}
}

// finishImport adds what readImport found to the history, on the game
// goroutine (which alone touches the store), and says what it did.
func (m *model) finishImport(name string, r importRead) importResult {
	res := importResult{name: name}
	if rep := r.rep; rep != nil {
		res.refused = len(rep.Problems) + rep.More
		res.problems = rep.Problems
		res.newer = rep.Newer
		res.dup = rep.Duplicates
		res.corrected = rep.Corrected
	}
	if r.err != nil && len(r.recs) == 0 {
		res.err = r.err
		return res
	}
	added, dup, merr := m.history.Merge(r.recs)
	res.added, res.dup = added, res.dup+dup
	if merr != nil {
		res.err = merr
	} else if r.err != nil {
		res.err = r.err
	}
	if added > 0 {
		m.historyChanged()
	}
	return res
}

// importHistory reads a history file and adds its runs at once (the
// screenshots and tests; the game imports in the background, see
// startImport).
func (m *model) importHistory(name string, data []byte) importResult {
	return m.finishImport(name, readImport(context.Background(), data, m.lib.lookup(), nil))
}

// importJob is a history file being read in the background: a large one
// takes seconds, which the game loop must not wait for.
type importJob struct {
	name string
	job  *task[importRead]
}

// pendingImport is a file waiting for the import before it to finish.
type pendingImport struct {
	name string
	data []byte
}

// startImport reads a history file in the background; pollImport adds its
// runs once it is read. Files given while one is read wait their turn.
func (m *model) startImport(name string, data []byte) {
	if m.hist.importing != nil {
		m.hist.importQueue = append(m.hist.importQueue, pendingImport{name, data})
		return
	}
	if m.hist.tasks == nil {
		m.hist.tasks = &tasks{}
	}
	lookup := m.lib.lookup()
	m.hist.importing = &importJob{name: name, job: startTask(m.hist.tasks, func(ctx context.Context, progress func(done, total int)) (importRead, error) {
		return readImport(ctx, data, lookup, progress), nil
	})}
}

// pollImport adds the runs of a file read in the background, says what
// the import did, and starts the next file.
func (m *model) pollImport() {
	j := m.hist.importing
	if j == nil {
		return
	}
	r, _, ok := j.job.result()
	if !ok {
		return
	}
	m.hist.importing = nil
	res := m.finishImport(j.name, r)
	m.hist.lastImport = &res
	m.say("Imported "+res.String(), res.err != nil || res.refused > 0)
	if q := m.hist.importQueue; len(q) > 0 {
		m.hist.importQueue = q[1:]
		m.startImport(q[0].name, q[0].data)
	}
}

// importProgress says what the background import is doing, or "".
func (m *model) importProgress() string {
	j := m.hist.importing
	if j == nil {
		return ""
	}
	done, total := j.job.fraction()
	if total == 0 {
		return "Importing " + j.name + "…"
	}
	return fmt.Sprintf("Importing %s… %d%%", j.name, done*100/total)
}

// importDropped imports the history files of a drop and returns the other
// files (scenarios) for the library.
func (m *model) importDropped(files []kit.DroppedFile) []kit.DroppedFile {
	var rest []kit.DroppedFile
	var msgs []string
	bad := false
	for _, f := range files {
		if !isHistoryFile(f.Name) {
			rest = append(rest, f)
			continue
		}
		var res importResult
		switch {
		case errors.Is(f.Err, errNotTOML):
			// The browser page passes on only the name of a file it did
			// not read.
			res = importResult{name: f.Name, err: errors.New("the page did not read this file; import it in the desktop game or with careersim history import")}
		case f.Err != nil:
			res = importResult{name: f.Name, err: f.Err}
		default:
			m.startImport(f.Name, f.Data) // pollImport says what it did
			continue
		}
		bad = bad || res.err != nil || res.refused > 0
		msgs = append(msgs, res.String())
		m.hist.lastImport = &res
	}
	if len(msgs) > 0 {
		m.say("Imported "+strings.Join(msgs, " "), bad)
	}
	return rest
}

// exportFile is one file of an export.
type exportFile struct {
	name, mime string
	data       []byte
}

// exportHistory writes the whole history as JSON (which imports back
// whole) and CSV (for a spreadsheet) and says where they went.
func (m *model) exportHistory(now time.Time) (string, error) {
	recs := m.records()
	if len(recs) == 0 {
		return "", fmt.Errorf("there is no finished run to export yet")
	}
	var js, csv bytes.Buffer
	if err := history.ExportJSON(&js, recs); err != nil {
		return "", err
	}
	if err := history.ExportCSV(&csv, recs); err != nil {
		return "", err
	}
	stamp := now.Format("2006-01-02-150405")
	files := []exportFile{
		{name: "runwayladder-history-" + stamp + ".json", mime: "application/json", data: js.Bytes()},
		{name: "runwayladder-history-" + stamp + ".csv", mime: "text/csv", data: csv.Bytes()},
	}
	where, err := exportFiles(m, files)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("Exported %d %s as %s and %s %s.", len(recs), words.Plural(len(recs), "run", "runs"), files[0].name, files[1].name, where), nil
}

// compareMenuItem is the title's way to the compare screen.
func compareMenuItem(c *Context, t *titleScreen) menuItem {
	recs := c.records()
	sub := "Every run you finish, side by side with the other paths"
	if n := len(recs); n > 0 {
		paths := map[string]bool{}
		for i := range recs {
			paths[recs[i].Scenario] = true
		}
		sub = fmt.Sprintf("Your %d %s on %d %s, as distributions", n, words.Plural(n, "run", "runs"), len(paths), words.Plural(len(paths), "path", "paths"))
	}
	return menuItem{label: "Compare your paths", sub: sub,
		do: func() (Screen, error) { return newCompare(c, t), nil }}
}
