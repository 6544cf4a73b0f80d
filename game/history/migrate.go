package history

import (
	"encoding/json"
	"strings"
	"time"
)

// recordV0 is history's version 0 layout: the first plausible shape of a
// run log, before the format carried a version field. It named fields
// differently, kept the axes in a map, the time in Unix seconds, and had no
// titles and no timeline. No release wrote it; it exists so the migration
// path is exercised by tests (testdata/v0.jsonl) before a real version 2
// needs it. To add version 2: keep Record as the newest layout, freeze the
// old one here as recordV1, and chain v0 -> v1 -> v2.
type recordV0 struct {
	Run      string             `json:"run"`              // the run code
	Scenario string             `json:"scenario_id"`      // -> Scenario
	Version  int                `json:"scenario_version"` // -> Content
	Path     string             `json:"path"`             // -> Track
	End      string             `json:"end"`              // -> Ending
	Result   string             `json:"result"`           // -> Category, any case
	Axes     map[string]float64 `json:"axes"`             // wealth, level, skills, wellbeing, autonomy
	Turns    int                `json:"turns"`            // -> Months
	PlayedAt int64              `json:"played_at"`        // Unix seconds -> FinishedAt
}

// migrateV0 reads a version 0 line as a current Record.
func migrateV0(line []byte) (Record, error) {
	var old recordV0
	if err := json.Unmarshal(line, &old); err != nil {
		return Record{}, jsonProblem(err)
	}
	return Record{
		V:          FormatVersion,
		Code:       strings.TrimSpace(old.Run),
		Scenario:   old.Scenario,
		Content:    old.Version,
		Track:      old.Path,
		Ending:     old.End,
		Category:   strings.ToLower(strings.TrimSpace(old.Result)),
		Wealth:     old.Axes["wealth"],
		Level:      old.Axes["level"],
		Skills:     old.Axes["skills"],
		Wellbeing:  old.Axes["wellbeing"],
		Autonomy:   old.Axes["autonomy"],
		Months:     old.Turns,
		FinishedAt: time.Unix(old.PlayedAt, 0).UTC(),
	}, nil
}
