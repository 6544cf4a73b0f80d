// The documentation of every key, and the defaults of the optional ones
// (from defaults.go). The key tables of docs/scenario-format.md and the JSON
// Schema (docs/scenario.schema.json) are generated from keyDocs; tests keep
// both current and every key of the Go types documented. Like the schema,
// this is for careersim and editors, not the game.

//go:build !js

package scenario

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/invopop/jsonschema"
)

// keyDoc documents one key.
type keyDoc struct {
	Key string
	// Default is the value used when the key is left out, as the schema
	// states it (nil: none, or one that Shown describes).
	Default any
	// Shown describes a default that is not a plain value ("`every`").
	Shown string
	// Doc says what the key means, in Markdown; editors show it too.
	Doc string
}

// embedDocs names what the effect keys do where a table embeds them.
var embedDocs = map[string]string{
	"RuleDef":    "applied every month when `when` holds",
	"ChoiceDef":  "applied when the player picks the choice, before its outcome's",
	"OutcomeDef": "applied when this outcome is rolled",
	"EndingDef":  "applied when the run ends here (e.g. unvested stock forfeited); the outcome axes see them. `follow_up`, `start_round` and `end` mean nothing once the run is over",
	"ResultDef":  "applied with the result",
	"LevelDef":   "applied on promotion to this level (a stock grant, a packet reset)",
	"RatingDef":  "applied with this rating",
}

const (
	docSource  = "a citation: a key of the calibration list or of `[sources]`, or free text"
	docIcon    = "icon name: cash, burn, revenue, runway, traction, morale, equity, level, rating, impact, visibility, politics, headcount, budget, skills, wellbeing, savings, autonomy, research, reputation, clock, team"
	docUnit    = "how the value is shown: `money` ($1.2M), `months`, `percent` (0-100), `fraction` (0-1 shown as %), `level`, `plain`"
	docSpeaker = "the person whose portrait the card shows: ceo, manager, investor, rival, mentor, recruiter, friend, director, chair or student"
	docActive  = "condition for the system to run, e.g. `\"at_startup\"`; while it is false the system does nothing"
	docBetter  = "which way is good for the player: `higher`, `lower` (e.g. burn) or `neither`; colours the deltas"
)

