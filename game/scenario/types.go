package scenario

// This file holds the scenario format as authors write it (format versions 1
// and 2). A field tagged `since:"2"` is a format-2 key: a format-1 file that
// uses it is told it needs format = 2.
// The same types drive the decoder (decode.go), the JSON Schema (schema.go)
// and the key tables of docs/scenario-format.md: the `toml` tag is the key,
// the `jsonschema` tag says whether it is required (and its enum); what each
// key means and its default are in keys.go and defaults.go.

// FormatVersion is the newest scenario format version this build reads; it
// reads every version from 1.
const FormatVersion = 2

// File is one scenario file as written by an author.
type File struct {
	Format   int    `toml:"format" jsonschema:"required"`
	ID       string `toml:"id" jsonschema:"required"`
	Version  int    `toml:"version" jsonschema:"required"`
	Title    string `toml:"title" jsonschema:"required"`
	Track    string `toml:"track" jsonschema:"required"`
	Role     string `toml:"role"`
	Pitch    string `toml:"pitch" jsonschema:"required"`
	Promise  string `toml:"promise" jsonschema:"required"`
	Price    string `toml:"price" jsonschema:"required"`
	Months   int    `toml:"months" jsonschema:"required"`
	StartAge int    `toml:"start_age"`
	// StartPhase is the phase a run starts in (default: the first).
	StartPhase string `toml:"start_phase" since:"2"`

	Phases      map[string]PhaseDef   `toml:"phases" since:"2"`
	Stats       map[string]StatDef    `toml:"stats" jsonschema:"required"`
	Derived     map[string]DerivedDef `toml:"derived"`
	Monthly     []RuleDef             `toml:"monthly"`
	Events      map[string]EventDef   `toml:"events" jsonschema:"required"`
	Endings     map[string]EndingDef  `toml:"endings" jsonschema:"required"`
	Funding     *FundingDef           `toml:"funding"`
	Ladder      *LadderDef            `toml:"ladder"`
	Fight       *FightDef             `toml:"resource_fight"`
	Axes        AxesDef               `toml:"axes" jsonschema:"required"`
	Calibration []CalibrationDef      `toml:"calibration"`
	Sources     map[string]SourceDef  `toml:"sources"`
	Bots        map[string]BotDef     `toml:"bots"`
}

// StatDef declares one stat.
type StatDef struct {
	Label   string  `toml:"label" jsonschema:"required"`
	Initial float64 `toml:"initial" jsonschema:"required"`
	Min     float64 `toml:"min" jsonschema:"required"`
	Max     float64 `toml:"max" jsonschema:"required"`
	Unit    string  `toml:"unit" jsonschema:"enum=money,enum=months,enum=percent,enum=level,enum=plain,enum=fraction"`
	Hidden  bool    `toml:"hidden"`
	Better  string  `toml:"better" jsonschema:"enum=higher,enum=lower,enum=neither"`
	Icon    string  `toml:"icon"`
	Chart   bool    `toml:"chart"`
	Help    string  `toml:"help"`
	Source  string  `toml:"source"`
	Carry   bool    `toml:"carry" since:"2"`
	Active  Expr    `toml:"active" since:"2"`
	Key     bool    `toml:"key"`
}

// DerivedDef declares a stat computed from others.
type DerivedDef struct {
	Label  string   `toml:"label" jsonschema:"required"`
	Expr   Expr     `toml:"expr" jsonschema:"required"`
	Unit   string   `toml:"unit" jsonschema:"enum=money,enum=months,enum=percent,enum=level,enum=plain,enum=fraction"`
	Hidden bool     `toml:"hidden"`
	Better string   `toml:"better" jsonschema:"enum=higher,enum=lower,enum=neither"`
	Icon   string   `toml:"icon"`
	Chart  bool     `toml:"chart"`
	Help   string   `toml:"help"`
	Min    *float64 `toml:"min"`
	Max    *float64 `toml:"max"`
	Source string   `toml:"source"`
	Active Expr     `toml:"active" since:"2"`
	Key    bool     `toml:"key"`
}

// PhaseDef is one phase of a career: an employer, a job hunt, a startup.
type PhaseDef struct {
	Label   string      `toml:"label" jsonschema:"required"`
	Track   string      `toml:"track"`
	Scene   string      `toml:"scene"`
	Enter   *Effects    `toml:"enter"`
	Vesting *VestingDef `toml:"vesting"`
}

// VestingDef is stock that vests while in a phase.
type VestingDef struct {
	Grant  Expr   `toml:"grant" jsonschema:"required"`
	Months int    `toml:"months" jsonschema:"required"`
	Cliff  int    `toml:"cliff"`
	Into   string `toml:"into" jsonschema:"required"`
}

// Effects are the changes a choice, outcome, rule or system result makes.
type Effects struct {
	Add        map[string]Expr `toml:"effects"`
	Set        map[string]Expr `toml:"set"`
	SetFlags   []string        `toml:"flags"`
	Clear      []string        `toml:"clear"`
	FollowUp   *FollowUpDef    `toml:"follow_up"`
	FollowUps  []FollowUpDef   `toml:"follow_ups"`
	StartRaise string          `toml:"start_round"`
	End        string          `toml:"end"`
	Phase      string          `toml:"phase" since:"2"`
}

