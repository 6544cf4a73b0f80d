package history

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// A debrief reads the run codes a workshop collected and sets the room's
// runs beside the typical bot's: endings per scenario, the spread of the
// outcomes, and the months where the room split. `careersim debrief` and
// the workshop server print the same Debrief.

// Limits on what a debrief reads.
const (
	// MaxCodeLine bounds a line of pasted codes: a run code is at most
	// 400 characters, so a longer line is skipped, not read whole.
	MaxCodeLine = 1024
	// MaxDebriefCodes bounds the codes one debrief replays.
	MaxDebriefCodes = 20_000
)

// CodeLine is one pasted run code and where it came from.
type CodeLine struct {
	Source string `json:"source"` // a file name, "stdin", a participant
	Line   int    `json:"line"`   // 1-based; 0 when not from a file
	Text   string `json:"text"`
}

// Skipped is a line a debrief could not use, and why.
type Skipped struct {
	CodeLine
	Reason string `json:"reason"`
}

// ReadCodes reads run codes, one per line; blank lines and lines starting
// with # are ignored. A line too long to be a code is skipped with a
// reason and reading goes on; so are the lines past MaxDebriefCodes. The
// error is for a reader that fails.
func ReadCodes(r io.Reader, source string) (codes []CodeLine, skipped []Skipped, err error) {
	br := bufio.NewReaderSize(r, MaxCodeLine+1)
	over := 0
	for n := 1; ; n++ {
		line, long, err := readLine(br)
		if long > 0 {
			skipped = append(skipped, Skipped{CodeLine: CodeLine{Source: source, Line: n, Text: clip(line)},
				Reason: fmt.Sprintf("the line is %d bytes; a run code is at most %d", long, MaxCodeLine)})
		} else if t := bytes.TrimSpace(line); len(t) > 0 && t[0] != '#' {
			if len(codes) < MaxDebriefCodes {
				codes = append(codes, CodeLine{Source: source, Line: n, Text: string(t)})
			} else {
				over++
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return codes, skipped, fmt.Errorf("%s: line %d: %w", source, n, err)
		}
	}
	if over > 0 {
		skipped = append(skipped, Skipped{CodeLine: CodeLine{Source: source},
			Reason: fmt.Sprintf("%d more codes not read: a debrief takes at most %d", over, MaxDebriefCodes)})
	}
	return codes, skipped, nil
}

// readLine returns the next line without its line break. A line longer
// than MaxCodeLine is read to its end but not kept: long is then its
// length and line its start.
func readLine(br *bufio.Reader) (line []byte, long int, err error) {
	const keep = MaxCodeLine + 2 // a line at the limit and its \r\n
	total := 0
	for {
		var chunk []byte
		chunk, err = br.ReadSlice('\n')
		total += len(chunk)
		if room := keep - len(line); room > 0 {
			line = append(line, chunk[:min(len(chunk), room)]...)
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			break
		}
	}
	if total == len(line) {
		line = bytes.TrimRight(line, "\r\n")
		if len(line) <= MaxCodeLine {
			return line, 0, err
		}
		return line[:MaxCodeLine], len(line), err
	}
	if err == nil {
		total-- // the newline
	}
	return line[:MaxCodeLine], total, err
}

// DebriefConfig sets how a debrief is computed.
type DebriefConfig struct {
	// Baseline is the number of typical-bot runs per scenario behind the
	// base rates (seed 1); 0 skips them.
	Baseline int
}

// Debrief is a workshop's runs, per scenario.
type Debrief struct {
	// Runs counts the distinct runs read.
	Runs int `json:"runs"`
	// Repeats counts codes of a run already counted: the same code pasted
	// twice or written another way (case, dashes, O for 0). Two people of
	// one session who chose alike have one code, and count once.
	Repeats   int               `json:"repeats"`
	Skipped   []Skipped         `json:"skipped,omitempty"`
	Scenarios []ScenarioDebrief `json:"scenarios"`
}

// ScenarioDebrief is the room's runs of one scenario.
type ScenarioDebrief struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	Runs       int    `json:"runs"`
	Unfinished int    `json:"unfinished"` // runs whose code stops before an ending
	// Baseline is the number of typical-bot runs behind the Typical
	// figures; 0 when there are none.
	Baseline int `json:"baseline"`
	// Endings lists, in the scenario's order, the endings the room or the
	// typical bot reached.
	Endings []DebriefEnding `json:"endings"`
	// Axes holds one entry per sim.AxisNames.
	Axes []DebriefAxis `json:"axes"`
	// Splits are the first months where runs of one session chose
	// differently, by session seed.
	Splits []Split `json:"splits,omitempty"`
}

