package sim

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"runwayladder/game/scenario"
)

// BalanceConfig sets up a Monte-Carlo balance run.
type BalanceConfig struct {
	Runs    int
	Seed    uint64
	Bot     string
	Workers int // 0: one per core
	// Progress, when set, is called now and then with runs done so far.
	Progress func(done, total int)
	// NoBands skips the calibration bands (and the other bots they need).
	NoBands bool
}

// BalanceReport summarises many runs of one bot.
type BalanceReport struct {
	Scenario   string             `json:"scenario"`
	Version    int                `json:"version"`
	Bot        string             `json:"bot"`
	Runs       int                `json:"runs"`
	Seed       uint64             `json:"seed"`
	Endings    []EndingShare      `json:"endings"`
	Categories map[string]float64 `json:"categories"`
	// GoodOrThrived is the share of runs that ended good or thrived.
	GoodOrThrived float64        `json:"good_or_thrived"`
	Axes          []Spread       `json:"axes"`
	Stats         []Spread       `json:"stats"`
	EventRuns     map[string]int `json:"event_runs"`
	// PlanningRuns counts the runs that met a planning cycle.
	PlanningRuns int      `json:"planning_runs"`
	NeverFired   []string `json:"never_fired"`
	QuietMonths  float64  `json:"quiet_month_share"`
	// RepeatShare is the share of decided months whose card the run had
	// already shown (an event seen before, the next planning cycle or
	// funding offer; a quiet month is not a repeat); DistinctCards is the mean number of different cards a
	// run shows; Repeats lists the events shown more than once in an
	// average run, most repeated first.
	RepeatShare        float64       `json:"repeat_share"`
	DistinctCards      float64       `json:"distinct_cards"`
	Repeats            []EventRepeat `json:"repeats"`
	Decisions          int64         `json:"decisions"`
	Seconds            float64       `json:"seconds"`
	DecisionsPerSecond float64       `json:"decisions_per_second"`
	Workers            int           `json:"workers"`
	SampleCodes        []string      `json:"sample_codes"`
	Calibration        []BandResult  `json:"calibration"`
	Failures           int           `json:"failures"`
	// Phases is, per phase in file order, the share of runs that spent at
	// least one month in it (empty without phases).
	Phases []PhaseShare `json:"phases"`
}

// PhaseShare is how many runs spent a month or more in a phase.
type PhaseShare struct {
	ID    string  `json:"id"`
	Share float64 `json:"share"`
}

// EndingShare is how often an ending was reached.
type EndingShare struct {
	ID       string  `json:"id"`
	Title    string  `json:"title"`
	Category string  `json:"category"`
	Count    int     `json:"count"`
	Share    float64 `json:"share"`
}

// Spread is the distribution of one quantity over runs.
type Spread struct {
	Name string  `json:"name"`
	Unit string  `json:"unit"`
	Min  float64 `json:"min"`
	P10  float64 `json:"p10"`
	P25  float64 `json:"p25"`
	P50  float64 `json:"p50"`
	P75  float64 `json:"p75"`
	P90  float64 `json:"p90"`
	Max  float64 `json:"max"`
	Mean float64 `json:"mean"`
}

// EventRepeat is how often an event was shown in an average run.
type EventRepeat struct {
	ID string `json:"id"`
	// Shows is the mean number of times a run showed it (runs that never
	// met it count as 0); Runs is the share of runs that met it.
	Shows float64 `json:"shows"`
	Runs  float64 `json:"runs"`
}

// BandResult is one calibration band checked.
type BandResult struct {
	ID     string  `json:"id"`
	Label  string  `json:"label"`
	Bot    string  `json:"bot"`
	Metric string  `json:"metric"`
	Value  float64 `json:"value"`
	Min    float64 `json:"min"`
	Max    float64 `json:"max"`
	Pass   bool    `json:"pass"`
	// Never reports a median_month band whose condition held in fewer
	// than half the runs: the median is "never" and Value is 0.
	Never  bool   `json:"never,omitempty"`
	Count  int    `json:"count"` // runs the value is measured over
	Source string `json:"source"`
}

// runResult is what one run contributes.
type runResult struct {
	ending    int
	outcome   Outcome
	final     []float64
	fired     []bool
	shows     []int // per event: months its card was shown
	planning  bool  // met a planning cycle
	decisions int
	quiet     int
	repeats   int // months whose card had been shown before
	distinct  int // different cards shown
	code      string
	atEnd     []bool // per calibration row: share condition at the end
	among     []bool
	first     []int // per calibration row: first month the condition held, 0 never
	failed    bool
	phases    []bool // per phase: at least a month spent in it
}