// keyDocs documents every key, by the Go type that holds it, in the order
// of the type's fields.
var keyDocs = map[string][]keyDoc{
	"File": {
		{Key: "format", Doc: "the format version: `1`, or `2` for phases, text variables and shared events"},
		{Key: "id", Doc: "stable id, lower case: `a-z`, `0-9`, `_`. Run codes and saves name it"},
		{Key: "version", Doc: "content version, from 1. **Bump it when a change alters how a run plays**: old run codes are then refused instead of replaying a different run"},
		{Key: "title", Doc: "title on the path card"},
		{Key: "track", Doc: "the path it belongs to (`startup`, `corporate`, `academia`...): runs are compared by track"},
		{Key: "role", Doc: "the player's role in one short line, e.g. \"Founding ML engineer, seed stage\""},
		{Key: "pitch", Doc: "one paragraph: what this path is"},
		{Key: "promise", Doc: "one sentence: what the path offers"},
		{Key: "price", Doc: "one sentence: what the path costs"},
		{Key: "months", Doc: "length of a run (1-240); the run ends at this month unless an ending comes first"},
		{Key: "start_age", Doc: "the player's age at month 1, shown in the HUD"},
		{Key: "start_phase", Shown: "the first phase", Doc: "the phase a run starts in"},
		{Key: "phases", Doc: "the phases of a career, `[phases.ID]`, in display order: employers, a job hunt, a startup"},
		{Key: "stats", Doc: "declared stats, `[stats.ID]`; effects may only change declared stats"},
		{Key: "derived", Doc: "derived stats, `[derived.ID]`: expressions recomputed after every change"},
		{Key: "monthly", Doc: "rules applied every month after the player's choice, `[[monthly]]`, in order"},
		{Key: "events", Doc: "the event cards, `[events.ID]`; one card is drawn each month"},
		{Key: "endings", Doc: "the endings, `[endings.ID]`, checked in file order"},
		{Key: "funding", Doc: "the funding-runway system: cash, burn, revenue and rounds"},
		{Key: "ladder", Doc: "the promotion-ladder system: levels, calibration, ratings and promotion"},
		{Key: "resource_fight", Doc: "the resource-fight system: planning cycles where teams contest a pool of headcount or budget"},
		{Key: "axes", Doc: "how the final state maps onto the outcome axes every path shares"},
		{Key: "calibration", Doc: "bands `careersim balance` checks over many simulated runs, `[[calibration]]`"},
		{Key: "sources", Doc: "citation keys of this scenario, `[sources.KEY]`, beside the bundled calibration list"},
		{Key: "bots", Doc: "tuning of the cautious and bold balance bots, or extra bots, `[bots.NAME]` (random, typical, first, second and last are shared and cannot be tuned)"},
	},
	"StatDef": {
		{Key: "label", Doc: "the name the player sees"},
		{Key: "initial", Doc: "value at month 1"},
		{Key: "min", Doc: "lowest value; every change is clamped to it"},
		{Key: "max", Doc: "highest value; every change is clamped to it"},
		{Key: "unit", Default: DefaultUnit, Doc: docUnit},
		{Key: "hidden", Default: false, Doc: "`true` keeps it off the HUD (it still works in expressions)"},
		{Key: "better", Default: DefaultBetter, Doc: docBetter},
		{Key: "icon", Doc: docIcon},
		{Key: "chart", Default: false, Doc: "`true` draws it on the ending screen's charts"},
		{Key: "help", Doc: "one sentence shown with the stat"},
		{Key: "source", Doc: docSource},
		{Key: "carry", Default: false, Doc: "`true`: a phase switch keeps the value (savings, skills, wellbeing, network...); otherwise it goes back to `initial` before the new phase's `enter`"},
		{Key: "active", Shown: "always", Doc: "condition for the HUD to show the stat, e.g. `\"at_startup\"` (`hidden` still wins)"},
		{Key: "key", Default: false, Doc: "`true` marks a stat that defines the path: a calm HUD shows key stats first and may keep the others behind a toggle"},
	},
	"DerivedDef": {
		{Key: "label", Doc: "the name the player sees"},
		{Key: "expr", Doc: "expression over stats, flags and built-ins, recomputed after every change, in file order"},
		{Key: "unit", Default: DefaultUnit, Doc: docUnit},
		{Key: "hidden", Default: false, Doc: "`true` keeps it off the HUD"},
		{Key: "better", Default: DefaultBetter, Doc: docBetter},
		{Key: "icon", Doc: docIcon},
		{Key: "chart", Default: false, Doc: "`true` draws it on the ending screen's charts"},
		{Key: "help", Doc: "one sentence shown with the stat"},
		{Key: "min", Doc: "lower end of the HUD bar (with `max`, also bounds the value)"},
		{Key: "max", Doc: "upper end of the HUD bar (with `min`, also bounds the value)"},
		{Key: "source", Doc: docSource},
		{Key: "active", Shown: "always", Doc: "condition for the HUD to show the stat (`hidden` still wins)"},
		{Key: "key", Default: false, Doc: "`true` marks a stat that defines the path (see stats)"},
	},
	"PhaseDef": {
		{Key: "label", Doc: "the phase's name on the HUD, the ending's timeline and balance output, e.g. \"Big company\""},
		{Key: "track", Shown: "the file's `track`", Doc: "the path this phase belongs to (`startup`, `corporate`, `between` for a job hunt...): what compare groups by"},
		{Key: "scene", Doc: "the phase's illustration: startup, campus, manager, lab, science, mlops or between"},
		{Key: "enter", Doc: "effects applied on entering the phase, after the stats without `carry` went back to `initial`; it cannot switch phase"},
		{Key: "vesting", Doc: "stock that vests while in this phase, `[phases.ID.vesting]`"},
	},
	"VestingDef": {
		{Key: "grant", Doc: "money granted, evaluated once on entering the phase (expression)"},
		{Key: "months", Doc: "the vesting period in months; the month of entry counts as the first"},
		{Key: "cliff", Default: 0, Doc: "months with nothing vested; at the cliff its share vests at once, then the rest monthly"},
		{Key: "into", Doc: "stat the vested money is added to"},
	},
	"Effects": {
		{Key: "effects", Doc: "changes added to stats: `effects = { morale = -5, cash = \"-burn * 2\" }`"},
		{Key: "set", Doc: "stats set to a value: `set = { burn = \"burn * 0.8\" }`"},
		{Key: "flags", Doc: "flags turned on: `flags = [\"pivoted\"]`. A flag exists by being set somewhere; conditions name it like a stat (`pivoted`, `!pivoted`)"},
		{Key: "clear", Doc: "flags turned off"},
		{Key: "follow_up", Doc: "schedules an event N months on: `follow_up = { event = \"id\", after = 3 }` (dropped if its `when` no longer holds then; a follow-up ignores the event's `max` and `cooldown`)"},
		{Key: "follow_ups", Doc: "several at once: `follow_ups = [{ event = \"a\", after = 2 }, { event = \"b\", after = 4 }]`"},
		{Key: "start_round", Doc: "starts raising this funding round (an id of `[funding.rounds]`)"},
		{Key: "end", Doc: "ends the run at once with this ending id"},
		{Key: "phase", Doc: "switches to this phase (an id of `[phases]`) after the effect's other changes; switching to the phase you are in starts a new stint"},
	},
	"FollowUpDef": {
		{Key: "event", Doc: "the event id"},
		{Key: "after", Doc: "months from now (1 = next month)"},
	},
	"RuleDef": {
		{Key: "label", Doc: "shown in the month's report, e.g. \"Rent and food\""},
		{Key: "when", Shown: "always", Doc: "condition; the rule applies only while it holds"},
	},
	"EventDef": {
		{Key: "title", Doc: "the card's title"},
		{Key: "text", Doc: "the situation, in the second person, concretely, a few sentences"},
		{Key: "when", Shown: "always", Doc: "condition for the event to be drawn"},
		{Key: "weight", Default: DefaultWeight, Doc: "relative weight among eligible random events (number or expression)"},
		{Key: "trigger", Default: DefaultTrigger, Doc: "`random`: drawn by weight; `scheduled`: shown as soon as `when` holds; `follow_up`: only when a choice schedules it; `shared` (format 2): never drawn, a workshop facilitator injects it for the whole room"},
		{Key: "max", Shown: "0 (1 when scheduled)", Doc: "times it may fire in a run (0 = no limit)"},
		{Key: "cooldown", Default: 0, Doc: "months before it may fire again"},
		{Key: "icon", Doc: docIcon},
		{Key: "source", Doc: docSource},
		{Key: "phases", Shown: "every phase", Doc: "the phases the event may fire in (with `when`), e.g. `[\"bigco\", \"startup\"]`"},
		{Key: "speaker", Doc: docSpeaker},
		{Key: "choices", Doc: "2 to 4 choices, `[[events.ID.choices]]`"},
		{Key: "variants", Doc: "other titles and texts by situation, `[[events.ID.variants]]`: the first whose `when` holds replaces what it gives"},
	},
	"EventVariantDef": {
		{Key: "when", Doc: "condition for this variant (an event's own names, such as `seen`, are known)"},
		{Key: "title", Shown: "the event's", Doc: "the title instead"},
		{Key: "text", Shown: "the event's", Doc: "the text instead"},
		{Key: "speaker", Shown: "the event's", Doc: "the speaker instead"},
	},
	"ChoiceVariantDef": {
		{Key: "when", Doc: "condition for this variant"},
		{Key: "label", Shown: "the choice's", Doc: "the label instead"},
		{Key: "blocked", Shown: "the choice's", Doc: "the blocked reason instead"},
		{Key: "text", Shown: "the choice's", Doc: "the result text instead"},
	},
	"EndingVariantDef": {
		{Key: "when", Doc: "condition for this variant, checked on the final state"},
		{Key: "title", Shown: "the ending's", Doc: "the title instead"},
		{Key: "text", Shown: "the ending's", Doc: "the text instead"},
	},
	"ChoiceDef": {
		{Key: "label", Doc: "what the player clicks"},
		{Key: "when", Shown: "always", Doc: "condition for the choice to be available"},
		{Key: "blocked", Doc: "why it is unavailable, shown on the greyed-out choice (required with `when` unless `hide = true`)"},
		{Key: "hide", Default: false, Doc: "`true` hides the choice instead of greying it out while its condition is false"},
		{Key: "text", Doc: "what happened and **why**, so the player can trace the consequence (required without outcomes)"},
		{Key: "show_odds", Default: DefaultShowOdds, Doc: "`false` hides the odds before the pick (the roll is still shown after); planning with odds is part of the lesson"},
		{Key: "source", Doc: docSource},
		{Key: "outcomes", Doc: "probabilistic results, `[[…choices.outcomes]]`; the choice's own effects apply first, then the rolled outcome's"},
		{Key: "effort", Doc: "`[resource_fight]` options only: effort added to your team's base effort"},
		{Key: "speaker", Doc: docSpeaker},
		{Key: "variants", Doc: "other labels and texts by situation, `[[…choices.variants]]`: the first whose `when` holds replaces what it gives"},
	},
	"OutcomeDef": {
		{Key: "label", Doc: "a few words naming the outcome next to its odds, e.g. \"the pilot converts\""},
		{Key: "chance", Shown: "what the others leave", Doc: "probability 0-1 (number or expression); one outcome may leave it out. Chances adding up to more than 1 at run time are scaled down to fit"},
		{Key: "text", Doc: "what happened and why"},
		{Key: "source", Doc: docSource},
	},
	"EndingDef": {
		{Key: "title", Doc: "the ending's title"},
		{Key: "text", Doc: "what became of you"},
		{Key: "category", Doc: "`thrived`, `good`, `survived`, `struggled` or `failed`"},
		{Key: "when", Doc: "condition checked after every month, in file order (or only when the months run out, with `at_end`). An ending with neither `when` nor `at_end` is reached only through an `end` effect or a system (`out_of_cash`, `out_ending`)"},
		{Key: "at_end", Default: false, Doc: "`true`: checked only when the months run out. One `at_end` ending without `when` must exist: the fallback"},
		{Key: "source", Doc: docSource},
		{Key: "variants", Doc: "other titles and texts by how the run went, `[[endings.ID.variants]]`: the first whose `when` holds replaces what it gives"},
	},
	"FundingDef": {
		{Key: "cash", Doc: "stat holding the company's cash; every month cash += revenue − burn"},
		{Key: "burn", Doc: "stat holding monthly spending"},
		{Key: "revenue", Doc: "stat holding monthly revenue"},
		{Key: "equity", Doc: "stat holding your ownership (fraction); each closed round multiplies it by (1 − dilution)"},
		{Key: "valuation", Doc: "stat set to the post-money valuation (amount ÷ dilution) when a round closes"},
		{Key: "raised", Doc: "stat adding up all money raised"},
		{Key: "out_of_cash", Doc: "the ending reached when cash falls below zero (required unless `broke` is given)"},
		{Key: "broke", Doc: "instead of `out_of_cash`: `text` and effects applied once when cash falls below zero while funding is active, e.g. `phase = \"hunt\"` and what a dead company does to you; the run goes on"},
		{Key: "rounds", Doc: "the rounds, `[funding.rounds.ID]`, raised in file order, each once"},
		{Key: "source", Doc: docSource},
		{Key: "active", Shown: "always", Doc: docActive + "; on becoming active no raise is in progress, the next round is the first and `rounds_closed` is 0"},
	},
	"RoundDef": {
		{Key: "label", Doc: "e.g. \"Seed\", \"Series A\""},
		{Key: "when", Shown: "always", Doc: "when the round may start (the previous round must have closed)"},
		{Key: "amount", Doc: "money raised on success (expression)"},
		{Key: "dilution", Doc: "share of the company sold, 0-1 (expression)"},
		{Key: "months", Doc: "how many months a raise takes before it resolves (1-24)"},
		{Key: "chance", Doc: "probability the raise succeeds, evaluated when it resolves: make it an expression of traction, the market and runway"},
		{Key: "retry_after", Default: DefaultRetryAfter, Doc: "months before the offer returns after a no or a failure"},
		{Key: "offer", Doc: "the card that offers the round, `[…offer]`; without it only a choice's `start_round` starts it"},
		{Key: "while_raising", Doc: "effects every month of the raise: the focus it costs"},
		{Key: "success", Doc: "`text` and effects when the round closes"},
		{Key: "failure", Doc: "`text` and effects when the raise fails"},
		{Key: "source", Doc: docSource},
	},
	"OfferDef": {
		{Key: "title", Doc: "the offer card's title"},
		{Key: "text", Doc: "the offer card's text"},
		{Key: "start", Default: DefaultOfferStart, Doc: "label of the choice that starts raising"},
		{Key: "wait", Default: DefaultOfferWait, Doc: "label of the choice that waits"},
	},
	"ResultDef": {
		{Key: "text", Doc: "what happened and why"},
	},
	"LadderDef": {
		{Key: "level", Doc: "stat holding the level index (0 = first); its bounds must allow every level"},
		{Key: "salary", Doc: "stat set to the level's monthly `pay` on promotion"},
		{Key: "rating", Doc: "stat set at each calibration (1 = lowest rating)"},
		{Key: "every", Doc: "months between calibrations (1-24)"},
		{Key: "first", Shown: "`every`", Doc: "month of the first calibration"},
		{Key: "score", Doc: "your performance score (expression of impact, visibility, sponsor...)"},
		{Key: "noise", Default: 0, Doc: "standard deviation of the luck added to the score"},
		{Key: "peer_mean", Doc: "mean score of the peers you are calibrated against"},
		{Key: "peer_spread", Doc: "standard deviation of the peers' scores"},
		{Key: "promote_if", Default: DefaultPromoteIf, Doc: "condition for promotion at a calibration (built-ins: `good_ratings`, `last_rating`, `months_in_level`)"},
		{Key: "out_ending", Doc: "the ending for up-or-out, and for `low_strikes`"},
		{Key: "low_strikes", Default: 0, Doc: "lowest ratings in a row that lead to `out_ending` (0 = never)"},
		{Key: "levels", Doc: "the levels, lowest first, `[[ladder.levels]]`"},
		{Key: "ratings", Doc: "the ratings, best first, `[[ladder.ratings]]`; their quotas add up to 1"},
		{Key: "source", Doc: docSource},
		{Key: "active", Shown: "always", Doc: docActive + "; on becoming active time in level, good ratings, the last rating and low strikes go to 0, the level to `start_level` and the salary to its pay, and calibrations count `first` and `every` from that month"},
		{Key: "start_level", Default: 0, Doc: "level index on becoming active (expression, evaluated then)"},
	},
	"LevelDef": {
		{Key: "title", Doc: "the level's title"},
		{Key: "pay", Doc: "monthly pay at this level"},
		{Key: "min_months", Default: 0, Doc: "months in level before a promotion is possible"},
		{Key: "max_months", Default: 0, Doc: "up-or-out: months in level after which `out_ending` is reached (0 = no limit)"},
		{Key: "source", Doc: docSource},
	},
	"RatingDef": {
		{Key: "label", Doc: "the rating's name"},
		{Key: "quota", Doc: "share of peers given this rating (0-1)"},
		{Key: "good", Default: false, Doc: "counts towards promotion (`good_ratings`)"},
		{Key: "text", Doc: "what the rating means for you"},
	},
	"FightDef": {
		{Key: "title", Doc: "the planning card's title, e.g. \"Planning cycle\""},
		{Key: "text", Doc: "the planning card's text"},
		{Key: "every", Doc: "months between planning cycles (1-24)"},
		{Key: "first", Shown: "`every`", Doc: "month of the first cycle"},
		{Key: "pool", Doc: "size of the contested pool (expression)"},
		{Key: "pool_unit", Default: DefaultUnit, Doc: "how the pool is shown (a unit, as for stats)"},
		{Key: "pool_name", Doc: "what the pool is, e.g. \"new hires\""},
		{Key: "effort", Doc: "your team's base effort (expression of political capital, impact...)"},
		{Key: "exponent", Default: DefaultExponent, Doc: "contest exponent r in share = effort^r ÷ Σ effort^r: a multiple of 0.5 from 0.5 to 4"},
		{Key: "luck", Default: DefaultLuck, Doc: "each effort is multiplied by a random factor between 1 − luck and 1 + luck (0-0.9)"},
		{Key: "rivals", Doc: "the rival teams, `[[resource_fight.rivals]]`"},
		{Key: "options", Doc: "your options at the cycle (2-4), `[[resource_fight.options]]`: choices with an extra `effort`"},
		{Key: "award", Doc: "effects of the split; its expressions may use `share` (0-1) and `award` (share × pool)"},
		{Key: "source", Doc: docSource},
		{Key: "active", Shown: "always", Doc: docActive + "; planning cycles count `first` and `every` from the month it becomes active"},
	},
	"RivalDef": {
		{Key: "name", Doc: "the team's name"},
		{Key: "strength", Doc: "the team's effort (expression)"},
	},
	"AxesDef": {
		{Key: "wealth", Doc: "money gained (net worth)"},
		{Key: "level", Doc: "seniority on a shared 0-10 scale: 0 new grad or PhD student, 2 mid-level, 3 senior or assistant professor, 4 staff or first-line manager, 5 principal or director, 8 executive"},
		{Key: "skills", Doc: "0-100"},
		{Key: "wellbeing", Doc: "0-100"},
		{Key: "autonomy", Doc: "0-100"},
		{Key: "title", Shown: "the ladder level", Doc: "index into `titles`: the title reached"},
		{Key: "titles", Shown: "the ladder's level titles", Doc: "the titles `title` indexes"},
	},
	"CalibrationDef": {
		{Key: "id", Doc: "the band's id"},
		{Key: "label", Doc: "what the band measures, in words"},
		{Key: "bot", Default: DefaultBandBot, Doc: "whose runs are measured: random, typical, cautious, bold, or one of `[bots]`"},
		{Key: "metric", Doc: "`share`: share of runs where `when` holds at the end; `median_month`: median month in which `when` first held (runs where it never held count as never)"},
		{Key: "when", Doc: "the condition measured (required unless `endings` is given)"},
		{Key: "endings", Doc: "`share` only: count runs that ended in one of these endings (and satisfy `when`, if given)"},
		{Key: "among", Shown: "all runs", Doc: "only count runs where this holds at the end"},
		{Key: "min", Doc: "lowest value that passes"},
		{Key: "max", Doc: "highest value that passes"},
		{Key: "source", Doc: docSource},
	},
	"SourceDef": {
		{Key: "fact", Doc: "the fact, in one sentence"},
		{Key: "source", Doc: "where it comes from"},
	},
	"BotDef": {
		{Key: "description", Doc: "what the bot stands for, in a line"},
		{Key: "score", Shown: "a blend of the outcome axes", Doc: "what the bot values (expression)"},
		{Key: "risk", Default: 0, Doc: "−1 judges a choice by its worst outcome, 0 by the expected, 1 by the best"},
		{Key: "explore", Default: 0, Doc: "share of decisions taken at random (0-1)"},
		{Key: "lookahead", Default: DefaultLookahead, Doc: "months of running costs simulated after each option (0-12)"},
	},
}

