//go:build !js

package ui

import "runwayladder/game/ui/kit"

// The desktop has no page around the game: the browser hooks of web_js.go
// do nothing here.

type platformState struct{}

func (g *Game) startPlatform()       {}
func (g *Game) afterDraw()           {}
func pageDropped() []kit.DroppedFile { return nil }

// runActions offers nothing more than the code on the desktop: Ebitengine
// has no clipboard, and the history already keeps every finished run.
func runActions() []runAction { return nil }