// simulate plays runs with one bot on all workers; results are indexed by
// run so the report does not depend on scheduling.
func simulate(sc *scenario.Scenario, bot string, cfg BalanceConfig, rows []scenario.Calibration, progress func()) ([]runResult, int64, error) {
	if _, err := NewBot(sc, bot); err != nil {
		return nil, 0, err
	}
	results := make([]runResult, cfg.Runs)
	var decisions atomic.Int64
	_ = ForEach(context.Background(), cfg.Runs, cfg.Workers, func() func(int) error {
		b, _ := NewBot(sc, bot)
		return func(i int) error {
			results[i] = playOne(sc, b, RunSeed(cfg.Seed, i), rows, i < 5)
			decisions.Add(int64(results[i].decisions))
			if progress != nil {
				progress()
			}
			return nil
		}
	})
	return results, decisions.Load(), nil
}

// RunSeed derives the seed of the i-th run of a balance (or baseline) from
// its base seed. Mixing the base first keeps the runs of seeds 1 and 2
// apart (mix(base+i) would shift one sequence by one run).
func RunSeed(base uint64, i int) uint64 { return mix(mix(base)+uint64(i)) & 0xFFFFFFFF }

func playOne(sc *scenario.Scenario, b *Bot, seed uint64, rows []scenario.Calibration, keepCode bool) runResult {
	r := New(sc, seed, Options{})
	res := runResult{fired: make([]bool, len(sc.Events)), first: make([]int, len(rows))}
	for d := 0; !r.Done(); d++ {
		if r.st.Card.Kind == CardQuiet {
			res.quiet++
		}
		if err := r.step(b.Choose(r, d), nil); err != nil {
			res.failed = true
			break
		}
		res.decisions++
		for k := range rows {
			if rows[k].Metric == "median_month" && res.first[k] == 0 && rows[k].When != nil && rows[k].When(&r.env) {
				res.first[k] = r.st.Steps[len(r.st.Steps)-1].Month
			}
		}
	}
	for i, n := range r.st.Fired {
		res.fired[i] = n > 0
	}
	res.shows, res.repeats, res.distinct = cardCounts(sc, r.st.Steps)
	for _, s := range r.st.Steps {
		res.planning = res.planning || s.Card.Kind == CardFight
	}
	res.ending = -1
	if r.st.Ending != "" {
		res.ending, _ = sc.EndingIndex(r.st.Ending)
	}
	res.outcome = r.Outcome()
	res.final = append([]float64(nil), r.st.Vals[:sc.NumStats()]...)
	res.phases = make([]bool, len(sc.Phases))
	for p := range sc.Phases {
		res.phases[p] = r.st.Vals[sc.MonthsAtVar(p)] >= 1
	}
	res.atEnd = make([]bool, len(rows))
	res.among = make([]bool, len(rows))
	for k := range rows {
		res.atEnd[k] = (rows[k].When == nil || rows[k].When(&r.env)) && endedIn(res.ending, rows[k].Endings)
		res.among[k] = rows[k].Among == nil || rows[k].Among(&r.env)
	}
	if keepCode {
		res.code = r.Code()
	}
	return res
}

// cardCounts counts, over a run's decided months, how often each event's
// card was shown, the months whose card had been shown before, and the
// different cards shown. Planning cycles and each funding round's offer
// count as cards; a quiet month shows none (quiet_month_share counts them).
func cardCounts(sc *scenario.Scenario, steps []Step) (shows []int, repeats, distinct int) {
	shows = make([]int, len(sc.Events))
	seen := map[Card]bool{}
	for _, s := range steps {
		c := s.Card
		if c.Kind == CardQuiet {
			continue
		}
		if c.Kind == CardFight {
			c.Index = 0
		}
		if c.Kind == CardEvent {
			shows[c.Index]++
		}
		if seen[c] {
			repeats++
		} else {
			seen[c] = true
		}
	}
	return shows, repeats, len(seen)
}

