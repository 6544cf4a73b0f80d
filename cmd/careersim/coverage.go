package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/BurntSushi/toml"

	"runwayladder/game/scenario"
	"runwayladder/game/sim"
)

// coverageDoc is docs/source-coverage.toml: every claim of the source text,
// what makes a player feel it, and the cards where they meet it.
type coverageDoc struct {
	Title    string            `toml:"title"`
	Intro    string            `toml:"intro"`
	Sections []coverageSection `toml:"section"`
}

type coverageSection struct {
	Title string        `toml:"title"`
	Rows  []coverageRow `toml:"row"`
}

type coverageRow struct {
	Claim string `toml:"claim"`
	// Feel says what the player lives through: the consequence that
	// teaches the claim.
	Feel string `toml:"feel"`
	// Cards are where the player meets it: "scenario/event",
	// "scenario/planning" (the planning cycle) or "scenario/ending:ID".
	Cards []string `toml:"cards"`
	// Gap says honestly what the rules do not deliver.
	Gap string `toml:"gap"`
}

// coverageCard is a parsed card reference.
type coverageCard struct {
	ref, scenario, kind, id string // kind: event, planning, ending
}

// metShare is the share of typical runs a lesson must reach in some path
// to count as met in typical play.
const metShare = 0.25

// cmdCoverage measures, for every claim of the source text, the share of
// typical-bot runs that meet one of the cards that make a player feel it,
// and writes docs/source-coverage.md (make coverage-report).
func cmdCoverage(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("coverage", stderr)
	in := fs.String("in", "docs/source-coverage.toml", "the claims and their cards")
	runs := fs.Int("runs", 2000, "typical-bot runs per scenario")
	seed := fs.Uint64("seed", 1, "base seed")
	var dirs dirsFlag
	fs.Var(&dirs, "scenarios", "extra scenario folder (repeatable)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *runs < 1 || *runs > 1_000_000 {
		fmt.Fprintln(stderr, "careersim coverage: --runs must be 1 to 1000000")
		return 2
	}
	scs, err := library(dirs, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "careersim:", err)
		return 1
	}
	data, err := os.ReadFile(*in)
	if err != nil {
		fmt.Fprintln(stderr, "careersim coverage:", err)
		return 1
	}
	var doc coverageDoc
	if _, err := toml.Decode(string(data), &doc); err != nil {
		fmt.Fprintf(stderr, "careersim coverage: %s: %v\n", *in, err)
		return 1
	}
	cards, err := parseCoverage(doc, scs, *in)
	if err != nil {
		fmt.Fprintln(stderr, "careersim coverage:", err)
		return 1
	}
	met, err := measureCoverage(scs, cards, *runs, *seed, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "careersim coverage:", err)
		return 1
	}
	writeCoverage(stdout, doc, scs, cards, met, *runs, *seed)
	return 0
}

// parseCoverage checks every card reference against the scenarios; cards
// are returned per row, in document order.
func parseCoverage(doc coverageDoc, scs []*scenario.Scenario, file string) ([][]coverageCard, error) {
	var out [][]coverageCard
	var bad []string
	for si, sec := range doc.Sections {
		for ri, row := range sec.Rows {
			where := fmt.Sprintf("%s: section %d (%s), row %d", file, si+1, sec.Title, ri+1)
			if row.Claim == "" || row.Feel == "" {
				bad = append(bad, where+": needs a claim and what the player feels")
			}
			if len(row.Cards) == 0 {
				bad = append(bad, where+": names no card where the player meets it")
			}
			var cs []coverageCard
			for _, ref := range row.Cards {
				c, err := parseCard(ref, scs)
				if err != nil {
					bad = append(bad, fmt.Sprintf("%s: %v", where, err))
					continue
				}
				cs = append(cs, c)
			}
			out = append(out, cs)
		}
	}
	if len(bad) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(bad, "\n"))
	}
	return out, nil
}

func parseCard(ref string, scs []*scenario.Scenario) (coverageCard, error) {
	sid, rest, ok := strings.Cut(ref, "/")
	if !ok {
		return coverageCard{}, fmt.Errorf("card %q: write scenario/event, scenario/planning or scenario/ending:ID", ref)
	}
	sc, found := scenario.Find(scs, sid)
	if !found {
		return coverageCard{}, fmt.Errorf("card %q: no scenario %q", ref, sid)
	}
	c := coverageCard{ref: ref, scenario: sid}
	switch {
	case rest == "planning":
		if sc.Fight == nil {
			return c, fmt.Errorf("card %q: %s has no planning cycle", ref, sid)
		}
		c.kind = "planning"
	case strings.HasPrefix(rest, "ending:"):
		c.kind, c.id = "ending", strings.TrimPrefix(rest, "ending:")
		if _, ok := sc.EndingIndex(c.id); !ok {
			return c, fmt.Errorf("card %q: %s has no ending %q", ref, sid, c.id)
		}
	default:
		c.kind, c.id = "event", rest
		if _, ok := sc.EventIndex(rest); !ok {
			return c, fmt.Errorf("card %q: %s has no event %q", ref, sid, rest)
		}
	}
	return c, nil
}

// coverageRuns holds, per scenario, what each typical run met.
type coverageRuns struct {
	events  [][]bool // per run, per event: its card was shown
	planned []bool
	endings []string
}

