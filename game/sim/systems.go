package sim

import (
	"fmt"
	"math"

	"runwayladder/game/scenario"
	"runwayladder/game/words"
)

// funding runs a month of the funding-runway system: cash flow, the raise
// in progress, and running out of cash. It returns an ending or -1.
func (r *Run) funding(rep *Report) int {
	sc, st := r.sc, r.st
	fu := sc.Funding
	v := st.Vals
	net := v[fu.Revenue] - v[fu.Burn]
	v[fu.Cash] = r.clamp(fu.Cash, v[fu.Cash]+net)
	r.env.Stale = true
	if rep != nil {
		rep.note(NoteFunding, fmt.Sprintf("Cash flow: revenue %s minus burn %s = %s.", FormatValue(v[fu.Revenue], scenario.Money), FormatValue(v[fu.Burn], scenario.Money), FormatDelta(net, scenario.Money)))
	}
	end := -1
	if st.Raising >= 0 {
		rd := &fu.Rounds[st.Raising]
		if e := r.apply(rd.Raising); e >= 0 {
			end = e
		}
		if !r.on(offFunding) {
			return end // the raise's effects switched phase out of the company
		}
		rm := sc.Var(scenario.VarRaiseMonths)
		v[rm]++
		if v[rm] >= float64(rd.Months) {
			r.resolveRaise(rd, rep, &end)
		}
	}
	if !r.on(offFunding) {
		return end // a result switched phase out of the company
	}
	r.env.Stale = true
	cash := &sc.Stats[fu.Cash]
	if v[fu.Cash] < 0 || (v[fu.Cash] <= cash.Min && net < 0) {
		switch {
		case fu.Broke == nil:
			if end < 0 {
				end = fu.OutOfCash
			}
		case !st.Broke && end < 0:
			// Once per stint in the company: the run goes on.
			st.Broke = true
			if rep != nil {
				rep.note(NoteFunding, "The company is out of money.")
			}
			end = r.apply(&fu.Broke.Effect)
			if rep != nil {
				rep.Text = joinText(rep.Text, fu.Broke.Show(&r.env))
			}
		}
	}
	return end
}

func (r *Run) resolveRaise(rd *scenario.Round, rep *Report, end *int) {
	sc, st := r.sc, r.st
	r.env.Stale = true
	fu := sc.Funding
	v := st.Vals
	p := math.Min(math.Max(finite(rd.Chance(&r.env)), 0), 1)
	u := unit(st.Seed, st.Month, streamFunding, 0)
	if u < p {
		amount := math.Max(finite(rd.Amount(&r.env)), 0)
		dil := math.Min(math.Max(finite(rd.Dilution(&r.env)), 0), 0.95)
		v[fu.Cash] = r.clamp(fu.Cash, v[fu.Cash]+amount)
		if fu.Raised >= 0 {
			v[fu.Raised] = r.clamp(fu.Raised, v[fu.Raised]+amount)
		}
		if fu.Equity >= 0 {
			v[fu.Equity] = r.clamp(fu.Equity, float64(v[fu.Equity]*(1-dil)))
		}
		post := 0.0
		if dil > 0 {
			post = amount / dil
		}
		if fu.Valuation >= 0 {
			v[fu.Valuation] = r.clamp(fu.Valuation, post)
		}
		v[sc.Var(scenario.VarRoundsClosed)]++
		st.NextRound = st.Raising + 1
		if rep != nil {
			rep.note(NoteFunding, fmt.Sprintf("The %s closes: %s for %.0f%% of the company (post-money %s). The odds were %s; the roll came in at %.0f.",
				rd.Label, FormatValue(amount, scenario.Money), dil*100, FormatValue(post, scenario.Money), words.Chance(p), u*100))
		}
		if e := r.apply(&rd.Success.Effect); e >= 0 && *end < 0 {
			*end = e
		}
		if rep != nil {
			rep.Text = joinText(rep.Text, rd.Success.Show(&r.env))
		}
	} else {
		st.OfferAfter = st.Month + rd.RetryAfter
		if rep != nil {
			rep.note(NoteFunding, fmt.Sprintf("The %s falls through. The odds were %s; the roll came in at %.0f.", rd.Label, words.Chance(p), u*100))
		}
		if e := r.apply(&rd.Failure.Effect); e >= 0 && *end < 0 {
			*end = e
		}
		if rep != nil {
			rep.Text = joinText(rep.Text, rd.Failure.Show(&r.env))
		}
	}
	st.Raising = -1
	v[sc.Var(scenario.VarRaiseMonths)] = 0
	st.Flags[sc.FlagVar(scenario.FlagRaising)] = false
}