// Balance plays cfg.Runs runs with cfg.Bot and checks every calibration
// band the scenario declares (running the bots the bands name).
func Balance(sc *scenario.Scenario, cfg BalanceConfig) (*BalanceReport, error) {
	if cfg.Runs <= 0 {
		return nil, fmt.Errorf("balance: runs must be positive, not %d", cfg.Runs)
	}
	if cfg.Bot == "" {
		cfg.Bot = "typical"
	}
	// Which bots run: the requested one, and those the bands need.
	bots := []string{cfg.Bot}
	rows := sc.Calibration
	if cfg.NoBands {
		rows = nil
	}
	for _, c := range rows {
		found := false
		for _, b := range bots {
			found = found || b == c.Bot
		}
		if !found {
			bots = append(bots, c.Bot)
		}
	}
	total := cfg.Runs * len(bots)
	var done atomic.Int64
	var progress func()
	if cfg.Progress != nil {
		var mu sync.Mutex
		last := time.Now()
		progress = func() {
			n := int(done.Add(1))
			mu.Lock()
			defer mu.Unlock()
			if time.Since(last) > 500*time.Millisecond || n == total {
				last = time.Now()
				cfg.Progress(n, total)
			}
		}
	}
	rep := &BalanceReport{Scenario: sc.ID, Version: sc.Version, Bot: cfg.Bot, Runs: cfg.Runs, Seed: cfg.Seed, Workers: cfg.Workers}
	if rep.Workers <= 0 {
		rep.Workers = runtime.GOMAXPROCS(0)
	}
	for bi, bot := range bots {
		start := time.Now()
		results, decisions, err := simulate(sc, bot, cfg, rows, progress)
		if err != nil {
			return nil, err
		}
		if bi == 0 {
			rep.Seconds = time.Since(start).Seconds()
			rep.Decisions = decisions
			if rep.Seconds > 0 {
				rep.DecisionsPerSecond = float64(decisions) / rep.Seconds
			}
			rep.summarise(sc, results)
		}
		for k, c := range rows {
			if c.Bot == bot {
				rep.Calibration = append(rep.Calibration, band(c, k, results))
			}
		}
	}
	// Keep bands in the scenario's order.
	order := map[string]int{}
	for k, c := range sc.Calibration {
		order[c.ID] = k
	}
	sort.SliceStable(rep.Calibration, func(i, j int) bool { return order[rep.Calibration[i].ID] < order[rep.Calibration[j].ID] })
	return rep, nil
}

// Passed reports whether every calibration band holds.
func (rep *BalanceReport) Passed() bool {
	for _, b := range rep.Calibration {
		if !b.Pass {
			return false
		}
	}
	return true
}

func band(c scenario.Calibration, k int, results []runResult) BandResult {
	br := BandResult{ID: c.ID, Label: c.Label, Bot: c.Bot, Metric: c.Metric, Min: c.Min, Max: c.Max, Source: c.Source}
	switch c.Metric {
	case "share":
		n, yes := 0, 0
		for _, r := range results {
			if !r.among[k] {
				continue
			}
			n++
			if r.atEnd[k] {
				yes++
			}
		}
		br.Count = n
		if n > 0 {
			br.Value = float64(yes) / float64(n)
		}
	case "median_month":
		months := make([]float64, 0, len(results))
		for _, r := range results {
			if !r.among[k] {
				continue
			}
			m := math.Inf(1)
			if r.first[k] > 0 {
				m = float64(r.first[k])
			}
			months = append(months, m)
		}
		sort.Float64s(months)
		br.Count = len(months)
		br.Value = quantile(months, 0.5)
		if len(months) == 0 || math.IsInf(br.Value, 1) {
			br.Value, br.Never = 0, true
		}
	}
	br.Pass = !br.Never && br.Value >= c.Min && br.Value <= c.Max
	return br
}

// endedIn reports whether an ending is in the list (an empty list allows
// any).
func endedIn(ending int, list []int) bool {
	if len(list) == 0 {
		return true
	}
	for _, e := range list {
		if e == ending {
			return true
		}
	}
	return false
}

func (rep *BalanceReport) summarise(sc *scenario.Scenario, results []runResult) {
	n := float64(len(results))
	counts := make([]int, len(sc.Endings))
	rep.Categories = map[string]float64{}
	quiet, months, repeats, distinct, good := 0, 0, 0, 0, 0
	shows := make([]int, len(sc.Events))
	inPhase := make([]int, len(sc.Phases))
	rep.EventRuns = map[string]int{}
	for _, r := range results {
		if r.failed {
			rep.Failures++
		}
		if r.ending >= 0 {
			counts[r.ending]++
			rep.Categories[string(sc.Endings[r.ending].Category)] += 1 / n
			if c := sc.Endings[r.ending].Category; c == scenario.Good || c == scenario.Thrived {
				good++
			}
		}
		quiet += r.quiet
		months += r.decisions
		repeats += r.repeats
		distinct += r.distinct
		if r.planning {
			rep.PlanningRuns++
		}
		for i, k := range r.shows {
			shows[i] += k
		}
		for p, in := range r.phases {
			if in {
				inPhase[p]++
			}
		}
		for i, f := range r.fired {
			if f {
				rep.EventRuns[sc.Events[i].ID]++
			}
		}
		if r.code != "" {
			rep.SampleCodes = append(rep.SampleCodes, r.code)
		}
	}
	rep.Phases = make([]PhaseShare, len(sc.Phases))
	for p, ph := range sc.Phases {
		rep.Phases[p] = PhaseShare{ID: ph.ID, Share: float64(inPhase[p]) / n}
	}
	for i, e := range sc.Endings {
		rep.Endings = append(rep.Endings, EndingShare{ID: e.ID, Title: e.Title, Category: string(e.Category), Count: counts[i], Share: float64(counts[i]) / n})
	}
	for _, e := range sc.Events {
		if rep.EventRuns[e.ID] == 0 && e.Trigger != scenario.Shared {
			rep.NeverFired = append(rep.NeverFired, e.ID)
		}
	}
	if months > 0 {
		rep.QuietMonths = float64(quiet) / float64(months)
		rep.RepeatShare = float64(repeats) / float64(months)
	}
	rep.DistinctCards = float64(distinct) / n
	rep.GoodOrThrived = float64(good) / n
	for i, e := range sc.Events {
		if mean := float64(shows[i]) / n; mean > float64(rep.EventRuns[e.ID])/n {
			rep.Repeats = append(rep.Repeats, EventRepeat{ID: e.ID, Shows: mean, Runs: float64(rep.EventRuns[e.ID]) / n})
		}
	}
	sort.SliceStable(rep.Repeats, func(i, j int) bool { return rep.Repeats[i].Shows > rep.Repeats[j].Shows })
	units := []string{"money", "level", "plain", "plain", "plain", "months"}
	for a, name := range AxisNames {
		vals := make([]float64, len(results))
		for i, r := range results {
			vals[i] = r.outcome.Axis(a)
		}
		rep.Axes = append(rep.Axes, spread(name, units[a], vals))
	}
	for s, st := range sc.Stats {
		vals := make([]float64, len(results))
		for i, r := range results {
			vals[i] = r.final[s]
		}
		rep.Stats = append(rep.Stats, spread(st.ID, st.Unit.String(), vals))
	}
}

