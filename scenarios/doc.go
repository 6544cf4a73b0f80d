// Package scenarios holds the bundled scenario files (*.toml at the top
// level). The desktop build and the headless tool embed them; the browser
// build reads the copies its loading page fetched beside the wasm, which
// keeps their text out of the wasm.
package scenarios
