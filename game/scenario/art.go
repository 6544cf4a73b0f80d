package scenario

import "strings"

// Art keys a scenario may name: a phase's scene (its illustration) and the
// speaker of an event or choice (a portrait). The game's assets provide
// exactly these; a test of the assets package checks the lists match. The
// scenario package does not import the assets (they embed the art).

// SceneKeys are the scenes a phase may name.
func SceneKeys() []string {
	return []string{"startup", "campus", "manager", "lab", "science", "mlops", "between"}
}

// SpeakerKeys are the people an event or choice may name as its speaker.
func SpeakerKeys() []string {
	return []string{"ceo", "manager", "investor", "rival", "mentor", "recruiter", "friend", "director", "chair", "student"}
}

// artKey checks an art key against its list.
func (l *loader) artKey(path, kind, key string, keys []string) string {
	if key == "" || contains(keys, key) {
		return key
	}
	help := didYouMean(key, keys)
	if help != "" {
		help += " "
	}
	l.errorHelp(path, help+"known: "+strings.Join(keys, ", "), "unknown %s `%s`: the game has no art for it", kind, key)
	return ""
}