// docTypes maps the name of every type a scenario file is made of to the
// type, walking from File.
func docTypes() map[string]reflect.Type {
	out := map[string]reflect.Type{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || t == exprType {
			return
		}
		if _, seen := out[t.Name()]; seen {
			return
		}
		out[t.Name()] = t
		for i := 0; i < t.NumField(); i++ {
			walk(t.Field(i).Type)
		}
	}
	walk(reflect.TypeOf(File{}))
	return out
}

// docRow is one key of a type as the documentation lists it.
type docRow struct {
	keyDoc
	required bool
	// embedded names the type whose keys are embedded here (Effects).
	embedded string
	format2  bool
}

// docRows lists a type's keys in field order, each with its documentation;
// an embedded struct gives one row for all its keys.
func docRows(t reflect.Type) ([]docRow, error) {
	docs := map[string]keyDoc{}
	for _, d := range keyDocs[t.Name()] {
		docs[d.Key] = d
	}
	var rows []docRow
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous {
			rows = append(rows, docRow{embedded: f.Type.Name()})
			continue
		}
		key := f.Tag.Get("toml")
		if key == "" || key == "-" {
			continue
		}
		d, ok := docs[key]
		if !ok || d.Doc == "" {
			return nil, fmt.Errorf("key %q of %s has no documentation in keyDocs", key, t.Name())
		}
		delete(docs, key)
		rows = append(rows, docRow{keyDoc: d, required: strings.Contains(f.Tag.Get("jsonschema"), "required"), format2: f.Tag.Get("since") == "2"})
	}
	for k := range docs {
		return nil, fmt.Errorf("keyDocs documents %s.%s, which the type does not have", t.Name(), k)
	}
	return rows, nil
}

