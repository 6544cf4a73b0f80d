package main

import (
	"bufio"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"runwayladder/game/sim"
)

func cmdPlay(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := newCommand("play", stderr)
	fs := c.flags
	id := fs.String("scenario", "", "scenario id")
	seed := fs.Uint64("seed", 0, "seed (default: random)")
	session := fs.String("session", "", "workshop session code (sets the seed)")
	c.withScenarios("")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	scs, err := c.library()
	if err != nil {
		return c.fail(err)
	}
	sc, err := findScenario(scs, *id)
	if err != nil {
		fmt.Fprintln(stderr, "careersim play:", err)
		return 2
	}
	s := *seed
	switch {
	case *session != "":
		if s, err = sim.SessionSeed(*session); err != nil {
			fmt.Fprintln(stderr, "careersim play:", err)
			return 2
		}
	case s == 0:
		var b [4]byte
		_, _ = rand.Read(b[:])
		s = uint64(binary.LittleEndian.Uint32(b[:]))
	}
	r := sim.New(sc, s, sim.Options{Session: *session})
	t := sim.Transcript{W: stdout}
	t.Intro(r)
	fmt.Fprintln(stdout, "Type the number of a choice and press Enter. Type q to stop.")
	in := bufio.NewScanner(stdin)
	echo := !isTerminal(stdin)
	for !r.Done() {
		t.Month(r)
		rep := ask(r, in, stdout, echo)
		if rep == nil {
			fmt.Fprintf(stdout, "\nStopped at month %d. Run code so far: %s\n", r.Month(), r.Code())
			return 0
		}
		t.Report(r, rep)
	}
	t.Ending(r)
	return 0
}

// ask reads picks until one is valid; nil when input ends or the player quits.
// When input is piped, the typed answer is echoed so the transcript reads
// as a dialogue.
func ask(r *sim.Run, in *bufio.Scanner, stdout io.Writer, echo bool) *sim.Report {
	n := len(r.Choices())
	for {
		fmt.Fprintf(stdout, "Your choice (1-%d): ", n)
		if !in.Scan() {
			if !echo {
				fmt.Fprintln(stdout)
			}
			return nil
		}
		line := strings.TrimSpace(in.Text())
		if echo {
			fmt.Fprintln(stdout, line)
		}
		if line == "q" || line == "quit" {
			return nil
		}
		k, err := strconv.Atoi(line)
		if err != nil || k < 1 || k > n {
			fmt.Fprintf(stdout, "Please type a number from 1 to %d.\n", n)
			continue
		}
		rep, err := r.Pick(k - 1)
		if err != nil {
			fmt.Fprintf(stdout, "%v. Pick another.\n", err)
			continue
		}
		return rep
	}
}

// isTerminal reports whether r is an interactive terminal.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
