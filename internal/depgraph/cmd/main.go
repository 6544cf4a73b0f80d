// Command depgraph rewrites the package diagram in docs/architecture.md
// from `go list` (make architecture). Run it from the module's root.
package main

import (
	"fmt"
	"os"

	"runwayladder/internal/depgraph"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "depgraph:", err)
		os.Exit(1)
	}
}

func run() error {
	const doc = "docs/architecture.md"
	pkgs, err := depgraph.List(".")
	if err != nil {
		return err
	}
	old, err := os.ReadFile(doc)
	if err != nil {
		return err
	}
	out, err := depgraph.Replace(string(old), depgraph.Mermaid(depgraph.Module, pkgs, depgraph.Skip))
	if err != nil {
		return err
	}
	return os.WriteFile(doc, []byte(out), 0o644)
}
