package history

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// BaselineBots are the bots the compare screen sets beside the player's
// runs: a typical player, and one who picks at random (the floor).
var BaselineBots = []string{"typical", "random"}

// Defaults for a baseline: enough runs for stable quartiles, a fixed seed
// so everyone sees the same baseline.
const (
	DefaultBaselineRuns = 300
	DefaultBaselineSeed = 1
	maxBaselineRuns     = 100_000
)

// baselineVersion is the layout of a cached baseline. Bump it when the
// bots or the rules change what a seed plays, so old caches are ignored
// (a scenario's own changes bump its content version, which is in the key).
const baselineVersion = 2

// BaselineKey identifies a baseline: the same key always gives the same
// runs.
type BaselineKey struct {
	Scenario string `json:"scenario"`
	Version  int    `json:"version"` // the scenario's content version
	Bot      string `json:"bot"`
	Runs     int    `json:"runs"`
	Seed     uint64 `json:"seed"`
}

// NewBaselineKey returns the key of sc's baseline for a bot.
func NewBaselineKey(sc *scenario.Scenario, bot string, runs int, seed uint64) BaselineKey {
	return BaselineKey{Scenario: sc.ID, Version: sc.Version, Bot: bot, Runs: runs, Seed: seed}
}

// String renders the key for messages.
func (k BaselineKey) String() string {
	return fmt.Sprintf("%s v%d, %s bot, %d runs, seed %d", k.Scenario, k.Version, k.Bot, k.Runs, k.Seed)
}

// docName is the storage document of a cached baseline.
func (k BaselineKey) docName() string {
	h := fnv.New64a()
	b, _ := json.Marshal(k)
	h.Write(b)
	return fmt.Sprintf("baseline-%016x.json", h.Sum64())
}

// Baseline is a scenario played many times by a bot: the same statistics
// as a group of the player's runs, for "you vs. typical".
type Baseline struct {
	Key BaselineKey `json:"key"`
	// Samples are the bot's runs in seed order; their codes replay them.
	Samples []Sample `json:"samples"`
	// Summary is computed from Samples (and recomputed when read from the
	// cache, never trusted from the file).
	Summary Summary `json:"-"`
}

// baselineDoc is a cached baseline as stored.
type baselineDoc struct {
	V       int         `json:"v"`
	Key     BaselineKey `json:"key"`
	Samples []Sample    `json:"samples"`
}

// BaselineSeed returns the seed of a baseline's i-th run. It is the seed
// the balance tool gives its i-th run for the same base seed, so a
// baseline's runs are exactly `careersim balance --seed SEED`'s.
func BaselineSeed(base uint64, i int) uint64 { return sim.RunSeed(base, i) }

// ComputeBaseline plays key.Runs runs of sc with key.Bot on every core and
// summarises them. It is deterministic (results are kept in seed order
// whatever the scheduling), touches no storage and no shared state, so the
// game can run it in a goroutine; cancelling ctx stops it early with
// ctx's error. Measured on the development machine (2 shared cores, the
// five bundled scenarios): 300 typical-bot runs take 80-220 ms, 300
// random-bot runs 15-40 ms; the cost is the bots' lookahead in the rules.
func ComputeBaseline(ctx context.Context, sc *scenario.Scenario, key BaselineKey) (*Baseline, error) {
	if sc == nil || key.Scenario != sc.ID || key.Version != sc.Version {
		return nil, fmt.Errorf("history: baseline %s does not match the scenario given", key)
	}
	if key.Runs < 1 || key.Runs > maxBaselineRuns {
		return nil, fmt.Errorf("history: baseline runs must be 1 to %d, not %d", maxBaselineRuns, key.Runs)
	}
	if _, err := sim.NewBot(sc, key.Bot); err != nil {
		return nil, fmt.Errorf("history: baseline: %v", err)
	}
	samples := make([]Sample, key.Runs)
	err := sim.ForEach(ctx, key.Runs, 0, func() func(int) error {
		return func(i int) error {
			// A fresh bot per run: a bot's scratch buffers can carry state
			// from one run into the next (sim.Bot reuses its odds buffer),
			// which would make a run depend on which worker played what
			// before it.
			bot, _ := sim.NewBot(sc, key.Bot)
			r := bot.Play(BaselineSeed(key.Seed, i), sim.Options{})
			samples[i] = Sample{Code: r.Code(), Outcome: r.Outcome()}
			return nil
		}
	})
	if err != nil {
		return nil, err
	}
	return &Baseline{Key: key, Samples: samples, Summary: Summarize(samples)}, nil
}

// maxBaselineDoc bounds a cached baseline read back.
const maxBaselineDoc = 8 << 20

// CachedBaseline returns the baseline stored for key, if there is a
// readable one. A damaged or stale cache is simply not found.
func (s *Store) CachedBaseline(key BaselineKey) (*Baseline, bool) {
	s.mu.Lock()
	data, truncated, err := readBounded(s.st, key.docName(), maxBaselineDoc)
	s.mu.Unlock()
	if err != nil || truncated {
		return nil, false
	}
	var doc baselineDoc
	if json.Unmarshal(data, &doc) != nil || doc.V != baselineVersion || doc.Key != key || len(doc.Samples) != key.Runs {
		return nil, false
	}
	for _, smp := range doc.Samples {
		if !knownCategory(smp.Outcome.Category) {
			return nil, false
		}
	}
	return &Baseline{Key: key, Samples: doc.Samples, Summary: Summarize(doc.Samples)}, true
}

// SaveBaseline caches a baseline (atomically) for CachedBaseline.
func (s *Store) SaveBaseline(b *Baseline) error {
	data, err := json.Marshal(baselineDoc{V: baselineVersion, Key: b.Key, Samples: b.Samples})
	if err != nil {
		return fmt.Errorf("history: %v", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.st.Write(b.Key.docName(), data); err != nil {
		return fmt.Errorf("history: caching baseline: %w", err)
	}
	return nil
}

// Baseline returns the cached baseline for key, or computes and caches it.
// A failure to cache is not an error: the baseline is still returned.
func (s *Store) Baseline(ctx context.Context, sc *scenario.Scenario, key BaselineKey) (*Baseline, error) {
	if b, ok := s.CachedBaseline(key); ok {
		return b, nil
	}
	b, err := ComputeBaseline(ctx, sc, key)
	if err != nil {
		return nil, err
	}
	_ = s.SaveBaseline(b)
	return b, nil
}