// DebriefEnding is how often the room and the typical bot reached an ending.
type DebriefEnding struct {
	ID       string  `json:"id"`
	Title    string  `json:"title"`
	Category string  `json:"category"`
	Count    int     `json:"count"`
	Share    float64 `json:"share"`   // of the room's runs
	Typical  float64 `json:"typical"` // the typical bot's share
}

// DebriefAxis is the room's spread on an outcome axis (quartiles as
// Quantile computes them), beside the typical bot's (nearest-rank
// percentiles of its balance report).
type DebriefAxis struct {
	Axis   string        `json:"axis"`
	Unit   scenario.Unit `json:"unit"`
	Median float64       `json:"median"`
	Min    float64       `json:"min"`
	Max    float64       `json:"max"`
	Q1     float64       `json:"q1"`
	Q3     float64       `json:"q3"`
	// Values holds every run's value, sorted.
	Values []float64 `json:"values"`
	// Typical is the typical bot's median; TypicalP10 to TypicalP90 its
	// spread.
	Typical    float64 `json:"typical"`
	TypicalP10 float64 `json:"typical_p10"`
	TypicalP25 float64 `json:"typical_p25"`
	TypicalP75 float64 `json:"typical_p75"`
	TypicalP90 float64 `json:"typical_p90"`
}

// Split is a month where the runs of one session parted ways.
type Split struct {
	Month   int           `json:"month"` // 1-based
	Seed    uint64        `json:"seed"`
	Card    string        `json:"card"`
	Choices []ChoiceCount `json:"choices"`
}

// ChoiceCount is how many of the room took a choice.
type ChoiceCount struct {
	Label string `json:"label"`
	Count int    `json:"count"`
}

// NewDebrief replays codes on the installed scenarios scs. A code that
// cannot be read or replayed is skipped with its reason; a run already
// counted (by CanonicalCode) counts once. Scenarios come in the order of
// their first code. It returns an error when no code could be used.
func NewDebrief(scs []*scenario.Scenario, codes []CodeLine, cfg DebriefConfig) (*Debrief, error) {
	d := &Debrief{}
	if cfg.Baseline < 0 || cfg.Baseline > maxBaselineRuns {
		return d, fmt.Errorf("the base rates take 0 to %d bot runs, not %d", maxBaselineRuns, cfg.Baseline)
	}
	if n := len(codes) - MaxDebriefCodes; n > 0 {
		d.Skipped = append(d.Skipped, Skipped{CodeLine: codes[MaxDebriefCodes],
			Reason: fmt.Sprintf("this and %d more codes not read: a debrief takes at most %d", n-1, MaxDebriefCodes)})
		codes = codes[:MaxDebriefCodes]
	}
	groups := map[string][]*sim.Run{}
	var order []*scenario.Scenario
	seen := map[string]bool{}
	for _, cl := range codes {
		r, err := replayCodeLine(scs, cl.Text)
		if err != nil {
			d.Skipped = append(d.Skipped, Skipped{CodeLine: CodeLine{Source: cl.Source, Line: cl.Line, Text: clipString(cl.Text)}, Reason: err.Error()})
			continue
		}
		key := r.Code()
		if seen[key] {
			d.Repeats++
			continue
		}
		seen[key] = true
		sc := r.Scenario()
		if _, ok := groups[sc.ID]; !ok {
			order = append(order, sc)
		}
		groups[sc.ID] = append(groups[sc.ID], r)
		d.Runs++
	}
	if d.Runs == 0 {
		return d, errors.New("no valid run codes")
	}
	for _, sc := range order {
		sd, err := debriefScenario(sc, groups[sc.ID], cfg)
		if err != nil {
			return d, err
		}
		d.Scenarios = append(d.Scenarios, sd)
	}
	return d, nil
}

func replayCodeLine(scs []*scenario.Scenario, text string) (*sim.Run, error) {
	code, err := sim.ParseCode(text)
	if err != nil {
		return nil, err
	}
	sc, ok := scenario.Find(scs, code.Scenario)
	if !ok {
		return nil, fmt.Errorf("scenario %q is not installed", code.Scenario)
	}
	return sim.Replay(sc, code, sim.Options{})
}

