package scenario

// This file holds the scenario format as authors write it (format version 1).
// The same types drive the decoder (decode.go), the JSON Schema (schema.go)
// and the documentation in docs/scenario-format.md: the `toml` tag is the key,
// the `jsonschema_description` tag is the help an editor shows.

// FormatVersion is the only scenario format version this build reads.
const FormatVersion = 1

// File is one scenario file as written by an author.
type File struct {
	Format   int    `toml:"format" jsonschema_description:"Scenario format version. Must be 1." jsonschema:"required"`
	ID       string `toml:"id" jsonschema_description:"Stable id of the scenario: lower case letters, digits and underscores. Run codes and saves refer to it." jsonschema:"required"`
	Version  int    `toml:"version" jsonschema_description:"Content version. Bump it whenever a change alters how a run plays, so old run codes are refused instead of replaying differently." jsonschema:"required"`
	Title    string `toml:"title" jsonschema:"required" jsonschema_description:"Title shown on the path card."`
	Track    string `toml:"track" jsonschema:"required" jsonschema_description:"Which path the scenario belongs to, used to group runs for comparison: startup, corporate, academia, industry_science, mlops or another word."`
	Role     string `toml:"role" jsonschema_description:"The player's role in one short line, e.g. 'Founding ML engineer, seed stage'."`
	Pitch    string `toml:"pitch" jsonschema:"required" jsonschema_description:"One paragraph: what this path is."`
	Promise  string `toml:"promise" jsonschema:"required" jsonschema_description:"One sentence: what this path offers."`
	Price    string `toml:"price" jsonschema:"required" jsonschema_description:"One sentence: what this path costs."`
	Months   int    `toml:"months" jsonschema:"required" jsonschema_description:"Length of a run in months (1-240). The run ends at this month unless an ending comes first."`
	StartAge int    `toml:"start_age" jsonschema_description:"Optional: the player's age at month 1, shown in the HUD."`

	Stats       map[string]StatDef    `toml:"stats" jsonschema:"required" jsonschema_description:"Declared stats, keyed by id. Effects may only change declared stats."`
	Derived     map[string]DerivedDef `toml:"derived" jsonschema_description:"Derived stats, keyed by id: expressions recomputed after every change."`
	Monthly     []RuleDef             `toml:"monthly" jsonschema_description:"Rules applied every month after the player's choice, in order."`
	Events      map[string]EventDef   `toml:"events" jsonschema:"required" jsonschema_description:"Events keyed by a stable id. One event card is drawn each month."`
	Endings     map[string]EndingDef  `toml:"endings" jsonschema:"required" jsonschema_description:"Endings keyed by id, checked in file order."`
	Funding     *FundingDef           `toml:"funding" jsonschema_description:"The funding-runway system: cash, burn, revenue and fundraising rounds."`
	Ladder      *LadderDef            `toml:"ladder" jsonschema_description:"The promotion-ladder system: levels, calibration, ratings and promotion."`
	Fight       *FightDef             `toml:"resource_fight" jsonschema_description:"The resource-fight system: a planning cycle where teams contest a pool of headcount or budget."`
	Axes        AxesDef               `toml:"axes" jsonschema:"required" jsonschema_description:"How the final state maps onto the outcome axes every path shares."`
	Calibration []CalibrationDef      `toml:"calibration" jsonschema_description:"Bands that careersim balance checks over many simulated runs."`
	Sources     map[string]SourceDef  `toml:"sources" jsonschema_description:"Extra citation keys for this scenario, beside the bundled calibration list."`
	Bots        map[string]BotDef     `toml:"bots" jsonschema_description:"Tuning of the balance bots (random, typical, cautious, bold) or extra bots for this scenario."`
}

