// Package depgraph draws the module's packages and their imports as a
// Mermaid flowchart, from `go list`, so the picture in
// docs/architecture.md is made from the code and cannot drift from it
// (TestArchitectureDiagram fails when it does; `make architecture`
// rewrites it).
package depgraph

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"sort"
	"strings"
)

// Package is what the diagram needs of one package.
type Package struct {
	ImportPath string
	Imports    []string
}

// List runs `go list` over the module in dir and returns its packages.
func List(dir string) ([]Package, error) {
	cmd := exec.Command("go", "list", "-json", "./...")
	cmd.Dir = dir
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("depgraph: go list: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	var pkgs []Package
	dec := json.NewDecoder(&out)
	for {
		var p Package
		err := dec.Decode(&p)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("depgraph: reading go list: %w", err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs, nil
}

// ebiten is the import path prefix of Ebitengine.
const ebiten = "github.com/hajimehoshi/ebiten/"

// Mermaid returns the flowchart of the packages of module: an arrow for
// each import between them, the packages that import Ebitengine marked.
// Test-only packages (no non-test Go files import them) are left out by
// leaving out packages named in skip.
func Mermaid(module string, pkgs []Package, skip []string) string {
	name := func(path string) string {
		if path == module {
			return module + " (main)"
		}
		return strings.TrimPrefix(path, module+"/")
	}
	id := func(path string) string {
		return "p_" + strings.NewReplacer("/", "_", ".", "_", "-", "_", " ", "_", "(", "_", ")", "_").Replace(name(path))
	}
	skipped := map[string]bool{}
	for _, s := range skip {
		skipped[s] = true
	}
	in := map[string]bool{}
	var paths []string
	for _, p := range pkgs {
		if !skipped[name(p.ImportPath)] {
			in[p.ImportPath] = true
			paths = append(paths, p.ImportPath)
		}
	}
	sort.Strings(paths)
	byPath := map[string]Package{}
	for _, p := range pkgs {
		byPath[p.ImportPath] = p
	}
	var b strings.Builder
	b.WriteString("```mermaid\nflowchart TD\n")
	for _, path := range paths {
		label := name(path)
		engine := false
		for _, imp := range byPath[path].Imports {
			if strings.HasPrefix(imp, ebiten) {
				engine = true
			}
		}
		if engine {
			fmt.Fprintf(&b, "  %s[\"%s<br/><i>Ebitengine</i>\"]:::engine\n", id(path), label)
		} else {
			fmt.Fprintf(&b, "  %s[\"%s\"]\n", id(path), label)
		}
	}
	for _, path := range paths {
		imps := append([]string(nil), byPath[path].Imports...)
		sort.Strings(imps)
		for _, imp := range imps {
			if in[imp] {
				fmt.Fprintf(&b, "  %s --> %s\n", id(path), id(imp))
			}
		}
	}
	b.WriteString("  classDef engine fill:#2d4558,stroke:#f2b544,color:#e9eef2\n```\n")
	return b.String()
}

// Markers enclose the generated diagram in a Markdown file.
const (
	Start = "<!-- depgraph:start (make architecture writes this block) -->"
	End   = "<!-- depgraph:end -->"
)

// Replace puts diagram between the markers of doc.
func Replace(doc, diagram string) (string, error) {
	i := strings.Index(doc, Start)
	j := strings.Index(doc, End)
	if i < 0 || j < i {
		return "", fmt.Errorf("depgraph: the document has no %q ... %q block", Start, End)
	}
	return doc[:i+len(Start)] + "\n" + diagram + doc[j:], nil
}

// Module is this module's path; Skip names the packages the picture leaves
// out (tools and tests that are not part of the game's shape).
const Module = "runwayladder"

// Skip lists the packages left out of the picture.
var Skip = []string{"internal/depgraph", "internal/depgraph/cmd", "internal/webtest", "internal/simdigest", "internal/digest", "scripts/artgen", "scripts/soundgen"}
