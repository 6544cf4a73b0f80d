package workshop

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"runwayladder/game/sim"
	"runwayladder/game/storage"
)

// LoadConfig drives simulated participants through one new room over real
// HTTP, as `careersim workshop load` does.
type LoadConfig struct {
	URL          string // the server, e.g. http://127.0.0.1:8080
	Participants int
	Scenarios    []string      // assigned in turn; empty: the server's defaults for a split room
	Think        time.Duration // mean pause between a participant's choices
	Seed         uint64        // the participants' random picks
	// Months stops each participant after that many months (0: play to
	// the end).
	Months int
	// Client is the HTTP client (nil: one sized for the participants).
	Client *http.Client
	// Progress, if set, gets a line now and then.
	Progress func(string)
}

// LoadResult is what a load run measured.
type LoadResult struct {
	Room         string
	Facilitator  string        // the room's facilitator link
	Participants int           // joined
	Choices      int           // acknowledged
	Lost         int           // acknowledged, but not what the server has afterwards
	Retries      int           // sends that failed and were sent again
	Refused      int           // choices the server refused (should be none)
	Finished     int           // runs that reached an ending
	ChoiceP50    time.Duration // time to an acknowledgement
	ChoiceP99    time.Duration
	ChoiceMax    time.Duration
	JoinP99      time.Duration
	Elapsed      time.Duration
}

// Line is the result's last line, as the issue asks for it.
func (r *LoadResult) Line() string {
	return fmt.Sprintf("room=%s participants=%d choices=%d lost=%d p99_ms=%d", r.Room, r.Participants, r.Choices, r.Lost, r.ChoiceP99.Milliseconds())
}

