package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"runwayladder/game/history"
	"runwayladder/game/scenario"
	"runwayladder/game/sim"
	"runwayladder/game/storage"
	"runwayladder/game/whatif"
	"runwayladder/game/words"
)

const historyUsage = `usage: careersim history COMMAND [ARGS] [flags]

The game keeps every finished run in history.jsonl in its config folder.

Commands:
  export [--format json|csv] [--out FILE]      write every run (JSON to stdout by default)
  import FILE                                  merge runs from a JSON, JSON-lines or CSV file (- for stdin)
  stats [--by scenario|track] [--baseline]     the runs side by side on the common axes, beside the bots
  add CODE...                                  record finished runs from their run codes
  whatif CODE [--runs N] [--top N]             the decisions that mattered, and where the other choices led

Every command takes --dir DIR, the folder that holds history.jsonl (default: the game's own).
`

// cmdHistory dispatches the history subcommands.
func cmdHistory(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, historyUsage)
		return 2
	}
	sub := map[string]func([]string, io.Reader, io.Writer, io.Writer) int{
		"export": historyExport,
		"import": historyImport,
		"stats":  historyStats,
		"add":    historyAdd,
		"whatif": historyWhatIf,
	}
	switch args[0] {
	case "-h", "--help", "help":
		fmt.Fprint(stdout, historyUsage)
		return 0
	}
	f, ok := sub[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "careersim history: unknown command %q\n\n%s", args[0], historyUsage)
		return 2
	}
	return f(args[1:], stdin, stdout, stderr)
}

// parseMixed parses flags that may come before, between or after the
// positional arguments ("import FILE --dir DIR") and returns the latter.
func parseMixed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// openHistory opens the history in dir, or the game's own folder.
func openHistory(dir string) (*history.Store, error) {
	var st storage.Store
	var err error
	if dir == "" {
		st, err = storage.UserDir()
	} else {
		st, err = storage.NewDir(dir)
	}
	if err != nil {
		return nil, err
	}
	return history.Open(st), nil
}

// loadHistory reads history, telling stderr about any damage it found.
func loadHistory(h *history.Store, stderr io.Writer) ([]history.Record, error) {
	recs, rep, err := h.Load()
	if err != nil {
		return nil, err
	}
	if s := rep.String(); s != "" {
		fmt.Fprintf(stderr, "careersim history: %s: %s\n", h.Where(), s)
	}
	return recs, nil
}

func historyExport(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	c := newCommand("history export", stderr)
	fs := c.flags
	dir := c.historyDir()
	format := fs.String("format", "json", "json or csv")
	out := fs.String("out", "", "write to this file instead of stdout")
	pos, err := parseMixed(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) > 0 || (*format != "json" && *format != "csv") {
		fmt.Fprintln(stderr, "usage: careersim history export [--format json|csv] [--out FILE] [--dir DIR]")
		return 2
	}
	h, err := openHistory(*dir)
	if err != nil {
		return c.fail(err)
	}
	recs, err := loadHistory(h, stderr)
	if err != nil {
		return c.fail(err)
	}
	var buf strings.Builder
	if *format == "csv" {
		err = history.ExportCSV(&buf, recs)
	} else {
		err = history.ExportJSON(&buf, recs)
	}
	if err == nil {
		if *out != "" {
			err = os.WriteFile(*out, []byte(buf.String()), 0o644)
		} else {
			_, err = io.WriteString(stdout, buf.String())
		}
	}
	if err != nil {
		return c.fail(err)
	}
	if *out != "" {
		fmt.Fprintf(stderr, "exported %d runs to %s\n", len(recs), *out)
	}
	return 0
}

