package workshop

import (
	"bytes"
	"net/http/httptest"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzJoinRequest feeds arbitrary bodies to the participant API's decoder
// and the name and code checks behind it: never a panic, and what passes
// is a clean name and a canonical room code.
func FuzzJoinRequest(f *testing.F) {
	for _, seed := range []string{
		`{"room":"K7QM2X","name":"Ana"}`,
		`{"room":"k7q-m2x","name":"  Ana   María "}`,
		`{"room":"OIL123","name":"<script>"}`,
		`{"room":"K7QM2X","name":"a\u202eb"}`,
		`{"month":3,"pick":1}`,
		`{"room":1}`, `[]`, `{"room":"K7QM2X","name":"A"} {}`, "\xff",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		req := httptest.NewRequest("POST", "/api/join", bytes.NewReader(body))
		rec := httptest.NewRecorder()
		var jr joinRequest
		if !readJSON(rec, req, &jr) {
			if rec.Code < 400 || rec.Code >= 500 {
				t.Fatalf("a refused body answered %d", rec.Code)
			}
			return
		}
		if name, err := CleanName(jr.Name); err == nil {
			if !utf8.ValidString(name) || utf8.RuneCountInString(name) > MaxNameRunes || name != strings.TrimSpace(name) || name == "" {
				t.Fatalf("CleanName(%q) = %q", jr.Name, name)
			}
			for _, r := range name {
				if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
					t.Fatalf("CleanName(%q) kept %U", jr.Name, r)
				}
			}
			if again, err := CleanName(name); err != nil || again != name {
				t.Fatalf("CleanName is not idempotent on %q: %q %v", name, again, err)
			}
		}
		if code, ok := NormalizeCode(jr.Room); ok {
			if len(code) != CodeLen || strings.Trim(code, codeAlphabet) != "" {
				t.Fatalf("NormalizeCode(%q) = %q", jr.Room, code)
			}
			if again, ok := NormalizeCode(code); !ok || again != code {
				t.Fatalf("NormalizeCode is not idempotent on %q", code)
			}
		}
		var cr choiceRequest
		req = httptest.NewRequest("POST", "/api/choice", bytes.NewReader(body))
		readJSON(httptest.NewRecorder(), req, &cr)
	})
}
