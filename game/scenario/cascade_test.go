package scenario_test

import (
	"os"
	"strings"
	"testing"

	"runwayladder/game/scenario"
)

// TestNoCascadingErrors: a value of the wrong type, or an effect that does
// not compile, is reported once; the checks that run on what was decoded
// must not add misleading follow-on messages about the same key (a
// `months` of 0, an empty title, a choice with "no effect").
func TestNoCascadingErrors(t *testing.T) {
	for _, tt := range []struct {
		file    string
		notWant []string
	}{
		{"testdata/broken/wrong_type.toml", []string{"`months` must be between", "`title` is empty"}},
		{"testdata/broken/unknown_stat.toml", []string{"has no effect"}},
		// An empty file: each missing key once, not again as an empty id,
		// a version of 0 and a length of 0 months.
		{"", []string{"scenario format 0", "scenario id ``", "`version` must be 1 or more", "`months` must be between"}},
	} {
		var data []byte
		if tt.file != "" {
			var err error
			if data, err = os.ReadFile(tt.file); err != nil {
				t.Fatal(err)
			}
		}
		name := tt.file
		if name == "" {
			name = "empty.toml"
		}
		_, errs := scenario.Parse(name, data)
		for _, bad := range tt.notWant {
			if strings.Contains(errs.Error(), bad) {
				t.Errorf("%s: a follow-on message %q:\n%v", name, bad, errs)
			}
		}
	}
}
