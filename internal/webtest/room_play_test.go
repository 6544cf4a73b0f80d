package webtest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"runwayladder/game/workshop"
)

// me asks the room server for a participant's run, by the token the page
// keeps.
func (rm *room) me(t *testing.T, tb *tab) workshop.Me {
	t.Helper()
	var token string
	tb.eval(`JSON.parse(localStorage.getItem("rl-room:" + runwayLadder.room.code)).token`, &token)
	req, _ := http.NewRequest("GET", rm.url+"/api/me", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var me workshop.Me
	if err := json.NewDecoder(resp.Body).Decode(&me); err != nil {
		t.Fatal(err)
	}
	return me
}

// Participants play the real game in Chromium, by keys and clicks; every
// choice reaches the server, the room's hold stops them and its release
// lets them on, a reload resumes, and choices made offline are sent when
// the network is back.
func TestRoomParticipantsPlayTheGame(t *testing.T) {
	rm := newRoomServer(t)
	var cr workshop.CreateResponse
	if status := rm.post(t, "/api/rooms", "", workshop.CreateRequest{Name: "Play", Scenarios: []string{"startup_engineer", "bigco_engineer"}, HoldMonth: 4}, &cr); status != 201 {
		t.Fatalf("creating the room: %d", status)
	}
	players := []*tab{newTab(t, 1024, 700), newTab(t, 1024, 700)}
	for i, tb := range players {
		tb.joinRoom(rm.url, cr.Code, []string{"Ana", "Ben"}[i])
	}
	for i, tb := range players {
		st := tb.waitScreen("month")
		for st.Month < 4 {
			st = tb.playMonth(st, i == 0)
			if st.Screen == "happened" {
				st = tb.next(st, i == 0)
			}
		}
		if st.Screen != "room" {
			t.Fatalf("player %d at month 4 under a hold at 4 sees %q", i, st.Screen)
		}
		if i == 0 {
			tb.shot("room-hold")
		}
		if me := rm.me(t, tb); len(me.Picks) != 3 {
			t.Fatalf("the server has %d picks of player %d", len(me.Picks), i)
		}
	}
	// Release: both go on by themselves.
	form := url.Values{"action": {"release"}}.Encode()
	resp, err := http.Post(strings.TrimSuffix(cr.FacilitatorURL, "/")+"/control", "application/x-www-form-urlencoded", strings.NewReader(form))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	a, b := players[0], players[1]
	st := a.waitScreenFor("month", 15*time.Second)
	b.waitScreenFor("month", 15*time.Second)
	st = a.playMonth(st, false)
	st = a.next(st, false) // month 5

	// A reload resumes the room's run at month 5.
	a.open(rm.url + "/play/")
	a.firstFrame()
	if st = a.waitScreen("month"); st.Month != 5 {
		t.Fatalf("after a reload: month %d", st.Month)
	}
	// Offline: the game plays on, the choice waits in the outbox...
	rm.cut.Store(true)
	st = a.playMonth(st, true)
	st = a.next(st, true)
	var pending int
	a.eval(`runwayLadder.room.pending`, &pending)
	if pending != 1 || st.Month != 6 {
		t.Fatalf("offline: %d pending, month %d", pending, st.Month)
	}
	// ...and reaches the server once the network is back.
	rm.cut.Store(false)
	a.waitFor(`runwayLadder.room.pending === 0`, 20*time.Second)
	if me := rm.me(t, a); len(me.Picks) != 5 || me.Month != 6 {
		t.Fatalf("the server has %d picks, month %d", len(me.Picks), me.Month)
	}
	proj := newTab(t, 1280, 720)
	proj.open(cr.ProjectorURL + "?view=people")
	var people string
	proj.eval(`document.querySelector(".people").textContent`, &people)
	if !strings.Contains(people, "Ana month 6") || !strings.Contains(people, "Ben month 4") {
		t.Fatalf("the projector's people: %q", people)
	}
	a.shot("room-month")
}

// waitScreenFor waits longer than waitScreen (a release is heard within
// the page's polling interval).
func (tb *tab) waitScreenFor(name string, d time.Duration) gameState {
	tb.t.Helper()
	tb.waitFor(`runwayLadder.stateJSON && JSON.parse(runwayLadder.stateJSON).screen === "`+name+`"`, d)
	return tb.state()
}
