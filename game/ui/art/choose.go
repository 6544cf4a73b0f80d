package art

import (
	"slices"
	"strings"

	"runwayladder/assets"
)

// SceneFor picks the illustration of a path or phase: the phase's own
// `scene` when it names one, else the path's, else one for the track
// (startup, corporate, academia, between); "" when nothing fits.
func SceneFor(scenarioID, phaseScene, track string) string {
	if slices.Contains(assets.Scenes(), phaseScene) {
		return phaseScene
	}
	byPath := map[string]string{
		"academia_scientist": "lab",
		"applied_scientist":  "science",
		"bigco_engineer":     "campus",
		"bigco_manager":      "manager",
		"mlops_lead":         "mlops",
		"startup_engineer":   "startup",
	}
	if s, ok := byPath[scenarioID]; ok && phaseScene == "" {
		return s
	}
	byTrack := map[string]string{"startup": "startup", "corporate": "campus", "academia": "lab", "between": "between"}
	return byTrack[track]
}

// AmbienceFor picks the ambient loop of a track; "" when none fits.
func AmbienceFor(track string) string {
	if slices.Contains(assets.Ambiences(), track) {
		return track
	}
	return ""
}

// speakers maps words on a card to the person speaking, most specific
// first: a card about "your manager's manager" is the director's.
var speakers = []struct{ words, key string }{
	{"skip-level", "director"},
	{"manager's manager", "director"},
	{"director", "director"},
	{"vp", "director"},
	{"department chair", "chair"},
	{"chair", "chair"},
	{"your manager", "manager"},
	{"ceo", "ceo"},
	{"founder", "ceo"},
	{"co-founder", "friend"},
	{"cofounder", "friend"},
	{"investor", "investor"},
	{"vc", "investor"},
	{"partner at", "investor"},
	{"rival", "rival"},
	{"mentor", "mentor"},
	{"advisor", "mentor"},
	{"recruiter", "recruiter"},
	{"headhunter", "recruiter"},
	{"your student", "student"},
	{"phd student", "student"},
	{"friend", "friend"},
	{"manager", "manager"},
}

// SpeakerFor guesses whose portrait belongs on a card from its title and
// text: the person named earliest in the title, else in the text; "" when
// the card names nobody. Scenarios that say who speaks (a `speaker` key)
// should be believed over this.
func SpeakerFor(title, text string) string {
	for _, s := range []string{title, text} {
		if key := firstNamed(strings.ToLower(s)); key != "" {
			return key
		}
	}
	return ""
}

// firstNamed returns the person whose words come first in s (lower case),
// matching whole words only; where two phrases overlap ("your manager's
// manager") the one earlier in the table wins.
func firstNamed(s string) string {
	type match struct{ start, end, rank int }
	var ms []match
	for rank, sp := range speakers {
		for i := 0; i < len(s); {
			j := strings.Index(s[i:], sp.words)
			if j < 0 {
				break
			}
			j += i
			end := j + len(sp.words)
			if (j == 0 || !isWordByte(s[j-1])) && (end == len(s) || !isWordByte(s[end])) {
				ms = append(ms, match{j, end, rank})
				break
			}
			i = j + 1
		}
	}
	if len(ms) == 0 {
		return ""
	}
	first := ms[0]
	for _, m := range ms[1:] {
		if m.start < first.start {
			first = m
		}
	}
	best := first
	for _, m := range ms {
		if m.start < first.end && m.end > first.start && m.rank < best.rank {
			best = m
		}
	}
	return speakers[best.rank].key
}

func isWordByte(b byte) bool {
	return b == '-' || b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 0x80
}
