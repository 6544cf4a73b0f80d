package main

import (
	"fmt"
	"io"

	"runwayladder/game/scenario"
)

func cmdSchema(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintln(stderr, "usage: careersim schema")
		return 2
	}
	b, err := scenario.Schema()
	if err != nil {
		fmt.Fprintln(stderr, "careersim schema:", err)
		return 1
	}
	stdout.Write(b)
	return 0
}
