// Package webtest plays the browser build of Runway & Ladder in headless
// Chromium. Its tests build dist/ with scripts/web.sh (once per test
// binary), serve it on 127.0.0.1 through internal/webserve — the handler
// careersim serve uses — and drive Debian's /usr/bin/chromium with chromedp:
// real clicks and keys, reloads, localStorage, screenshots.
//
// The package has no API; everything is in its tests. Environment:
//
//	WEBTEST_DIST=dir      use an already built folder instead of building one
//	WEB_SCREENSHOTS=1     also write the README's docs/screenshots/web-*.png
//	WEBTEST_CHROMIUM=path another Chromium binary (default /usr/bin/chromium)
//
// Screenshots always go to out/webtest/ at the module root (not committed).
package webtest