// FollowUpDef schedules an event.
type FollowUpDef struct {
	Event string `toml:"event" jsonschema:"required"`
	After int    `toml:"after" jsonschema:"required"`
}

// RuleDef is a monthly rule.
type RuleDef struct {
	Label string `toml:"label" jsonschema:"required"`
	When  Expr   `toml:"when"`
	Effects
}

// EventDef is one event card.
type EventDef struct {
	Title    string            `toml:"title" jsonschema:"required"`
	Text     string            `toml:"text" jsonschema:"required"`
	When     Expr              `toml:"when"`
	Weight   Expr              `toml:"weight"`
	Trigger  string            `toml:"trigger" jsonschema:"enum=random,enum=scheduled,enum=follow_up,enum=shared"`
	Max      int               `toml:"max"`
	Cooldown int               `toml:"cooldown"`
	Icon     string            `toml:"icon"`
	Source   string            `toml:"source"`
	Phases   []string          `toml:"phases" since:"2"`
	Speaker  string            `toml:"speaker" since:"2"`
	Choices  []ChoiceDef       `toml:"choices" jsonschema:"required"`
	Variants []EventVariantDef `toml:"variants" since:"2"`
}

// EventVariantDef replaces an event's texts when its condition holds.
type EventVariantDef struct {
	When    Expr   `toml:"when" jsonschema:"required"`
	Title   string `toml:"title"`
	Text    string `toml:"text"`
	Speaker string `toml:"speaker"`
}

// ChoiceDef is one choice on a card.
type ChoiceDef struct {
	Label    string             `toml:"label" jsonschema:"required"`
	When     Expr               `toml:"when"`
	Blocked  string             `toml:"blocked"`
	Hide     bool               `toml:"hide"`
	Text     string             `toml:"text"`
	ShowOdds *bool              `toml:"show_odds"`
	Source   string             `toml:"source"`
	Outcomes []OutcomeDef       `toml:"outcomes"`
	Effort   Expr               `toml:"effort"`
	Speaker  string             `toml:"speaker" since:"2"`
	Variants []ChoiceVariantDef `toml:"variants" since:"2"`
	Effects
}

// ChoiceVariantDef replaces a choice's texts when its condition holds.
type ChoiceVariantDef struct {
	When    Expr   `toml:"when" jsonschema:"required"`
	Label   string `toml:"label"`
	Blocked string `toml:"blocked"`
	Text    string `toml:"text"`
}

// OutcomeDef is one possible result of a choice.
type OutcomeDef struct {
	Label  string `toml:"label"`
	Chance Expr   `toml:"chance"`
	Text   string `toml:"text" jsonschema:"required"`
	Source string `toml:"source"`
	Effects
}

// EndingDef is one way a run ends.
type EndingDef struct {
	Title    string             `toml:"title" jsonschema:"required"`
	Text     string             `toml:"text" jsonschema:"required"`
	Category string             `toml:"category" jsonschema:"required,enum=thrived,enum=good,enum=survived,enum=struggled,enum=failed"`
	When     Expr               `toml:"when"`
	AtEnd    bool               `toml:"at_end"`
	Source   string             `toml:"source"`
	Variants []EndingVariantDef `toml:"variants" since:"2"`
	// Effects apply when the run ends here (e.g. unvested stock forfeited);
	// the outcome axes see them.
	Effects
}

// EndingVariantDef replaces an ending's texts when its condition holds.
type EndingVariantDef struct {
	When  Expr   `toml:"when" jsonschema:"required"`
	Title string `toml:"title"`
	Text  string `toml:"text"`
}

// FundingDef is the funding-runway system.
type FundingDef struct {
	Cash      string              `toml:"cash" jsonschema:"required"`
	Burn      string              `toml:"burn" jsonschema:"required"`
	Revenue   string              `toml:"revenue" jsonschema:"required"`
	Equity    string              `toml:"equity"`
	Valuation string              `toml:"valuation"`
	Raised    string              `toml:"raised"`
	OutOfCash string              `toml:"out_of_cash"`
	Broke     *ResultDef          `toml:"broke" since:"2"`
	Rounds    map[string]RoundDef `toml:"rounds" jsonschema:"required"`
	Source    string              `toml:"source"`
	Active    Expr                `toml:"active" since:"2"`
}

// RoundDef is one fundraising round.
type RoundDef struct {
	Label      string     `toml:"label" jsonschema:"required"`
	When       Expr       `toml:"when"`
	Amount     Expr       `toml:"amount" jsonschema:"required"`
	Dilution   Expr       `toml:"dilution" jsonschema:"required"`
	Months     int        `toml:"months" jsonschema:"required"`
	Chance     Expr       `toml:"chance" jsonschema:"required"`
	RetryAfter int        `toml:"retry_after"`
	Offer      *OfferDef  `toml:"offer"`
	Raising    *Effects   `toml:"while_raising"`
	Success    *ResultDef `toml:"success"`
	Failure    *ResultDef `toml:"failure"`
	Source     string     `toml:"source"`
}

