//go:build !js

package pagefiles

const inBrowser = false

// page has no files outside the browser.
type page struct{}

func (page) names() []string            { return nil }
func (page) read(string) ([]byte, bool) { return nil, false }