// StatDef declares one stat.
type StatDef struct {
	Label   string  `toml:"label" jsonschema:"required" jsonschema_description:"Name shown to the player."`
	Initial float64 `toml:"initial" jsonschema:"required" jsonschema_description:"Value at month 1."`
	Min     float64 `toml:"min" jsonschema:"required" jsonschema_description:"Lowest value; every change is clamped to it."`
	Max     float64 `toml:"max" jsonschema:"required" jsonschema_description:"Highest value; every change is clamped to it."`
	Unit    string  `toml:"unit" jsonschema:"enum=money,enum=months,enum=percent,enum=level,enum=plain,enum=fraction" jsonschema_description:"How the value is shown: money ($12.3k), months, percent (0-100), fraction (0-1 shown as %), level, plain. Default plain."`
	Hidden  bool    `toml:"hidden" jsonschema_description:"true keeps the stat off the HUD (it still works in expressions)."`
	Better  string  `toml:"better" jsonschema:"enum=higher,enum=lower,enum=neither" jsonschema_description:"Which direction is good for the player; colours the deltas. Default higher."`
	Icon    string  `toml:"icon" jsonschema_description:"Icon name for the HUD (cash, burn, revenue, runway, traction, morale, equity, level, rating, impact, visibility, politics, headcount, budget, skills, wellbeing, savings, autonomy, research, reputation, clock, team)."`
	Chart   bool    `toml:"chart" jsonschema_description:"true draws this stat on the ending screen's charts."`
	Help    string  `toml:"help" jsonschema_description:"One sentence explaining the stat."`
	Source  string  `toml:"source" jsonschema_description:"Citation: a key of the calibration list or free text."`
}

// DerivedDef declares a stat computed from others.
type DerivedDef struct {
	Label  string   `toml:"label" jsonschema:"required"`
	Expr   Expr     `toml:"expr" jsonschema:"required" jsonschema_description:"Expression over stats, flags and built-in variables."`
	Unit   string   `toml:"unit" jsonschema:"enum=money,enum=months,enum=percent,enum=level,enum=plain,enum=fraction"`
	Hidden bool     `toml:"hidden"`
	Better string   `toml:"better" jsonschema:"enum=higher,enum=lower,enum=neither"`
	Icon   string   `toml:"icon"`
	Chart  bool     `toml:"chart"`
	Help   string   `toml:"help"`
	Min    *float64 `toml:"min" jsonschema_description:"Optional lower end of the HUD bar."`
	Max    *float64 `toml:"max" jsonschema_description:"Optional upper end of the HUD bar."`
	Source string   `toml:"source"`
}

// Effects are the changes a choice, outcome, rule or system result makes.
type Effects struct {
	Add        map[string]Expr `toml:"effects" jsonschema_description:"Changes added to stats: { morale = -5, cash = \"-burn * 2\" }."`
	Set        map[string]Expr `toml:"set" jsonschema_description:"Stats set to a new value: { burn = \"burn * 0.8\" }."`
	SetFlags   []string        `toml:"flags" jsonschema_description:"Flags turned on. A flag is declared by being set somewhere."`
	Clear      []string        `toml:"clear" jsonschema_description:"Flags turned off."`
	FollowUp   *FollowUpDef    `toml:"follow_up" jsonschema_description:"An event scheduled some months later."`
	FollowUps  []FollowUpDef   `toml:"follow_ups" jsonschema_description:"Several events scheduled, each some months later."`
	StartRaise string          `toml:"start_round" jsonschema_description:"Starts raising this funding round (id from [funding.rounds])."`
	End        string          `toml:"end" jsonschema_description:"Ends the run at once with this ending id."`
}

// FollowUpDef schedules an event.
type FollowUpDef struct {
	Event string `toml:"event" jsonschema:"required" jsonschema_description:"Event id."`
	After int    `toml:"after" jsonschema:"required" jsonschema_description:"Months from now (1 = next month)."`
}

// RuleDef is a monthly rule.
type RuleDef struct {
	Label string `toml:"label" jsonschema:"required" jsonschema_description:"Shown in the month's report, e.g. 'Rent and food'."`
	When  Expr   `toml:"when" jsonschema_description:"Condition; the rule applies only when true. Default: always."`
	Effects
}

// EventDef is one event card.
type EventDef struct {
	Title    string      `toml:"title" jsonschema:"required"`
	Text     string      `toml:"text" jsonschema:"required" jsonschema_description:"The situation, second person, a few sentences."`
	When     Expr        `toml:"when" jsonschema_description:"Condition for the event to be drawn. Default: always."`
	Weight   Expr        `toml:"weight" jsonschema_description:"Relative weight when drawing among eligible events (number or expression). Default 1."`
	Trigger  string      `toml:"trigger" jsonschema:"enum=random,enum=scheduled,enum=follow_up" jsonschema_description:"random (default): drawn by weight. scheduled: shown as soon as its condition holds. follow_up: only when another choice schedules it."`
	Max      int         `toml:"max" jsonschema_description:"How many times it may fire in a run (0 = no limit). When left out: 1 for scheduled events, no limit otherwise."`
	Cooldown int         `toml:"cooldown" jsonschema_description:"Months before it may fire again."`
	Icon     string      `toml:"icon" jsonschema_description:"Icon name shown on the card."`
	Source   string      `toml:"source"`
	Choices  []ChoiceDef `toml:"choices" jsonschema:"required" jsonschema_description:"2 to 4 choices."`
}

