package scenario

// This file holds the compiled, read-only form of a scenario that the rules
// (game/sim) play. It is built once by Load and never changed afterwards.

// Unit says how a value is shown.
type Unit int

// Units a stat may have.
const (
	Plain Unit = iota
	Money
	Months
	Percent
	Fraction
	Level
)

var unitNames = map[string]Unit{"": Plain, DefaultUnit: Plain, "money": Money, "months": Months, "percent": Percent, "fraction": Fraction, "level": Level}

// String returns the unit's name as written in TOML.
func (u Unit) String() string {
	for k, v := range unitNames {
		if v == u && k != "" {
			return k
		}
	}
	return "plain"
}

// Env is what compiled expressions read: numeric variables (stats, derived
// stats, then built-ins) and flags (declared flags, then built-ins).
//
// Derived stats are recomputed lazily: a change that affects them sets
// Stale, and the next expression that reads a derived stat calls Refresh
// first. Readers of V outside expressions must refresh themselves.
type Env struct {
	V       []float64
	F       []bool
	Stale   bool
	Refresh func()
}

// Num is a compiled numeric expression.
type Num func(*Env) float64

// Cond is a compiled condition.
type Cond func(*Env) bool

// Built-in numeric variables, stored after the stats in Env.V at
// Scenario.NumStats() + the constant.
const (
	VarMonth         = iota // the current month, from 1
	VarMonthsLeft           // months until the time limit
	VarMonthsInLevel        // months since the last promotion (ladder)
	VarGoodRatings          // good ratings since the last promotion (ladder)
	VarLastRating           // last rating, 1 = lowest, 0 = none yet (ladder)
	VarRoundsClosed         // funding rounds closed (funding)
	VarRaiseMonths          // months into the current raise (funding)
	VarShare                // your share of the pool (resource_fight award)
	VarAward                // share * pool (resource_fight award)
	// Format 2.
	VarPhaseMonths // months in the current phase (phases)
	VarUnvested    // money not yet vested of the current grant (phases)
	VarCauseMonth  // the month whose choice scheduled this follow-up, 0 otherwise (events)
	VarSeen        // times this event fired before (events)
	NumBuiltinVars
)

// BuiltinVarNames are the expression names of the built-in variables, in
// the order of the Var constants. After them in Env.V come, per phase in
// file order, months_at_ID and then stints_ID.
var BuiltinVarNames = [NumBuiltinVars]string{"month", "months_left", "months_in_level", "good_ratings", "last_rating", "rounds_closed", "raise_months", "share", "award",
	"phase_months", "unvested", "cause_month", "seen"}

// format2Vars are the built-in variables a format-1 file does not know.
var format2Vars = map[string]bool{"phase_months": true, "unvested": true, "cause_month": true, "seen": true}

// Built-in flags, stored after the declared flags in Env.F.
const (
	FlagRaising = iota // a funding round is being raised
	NumBuiltinFlags
)

// BuiltinFlagNames are the expression names of the built-in flags. After
// them in Env.F comes at_ID per phase, in file order.
var BuiltinFlagNames = [NumBuiltinFlags]string{"raising"}

// MaxPhases bounds the phases of a scenario.
const MaxPhases = 32

// Category is how an ending is judged.
type Category string

// Ending categories, best first.
const (
	Thrived   Category = "thrived"
	Good      Category = "good"
	Survived  Category = "survived"
	Struggled Category = "struggled"
	Failed    Category = "failed"
)

// Categories lists the categories best first.
var Categories = []Category{Thrived, Good, Survived, Struggled, Failed}

// Trigger says how an event is drawn.
type Trigger int

// Triggers.
const (
	Random Trigger = iota
	Scheduled
	FollowUpOnly
	// Shared events are never drawn: a workshop facilitator injects one
	// for a whole room (sim's Run.Inject). Format 2.
	Shared
)

// Scenario is a loaded, checked and compiled scenario. Read-only.
type Scenario struct {
	ID, Title, Track, Role    string
	Pitch, Promise, Price     string
	Version, Months, StartAge int
	// Format is the format version the file was written in.
	Format int
	// File is where the scenario was read from ("bundled:startup.toml" for
	// embedded ones).
	File string
	// Bundled reports that the scenario ships with the game.
	Bundled bool
	// idPos is where the file gives its id.
	idPos Pos
	// digest is the SHA-256 of the file, so a copy of a bundled file is
	// known for what it is.
	digest [32]byte

	// Stats holds declared stats first, then derived ones.
	Stats       []Stat
	NumDeclared int
	Flags       []string

	Rules       []Rule
	Events      []Event
	Endings     []Ending
	Funding     *Funding
	Ladder      *Ladder
	Fight       *Fight
	Axes        Axes
	Calibration []Calibration
	Bots        []Bot
	Sources     map[string]Source
	// Phases lists the phases in file order (none in format 1); a run
	// starts in StartPhase.
	Phases     []Phase
	StartPhase int

	statIndex  map[string]int
	flagIndex  map[string]int
	eventIndex map[string]int
	endIndex   map[string]int
	phaseIndex map[string]int
}

