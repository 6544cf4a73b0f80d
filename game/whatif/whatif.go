// Package whatif answers "what if I had chosen differently?" for a played
// run, as distributions rather than single stories: for the few decisions
// that mattered most, it replays the run to that month, takes each other
// choice the player had, and lets a balance bot play on many times with
// fresh luck, next to the same treatment of the choice actually made.
//
// It is its own package, beside game/history rather than inside it,
// because it is simulation, not storage: it needs only the rules
// (game/sim) and the statistics of history.Summarize, and history's store
// has no reason to carry it. It never imports Ebitengine.
//
// Everything is deterministic for the same scenario, code and Config, on
// any number of workers: continuation j of decision k always uses the same
// seed, whatever goroutine plays it.
package whatif

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"sort"
	"sync/atomic"

	"runwayladder/game/history"
	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// Config tunes an analysis. The zero Config is the default.
type Config struct {
	// Bot plays on after the decision; "typical" when empty.
	Bot string
	// Runs is the number of continuations per option for each decision
	// reported; 200 when 0.
	Runs int
	// Top is how many decisions Analyze reports; 3 when 0.
	Top int
	// Candidates is how many decisions are screened: the run's decisions
	// are first ranked cheaply by sim.KeyDecisions (the typical bot's
	// one-step estimate, as on the ending screen) and the best Candidates
	// are then ranked by simulation; 2*Top when 0.
	Candidates int
	// Screen is the number of continuations per option used to rank the
	// candidates; 16 when 0.
	Screen int
	// Progress, when set, is called from the workers now and then with
	// the continuations played so far and the total (which grows once, when
	// ranking is done and the full runs start).
	Progress func(done, total int)
	// Seed is the base of the continuations' seeds; when 0 it is derived
	// from the run's own seed, so every run gets its own luck.
	Seed uint64
	// Workers is the number of goroutines; one per core when 0.
	Workers int
}

// Limits that keep a request from running for minutes.
const (
	maxRuns   = 5000
	maxTop    = 20
	maxScreen = 200
)

func (c Config) withDefaults(code sim.Code) (Config, error) {
	if c.Bot == "" {
		c.Bot = "typical"
	}
	if c.Runs == 0 {
		c.Runs = 200
	}
	if c.Top == 0 {
		c.Top = 3
	}
	if c.Screen == 0 {
		c.Screen = 16
	}
	if c.Candidates == 0 {
		c.Candidates = 2 * c.Top
	}
	if c.Seed == 0 {
		c.Seed = sim.Mix(code.Seed ^ 0x57A7_1F00_D1CE)
	}
	if c.Workers <= 0 {
		c.Workers = runtime.GOMAXPROCS(0)
	}
	switch {
	case c.Runs < 1 || c.Runs > maxRuns:
		return c, fmt.Errorf("whatif: runs must be 1 to %d, not %d", maxRuns, c.Runs)
	case c.Top < 1 || c.Top > maxTop:
		return c, fmt.Errorf("whatif: top must be 1 to %d, not %d", maxTop, c.Top)
	case c.Screen < 1 || c.Screen > maxScreen:
		return c, fmt.Errorf("whatif: screen must be 1 to %d, not %d", maxScreen, c.Screen)
	case c.Candidates < c.Top || c.Candidates > scenario.MaxMonths:
		return c, fmt.Errorf("whatif: candidates must be %d (top) to %d, not %d", c.Top, scenario.MaxMonths, c.Candidates)
	}
	return c, nil
}

// Analysis is the what-if of one run.
type Analysis struct {
	Code     string      `json:"code"`
	Scenario string      `json:"scenario"`
	Bot      string      `json:"bot"`
	Runs     int         `json:"runs"`   // continuations per option
	Actual   sim.Outcome `json:"actual"` // what happened in the run itself
	// Decisions are in month order.
	Decisions []Decision `json:"decisions"`
}

// Decision is one month's card and where each of its options led.
type Decision struct {
	Step  int    `json:"step"` // index into the run's picks
	Month int    `json:"month"`
	Card  string `json:"card"` // event id, round id, "planning"
	Title string `json:"title"`
	// Impact is how far apart the options' mean history.Score are (best
	// minus worst): the measure decisions are ranked by.
	Impact float64 `json:"impact"`
	// Picked is the index in Options of the player's choice.
	Picked  int      `json:"picked"`
	Options []Option `json:"options"`
}

// Option is one available choice and the outcomes of playing on from it.
type Option struct {
	Index  int    `json:"index"` // in the card's full choice list (as run codes store picks)
	Label  string `json:"label"`
	Picked bool   `json:"picked"`
	// Samples are the continuations' outcomes, in seed order. They have no
	// codes: a continuation is a fork with new luck, which no code replays.
	Samples   []history.Sample `json:"samples"`
	Summary   history.Summary  `json:"summary"`
	MeanScore float64          `json:"mean_score"`
}

