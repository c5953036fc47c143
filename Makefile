# Every target is one or two plain go commands (STYLE.md, Habits), so
# nobody needs make: copy the command. Tools are pinned in go.mod with
# tool directives (go tool staticcheck).

FUZZTIME ?= 30s

.PHONY: check test fmt bench fuzz screenshots

# check: format, vet, staticcheck, then every test (the layering tests,
# deps_test.go, included) with the race detector.
check:
	@test -z "$$(gofmt -l .)" || { echo "gofmt -l: these files need go fmt:"; gofmt -l .; exit 1; }
	go vet ./...
	go tool staticcheck ./...
	go test -race -count=1 ./...

test:
	go test -count=1 ./...

fmt:
	go fmt ./...

# bench: every benchmark once at its default (small) size; docs/benchmarks.md
# gives the full-size runs and compares them with go tool benchstat.
bench:
	go test -run '^$$' -bench . -benchtime 1x ./...

# fuzz: each fuzz target (func FuzzXxx in a _test.go file) for $(FUZZTIME),
# one at a time, as go test -fuzz takes one target of one package.
fuzz:
	grep -rHo --include='*_test.go' '^func Fuzz[A-Za-z0-9_]*' internal cmd | sed -E 's|^(.*)/[^/]*:func (.*)$$|\1 \2|' | sort -u | \
	while read -r dir name; do go test -run '^$$' -fuzz "^$$name$$" -fuzztime $(FUZZTIME) "./$$dir" || exit 1; done

# screenshots: the browser stories in headless Chromium, saving the main
# pages into docs/screenshots/ (PNG, each under 300 KB).
screenshots:
	go test -count=1 -run '^TestBrowserStories$$' ./internal/server -update-screenshots
