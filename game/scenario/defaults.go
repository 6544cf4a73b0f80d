package scenario

// Defaults of the optional keys, in one place: the loader and the rules take
// them from here, and keys.go shows them in the documentation and the schema.

// Defaults the loader and the rules use when a key is left out.
const (
	DefaultWeight       = 1.0 // events.ID.weight
	DefaultScheduledMax = 1   // events.ID.max of a scheduled event
	DefaultRetryAfter   = 3   // funding.rounds.ID.retry_after
	DefaultOfferStart   = "Start raising"
	DefaultOfferWait    = "Not yet"
	DefaultPromoteIf    = "good_ratings >= 2" // ladder.promote_if
	DefaultExponent     = 1.0                 // resource_fight.exponent
	DefaultLuck         = 0.2                 // resource_fight.luck
	DefaultLookahead    = 3                   // bots.NAME.lookahead
	DefaultBandBot      = "typical"           // calibration.bot
	DefaultShowOdds     = true                // show_odds of a choice
	DefaultUnit         = "plain"             // unit of a stat or pool
	DefaultBetter       = "higher"            // better of a stat
	DefaultTrigger      = "random"            // events.ID.trigger
)