// ChoiceDef is one choice on a card.
type ChoiceDef struct {
	Label    string       `toml:"label" jsonschema:"required"`
	When     Expr         `toml:"when" jsonschema_description:"Condition for the choice to be available. Default: always."`
	Blocked  string       `toml:"blocked" jsonschema_description:"Why it is unavailable, shown on the greyed-out choice (required with when)."`
	Hide     bool         `toml:"hide" jsonschema_description:"true hides the choice instead of greying it out when its condition is false."`
	Text     string       `toml:"text" jsonschema_description:"What happened and why (for a choice without outcomes)."`
	ShowOdds *bool        `toml:"show_odds" jsonschema_description:"Show outcome odds to the player. Default true."`
	Source   string       `toml:"source"`
	Outcomes []OutcomeDef `toml:"outcomes" jsonschema_description:"Probabilistic outcomes; the choice's own effects apply first, then one outcome."`
	Effort   Expr         `toml:"effort" jsonschema_description:"Resource-fight options only: effort added to your team's base effort."`
	Effects
}

// OutcomeDef is one possible result of a choice.
type OutcomeDef struct {
	Label  string `toml:"label" jsonschema_description:"A few words naming the outcome next to its odds, e.g. 'the pilot converts'."`
	Chance Expr   `toml:"chance" jsonschema_description:"Probability 0-1 (number or expression). One outcome may leave it out and takes what is left."`
	Text   string `toml:"text" jsonschema:"required" jsonschema_description:"What happened and why."`
	Source string `toml:"source"`
	Effects
}

// EndingDef is one way a run ends.
type EndingDef struct {
	Title    string `toml:"title" jsonschema:"required"`
	Text     string `toml:"text" jsonschema:"required"`
	Category string `toml:"category" jsonschema:"required,enum=thrived,enum=good,enum=survived,enum=struggled,enum=failed" jsonschema_description:"thrived, good, survived, struggled or failed."`
	When     Expr   `toml:"when" jsonschema_description:"Condition checked after every month (or only at the end with at_end). An ending with neither when nor at_end is reached only through an end = effect or a system (out_of_cash, out_ending)."`
	AtEnd    bool   `toml:"at_end" jsonschema_description:"true: checked only when the months run out. false (default): checked after every month."`
	Source   string `toml:"source"`
	// Effects apply when the run ends here (e.g. unvested stock forfeited);
	// the outcome axes see them.
	Effects
}

// FundingDef is the funding-runway system.
type FundingDef struct {
	Cash      string              `toml:"cash" jsonschema:"required" jsonschema_description:"Stat holding the company's cash."`
	Burn      string              `toml:"burn" jsonschema:"required" jsonschema_description:"Stat holding monthly spending."`
	Revenue   string              `toml:"revenue" jsonschema:"required" jsonschema_description:"Stat holding monthly revenue."`
	Equity    string              `toml:"equity" jsonschema_description:"Optional stat holding the player's ownership (fraction); each closed round dilutes it."`
	Valuation string              `toml:"valuation" jsonschema_description:"Optional stat set to the post-money valuation when a round closes."`
	Raised    string              `toml:"raised" jsonschema_description:"Optional stat accumulating all money raised."`
	OutOfCash string              `toml:"out_of_cash" jsonschema:"required" jsonschema_description:"Ending id reached when cash falls below zero."`
	Rounds    map[string]RoundDef `toml:"rounds" jsonschema:"required" jsonschema_description:"Rounds keyed by id, raised in file order."`
	Source    string              `toml:"source"`
}

