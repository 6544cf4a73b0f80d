// Command careersim is the headless tool for Runway & Ladder scenarios:
// validate, balance, play in text mode, replay run codes, print the schema.
// It never imports Ebitengine and builds with CGO_ENABLED=0.
package main

import (
	"fmt"
	"io"
	"os"
)

const usage = `careersim — check, balance, play and replay Runway & Ladder scenarios

Usage:
  careersim validate [PATH...]        check scenario files or folders (default: the bundled set)
  careersim balance --scenario ID     Monte-Carlo playthroughs and calibration checks
  careersim play --scenario ID        play in text mode on stdin/stdout
  careersim replay CODE               print a run's transcript and outcome
  careersim schema                    print the JSON Schema of the scenario format
  careersim history export|import|stats|whatif   the player's finished runs (see careersim history help)
  careersim debrief [FILE...]         a workshop debrief from collected run codes
  careersim check [--runs N]          content gate: bands, coverage, endings, for every scenario
  careersim report [--runs N]         the balance report of every scenario, as Markdown
  careersim coverage [--runs N]       which claims of the source typical runs meet, as Markdown
  careersim list                      list the scenarios
  careersim serve [--dir dist]        serve the browser build (make web) on 127.0.0.1:8080
  careersim workshop serve|load|export   the live workshop room server (see careersim workshop help)

Run 'careersim COMMAND -h' for a command's flags.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run dispatches a command and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmds := map[string]func([]string, io.Reader, io.Writer, io.Writer) int{
		"validate": cmdValidate,
		"balance":  cmdBalance,
		"play":     cmdPlay,
		"replay":   cmdReplay,
		"schema":   cmdSchema,
		"list":     cmdList,
		"check":    cmdCheck,
		"debrief":  cmdDebrief,
		"report":   cmdReport,
		"coverage": cmdCoverage,
		"serve":    cmdServe,
		"history":  cmdHistory,
		"workshop": cmdWorkshop,
	}
	switch args[0] {
	case "-h", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	}
	// Everything printed for a person goes through a termWriter, so no
	// text from a scenario or a file can drive the terminal; history
	// export's output is data, kept byte for byte (history keeps no
	// control characters in records anyway).
	errw := newTermWriter(stderr)
	defer errw.Flush()
	stderr = errw
	if !(args[0] == "history" && len(args) > 1 && args[1] == "export") {
		outw := newTermWriter(stdout)
		defer outw.Flush()
		stdout = outw
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "careersim: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	return cmd(args[1:], stdin, stdout, stderr)
}