func spread(name, unit string, vals []float64) Spread {
	sort.Float64s(vals)
	return Spread{Name: name, Unit: unit, Min: vals[0], Max: vals[len(vals)-1],
		P10: quantile(vals, 0.1), P25: quantile(vals, 0.25), P50: quantile(vals, 0.5),
		P75: quantile(vals, 0.75), P90: quantile(vals, 0.9), Mean: Mean(vals)}
}

// Mean returns the mean of finite values, itself always finite: when the
// plain sum overflows (stats may reach ±math.MaxFloat64), it sums the
// values divided by their count instead, whose partial sums never pass
// the largest value. 0 for no values.
func Mean(vals []float64) float64 {
	if len(vals) == 0 {
		return 0
	}
	sum := 0.0
	for _, v := range vals {
		sum += v
	}
	n := float64(len(vals))
	if !math.IsInf(sum, 0) && !math.IsNaN(sum) {
		return sum / n
	}
	sum = 0
	for _, v := range vals {
		sum += v / n
	}
	return sum
}

// quantile of sorted values (nearest rank).
func quantile(sorted []float64, q float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(math.Ceil(q*float64(len(sorted)))) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

// BotComparison is each bot's median outcome on every axis.
type BotComparison struct {
	Bots     []string             `json:"bots"`
	Medians  map[string][]float64 `json:"medians"` // bot -> axis medians (AxisNames order, months excluded)
	Thrived  map[string]float64   `json:"thrived_or_good"`
	Dominant string               `json:"dominant,omitempty"`
	Verdict  string               `json:"verdict"`
}

// CompareBots plays every bot and checks that no single strategy is best
// on every axis at once.
func CompareBots(sc *scenario.Scenario, cfg BalanceConfig) (*BotComparison, error) {
	cmp := &BotComparison{Medians: map[string][]float64{}, Thrived: map[string]float64{}}
	for _, name := range BotNames(sc) {
		cmp.Bots = append(cmp.Bots, name)
		results, _, err := simulate(sc, name, cfg, nil, nil)
		if err != nil {
			return nil, err
		}
		for a := 0; a < len(AxisNames)-1; a++ {
			vals := make([]float64, len(results))
			for i, r := range results {
				vals[i] = r.outcome.Axis(a)
			}
			sort.Float64s(vals)
			cmp.Medians[name] = append(cmp.Medians[name], quantile(vals, 0.5))
		}
		good := 0
		for _, r := range results {
			if r.ending >= 0 {
				if c := sc.Endings[r.ending].Category; c == scenario.Thrived || c == scenario.Good {
					good++
				}
			}
		}
		cmp.Thrived[name] = float64(good) / float64(len(results))
	}
	for _, a := range cmp.Bots {
		dominates := true
		for _, b := range cmp.Bots {
			if a == b {
				continue
			}
			for k := range cmp.Medians[a] {
				if cmp.Medians[a][k] < cmp.Medians[b][k] {
					dominates = false
				}
			}
		}
		if dominates {
			cmp.Dominant = a
		}
	}
	if cmp.Dominant != "" {
		cmp.Verdict = fmt.Sprintf("bot %q is at least as good as every other bot on every axis: the choices may lack real trade-offs", cmp.Dominant)
	} else {
		cmp.Verdict = "no single strategy is best on every axis"
	}
	return cmp, nil
}