// NumStats is the number of stats, declared and derived.
func (s *Scenario) NumStats() int { return len(s.Stats) }

// Var returns the Env.V index of a built-in variable.
func (s *Scenario) Var(v int) int { return len(s.Stats) + v }

// NumVars is the length of Env.V.
func (s *Scenario) NumVars() int { return len(s.Stats) + NumBuiltinVars + 2*len(s.Phases) }

// MonthsAtVar returns the Env.V index of months_at_ID of phase p.
func (s *Scenario) MonthsAtVar(p int) int { return len(s.Stats) + NumBuiltinVars + p }

// StintsVar returns the Env.V index of stints_ID of phase p.
func (s *Scenario) StintsVar(p int) int { return len(s.Stats) + NumBuiltinVars + len(s.Phases) + p }

// AtFlag returns the Env.F index of at_ID of phase p.
func (s *Scenario) AtFlag(p int) int { return len(s.Flags) + NumBuiltinFlags + p }

// FlagVar returns the Env.F index of a built-in flag.
func (s *Scenario) FlagVar(f int) int { return len(s.Flags) + f }

// NumFlagVars is the length of Env.F.
func (s *Scenario) NumFlagVars() int { return len(s.Flags) + NumBuiltinFlags + len(s.Phases) }

// PhaseIndex finds a phase by id.
func (s *Scenario) PhaseIndex(id string) (int, bool) {
	i, ok := s.phaseIndex[id]
	return i, ok
}

// StatIndex finds a stat by id.
func (s *Scenario) StatIndex(id string) (int, bool) {
	i, ok := s.statIndex[id]
	return i, ok
}

// EventIndex finds an event by id.
func (s *Scenario) EventIndex(id string) (int, bool) {
	i, ok := s.eventIndex[id]
	return i, ok
}

// EndingIndex finds an ending by id.
func (s *Scenario) EndingIndex(id string) (int, bool) {
	i, ok := s.endIndex[id]
	return i, ok
}

// Systems names the systems the scenario uses, for the path card.
func (s *Scenario) Systems() []string {
	var out []string
	if s.Funding != nil {
		out = append(out, "funding runway")
	}
	if s.Ladder != nil {
		out = append(out, "promotion ladder")
	}
	if s.Fight != nil {
		out = append(out, "resource fights")
	}
	return out
}

// Bot finds a bot by name.
func (s *Scenario) Bot(name string) (Bot, bool) {
	for _, b := range s.Bots {
		if b.Name == name {
			return b, true
		}
	}
	return Bot{}, false
}

// Stat is a declared or derived stat.
type Stat struct {
	ID, Label, Icon, Help, Source string
	Unit                          Unit
	Initial, Min, Max             float64
	Hidden, Chart                 bool
	// Better is +1 when higher is good, -1 when lower is, 0 when neither.
	Better int
	// Derived is the formula of a derived stat; nil for declared stats.
	Derived Num
	// Bounded reports that Min and Max bound the value (always for declared
	// stats; for derived stats only when the author gave both).
	Bounded bool
	// Carry reports that a phase switch keeps the value (otherwise it goes
	// back to Initial).
	Carry bool
	// Active, when set, says when the HUD shows the stat (Hidden still
	// wins).
	Active Cond
	// Key marks a stat that defines the path: a calm HUD shows key stats
	// first and may keep the rest behind a toggle.
	Key bool
}

// Assign is one stat change.
type Assign struct {
	Stat  int
	Value Num
}

// Effect is a compiled set of changes.
type Effect struct {
	Add, Set   []Assign
	SetFlags   []int
	ClearFlags []int
	FollowUps  []FollowUp
	// startRound, end and phase hold an index plus one, so the zero Effect
	// does nothing; read them with StartRound, End and Phase.
	startRound, end, phase int
	// rederive reports that the effect changes something a derived stat
	// reads.
	rederive bool
}

// Rederive reports whether derived stats must be recomputed after the
// effect.
func (e *Effect) Rederive() bool { return e.rederive }

// StartRound returns the funding round the effect starts, or -1.
func (e *Effect) StartRound() int { return e.startRound - 1 }

// End returns the ending the effect ends the run with, or -1.
func (e *Effect) End() int { return e.end - 1 }

// Phase returns the phase the effect switches to, or -1.
func (e *Effect) Phase() int { return e.phase - 1 }

// Empty reports whether the effect changes nothing.
func (e *Effect) Empty() bool {
	return len(e.Add) == 0 && len(e.Set) == 0 && len(e.SetFlags) == 0 && len(e.ClearFlags) == 0 &&
		len(e.FollowUps) == 0 && e.startRound == 0 && e.end == 0 && e.phase == 0
}

// FollowUp schedules an event.
type FollowUp struct {
	Event, After int
}

// Rule is a monthly rule.
type Rule struct {
	Label  string
	When   Cond
	Effect Effect
}