func historyImport(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := newCommand("history import", stderr)
	fs := c.flags
	dir := c.historyDir()
	c.withScenarios("extra scenario folder (repeatable): runs of installed scenarios are replayed to check their outcomes")
	pos, err := parseMixed(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "usage: careersim history import FILE [--dir DIR]   (FILE may be - for stdin)")
		return 2
	}
	name := pos[0]
	var r io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return c.fail(err)
		}
		defer f.Close()
		r = f
	}
	data, err := storage.ReadLimited(r, history.MaxImportSize)
	if err != nil {
		return c.fail(err)
	}
	scs, err := c.library()
	if err != nil {
		return c.fail(err)
	}
	recs, rep, err := history.ImportContext(context.Background(), data, history.ImportOptions{Scenarios: scs})
	for _, p := range rep.Problems {
		fmt.Fprintf(stderr, "%s:%d: %s\n", name, p.Line, p.Reason)
	}
	if rep.More > 0 {
		fmt.Fprintf(stderr, "%s: and %d more lines that could not be read\n", name, rep.More)
	}
	if err != nil {
		fmt.Fprintf(stderr, "careersim history import: %s: %v\n", name, err)
		return 1
	}
	h, err := openHistory(*dir)
	if err != nil {
		return c.fail(err)
	}
	if _, err := loadHistory(h, stderr); err != nil {
		return c.fail(err)
	}
	added, dup, err := h.Merge(recs)
	if err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(stdout, "imported %d %s from %s", added, words.Plural(added, "run", "runs"), name)
	if dup+rep.Duplicates > 0 {
		fmt.Fprintf(stdout, " (%d already in history or repeated)", dup+rep.Duplicates)
	}
	if rep.Migrated > 0 {
		fmt.Fprintf(stdout, "; %d from an older format were updated", rep.Migrated)
	}
	if rep.Newer > 0 {
		fmt.Fprintf(stdout, "; %d from a newer version of the game were skipped", rep.Newer)
	}
	if rep.Corrected > 0 {
		fmt.Fprintf(stdout, "; %d claimed an outcome their run code does not give and were corrected from a replay", rep.Corrected)
	}
	if rep.Unchecked > 0 {
		fmt.Fprintf(stdout, "; %d are of scenarios not installed here and could not be checked", rep.Unchecked)
	}
	fmt.Fprintln(stdout)
	if len(rep.Problems)+rep.More > 0 {
		return 1
	}
	return 0
}

func historyAdd(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	c := newCommand("history add", stderr)
	fs := c.flags
	dir := c.historyDir()
	session := fs.String("session", "", "the workshop session code the runs were played under")
	c.withScenarios("")
	codes, err := parseMixed(fs, args)
	if err != nil {
		return 2
	}
	if len(codes) == 0 {
		fmt.Fprintln(stderr, "usage: careersim history add CODE... [--session CODE] [--dir DIR]")
		return 2
	}
	scs, err := c.library()
	if err != nil {
		return c.fail(err)
	}
	now := time.Now()
	var recs []history.Record
	for _, text := range codes {
		r, err := replayCode(scs, text, *session)
		if err == nil && !r.Done() {
			err = fmt.Errorf("the code stops at month %d, before an ending", r.Month())
		}
		var rec history.Record
		if err == nil {
			rec, err = history.FromRun(r, now)
		}
		if err != nil {
			fmt.Fprintf(stderr, "careersim history add: %s: %v\n", text, err)
			return 1
		}
		recs = append(recs, rec)
	}
	h, err := openHistory(*dir)
	if err == nil {
		_, err = loadHistory(h, stderr)
	}
	if err != nil {
		return c.fail(err)
	}
	added, dup, err := h.Merge(recs)
	if err != nil {
		return c.fail(err)
	}
	fmt.Fprintf(stdout, "added %d %s to %s", added, words.Plural(added, "run", "runs"), h.Where())
	if dup > 0 {
		fmt.Fprintf(stdout, " (%d already there)", dup)
	}
	fmt.Fprintln(stdout)
	return 0
}

// replayCode replays a run code on the installed scenarios.
func replayCode(scs []*scenario.Scenario, text, session string) (*sim.Run, error) {
	code, err := sim.ParseCode(text)
	if err != nil {
		return nil, err
	}
	sc, ok := scenario.Find(scs, code.Scenario)
	if !ok {
		return nil, fmt.Errorf("the code is for scenario %q, which is not installed (have: %s)", code.Scenario, ids(scs))
	}
	return sim.Replay(sc, code, sim.Options{Session: session})
}

