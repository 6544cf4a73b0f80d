# Runway & Ladder. `make run` plays the game; `make test` runs every check.
# Each target installs what it needs on Debian/Ubuntu (scripts/deps.sh).

GO        ?= go
# Packages that never import Ebitengine: built and tested with CGO_ENABLED=0.
HEADLESS  := $(shell $(GO) list ./... 2>/dev/null | grep -v -e '/game/ui' -e '^runwayladder$$' -e '/internal/webtest')
# Packages that import Ebitengine: their tests need a display (xvfb-run).
UI        := $(shell $(GO) list ./game/ui/... 2>/dev/null) runwayladder
FUZZTIME  ?= 3s

.PHONY: run test vet build careersim headless-test ui-test validate balance-check fuzz fuzz-long bench \
        screenshots idle-cpu web serve web-test web-bench balance-report coverage-report clean deps-desktop deps-test deps-browser \
        deps-postgres assets deps-assets workshop workshop-screenshots

run: deps-desktop
	@if [ -z "$$DISPLAY$$WAYLAND_DISPLAY" ]; then \
		scripts/deps.sh test; \
		echo "make run: no display found; running under xvfb-run (the window is invisible)"; \
		xvfb-run -a $(GO) run . ; \
	else $(GO) run . ; fi

test: deps-test vet headless-test ui-test web-test validate balance-check fuzz
	@echo "make test: all checks passed"

deps-desktop: ; @scripts/deps.sh desktop
deps-test:    ; @scripts/deps.sh test
deps-browser: ; @scripts/deps.sh browser
deps-postgres: ; @scripts/deps.sh postgres
deps-assets:  ; @scripts/deps.sh assets

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }

# The headless core and tool must build and pass without cgo. The workshop
# server's tests also run against a throwaway PostgreSQL cluster, which
# scripts/with-postgres.sh starts and stops (they fail if it cannot start).
headless-test: deps-postgres
	CGO_ENABLED=0 $(GO) build -o /dev/null ./cmd/careersim
	scripts/with-postgres.sh env CGO_ENABLED=0 $(GO) test -count=1 $(HEADLESS)

ui-test: deps-test
	xvfb-run -a -s "-screen 0 1920x1080x24" $(GO) test -count=1 $(UI)

# Refreshes docs/screenshots/*.png: every screen at 1280x720 and 800x600.
screenshots: deps-test
	scripts/screenshots.sh docs/screenshots

# Redraws the package diagram in docs/architecture.md from go list.
.PHONY: architecture
architecture:
	$(GO) run ./internal/depgraph/cmd

# Time from starting the desktop game to its first frame (median of fresh starts).
.PHONY: desktop-bench
desktop-bench: deps-test
	scripts/desktop-bench.sh

# CPU seconds the game uses in 10 s of waiting, throttled idle vs Ebitengine's default.
idle-cpu: deps-test
	scripts/idle-cpu.sh 10

# Regenerates assets/art (Fluent Emoji composed by scripts/artgen) and
# assets/sound (synthesized by scripts/soundgen). The outputs are committed.
assets: deps-assets
	scripts/assets.sh

careersim:
	CGO_ENABLED=0 $(GO) build -o bin/careersim ./cmd/careersim

build:
	$(GO) build -o bin/runwayladder .

validate:
	$(GO) run ./cmd/careersim validate

# A quick balance of every bundled scenario: fails when a calibration band
# is missed or an event never fires.
balance-check:
	$(GO) run ./cmd/careersim check --runs 1500

fuzz:
	@scripts/fuzz.sh $(FUZZTIME)

fuzz-long:
	@scripts/fuzz.sh 2m

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./game/sim/

balance-report:
	$(GO) run ./cmd/careersim report --runs 10000 > docs/balance.md

# docs/source-coverage.md from docs/source-coverage.toml: which claims of the
# source text typical runs meet, measured.
coverage-report:
	$(GO) run ./cmd/careersim coverage --runs 5000 > docs/source-coverage.md

# The browser build: dist/ is a static folder any web host can serve.
web:
	@scripts/web.sh dist

serve: web
	$(GO) run ./cmd/careersim serve --dir dist --addr $(or $(ADDR),127.0.0.1:8080)

# The live workshop room: builds the browser game, then serves rooms on the
# network (ADDR=127.0.0.1:8080 to keep it on this machine; DB=postgres://...
# for PostgreSQL).
workshop: web
	CGO_ENABLED=0 $(GO) run ./cmd/careersim workshop serve --web dist --addr $(or $(ADDR),0.0.0.0:8080) --db $(or $(DB),workshop.db)

# Refreshes docs/screenshots/workshop-*.png: the projector's views and the
# report of a room mid-workshop, in headless Chromium.
workshop-screenshots: deps-browser
	WEB_SCREENSHOTS=1 $(GO) test -count=1 -run 'TestRoomScreenshots' ./internal/webtest/

# Plays the browser build in headless Chromium (installed when missing).
# WEB_SCREENSHOTS=1 also refreshes docs/screenshots/web-*.png.
web-test: deps-browser
	$(GO) test -count=1 -timeout 10m ./internal/webtest/

# wasm size and time to the first frame, measured in headless Chromium.
web-bench: deps-browser
	@scripts/web-bench.sh

clean:
	rm -rf bin dist out