// Event is one event card.
type Event struct {
	ID, Title, Text, Icon, Source string
	When                          Cond
	Weight                        Num
	Trigger                       Trigger
	Max, Cooldown                 int
	Choices                       []Choice
	// Phases is a bit set of the phases the event may fire in; 0 means
	// every phase.
	Phases uint64
	// Speaker is the portrait shown with the card (SpeakerKeys; "" none).
	Speaker string
	// Compiled texts (text.go); read them with Show.
	tTitle, tText Text
	variants      []Variant
}

// Choice is one choice on a card.
type Choice struct {
	Label, Blocked, Text, Source string
	When                         Cond
	Hide, ShowOdds               bool
	Effect                       Effect
	Outcomes                     []Outcome
	// Effort is the extra effort of a resource-fight option (nil elsewhere).
	Effort Num
	// Speaker is the portrait shown with the choice (SpeakerKeys; "" none).
	Speaker string
	// Compiled texts (text.go); read them with Show.
	tLabel, tBlocked, tText Text
	variants                []Variant
}

// Outcome is one possible result of a choice.
type Outcome struct {
	Chance              Num // nil: takes the probability the others leave
	Label, Text, Source string
	Effect              Effect
	tLabel, tText       Text
}

// Ending is one way a run ends.
type Ending struct {
	ID, Title, Text, Source string
	Category                Category
	When                    Cond
	AtEnd                   bool
	// Effect applies when the run ends here.
	Effect Effect
	// Compiled texts (text.go); read them with Show.
	tTitle, tText Text
	variants      []Variant
}

// Funding is the compiled funding-runway system.
type Funding struct {
	Cash, Burn, Revenue       int
	Equity, Valuation, Raised int // -1 when not used
	OutOfCash                 int // -1 when Broke replaces it
	// Broke, when set, applies once instead of an ending when cash falls
	// below zero (format 2): typically a switch to a job hunt.
	Broke  *Result
	Rounds []Round
	Source string
	// Active, when set, says when the system runs (nil: always).
	Active Cond
}

// Round is one fundraising round.
type Round struct {
	ID, Label, Source        string
	When                     Cond
	Amount, Dilution, Chance Num
	Months, RetryAfter       int
	Offer                    *Offer
	Raising                  *Effect
	Success, Failure         Result
}

// Offer is the card that offers a round.
type Offer struct {
	Title, Text, Start, Wait     string
	tTitle, tText, tStart, tWait Text
}

// Result is text plus effects.
type Result struct {
	Text   string
	Effect Effect
	tText  Text
}

// Ladder is the compiled promotion ladder.
type Ladder struct {
	Level, Salary, Rating       int // stat indices; -1 when not used
	Every, First                int
	Score                       Num
	Noise, PeerMean, PeerSpread float64
	PromoteIf                   Cond
	OutEnding                   int // -1 when none
	LowStrikes                  int
	Levels                      []LevelDef
	// Promotion holds the effects of reaching each level (by level index).
	Promotion []Effect
	Ratings   []Rating
	Source    string
	// Active, when set, says when the system runs (nil: always);
	// StartLevel is the level on entering it (nil: 0).
	Active     Cond
	StartLevel Num
}

// Rating is one calibration rating.
type Rating struct {
	Label, Text string
	Quota       float64
	Good        bool
	Effect      Effect
	tText       Text
}

// Fight is the compiled resource fight.
type Fight struct {
	Title, Text, PoolName, Source string
	PoolUnit                      Unit
	Every, First                  int
	Pool, Effort                  Num
	// Halves is the contest exponent r times two (r is a multiple of 0.5).
	Halves  int
	Luck    float64
	Rivals  []Rival
	Options []Choice
	Award   Effect
	// Compiled texts (text.go); read them with Show.
	tTitle, tText Text
	// Active, when set, says when the system runs (nil: always).
	Active Cond
}

// Phase is one phase of a career.
type Phase struct {
	ID, Label, Track, Scene string
	// Enter applies on entering the phase, after the stats that do not
	// carry went back to their initial values.
	Enter   Effect
	Vesting *Vesting
	tLabel  Text
}

// Vesting is stock that vests while in a phase: nothing until the cliff,
// then the cliff's share at once, then monthly until Months.
type Vesting struct {
	Grant         Num
	Months, Cliff int
	Into          int // stat the vested money is added to
}

// Rival is a rival team.
type Rival struct {
	Name     string
	Strength Num
}

// Axes maps a final state onto the shared outcome axes.
type Axes struct {
	Wealth, Level, Skills, Wellbeing, Autonomy Num
	Title                                      Num
	Titles                                     []string
}

// Calibration is a band checked by the balance tool.
type Calibration struct {
	ID, Label, Bot, Metric, Source string
	When, Among                    Cond
	// Endings, when set, counts runs that ended in one of these (indices).
	Endings  []int
	Min, Max float64
}

// Bot is a balance bot's point of view.
type Bot struct {
	Name, Description string
	Score             Num // nil: the default blend of outcome axes
	Risk, Explore     float64
	Lookahead         int
}

// Source is a citation.
type Source struct {
	Key, Fact, Source string
}