// RoundDef is one fundraising round.
type RoundDef struct {
	Label      string     `toml:"label" jsonschema:"required" jsonschema_description:"e.g. 'Seed', 'Series A'."`
	When       Expr       `toml:"when" jsonschema_description:"When the round may be started (the previous round must have closed). Default: always."`
	Amount     Expr       `toml:"amount" jsonschema:"required" jsonschema_description:"Money raised on success (expression)."`
	Dilution   Expr       `toml:"dilution" jsonschema:"required" jsonschema_description:"Fraction of the company sold, 0-1 (expression)."`
	Months     int        `toml:"months" jsonschema:"required" jsonschema_description:"How many months a raise takes before it resolves."`
	Chance     Expr       `toml:"chance" jsonschema:"required" jsonschema_description:"Probability the raise succeeds, evaluated when it resolves (expression of traction, market, runway...)."`
	RetryAfter int        `toml:"retry_after" jsonschema_description:"Months before the offer card returns after declining or failing. Default 3."`
	Offer      *OfferDef  `toml:"offer" jsonschema_description:"The card that offers to start this round. Without it, only a choice's start_round starts it."`
	Raising    *Effects   `toml:"while_raising" jsonschema_description:"Effects each month while raising (the focus it costs)."`
	Success    *ResultDef `toml:"success" jsonschema_description:"Text and effects when the round closes."`
	Failure    *ResultDef `toml:"failure" jsonschema_description:"Text and effects when the raise fails."`
	Source     string     `toml:"source"`
}

// OfferDef is the system card that offers a round.
type OfferDef struct {
	Title string `toml:"title" jsonschema:"required"`
	Text  string `toml:"text" jsonschema:"required"`
	Start string `toml:"start" jsonschema_description:"Label of the choice that starts raising. Default 'Start raising'."`
	Wait  string `toml:"wait" jsonschema_description:"Label of the choice that waits. Default 'Not yet'."`
}

// ResultDef is text plus effects.
type ResultDef struct {
	Text string `toml:"text" jsonschema:"required"`
	Effects
}

// LadderDef is the promotion-ladder system.
type LadderDef struct {
	Level      string      `toml:"level" jsonschema:"required" jsonschema_description:"Stat holding the level index (0 = first level)."`
	Salary     string      `toml:"salary" jsonschema_description:"Optional stat set to the level's monthly pay on promotion."`
	Rating     string      `toml:"rating" jsonschema_description:"Optional stat set to the last rating's score (ratings count from 1 = lowest)."`
	Every      int         `toml:"every" jsonschema:"required" jsonschema_description:"Months between calibrations."`
	First      int         `toml:"first" jsonschema_description:"Month of the first calibration. Default: every."`
	Score      Expr        `toml:"score" jsonschema:"required" jsonschema_description:"The player's performance score (expression of impact, visibility, sponsor...)."`
	Noise      float64     `toml:"noise" jsonschema_description:"Standard deviation of the calibration noise added to the score."`
	PeerMean   float64     `toml:"peer_mean" jsonschema:"required" jsonschema_description:"Mean score of the peers you are calibrated against."`
	PeerSpread float64     `toml:"peer_spread" jsonschema:"required" jsonschema_description:"Standard deviation of peer scores."`
	PromoteIf  Expr        `toml:"promote_if" jsonschema_description:"Extra condition for promotion at a calibration (built-ins: good_ratings, last_rating, months_in_level). Default: good_ratings >= 2."`
	OutEnding  string      `toml:"out_ending" jsonschema_description:"Ending reached when up-or-out time runs out or low ratings pile up."`
	LowStrikes int         `toml:"low_strikes" jsonschema_description:"Consecutive lowest ratings that lead to out_ending (0 = never)."`
	Levels     []LevelDef  `toml:"levels" jsonschema:"required"`
	Ratings    []RatingDef `toml:"ratings" jsonschema:"required" jsonschema_description:"Ratings from best to worst; their quotas must add up to 1."`
	Source     string      `toml:"source"`
}

// LevelDef is one rung of the ladder.
type LevelDef struct {
	Title     string  `toml:"title" jsonschema:"required"`
	Pay       float64 `toml:"pay" jsonschema:"required" jsonschema_description:"Monthly pay at this level."`
	MinMonths int     `toml:"min_months" jsonschema_description:"Months in level before a promotion is possible."`
	MaxMonths int     `toml:"max_months" jsonschema_description:"Up-or-out: months in level after which out_ending is reached (0 = no limit)."`
	Source    string  `toml:"source"`
	// Effects apply on promotion to this level (a grant, a reset packet).
	Effects
}

// RatingDef is one calibration rating.
type RatingDef struct {
	Label string  `toml:"label" jsonschema:"required"`
	Quota float64 `toml:"quota" jsonschema:"required" jsonschema_description:"Share of peers given this rating (0-1)."`
	Good  bool    `toml:"good" jsonschema_description:"Counts towards promotion (good_ratings)."`
	Text  string  `toml:"text" jsonschema_description:"What the rating means for you."`
	Effects
}