// measureCoverage plays the typical bot in every scenario a card names.
func measureCoverage(scs []*scenario.Scenario, cards [][]coverageCard, runs int, seed uint64, stderr io.Writer) (map[string]*coverageRuns, error) {
	need := map[string]bool{}
	for _, row := range cards {
		for _, c := range row {
			need[c.scenario] = true
		}
	}
	out := map[string]*coverageRuns{}
	for _, sc := range scs {
		if !need[sc.ID] {
			continue
		}
		fmt.Fprintf(stderr, "coverage: %s\n", sc.ID)
		bot, err := sim.NewBot(sc, "typical")
		if err != nil {
			return nil, err
		}
		cr := &coverageRuns{}
		for i := 0; i < runs; i++ {
			r := bot.Play(sim.RunSeed(seed, i), sim.Options{})
			st := r.State()
			met := make([]bool, len(sc.Events))
			planned := false
			for _, s := range st.Steps {
				switch s.Card.Kind {
				case sim.CardEvent:
					met[s.Card.Index] = true
				case sim.CardFight:
					planned = true
				}
			}
			cr.events = append(cr.events, met)
			cr.planned = append(cr.planned, planned)
			cr.endings = append(cr.endings, st.Ending)
		}
		out[sc.ID] = cr
	}
	return out, nil
}

// share is the share of a scenario's runs that met any of the cards.
func (cr *coverageRuns) share(sc *scenario.Scenario, cards []coverageCard) float64 {
	n := 0
	for i := range cr.events {
		for _, c := range cards {
			if cr.meets(sc, i, c) {
				n++
				break
			}
		}
	}
	return float64(n) / float64(len(cr.events))
}

func (cr *coverageRuns) meets(sc *scenario.Scenario, run int, c coverageCard) bool {
	switch c.kind {
	case "planning":
		return cr.planned[run]
	case "ending":
		return cr.endings[run] == c.id
	}
	k, _ := sc.EventIndex(c.id)
	return cr.events[run][k]
}

func writeCoverage(w io.Writer, doc coverageDoc, scs []*scenario.Scenario, cards [][]coverageCard, met map[string]*coverageRuns, runs int, seed uint64) {
	byID := map[string]*scenario.Scenario{}
	for _, sc := range scs {
		byID[sc.ID] = sc
	}
	fmt.Fprintf(w, "# %s\n\n", doc.Title)
	fmt.Fprintf(w, "Made by `make coverage-report` (`careersim coverage --runs %d --seed %d`) from `source-coverage.toml`: edit that file, not this one.\n\n", runs, seed)
	fmt.Fprintln(w, strings.TrimSpace(doc.Intro))
	total, counted, partly := 0, 0, 0
	var rows strings.Builder
	k := 0
	for _, sec := range doc.Sections {
		fmt.Fprintf(&rows, "\n## %s\n\n| claim | what the player lives through | typical runs that meet it |\n|---|---|---|\n", sec.Title)
		for _, row := range sec.Rows {
			cs := cards[k]
			k++
			total++
			// Per scenario, the share of typical runs meeting any card.
			var ids []string
			per := map[string][]coverageCard{}
			for _, c := range cs {
				if per[c.scenario] == nil {
					ids = append(ids, c.scenario)
				}
				per[c.scenario] = append(per[c.scenario], c)
			}
			best := 0.0
			var shares []string
			for _, id := range ids {
				s := met[id].share(byID[id], per[id])
				best = max(best, s)
				shares = append(shares, fmt.Sprintf("%s %.0f%%", id, s*100))
			}
			verdict := strings.Join(shares, "; ")
			if best >= metShare {
				counted++
				if row.Gap != "" {
					partly++
				}
			} else {
				verdict += fmt.Sprintf(" — **rare in typical play** (under %.0f%% everywhere)", metShare*100)
			}
			feel := strings.TrimSpace(row.Feel) + " Cards: " + cardList(cs, met, byID) + "."
			if row.Gap != "" {
				feel += " *Not delivered:* " + strings.TrimSpace(row.Gap)
			}
			fmt.Fprintf(&rows, "| %s | %s | %s |\n", oneLine(row.Claim), oneLine(feel), verdict)
		}
	}
	fmt.Fprintf(w, "\n%d of %d claims are met in typical play: at least %.0f%% of the typical player's runs of some path meet one of their cards (the last column gives, per path, the share of runs that meet any of the row's cards). %d of them are only partly delivered: their row says what is missing.\n", counted, total, metShare*100, partly)
	fmt.Fprint(w, rows.String())
}

// cardList names a row's cards with the share of typical runs that meet
// each: events as `scenario/event` (checked by the scenario tests).
func cardList(cs []coverageCard, met map[string]*coverageRuns, byID map[string]*scenario.Scenario) string {
	var parts []string
	for _, c := range cs {
		s := met[c.scenario].share(byID[c.scenario], []coverageCard{c})
		name := "`" + c.ref + "`"
		switch c.kind {
		case "planning":
			name = c.scenario + "'s planning cycle"
		case "ending":
			i, _ := byID[c.scenario].EndingIndex(c.id)
			name = fmt.Sprintf("%s's ending *%s*", c.scenario, byID[c.scenario].Endings[i].Title)
		}
		parts = append(parts, fmt.Sprintf("%s (%.0f%%)", name, s*100))
	}
	return strings.Join(parts, ", ")
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	return strings.ReplaceAll(s, "|", "\\|")
}
