//go:build js

package ui

import (
	"strconv"
	"syscall/js"
)

// jsRoom is the room as the page's room.js keeps it on
// window.runwayLadder.room (the room server's assets/room.js).
type jsRoom struct {
	v js.Value
}

// pageRoom returns the page's room, or nil when the page is not in one.
func pageRoom() roomLink {
	pg := page()
	if !pg.Truthy() {
		return nil
	}
	r := pg.Get("room")
	if !r.Truthy() || r.Get("picked").Type() != js.TypeFunction {
		return nil
	}
	return jsRoom{v: r}
}

func (r jsRoom) state() (st roomState) {
	defer func() {
		if e := recover(); e != nil {
			st = roomState{Failed: "the page's room script misbehaved"}
		}
	}()
	v := r.v
	str := func(k string) string {
		if x := v.Get(k); x.Type() == js.TypeString {
			return x.String()
		}
		return ""
	}
	num := func(k string) int {
		if x := v.Get(k); x.Type() == js.TypeNumber {
			return x.Int()
		}
		return 0
	}
	st = roomState{Ready: v.Get("ready").Truthy(), Failed: str("failed"), Problem: str("problem"),
		Scenario: str("scenario"), Version: num("version"), Session: str("session"), RoomName: str("roomName"),
		Name: str("name"), HoldMonth: num("holdMonth"), Pending: num("pending"), Online: v.Get("online").Truthy(),
		Resync: num("resync")}
	st.Seed, _ = strconv.ParseUint(str("seed"), 10, 64)
	if p := v.Get("picks"); p.Truthy() {
		for i := 0; i < p.Length(); i++ {
			st.Picks = append(st.Picks, p.Index(i).Int())
		}
	}
	if sh := v.Get("shared"); sh.Truthy() {
		st.Shared = map[int]string{}
		for i := 0; i < sh.Length(); i++ {
			e := sh.Index(i)
			st.Shared[e.Get("month").Int()] = e.Get("event").String()
		}
	}
	return st
}

func (r jsRoom) picked(month, pick int) {
	_ = jsCall("room", func() { r.v.Call("picked", month, pick) })
}
