package workshop

import (
	"bytes"
	"net/http"
	"testing"

	"runwayladder/internal/pgtest"
)

// Two servers on one PostgreSQL database are one room: a participant who
// joins on one and plays on the other shows on both projectors, live.
func TestTwoServersShareARoomThroughPostgres(t *testing.T) {
	dsn := pgtest.Database(t)
	a := newTestServer(t, dsn)
	b := newTestServer(t, dsn)
	cr := a.createRoom(CreateRequest{Name: "Two servers", Scenarios: []string{"startup_engineer", "bigco_engineer"}})
	facB := b.facPath(CreateResponse{FacilitatorURL: b.http.URL + a.facPath(cr)})
	evB := openEvents(t, b.http.URL+facB+"events")
	evB.next(t)

	ana := a.join(cr.Code, "Ana on A")
	evB.next(t) // B hears of A's join
	ben := b.join(cr.Code, "Ben on B")
	if ana.Scenario == ben.Scenario {
		t.Fatalf("both got %s: the join order is not shared", ana.Scenario)
	}
	// Ana's choices alternate between the servers, as behind a load
	// balancer; each server checks them against the run so far.
	r := localRun(t, ana)
	first := -1
	for i := 0; i < 6; i++ {
		srv := []*testServer{a, b}[i%2]
		m, pick := r.Month(), firstAvailable(r, i)
		if first < 0 {
			first = pick
		}
		if err := r.PickIndex(pick); err != nil {
			t.Fatal(err)
		}
		if status, code := srv.choose(ana.Token, m, pick); status != http.StatusOK {
			t.Fatalf("month %d on server %d: %d %s", m, i%2, status, code)
		}
	}
	// A different pick for a month already stored through A is refused
	// by B.
	if status, code := b.choose(ana.Token, 1, (first+1)%2); status != http.StatusConflict {
		t.Fatalf("a conflicting pick on the other server: %d %s", status, code)
	}
	evB.next(t)
	_, body := b.do("GET", facB+"live?view=people", "", nil)
	if !bytes.Contains(body, []byte("Ana on A")) || !bytes.Contains(body, []byte("month 7")) || !bytes.Contains(body, []byte("Ben on B")) {
		t.Fatalf("B's projector does not show both:\n%.3000s", body)
	}
}
