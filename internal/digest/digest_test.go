package digest

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"runwayladder/scenarios"
)

// TestSameInBrowser builds the digest program as WebAssembly, runs it under
// Node.js (the same Go runtime a browser gets), and compares its digest of
// hundreds of runs with the native one: same seed and picks, same run.
func TestSameInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a wasm binary")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed; cannot run the WebAssembly build")
	}
	const n = "40"
	dir, err := filepath.Abs(filepath.Join("..", "..", "scenarios"))
	if err != nil {
		t.Fatal(err)
	}
	native, err := Runs(scenarios.FS, 40)
	if err != nil {
		t.Fatal(err)
	}
	wasm := filepath.Join(t.TempDir(), "simdigest.wasm")
	build := exec.Command("go", "build", "-o", wasm, "runwayladder/internal/simdigest")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the wasm digest: %v\n%s", err, out)
	}
	runner := filepath.Join(runtime.GOROOT(), "lib", "wasm", "wasm_exec_node.js")
	out, err := exec.Command(node, runner, wasm, dir, n).CombinedOutput()
	if err != nil {
		t.Fatalf("running the wasm digest: %v\n%s", err, out)
	}
	if got := strings.TrimSpace(string(out)); got != native {
		t.Fatalf("runs differ between native and WebAssembly builds:\nnative %s\nwasm   %s", native, got)
	}
}
