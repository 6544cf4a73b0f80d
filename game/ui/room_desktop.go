//go:build !js

package ui

// pageRoom is the workshop room of the page: the desktop game has no page.
func pageRoom() roomLink { return nil }
