package sim_test

import (
	"testing"

	"runwayladder/game/sim"
)

// positional is a one-card scenario of two months with four choices: the
// first three need `locked` off (it is on in month 1 only; the third is
// hidden while greyed), the fourth needs nothing pressed yet. The stat
// `pressed` records which choice was pressed.
const positional = `
format = 1
id = "positional"
version = 1
title = "Positional"
track = "startup"
role = "tester"
months = 2
pitch = "p"
promise = "p"
price = "p"

[stats.pressed]
label = "Pressed"
initial = 0
min = 0
max = 9

[stats.locked]
label = "Locked"
initial = 1
min = 0
max = 1

[[monthly]]
label = "Unlock"
set = { locked = 0 }

[events.card]
title = "A card"
text = "Four doors."
[[events.card.choices]]
label = "One"
when = "locked == 0"
blocked = "locked"
set = { pressed = 1 }
text = "You pressed One."
[[events.card.choices]]
label = "Two"
when = "locked == 0"
blocked = "locked"
set = { pressed = 2 }
text = "You pressed Two."
[[events.card.choices]]
label = "Three"
when = "locked == 0"
hide = true
set = { pressed = 3 }
text = "You pressed Three."
[[events.card.choices]]
label = "Four"
when = "pressed == 0"
blocked = "locked"
set = { pressed = 4 }
text = "You pressed Four."

[endings.done]
category = "survived"
title = "Done"
text = "Done."
at_end = true

[axes]
wealth = "0"
level = "0"
skills = "pressed"
wellbeing = "0"
autonomy = "0"
`

// TestPositionalBots: a positional bot presses its position among the
// choices the player sees (a hidden choice does not count), and the next
// available one when that is greyed out (the one before, for the last).
func TestPositionalBots(t *testing.T) {
	sc := parse(t, positional)
	tests := []struct {
		bot    string
		months []float64 // `pressed` after month 1 and after month 2
	}{
		// Month 1: One, Two greyed, Three hidden, Four available.
		// Month 2: Four is greyed (pressed != 0), the rest available.
		{"first", []float64{4, 1}},
		{"second", []float64{4, 2}},
		// Month 2: Four is the last visible choice, greyed: look back to Three.
		{"last", []float64{4, 3}},
	}
	for _, tt := range tests {
		bot, err := sim.NewBot(sc, tt.bot)
		if err != nil {
			t.Fatal(err)
		}
		r := sim.New(sc, 1, sim.Options{})
		for m, want := range tt.months {
			if r.Done() {
				t.Fatalf("%s: run ended before month %d", tt.bot, m+1)
			}
			if err := r.PickIndex(bot.Choose(r, m)); err != nil {
				t.Fatalf("%s month %d: %v", tt.bot, m+1, err)
			}
			if got := r.Value(0); got != want {
				t.Errorf("%s month %d: pressed choice %v, want %v", tt.bot, m+1, got, want)
			}
		}
	}
}

// TestBotNamesListPositional: every scenario can be played by the
// positional bots, and an unknown name lists them.
func TestBotNamesListPositional(t *testing.T) {
	sc := loadMini(t)
	names := sim.BotNames(sc)
	for _, want := range []string{"typical", "first", "second", "last"} {
		found := false
		for _, n := range names {
			found = found || n == want
		}
		if !found {
			t.Errorf("BotNames = %v, missing %s", names, want)
		}
	}
}

// TestBalanceCountsRepeats: the one-card scenario shows the same card in
// both months, so half its months are repeats and a run sees one card.
func TestBalanceCountsRepeats(t *testing.T) {
	sc := parse(t, positional)
	rep, err := sim.Balance(sc, sim.BalanceConfig{Runs: 20, Seed: 1, Bot: "first", Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if rep.RepeatShare != 0.5 || rep.DistinctCards != 1 {
		t.Errorf("repeat share %v, distinct cards %v; want 0.5 and 1", rep.RepeatShare, rep.DistinctCards)
	}
	if len(rep.Repeats) != 1 || rep.Repeats[0].ID != "card" || rep.Repeats[0].Shows != 2 || rep.Repeats[0].Runs != 1 {
		t.Errorf("repeats %+v; want card shown twice in every run", rep.Repeats)
	}
}