// FightDef is the resource-fight system.
type FightDef struct {
	Title    string      `toml:"title" jsonschema:"required" jsonschema_description:"Card title, e.g. 'Planning cycle'."`
	Text     string      `toml:"text" jsonschema:"required"`
	Every    int         `toml:"every" jsonschema:"required" jsonschema_description:"Months between planning cycles."`
	First    int         `toml:"first" jsonschema_description:"Month of the first cycle. Default: every."`
	Pool     Expr        `toml:"pool" jsonschema:"required" jsonschema_description:"Size of the contested pool (expression)."`
	PoolUnit string      `toml:"pool_unit" jsonschema:"enum=money,enum=months,enum=percent,enum=level,enum=plain,enum=fraction" jsonschema_description:"How the pool is shown. Default plain."`
	PoolName string      `toml:"pool_name" jsonschema_description:"What the pool is, e.g. 'headcount'."`
	Effort   Expr        `toml:"effort" jsonschema:"required" jsonschema_description:"Your team's base effort (expression of political capital, impact...)."`
	Exponent float64     `toml:"exponent" jsonschema_description:"Contest exponent r in share = effort^r / sum(effort^r): a multiple of 0.5 from 0.5 to 4. Default 1."`
	Luck     float64     `toml:"luck" jsonschema_description:"Each effort is multiplied by a random factor in [1-luck, 1+luck]. Default 0.2."`
	Rivals   []RivalDef  `toml:"rivals" jsonschema:"required"`
	Options  []ChoiceDef `toml:"options" jsonschema:"required" jsonschema_description:"The player's options at the cycle (2-4), each a choice with an extra effort."`
	Award    Effects     `toml:"award" jsonschema:"required" jsonschema_description:"Effects of the split; expressions may use share (0-1) and award (share * pool)."`
	Source   string      `toml:"source"`
}

// RivalDef is a rival team.
type RivalDef struct {
	Name     string `toml:"name" jsonschema:"required"`
	Strength Expr   `toml:"strength" jsonschema:"required" jsonschema_description:"The rival's effort (expression)."`
}

// AxesDef maps the final state onto the shared outcome axes.
type AxesDef struct {
	Wealth    Expr     `toml:"wealth" jsonschema:"required" jsonschema_description:"Net worth gained, in money."`
	Level     Expr     `toml:"level" jsonschema:"required" jsonschema_description:"Seniority on a shared 0-10 scale (0 new grad, 3 senior, 5 principal or director, 8 executive)."`
	Skills    Expr     `toml:"skills" jsonschema:"required" jsonschema_description:"0-100."`
	Wellbeing Expr     `toml:"wellbeing" jsonschema:"required" jsonschema_description:"0-100."`
	Autonomy  Expr     `toml:"autonomy" jsonschema:"required" jsonschema_description:"0-100."`
	Title     Expr     `toml:"title" jsonschema_description:"Index into titles (default: the ladder level)."`
	Titles    []string `toml:"titles" jsonschema_description:"Titles for the title index (default: the ladder's level titles)."`
}

// CalibrationDef is a band checked by careersim balance.
type CalibrationDef struct {
	ID      string   `toml:"id" jsonschema:"required"`
	Label   string   `toml:"label" jsonschema:"required"`
	Bot     string   `toml:"bot" jsonschema_description:"Bot whose runs are measured. Default typical."`
	Metric  string   `toml:"metric" jsonschema:"required,enum=share,enum=median_month" jsonschema_description:"share: fraction of runs where when holds at the end. median_month: median month when holds first (runs where it never holds count as never)."`
	When    Expr     `toml:"when" jsonschema_description:"The condition measured (required unless endings is given)."`
	Endings []string `toml:"endings" jsonschema_description:"share only: count runs that ended in one of these endings (and satisfy when, if given)."`
	Among   Expr     `toml:"among" jsonschema_description:"Only count runs where this holds at the end."`
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
	Score       Expr    `toml:"score" jsonschema_description:"What the bot values (expression). Default: a blend of the outcome axes."`
	Risk        float64 `toml:"risk" jsonschema_description:"-1 weighs the worst outcome of a choice, 0 the expected, 1 the best."`
	Explore     float64 `toml:"explore" jsonschema_description:"Share of decisions taken at random (0-1)."`
	Lookahead   int     `toml:"lookahead" jsonschema_description:"Months of running costs simulated after each option (0-12). Default 3."`
}
