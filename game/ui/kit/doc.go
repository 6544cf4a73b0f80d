// Package kit is the game's UI kit: geometry, the painter (shapes, text and
// cached tiles), text wrapping, the theme (palettes, fonts, the design
// unit), icons, widgets (buttons, panels, chips, meters, a text field, the
// notice), focus and scrolling, and Input, the one value of intents a
// tick's devices are read into. It imports no package of the game, so any
// screen, and any front end built on Ebitengine, can use it.
//
// The contract, in short (docs/architecture.md has it in full):
//   - A Context carries what widgets draw and measure with; the game owns
//     it and hands it to every Update and Draw. Widgets never keep it.
//   - Widgets are plain structs (Button, Field, Focus, Scroll, Toast)
//     held by value in the screens that use them; stateless pieces (Panel,
//     Chip, Meter) are functions of the Context.
//   - Layout is computed where a screen builds: rectangles (Rect) from the
//     window's size and the Style's design unit, shared by hit-testing and
//     drawing, and listed as Targets for the browser's test hook.
//   - ReadInput is the only function that reads devices.
package kit