// OfferDef is the system card that offers a round.
type OfferDef struct {
	Title string `toml:"title" jsonschema:"required"`
	Text  string `toml:"text" jsonschema:"required"`
	Start string `toml:"start"`
	Wait  string `toml:"wait"`
}

// ResultDef is text plus effects.
type ResultDef struct {
	Text string `toml:"text" jsonschema:"required"`
	Effects
}

// LadderDef is the promotion-ladder system.
type LadderDef struct {
	Level      string      `toml:"level" jsonschema:"required"`
	Salary     string      `toml:"salary"`
	Rating     string      `toml:"rating"`
	Every      int         `toml:"every" jsonschema:"required"`
	First      int         `toml:"first"`
	Score      Expr        `toml:"score" jsonschema:"required"`
	Noise      float64     `toml:"noise"`
	PeerMean   float64     `toml:"peer_mean" jsonschema:"required"`
	PeerSpread float64     `toml:"peer_spread" jsonschema:"required"`
	PromoteIf  Expr        `toml:"promote_if"`
	OutEnding  string      `toml:"out_ending"`
	LowStrikes int         `toml:"low_strikes"`
	Levels     []LevelDef  `toml:"levels" jsonschema:"required"`
	Ratings    []RatingDef `toml:"ratings" jsonschema:"required"`
	Source     string      `toml:"source"`
	Active     Expr        `toml:"active" since:"2"`
	StartLevel Expr        `toml:"start_level" since:"2"`
}

// LevelDef is one rung of the ladder.
type LevelDef struct {
	Title     string  `toml:"title" jsonschema:"required"`
	Pay       float64 `toml:"pay" jsonschema:"required"`
	MinMonths int     `toml:"min_months"`
	MaxMonths int     `toml:"max_months"`
	Source    string  `toml:"source"`
	// Effects apply on promotion to this level (a grant, a reset packet).
	Effects
}

// RatingDef is one calibration rating.
type RatingDef struct {
	Label string  `toml:"label" jsonschema:"required"`
	Quota float64 `toml:"quota" jsonschema:"required"`
	Good  bool    `toml:"good"`
	Text  string  `toml:"text"`
	Effects
}

// FightDef is the resource-fight system.
type FightDef struct {
	Title    string      `toml:"title" jsonschema:"required"`
	Text     string      `toml:"text" jsonschema:"required"`
	Every    int         `toml:"every" jsonschema:"required"`
	First    int         `toml:"first"`
	Pool     Expr        `toml:"pool" jsonschema:"required"`
	PoolUnit string      `toml:"pool_unit" jsonschema:"enum=money,enum=months,enum=percent,enum=level,enum=plain,enum=fraction"`
	PoolName string      `toml:"pool_name"`
	Effort   Expr        `toml:"effort" jsonschema:"required"`
	Exponent float64     `toml:"exponent"`
	Luck     float64     `toml:"luck"`
	Rivals   []RivalDef  `toml:"rivals" jsonschema:"required"`
	Options  []ChoiceDef `toml:"options" jsonschema:"required"`
	Award    Effects     `toml:"award" jsonschema:"required"`
	Source   string      `toml:"source"`
	Active   Expr        `toml:"active" since:"2"`
}

// RivalDef is a rival team.
type RivalDef struct {
	Name     string `toml:"name" jsonschema:"required"`
	Strength Expr   `toml:"strength" jsonschema:"required"`
}

// AxesDef maps the final state onto the shared outcome axes.
type AxesDef struct {
	Wealth    Expr     `toml:"wealth" jsonschema:"required"`
	Level     Expr     `toml:"level" jsonschema:"required"`
	Skills    Expr     `toml:"skills" jsonschema:"required"`
	Wellbeing Expr     `toml:"wellbeing" jsonschema:"required"`
	Autonomy  Expr     `toml:"autonomy" jsonschema:"required"`
	Title     Expr     `toml:"title"`
	Titles    []string `toml:"titles"`
}

// CalibrationDef is a band checked by careersim balance.
type CalibrationDef struct {
	ID      string   `toml:"id" jsonschema:"required"`
	Label   string   `toml:"label" jsonschema:"required"`
	Bot     string   `toml:"bot"`
	Metric  string   `toml:"metric" jsonschema:"required,enum=share,enum=median_month"`
	When    Expr     `toml:"when"`
	Endings []string `toml:"endings"`
	Among   Expr     `toml:"among"`
	Min     float64  `toml:"min" jsonschema:"required"`
	Max     float64  `toml:"max" jsonschema:"required"`
	Source  string   `toml:"source" jsonschema:"required"`
}

// SourceDef is a citation.
type SourceDef struct {
	Fact   string `toml:"fact" jsonschema:"required"`
	Source string `toml:"source" jsonschema:"required"`
}

// BotDef tunes a balance bot.
type BotDef struct {
	Description string  `toml:"description" jsonschema:"required"`
	Score       Expr    `toml:"score"`
	Risk        float64 `toml:"risk"`
	Explore     float64 `toml:"explore"`
	Lookahead   int     `toml:"lookahead"`
}