// ladder runs a month of the promotion ladder: time in level, calibration
// on its cycle, promotion, and up-or-out. It returns an ending or -1.
func (r *Run) ladder(rep *Report) int {
	sc, st := r.sc, r.st
	ld := sc.Ladder
	v := st.Vals
	mil := sc.Var(scenario.VarMonthsInLevel)
	v[mil]++
	r.env.Stale = true
	end := -1
	m := st.Month - st.LadderFrom
	if m >= ld.First && (m-ld.First)%ld.Every == 0 {
		end = r.calibrate(rep)
		if !r.on(offLadder) {
			return end // the rating switched phase out of the ladder
		}
	}
	lvl := r.level()
	if max := ld.Levels[lvl].MaxMonths; max > 0 && v[mil] >= float64(max) && end < 0 && ld.OutEnding >= 0 {
		if rep != nil {
			rep.note(NoteLadder, fmt.Sprintf("Up or out: %d months at %s without a promotion.", max, ld.Levels[lvl].Title))
		}
		end = ld.OutEnding
	}
	return end
}

func (r *Run) level() int {
	ld := r.sc.Ladder
	l := int(r.st.Vals[ld.Level])
	return min(max(l, 0), len(ld.Levels)-1)
}

// Calibration places the player's noisy score among peers whose scores are
// normally distributed, and hands out ratings by quota from the top: with
// quotas 15/70/15, the top 15% of the cohort get the best rating.
func (r *Run) calibrate(rep *Report) int {
	sc, st := r.sc, r.st
	ld := sc.Ladder
	v := st.Vals
	raw := ld.Score(&r.env)
	noise := float64(ld.Noise * normal(st.Seed, st.Month, streamLadder, 0))
	score := raw + noise
	pct := normalCDF((score - ld.PeerMean) / ld.PeerSpread)
	above := 1 - pct
	k := len(ld.Ratings) - 1
	cum := 0.0
	for i := range ld.Ratings {
		cum += ld.Ratings[i].Quota
		if above <= cum {
			k = i
			break
		}
	}
	rt := &ld.Ratings[k]
	rating := float64(len(ld.Ratings) - k)
	v[sc.Var(scenario.VarLastRating)] = rating
	if ld.Rating >= 0 {
		v[ld.Rating] = r.clamp(ld.Rating, rating)
	}
	if rt.Good {
		v[sc.Var(scenario.VarGoodRatings)]++
	}
	r.env.Stale = true
	if k == len(ld.Ratings)-1 {
		st.LowStreak++
	} else {
		st.LowStreak = 0
	}
	if rep != nil {
		rep.Calibration = &CalibrationResult{Rating: k, Label: rt.Label, Score: raw, Noise: noise, Percentile: pct}
		rep.note(NoteLadder, fmt.Sprintf("Calibration: %s. Your score %.0f (luck %+.0f) placed you above %.0f%% of your peers.", rt.Label, raw, noise, pct*100))
	}
	end := r.apply(&rt.Effect)
	if rep != nil {
		rep.Text = joinText(rep.Text, rt.Show(&r.env))
	}
	if !r.on(offLadder) {
		return end
	}
	if ld.LowStrikes > 0 && st.LowStreak >= ld.LowStrikes && ld.OutEnding >= 0 && end < 0 {
		if rep != nil {
			rep.note(NoteLadder, fmt.Sprintf("%d low ratings in a row: you are managed out.", st.LowStreak))
		}
		return ld.OutEnding
	}
	lvl := r.level()
	mil := sc.Var(scenario.VarMonthsInLevel)
	if lvl < len(ld.Levels)-1 && v[mil] >= float64(ld.Levels[lvl].MinMonths) && (ld.PromoteIf == nil || ld.PromoteIf(&r.env)) {
		lvl++
		v[ld.Level] = r.clamp(ld.Level, float64(lvl))
		v[mil] = 0
		v[sc.Var(scenario.VarGoodRatings)] = 0
		if ld.Salary >= 0 {
			v[ld.Salary] = r.clamp(ld.Salary, ld.Levels[lvl].Pay)
		}
		r.env.Stale = true
		if e := r.apply(&ld.Promotion[lvl]); e >= 0 && end < 0 {
			end = e
		}
		if rep != nil {
			rep.Calibration.Promoted = true
			rep.note(NoteLadder, fmt.Sprintf("Promoted to %s. Pay is now %s a month.", ld.Levels[lvl].Title, FormatValue(ld.Levels[lvl].Pay, scenario.Money)))
		}
	}
	return end
}

