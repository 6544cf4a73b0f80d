package webtest

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestContentSecurityPolicy loads the game under the policy careersim serve
// sends and checks that the browser reported no violation while the game
// started, played a month and showed and dismissed the page's banner; and
// that the policy is in force (an injected inline handler is blocked).
func TestContentSecurityPolicy(t *testing.T) {
	tb := newTab(t, 1280, 720)
	tb.beforeLoad(`window.cspViolations = [];
		document.addEventListener("securitypolicyviolation", (e) => window.cspViolations.push(e.violatedDirective + " " + e.blockedURI + " " + (e.sample || "")));`)
	tb.openGame("/")
	resp, err := http.Get(site.srv.URL + "/")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if p := resp.Header.Get("Content-Security-Policy"); !strings.Contains(p, "'wasm-unsafe-eval'") || !strings.Contains(p, "'sha256-") {
		t.Fatalf("the page is served with the policy %q", p)
	}
	tb.clickTarget("New run")
	tb.waitScreen("choose")
	tb.clickTarget("startup_engineer")
	st := tb.waitScreen("month")
	st = tb.playMonth(st, false)
	if st.Screen != "happened" && st.Screen != "month" {
		t.Fatalf("after a month: %s", st.Screen)
	}

	var hidden bool
	tb.eval(`runwayLadder.warn("a test message"); document.getElementById("banner-close").click(); document.getElementById("banner").hidden`, &hidden)
	if !hidden {
		t.Error("the banner's close button does not work under the policy")
	}
	var violations []string
	tb.eval(`window.cspViolations`, &violations)
	if len(violations) > 0 {
		t.Fatalf("the game broke the policy: %q", violations)
	}
	// The policy is in force: an inline handler injected into the page
	// does not run.
	var ran bool
	tb.eval(`window.injected = false;
		document.body.insertAdjacentHTML("beforeend", '<img src="data:," onerror="window.injected = true">');
		false`, &ran)
	tb.waitFor(`window.cspViolations.length > 0`, 5*time.Second)
	tb.eval(`window.injected`, &ran)
	if ran {
		t.Fatal("an injected inline handler ran: the policy is not in force")
	}
}
