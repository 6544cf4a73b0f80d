package main

import (
	"flag"
	"fmt"
	"io"

	"runwayladder/game/scenario"
)

// command is what every careersim command sets up the same way: its flags
// (named "careersim NAME", errors to stderr), the --scenarios folders it
// may add to the bundled set, the --dir of the history it may use, and
// how it reports a failure.
type command struct {
	name   string
	flags  *flag.FlagSet
	dirs   dirsFlag
	stderr io.Writer
}

func newCommand(name string, stderr io.Writer) *command {
	return &command{name: name, flags: newFlags(name, stderr), stderr: stderr}
}

// withScenarios adds --scenarios DIR (repeatable); help says what the
// command does with them (empty: the usual words).
func (c *command) withScenarios(help string) {
	if help == "" {
		help = "extra scenario folder (repeatable)"
	}
	c.flags.Var(&c.dirs, "scenarios", help)
}

// historyDir adds --dir, the folder holding history.jsonl.
func (c *command) historyDir() *string {
	return c.flags.String("dir", "", "folder holding history.jsonl (default: the game's)")
}

// library loads the bundled scenarios and the --scenarios folders; the
// folders' problems go to stderr.
func (c *command) library() ([]*scenario.Scenario, error) {
	return library(c.dirs, c.stderr)
}

// fail reports err as "careersim NAME: err" and returns exit code 1.
func (c *command) fail(err error) int {
	fmt.Fprintf(c.stderr, "careersim %s: %v\n", c.name, err)
	return 1
}