// powHalves returns x^(h/2) with only * and sqrt.
func powHalves(x float64, h int) float64 {
	x = math.Max(x, 0)
	p := 1.0
	for i := 0; i < h/2; i++ {
		p *= x
	}
	if h%2 == 1 {
		p *= math.Sqrt(x)
	}
	return p
}

// contest splits the pool between the player's team and its rivals by a
// Tullock contest: share_i = effort_i^r / sum_j effort_j^r, each effort
// scaled by luck. It returns an ending or -1.
func (r *Run) contest(ch *scenario.Choice, rep *Report) int {
	sc, st := r.sc, r.st
	f := sc.Fight
	pool := math.Max(finite(f.Pool(&r.env)), 0)
	luck := func(i int) float64 {
		return 1 + float64(f.Luck*(2*unit(st.Seed, st.Month, streamFight, i)-1))
	}
	mine := finite(f.Effort(&r.env))
	if ch.Effort != nil {
		mine += finite(ch.Effort(&r.env))
	}
	mine = math.Max(mine, 0) * luck(0)
	wMine := powHalves(mine, f.Halves)
	total := wMine
	var teams []Team
	if rep != nil {
		teams = append(teams, Team{Name: "Your team", Effort: mine, You: true})
	}
	for i := range f.Rivals {
		e := math.Max(finite(f.Rivals[i].Strength(&r.env)), 0) * luck(i+1)
		total += powHalves(e, f.Halves)
		if rep != nil {
			teams = append(teams, Team{Name: f.Rivals[i].Name, Effort: e})
		}
	}
	share := 0.0
	if total > 0 {
		share = wMine / total
	}
	v := st.Vals
	v[sc.Var(scenario.VarShare)] = share
	v[sc.Var(scenario.VarAward)] = float64(share * pool)
	r.env.Stale = true
	if rep != nil {
		for i := range teams {
			if total > 0 {
				teams[i].Share = powHalves(teams[i].Effort, f.Halves) / total
			}
		}
		rep.Fight = &FightResult{Pool: pool, PoolName: f.PoolName, Unit: f.PoolUnit, Teams: teams}
		rep.note(NoteFight, fmt.Sprintf("The planning cycle splits %s: your team wins %.0f%% (%s).",
			poolText(pool, f.PoolUnit, f.PoolName), share*100, poolText(share*pool, f.PoolUnit, f.PoolName)))
	}
	end := r.apply(&f.Award)
	v[sc.Var(scenario.VarShare)] = 0
	v[sc.Var(scenario.VarAward)] = 0
	return end
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}
