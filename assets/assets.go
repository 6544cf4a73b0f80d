// Package assets holds the game's art, sound and fonts: illustrations of
// the places a career happens, portraits of the people in it, icons of the
// ending categories, sound effects, ambient loops and the Go fonts.
//
// The desktop build embeds them. The browser build does not: the loading
// page fetches them beside the wasm (see internal/pagefiles), which keeps
// the wasm small and lets the page show the download's progress.
//
// README.md says where each file came from and under which licence; the
// art and sound are made by scripts/artgen and scripts/soundgen (`make
// assets`).
package assets

import (
	"fmt"
	"io/fs"
)

// FS returns every asset, by path: art/..., sound/..., fonts/...
func FS() fs.FS { return files() }

// ReadFile returns the bytes of one asset.
func ReadFile(name string) ([]byte, error) {
	data, err := fs.ReadFile(files(), name)
	if err != nil {
		return nil, fmt.Errorf("assets: %w", err)
	}
	return data, nil
}

// Scenes are the places a career happens, each an illustration
// (art/scene-KEY.png, 960x320): a scenario's path card and month header
// show the scene of its path or current phase. Phases name theirs with
// `scene = "KEY"` (format 2).
func Scenes() []string {
	return []string{"startup", "campus", "manager", "lab", "science", "mlops", "between"}
}

// ScenePath is the file of a scene.
func ScenePath(key string) string { return "art/scene-" + key + ".png" }

// Portraits are the people who recur in the scenarios, each a round badge
// (art/portrait-KEY.png, 256x256) shown on the cards where they speak.
func Portraits() []string {
	return []string{"ceo", "manager", "investor", "rival", "mentor", "recruiter", "friend", "director", "chair", "student"}
}

// PortraitPath is the file of a portrait.
func PortraitPath(key string) string { return "art/portrait-" + key + ".png" }

// EndingCategories are the categories every ending has (the scenario
// format's `category`), each with an icon (art/ending-CATEGORY.png,
// 128x128).
func EndingCategories() []string {
	return []string{"thrived", "good", "survived", "struggled", "failed"}
}

// EndingIconPath is the file of an ending category's icon.
func EndingIconPath(category string) string { return "art/ending-" + category + ".png" }

// Effect is a short sound the game plays when something happens.
type Effect string

// The effects.
const (
	Choice  Effect = "choice"  // a choice is made
	Roll    Effect = "roll"    // the roll against the odds
	Good    Effect = "good"    // a good outcome
	Bad     Effect = "bad"     // a bad outcome
	Money   Effect = "money"   // money comes in
	Warning Effect = "warning" // the runway is short
	Month   Effect = "month"   // a new month begins
	Ending  Effect = "ending"  // the run ends
)

// Effects lists every effect.
func Effects() []Effect { return []Effect{Choice, Roll, Good, Bad, Money, Warning, Month, Ending} }

// Path is the file of an effect (Ogg Vorbis, 44.1 kHz mono).
func (e Effect) Path() string { return "sound/" + string(e) + ".ogg" }

// Ambiences are the quiet loops played under a phase, by the phase's
// track (format 2's `track`: startup, corporate, academia, between), each
// 20 seconds that repeat without a seam.
func Ambiences() []string { return []string{"startup", "corporate", "academia", "between"} }

// AmbiencePath is the file of an ambient loop.
func AmbiencePath(track string) string { return "sound/ambient-" + track + ".ogg" }

// Font is one of the game's typefaces (the Go fonts).
type Font string

// The fonts.
const (
	Regular Font = "Go-Regular"
	Medium  Font = "Go-Medium"
	Bold    Font = "Go-Bold"
	Mono    Font = "Go-Mono"
)

// Fonts lists every font.
func Fonts() []Font { return []Font{Regular, Medium, Bold, Mono} }

// Path is the file of a font (TrueType).
func (f Font) Path() string { return "fonts/" + string(f) + ".ttf" }