// statsJSON is one group as `history stats --json` prints it.
type statsJSON struct {
	Key       string                     `json:"key"`
	Title     string                     `json:"title"`
	Track     string                     `json:"track"`
	Codes     []string                   `json:"codes"`
	Summary   history.Summary            `json:"summary"`
	Best      string                     `json:"best,omitempty"`
	Worst     string                     `json:"worst,omitempty"`
	Baselines map[string]history.Summary `json:"baselines,omitempty"`
}

func historyStats(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	c := newCommand("history stats", stderr)
	fs := c.flags
	dir := c.historyDir()
	by := fs.String("by", "scenario", "group runs by scenario or track")
	baseline := fs.Bool("baseline", false, "show the balance bots' runs of each scenario beside yours (cached in DIR)")
	runs := fs.Int("runs", history.DefaultBaselineRuns, "bot runs per baseline")
	seed := fs.Uint64("seed", history.DefaultBaselineSeed, "base seed of the baselines")
	asJSON := fs.Bool("json", false, "print JSON")
	c.withScenarios("")
	pos, err := parseMixed(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) > 0 || (*by != "scenario" && *by != "track") {
		fmt.Fprintln(stderr, "usage: careersim history stats [--by scenario|track] [--baseline [--runs N] [--seed N]] [--json] [--dir DIR]")
		return 2
	}
	if *baseline && *by != "scenario" {
		fmt.Fprintln(stderr, "careersim history stats: baselines are per scenario; use --by scenario")
		return 2
	}
	h, err := openHistory(*dir)
	if err != nil {
		return c.fail(err)
	}
	recs, err := loadHistory(h, stderr)
	if err != nil {
		return c.fail(err)
	}
	groups := history.ByScenario(recs)
	if *by == "track" {
		groups = history.ByTrack(recs)
	}
	var scs []*scenario.Scenario
	if *baseline {
		if scs, err = c.library(); err != nil {
			return c.fail(err)
		}
	}
	var out []statsJSON
	if !*asJSON {
		fmt.Fprintf(stdout, "%d %s in %s\n", len(recs), words.Plural(len(recs), "run", "runs"), h.Where())
	}
	for i := range groups {
		g := &groups[i]
		js := statsJSON{Key: g.Key, Title: g.Title, Track: g.Track, Summary: g.Summary}
		for _, r := range g.Records {
			js.Codes = append(js.Codes, r.Code)
		}
		if b := g.Best(); b != nil {
			js.Best, js.Worst = b.Code, g.Worst().Code
		}
		var bases []*history.Baseline
		if *baseline {
			sc, ok := scenario.Find(scs, g.Key)
			if !ok {
				fmt.Fprintf(stderr, "careersim history stats: scenario %q is not installed; no baseline for it\n", g.Key)
			} else {
				js.Baselines = map[string]history.Summary{}
				for _, bot := range history.BaselineBots {
					b, err := h.Baseline(context.Background(), sc, history.NewBaselineKey(sc, bot, *runs, *seed))
					if err != nil {
						return c.fail(err)
					}
					bases = append(bases, b)
					js.Baselines[bot] = b.Summary
				}
			}
		}
		out = append(out, js)
		if !*asJSON {
			printGroup(stdout, g, bases)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if out == nil {
			out = []statsJSON{}
		}
		if err := enc.Encode(out); err != nil {
			return c.fail(err)
		}
	}
	return 0
}

// printGroup prints one group as plain lines.
func printGroup(w io.Writer, g *history.Group, bases []*history.Baseline) {
	s := g.Summary
	fmt.Fprintf(w, "\n%s", g.Title)
	switch {
	case g.Title == g.Key && g.Track == g.Key:
	case g.Track != "" && g.Track != g.Key:
		fmt.Fprintf(w, " (%s, %s track)", g.Key, g.Track)
	default:
		fmt.Fprintf(w, " (%s)", g.Key)
	}
	fmt.Fprintf(w, ": %d %s\n", s.Count, words.Plural(s.Count, "run", "runs"))
	fmt.Fprintf(w, "  endings: %s\n", endingShares(s))
	for _, b := range bases {
		fmt.Fprintf(w, "  %s bot (%d runs): %s\n", b.Key.Bot, b.Key.Runs, endingShares(b.Summary))
	}
	fmt.Fprintf(w, "  %-10s %10s %10s %10s %10s %10s", "axis", "min", "q1", "median", "q3", "max")
	for _, b := range bases {
		fmt.Fprintf(w, " %10s", b.Key.Bot)
	}
	if len(bases) > 0 {
		fmt.Fprint(w, "  (bots' medians)")
	}
	fmt.Fprintln(w)
	for a, name := range sim.AxisNames {
		u := history.AxisUnit(a)
		x := s.Axis(a)
		fmt.Fprintf(w, "  %-10s %10s %10s %10s %10s %10s", name, sim.FormatValue(x.Min, u), sim.FormatValue(x.Q1, u),
			sim.FormatValue(x.Median, u), sim.FormatValue(x.Q3, u), sim.FormatValue(x.Max, u))
		for _, b := range bases {
			fmt.Fprintf(w, " %10s", sim.FormatValue(b.Summary.Axis(a).Median, u))
		}
		fmt.Fprintln(w)
	}
	if b := g.Best(); b != nil {
		fmt.Fprintf(w, "  best run:  %s (%s, %s)\n", b.Code, b.Category, endingName(b))
		wr := g.Worst()
		fmt.Fprintf(w, "  worst run: %s (%s, %s)\n", wr.Code, wr.Category, endingName(wr))
	}
}

func endingName(r *history.Record) string {
	if r.EndingTitle != "" {
		return r.EndingTitle
	}
	return r.Ending
}

func endingShares(s history.Summary) string {
	var parts []string
	for _, c := range s.Categories {
		parts = append(parts, fmt.Sprintf("%s %.0f%%", c.Category, c.Share*100))
	}
	return strings.Join(parts, ", ")
}

func historyWhatIf(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	c := newCommand("history whatif", stderr)
	fs := c.flags
	runs := fs.Int("runs", 200, "bot continuations per choice")
	top := fs.Int("top", 3, "decisions to show")
	bot := fs.String("bot", "typical", "the bot that plays on")
	asJSON := fs.Bool("json", false, "print JSON (summaries only)")
	c.withScenarios("")
	pos, err := parseMixed(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "usage: careersim history whatif CODE [--runs N] [--top N] [--bot NAME] [--json]")
		return 2
	}
	scs, err := c.library()
	if err != nil {
		return c.fail(err)
	}
	r, err := replayCode(scs, pos[0], "")
	if err != nil {
		return c.fail(err)
	}
	code, _ := sim.ParseCode(pos[0])
	start := time.Now()
	an, err := whatif.Analyze(context.Background(), r.Scenario(), code, whatif.Config{Runs: *runs, Top: *top, Bot: *bot})
	if err != nil {
		return c.fail(err)
	}
	elapsed := time.Since(start)
	if *asJSON {
		for i := range an.Decisions {
			for j := range an.Decisions[i].Options {
				an.Decisions[i].Options[j].Samples = nil
			}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(an); err != nil {
			return c.fail(err)
		}
		return 0
	}
	fmt.Fprintf(stdout, "What if: %s\n", an.Code)
	if e := r.Ending(); e != nil {
		fmt.Fprintf(stdout, "The run ended in month %d: %s (%s), wealth %s.\n", r.Month(), e.Title, e.Category, sim.FormatValue(an.Actual.Wealth, scenario.Money))
	} else {
		fmt.Fprintf(stdout, "The code stops at month %d, before an ending.\n", r.Month())
	}
	fmt.Fprintf(stdout, "For each decision below, the %s bot played on %d times from each choice, with the same luck for every choice.\n", an.Bot, an.Runs)
	if len(an.Decisions) == 0 {
		fmt.Fprintln(stdout, "\nNo month offered more than one choice.")
	}
	for i := range an.Decisions {
		d := &an.Decisions[i]
		fmt.Fprintf(stdout, "\nMonth %d: %s\n", d.Month, d.Title)
		fmt.Fprintf(stdout, "  %s\n", d.Headline(d.Picked))
		for o := range d.Options {
			if o != d.Picked {
				fmt.Fprintf(stdout, "  %s\n", d.Headline(o))
			}
		}
	}
	fmt.Fprintf(stderr, "(%d decisions analysed in %v)\n", len(an.Decisions), elapsed.Round(time.Millisecond))
	return 0
}
