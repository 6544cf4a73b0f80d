package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"runwayladder/game/scenario"
	"runwayladder/scenarios"
)

// dirsFlag collects repeated -scenarios DIR flags.
type dirsFlag []string

func (d *dirsFlag) String() string     { return strings.Join(*d, ",") }
func (d *dirsFlag) Set(v string) error { *d = append(*d, v); return nil }

// library loads the bundled scenarios plus extra folders; a broken extra
// file is reported on stderr and skipped.
func library(extra []string, stderr io.Writer) ([]*scenario.Scenario, error) {
	bundled, errs := scenario.LoadBundled(scenarios.FS)
	if errs.HasErrors() {
		return nil, fmt.Errorf("bundled scenarios are broken:\n%v", errs)
	}
	if len(extra) == 0 {
		return bundled, nil
	}
	user, uerrs := scenario.LoadPaths(extra)
	all, merrs := scenario.Combine(bundled, user)
	if errs := append(uerrs, merrs...); len(errs) > 0 {
		fmt.Fprintln(stderr, errs.Error())
	}
	return all, nil
}

func findScenario(scs []*scenario.Scenario, id string) (*scenario.Scenario, error) {
	if id == "" {
		return nil, fmt.Errorf("--scenario is required; one of: %s", ids(scs))
	}
	sc, ok := scenario.Find(scs, id)
	if !ok {
		return nil, fmt.Errorf("unknown scenario %q; one of: %s", id, ids(scs))
	}
	return sc, nil
}

func ids(scs []*scenario.Scenario) string {
	var out []string
	for _, sc := range scs {
		out = append(out, sc.ID)
	}
	return strings.Join(out, ", ")
}

func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("careersim "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

func cmdList(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	c := newCommand("list", stderr)
	fs := c.flags
	c.withScenarios("")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	scs, err := c.library()
	if err != nil {
		return c.fail(err)
	}
	for _, sc := range scs {
		fmt.Fprintf(stdout, "%-22s %-10s %3d months  %s\n", sc.ID, sc.Track, sc.Months, sc.Title)
	}
	return 0
}