// Analyze ranks every decision of the run (those with two or more
// available options) by how much its options change the bot-estimated
// outcome, using cfg.Screen continuations per option, and reports the top
// cfg.Top with cfg.Runs continuations per option. It is pure and safe to
// run in a goroutine; cancelling ctx stops it with ctx's error.
//
// Cost: about 2,000 bot-played continuations with the defaults; measured
// on the development machine (2 shared cores) 0.2-0.7 s for four of the
// bundled scenarios and 1.1-1.9 s for mlops_lead, whose typical bot is the
// slowest. On one core (the browser) expect a few seconds: show progress
// (Config.Progress) or lower Config.Runs.
func Analyze(ctx context.Context, sc *scenario.Scenario, code sim.Code, cfg Config) (*Analysis, error) {
	return analyze(ctx, sc, code, cfg, nil)
}

// AnalyzeSteps reports the given decisions (indices into the run's picks,
// such as sim.KeyDecision.Step) without ranking. Steps whose card offered
// a single option are skipped.
func AnalyzeSteps(ctx context.Context, sc *scenario.Scenario, code sim.Code, steps []int, cfg Config) (*Analysis, error) {
	if steps == nil {
		steps = []int{}
	}
	return analyze(ctx, sc, code, cfg, steps)
}

// point is a decision point of the replayed run.
type point struct {
	step    int
	snap    *sim.Run // the run just before the pick (read-only)
	card    sim.CardView
	options []sim.ChoiceView // available ones
	picked  int              // index in options
}

func analyze(ctx context.Context, sc *scenario.Scenario, code sim.Code, cfg Config, steps []int) (*Analysis, error) {
	if sc == nil {
		return nil, errors.New("whatif: no scenario")
	}
	cfg, err := cfg.withDefaults(code)
	if err != nil {
		return nil, err
	}
	if _, err := sim.NewBot(sc, cfg.Bot); err != nil {
		return nil, fmt.Errorf("whatif: %v", err)
	}
	if _, err := sim.Replay(sc, code, sim.Options{}); err != nil {
		return nil, fmt.Errorf("whatif: %v", err)
	}
	for _, s := range steps {
		if s < 0 || s >= len(code.Picks) {
			return nil, fmt.Errorf("whatif: step %d is not a decision of this run (it has %d)", s, len(code.Picks))
		}
	}
	// Replay once, keeping a copy of the run before every real decision.
	cur := sim.New(sc, code.Seed, sim.Options{})
	var points []point
	for i, p := range code.Picks {
		card := cur.Card()
		var opts []sim.ChoiceView
		picked := -1
		for _, c := range card.Choices {
			if c.Available {
				if c.Index == p {
					picked = len(opts)
				}
				opts = append(opts, c)
			}
		}
		if len(opts) >= 2 && picked >= 0 {
			points = append(points, point{step: i, snap: cur.Fork(code.Seed), card: card, options: opts, picked: picked})
		}
		if err := cur.PickIndex(p); err != nil {
			return nil, fmt.Errorf("whatif: %v", err) // cannot happen: Replay succeeded
		}
	}
	prog := newProgress(cfg.Progress)
	codeText, _ := code.Encode()
	an := &Analysis{Code: codeText, Scenario: sc.ID, Bot: cfg.Bot, Runs: cfg.Runs, Actual: cur.Outcome(), Decisions: []Decision{}}

	chosen := points
	if steps != nil {
		want := map[int]bool{}
		for _, s := range steps {
			want[s] = true
		}
		chosen = nil
		for _, pt := range points {
			if want[pt.step] {
				chosen = append(chosen, pt)
			}
		}
	} else if len(points) > cfg.Top {
		chosen, err = rank(ctx, sc, prefilter(cur, points, cfg.Candidates), cfg, prog)
		if err != nil {
			return nil, err
		}
	}
	outs, err := play(ctx, sc, chosen, cfg.Runs, cfg, prog)
	if err != nil {
		return nil, err
	}
	for k, pt := range chosen {
		d := Decision{Step: pt.step, Month: pt.snap.Month(), Card: pt.card.ID, Title: pt.card.Title, Picked: pt.picked}
		lo, hi := math.Inf(1), math.Inf(-1)
		for o, c := range pt.options {
			op := Option{Index: c.Index, Label: c.Label, Picked: o == pt.picked, Samples: make([]history.Sample, len(outs[k][o]))}
			for j, oc := range outs[k][o] {
				op.Samples[j] = history.Sample{Outcome: oc}
			}
			op.Summary = history.Summarize(op.Samples)
			op.MeanScore = meanScore(outs[k][o])
			lo, hi = math.Min(lo, op.MeanScore), math.Max(hi, op.MeanScore)
			d.Options = append(d.Options, op)
		}
		d.Impact = hi - lo
		an.Decisions = append(an.Decisions, d)
	}
	return an, nil
}