func debriefScenario(sc *scenario.Scenario, runs []*sim.Run, cfg DebriefConfig) (ScenarioDebrief, error) {
	var base *sim.BalanceReport
	if cfg.Baseline > 0 {
		var err error
		base, err = sim.Balance(sc, sim.BalanceConfig{Runs: cfg.Baseline, Seed: 1, Bot: "typical", NoBands: true})
		if err != nil {
			return ScenarioDebrief{}, fmt.Errorf("%s: the typical bot's base rates: %w", sc.ID, err)
		}
	}
	return DebriefRuns(sc, runs, base), nil
}

// DebriefRuns is the debrief of runs of one scenario (at least one) beside
// base, the typical bot's balance report (nil to leave base rates out),
// for callers that hold the runs already (the workshop server).
func DebriefRuns(sc *scenario.Scenario, runs []*sim.Run, base *sim.BalanceReport) ScenarioDebrief {
	sd := ScenarioDebrief{ID: sc.ID, Title: sc.Title, Runs: len(runs)}
	if base != nil {
		sd.Baseline = base.Runs
	}
	counts := map[string]int{}
	samples := make([]Sample, len(runs))
	for i, r := range runs {
		if e := r.Ending(); e != nil {
			counts[e.ID]++
		} else {
			sd.Unfinished++
		}
		samples[i] = Sample{Outcome: r.Outcome()}
	}
	for i, e := range sc.Endings {
		de := DebriefEnding{ID: e.ID, Title: e.Title, Category: string(e.Category), Count: counts[e.ID]}
		if len(runs) > 0 {
			de.Share = float64(counts[e.ID]) / float64(len(runs))
		}
		if base != nil && i < len(base.Endings) {
			de.Typical = base.Endings[i].Share
		}
		if de.Count == 0 && de.Typical == 0 {
			continue
		}
		sd.Endings = append(sd.Endings, de)
	}
	sum := Summarize(samples)
	for a, name := range sim.AxisNames {
		x := sum.Axis(a)
		da := DebriefAxis{Axis: name, Unit: AxisUnit(a), Median: x.Median, Min: x.Min, Max: x.Max, Q1: x.Q1, Q3: x.Q3,
			Values: make([]float64, len(runs))}
		for i := range samples {
			da.Values[i] = samples[i].Outcome.Axis(a)
		}
		slices.Sort(da.Values)
		if base != nil && a < len(base.Axes) {
			b := base.Axes[a]
			da.Typical, da.TypicalP10, da.TypicalP25, da.TypicalP75, da.TypicalP90 = b.P50, b.P10, b.P25, b.P75, b.P90
		}
		sd.Axes = append(sd.Axes, da)
	}
	sd.Splits = splits(sc, runs)
	return sd
}

// splits finds, among runs that shared a seed (a workshop session), the
// first month where the room chose differently, and how it split.
func splits(sc *scenario.Scenario, runs []*sim.Run) []Split {
	bySeed := map[uint64][][]sim.Step{}
	var seeds []uint64
	for _, r := range runs {
		st := r.State()
		if _, ok := bySeed[st.Seed]; !ok {
			seeds = append(seeds, st.Seed)
		}
		bySeed[st.Seed] = append(bySeed[st.Seed], st.Steps)
	}
	slices.Sort(seeds)
	var out []Split
	for _, seed := range seeds {
		steps := bySeed[seed]
		if len(steps) < 2 {
			continue
		}
		// Identical picks mean identical cards; the first month where the
		// picks differ is where the room split.
		for m := 0; ; m++ {
			tally := map[int]int{}
			var path []sim.Step // the picks before month m, shared by those still playing
			for _, s := range steps {
				if m < len(s) {
					tally[s[m].Pick]++
					path = s[:m]
				}
			}
			if len(tally) == 0 {
				break
			}
			if len(tally) == 1 {
				continue
			}
			re := sim.New(sc, seed, sim.Options{})
			for _, st := range path {
				_ = re.PickIndex(st.Pick)
			}
			card := re.Card()
			sp := Split{Month: m + 1, Seed: seed, Card: card.Title}
			for _, c := range card.Choices {
				if n := tally[c.Index]; n > 0 {
					sp.Choices = append(sp.Choices, ChoiceCount{Label: c.Label, Count: n})
				}
			}
			out = append(out, sp)
			break
		}
	}
	return out
}