// defaultText renders a default as the documentation shows it.
func (d keyDoc) defaultText() string {
	switch {
	case d.Shown != "":
		return d.Shown
	case d.Default == nil:
		return ""
	}
	if s, ok := d.Default.(string); ok {
		return "`" + strconv.Quote(s) + "`"
	}
	return fmt.Sprintf("`%v`", d.Default)
}

// keyTable renders the Markdown table of a type's keys.
func keyTable(t reflect.Type) (string, error) {
	rows, err := docRows(t)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString("| key | default | meaning |\n|---|---|---|\n")
	for _, r := range rows {
		if r.embedded != "" {
			fmt.Fprintf(&b, "| [effects](#effects) | | %s |\n", embedDocs[t.Name()])
			continue
		}
		def := r.defaultText()
		if r.required {
			def = "required"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", r.Key, def, strings.ReplaceAll(r.text(), "|", "\\|"))
	}
	return b.String(), nil
}

var keyBlock = regexp.MustCompile(`(?s)<!-- keys ([A-Za-z]+) -->\n.*?<!-- /keys -->`)

// UpdateKeyTables rewrites every `<!-- keys TYPE -->` … `<!-- /keys -->`
// block of a Markdown document with the table of that type's keys.
func UpdateKeyTables(doc []byte) ([]byte, error) {
	types := docTypes()
	var failed error
	out := keyBlock.ReplaceAllFunc(doc, func(m []byte) []byte {
		name := string(keyBlock.FindSubmatch(m)[1])
		t, ok := types[name]
		if !ok {
			failed = fmt.Errorf("<!-- keys %s -->: no such type in the scenario format", name)
			return m
		}
		table, err := keyTable(t)
		if err != nil {
			failed = err
			return m
		}
		return []byte("<!-- keys " + name + " -->\n" + table + "<!-- /keys -->")
	})
	return out, failed
}

// describeSchema puts each key's documentation and default into the
// reflected schema.
func describeSchema(defs map[string]*jsonschema.Schema) error {
	for name, t := range docTypes() {
		def, ok := defs[name]
		if !ok {
			return fmt.Errorf("schema has no definition of %s", name)
		}
		var walk func(t reflect.Type) error
		walk = func(t reflect.Type) error {
			rows, err := docRows(t)
			if err != nil {
				return err
			}
			for _, r := range rows {
				if r.embedded != "" {
					et, _ := t.FieldByName(r.embedded)
					if err := walk(et.Type); err != nil {
						return err
					}
					continue
				}
				p, ok := def.Properties.Get(r.Key)
				if !ok {
					return fmt.Errorf("schema of %s has no property %s", name, r.Key)
				}
				p.Description = r.text()
				if r.Shown != "" {
					p.Description += " Default: " + strings.Trim(r.Shown, "`") + "."
				} else if r.Default != nil {
					p.Default = r.Default
				}
			}
			return nil
		}
		if err := walk(t); err != nil {
			return err
		}
	}
	return nil
}

// text is the row's meaning, marked when the key needs format 2.
func (r docRow) text() string {
	if r.format2 {
		return "*(format 2)* " + r.Doc
	}
	return r.Doc
}