// prefilter keeps the n points sim.KeyDecisions rates highest, in step
// order. It costs one bot estimate per option per month, a few
// milliseconds, where simulating every decision would cost seconds.
func prefilter(done *sim.Run, points []point, n int) []point {
	if len(points) <= n {
		return points
	}
	keep := map[int]bool{}
	for _, kd := range sim.KeyDecisions(done, n) {
		keep[kd.Step] = true
	}
	var out []point
	for _, pt := range points {
		if keep[pt.step] {
			out = append(out, pt)
		}
	}
	if len(out) == 0 { // KeyDecisions found nothing to rank: keep the first n
		return points[:n]
	}
	return out
}

// rank screens the points with a few continuations per option and returns
// the cfg.Top with the widest spread of mean scores, in step order (ties go
// to the earlier decision).
func rank(ctx context.Context, sc *scenario.Scenario, points []point, cfg Config, prog *progress) ([]point, error) {
	if len(points) <= cfg.Top {
		return points, nil
	}
	outs, err := play(ctx, sc, points, cfg.Screen, cfg, prog)
	if err != nil {
		return nil, err
	}
	impact := make([]float64, len(points))
	for k := range points {
		lo, hi := math.Inf(1), math.Inf(-1)
		for o := range outs[k] {
			m := meanScore(outs[k][o])
			lo, hi = math.Min(lo, m), math.Max(hi, m)
		}
		impact[k] = hi - lo
	}
	order := make([]int, len(points))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return impact[order[a]] > impact[order[b]] })
	order = order[:cfg.Top]
	sort.Ints(order)
	out := make([]point, len(order))
	for i, k := range order {
		out[i] = points[k]
	}
	return out, nil
}

func meanScore(os []sim.Outcome) float64 {
	if len(os) == 0 {
		return 0
	}
	s := 0.0
	for _, o := range os {
		s += history.Score(o)
	}
	return s / float64(len(os))
}

// play runs n continuations of every option of every point on cfg.Workers
// goroutines. out[k][o][j] is continuation j of option o of point k; its
// seed depends on the step and j only, so all options of a decision meet
// the same luck (common random numbers: the comparison shows the choice,
// not the dice).
func play(ctx context.Context, sc *scenario.Scenario, points []point, n int, cfg Config, prog *progress) ([][][]sim.Outcome, error) {
	type task struct{ k, o int }
	var tasks []task
	out := make([][][]sim.Outcome, len(points))
	for k, pt := range points {
		out[k] = make([][]sim.Outcome, len(pt.options))
		for o := range pt.options {
			out[k][o] = make([]sim.Outcome, n)
			tasks = append(tasks, task{k, o})
		}
	}
	total := len(tasks) * n
	prog.grow(total)
	err := sim.ForEach(ctx, total, cfg.Workers, func() func(int) error {
		return func(i int) error {
			t, j := tasks[i/n], i%n
			pt := &points[t.k]
			// A fresh bot per continuation: a bot's scratch buffers can
			// carry state from one run into the next (sim.Bot reuses its
			// odds buffer), which would make the result depend on which
			// worker played what before.
			bot, _ := sim.NewBot(sc, cfg.Bot)
			o, err := continuation(pt, pt.options[t.o].Index, seedFor(cfg.Seed, pt.step, j), bot)
			if err != nil {
				return err
			}
			out[t.k][t.o][j] = o
			prog.step()
			return nil
		}
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// continuation forks the run before a decision with new luck, makes the
// choice, and lets the bot play to an ending.
func continuation(pt *point, choice int, seed uint64, bot *sim.Bot) (sim.Outcome, error) {
	r := pt.snap.Fork(seed)
	if err := r.PickIndex(choice); err != nil {
		return sim.Outcome{}, fmt.Errorf("whatif: month %d: %v", pt.snap.Month(), err)
	}
	// Decisions are numbered from the start of the run, as in Bot.Play.
	for d := pt.step + 1; !r.Done(); d++ {
		if err := r.PickIndex(bot.Choose(r, d)); err != nil {
			return sim.Outcome{}, fmt.Errorf("whatif: the %s bot's pick in month %d: %v", bot.Name(), r.Month(), err)
		}
	}
	return r.Outcome(), nil
}

// progress reports continuations played, about every 50.
type progress struct {
	f           func(done, total int)
	done, total atomic.Int64
}

func newProgress(f func(done, total int)) *progress { return &progress{f: f} }

func (p *progress) grow(n int) {
	if p.f != nil {
		p.f(int(p.done.Load()), int(p.total.Add(int64(n))))
	}
}

func (p *progress) step() {
	if p.f == nil {
		return
	}
	d := p.done.Add(1)
	if t := p.total.Load(); d%50 == 0 || d == t {
		p.f(int(d), int(t))
	}
}

// seedFor is the seed of continuation j after decision step.
func seedFor(base uint64, step, j int) uint64 {
	return sim.Mix(base ^ sim.Mix(uint64(step+1)<<32|uint64(j)))
}