// Load runs the load test.
func Load(ctx context.Context, lib *Library, cfg LoadConfig) (*LoadResult, error) {
	if cfg.Participants < 1 || cfg.Participants > MaxCapacity {
		return nil, fmt.Errorf("participants must be 1 to %d, not %d", MaxCapacity, cfg.Participants)
	}
	base := strings.TrimRight(cfg.URL, "/")
	client := cfg.Client
	if client == nil {
		client = &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{
			MaxIdleConns: cfg.Participants + 10, MaxIdleConnsPerHost: cfg.Participants + 10, IdleConnTimeout: time.Minute}}
	}
	scs := cfg.Scenarios
	if len(scs) == 0 {
		scs = []string{"startup_engineer", "bigco_engineer"}
	}
	var created CreateResponse
	if status, err := call(ctx, client, "POST", base+"/api/rooms", "", CreateRequest{Name: "Load test", Scenarios: scs, Capacity: cfg.Participants}, &created); err != nil {
		return nil, fmt.Errorf("creating the room: %v", err)
	} else if status != http.StatusCreated {
		return nil, fmt.Errorf("creating the room: the server answered %d", status)
	}
	res := &LoadResult{Room: created.Code, Facilitator: created.FacilitatorURL}
	start := time.Now()
	var mu sync.Mutex
	var choiceLat, joinLat []time.Duration
	type player struct {
		token string
		acked []int
	}
	players := make([]*player, cfg.Participants)
	var wg sync.WaitGroup
	errs := make(chan error, cfg.Participants)
	for i := 0; i < cfg.Participants; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(cfg.Seed, uint64(i)))
			// Joins arrive over the first second, as a room does.
			if !sleep(ctx, time.Duration(rng.Int64N(int64(time.Second)))) {
				return
			}
			var me Me
			t0 := time.Now()
			status, err := call(ctx, client, "POST", base+"/api/join", "", joinRequest{Room: created.Code, Name: fmt.Sprintf("Load %03d", i)}, &me)
			if err != nil || status != http.StatusCreated {
				errs <- fmt.Errorf("participant %d could not join: %v", i, err)
				return
			}
			mu.Lock()
			joinLat = append(joinLat, time.Since(t0))
			res.Participants++
			mu.Unlock()
			p := &player{token: me.Token}
			players[i] = p
			sc, ok := lib.Find(me.Scenario)
			if !ok || sc.Version != me.Version {
				errs <- fmt.Errorf("participant %d plays %s version %d, which this tool does not have", i, me.Scenario, me.Version)
				return
			}
			run := sim.New(sc, me.Seed, sim.Options{Session: me.Session})
			for !run.Done() && (cfg.Months == 0 || run.Month() <= cfg.Months) {
				if cfg.Think > 0 && !sleep(ctx, time.Duration(rng.Int64N(int64(2*cfg.Think)+1))) {
					return
				}
				var avail []int
				for _, c := range run.Choices() {
					if c.Available {
						avail = append(avail, c.Index)
					}
				}
				pick := avail[rng.IntN(len(avail))]
				month := run.Month()
				if err := run.PickIndex(pick); err != nil {
					errs <- fmt.Errorf("participant %d, month %d: %v", i, month, err)
					return
				}
				// Like the page's outbox: send until acknowledged.
				backoff := 50 * time.Millisecond
				for {
					var ack Ack
					t0 := time.Now()
					status, err := call(ctx, client, "POST", base+"/api/choice", p.token, choiceRequest{Month: month, Pick: pick}, &ack)
					lat := time.Since(t0)
					if err == nil && status == http.StatusOK {
						mu.Lock()
						choiceLat = append(choiceLat, lat)
						res.Choices++
						mu.Unlock()
						p.acked = append(p.acked, pick)
						break
					}
					if status != 0 && status < 500 && status != http.StatusTooManyRequests {
						mu.Lock()
						res.Refused++
						mu.Unlock()
						errs <- fmt.Errorf("participant %d, month %d: refused: %v", i, month, err)
						return
					}
					mu.Lock()
					res.Retries++
					mu.Unlock()
					if ctx.Err() != nil || !sleep(ctx, backoff) {
						return
					}
					backoff = min(backoff*2, 2*time.Second)
				}
			}
			if run.Done() {
				mu.Lock()
				res.Finished++
				mu.Unlock()
			}
		}()
	}
	done := make(chan struct{})
	if cfg.Progress != nil {
		go func() {
			tick := time.NewTicker(2 * time.Second)
			defer tick.Stop()
			for {
				select {
				case <-done:
					return
				case <-tick.C:
					mu.Lock()
					cfg.Progress(fmt.Sprintf("%.0fs: %d joined, %d choices acknowledged, %d retries", time.Since(start).Seconds(), res.Participants, res.Choices, res.Retries))
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	close(done)
	close(errs)
	res.Elapsed = time.Since(start)
	var problems []string
	for err := range errs {
		if len(problems) < 5 {
			problems = append(problems, err.Error())
		}
	}
	// Every acknowledged choice must be what the server has now.
	for _, p := range players {
		if p == nil {
			continue
		}
		var me Me
		status, err := call(ctx, client, "GET", base+"/api/me", p.token, nil, &me)
		if err != nil || status != http.StatusOK {
			res.Lost += len(p.acked)
			continue
		}
		for m, pick := range p.acked {
			if m >= len(me.Picks) || me.Picks[m] != pick {
				res.Lost++
			}
		}
	}
	res.ChoiceP50, res.ChoiceP99, res.ChoiceMax = percentile(choiceLat, 0.50), percentile(choiceLat, 0.99), percentile(choiceLat, 1)
	res.JoinP99 = percentile(joinLat, 0.99)
	if len(problems) > 0 {
		return res, fmt.Errorf("%s", strings.Join(problems, "; "))
	}
	if ctx.Err() != nil {
		return res, ctx.Err()
	}
	return res, nil
}

func percentile(ds []time.Duration, q float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	i := int(q*float64(len(s))+0.5) - 1
	return s[min(max(i, 0), len(s)-1)]
}

func sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// call sends a JSON request and decodes a JSON answer into out (when the
// status is 2xx). It returns the status (0 when no answer came) and, for
// an answer other than 2xx, an error with the server's reason.
func call(ctx context.Context, client *http.Client, method, url, token string, in, out any) (int, error) {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return 0, err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, body)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	data, err := storage.ReadLimited(resp.Body, 1<<20)
	if err != nil {
		return resp.StatusCode, err
	}
	if resp.StatusCode/100 == 2 && out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			return resp.StatusCode, fmt.Errorf("reading the answer: %v", err)
		}
	}
	if resp.StatusCode/100 != 2 {
		var e apiError
		if json.Unmarshal(data, &e) == nil && e.Error != "" {
			return resp.StatusCode, fmt.Errorf("%d: %s", resp.StatusCode, e.Error)
		}
		return resp.StatusCode, fmt.Errorf("the server answered %d", resp.StatusCode)
	}
	return resp.StatusCode, nil
}
