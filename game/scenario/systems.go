package scenario

// The three systems: funding runway, promotion ladder and resource fight.

import (
	"fmt"
	"math"
	"strings"
)

func (l *loader) funding() {
	d := l.f.Funding
	if d == nil {
		return
	}
	fu := l.sc.Funding
	fu.Cash = l.declaredStat("funding.cash", d.Cash)
	fu.Burn = l.declaredStat("funding.burn", d.Burn)
	fu.Revenue = l.declaredStat("funding.revenue", d.Revenue)
	fu.Equity = l.optionalStat("funding.equity", d.Equity)
	fu.Valuation = l.optionalStat("funding.valuation", d.Valuation)
	fu.Raised = l.optionalStat("funding.raised", d.Raised)
	fu.OutOfCash = -1
	switch {
	case d.OutOfCash != "" && d.Broke != nil:
		l.errorHelp("funding.broke", "keep out_of_cash to end the run, or [funding.broke] to go on without the company", "[funding] has both out_of_cash and [funding.broke]; running out of cash can do only one")
	case d.OutOfCash != "":
		fu.OutOfCash = l.endingRef("funding.out_of_cash", d.OutOfCash)
	case d.Broke != nil:
		r := l.result("funding.broke", d.Broke, ctxGeneral)
		fu.Broke = &r
	case l.f.Format >= 2:
		l.errorf("funding", "missing key `out_of_cash` in [funding] (or, in format 2, a [funding.broke] block saying what running out of cash does)")
	default:
		l.errorf("funding", "missing key `out_of_cash` in [funding]")
	}
	fu.Active = l.c.Cond(d.Active, "the `active` of [funding]", ctxGeneral)
	fu.Source = l.cite("funding.source", d.Source)
	if len(d.Rounds) == 0 {
		l.errorf("funding", "[funding] has no rounds; add at least one [funding.rounds.NAME]")
	}
	for i := range fu.Rounds {
		r := &fu.Rounds[i]
		rd := d.Rounds[r.ID]
		p := "funding.rounds." + r.ID
		what := "round `" + r.ID + "`"
		l.checkID(p, "round", r.ID)
		l.need(p, "label", rd.Label)
		r.Label, r.Source = rd.Label, l.cite(p+".source", rd.Source)
		r.When = l.c.Cond(rd.When, "the condition of "+what, ctxGeneral)
		r.Amount = l.c.Num(rd.Amount, "the amount of "+what, ctxGeneral)
		r.Dilution = l.c.Num(rd.Dilution, "the dilution of "+what, ctxGeneral)
		r.Chance = l.c.Num(rd.Chance, "the chance of "+what, ctxGeneral)
		r.Months, r.RetryAfter = rd.Months, rd.RetryAfter
		if r.Months < 1 || r.Months > 24 {
			l.errorf(p+".months", "a raise must take 1 to 24 months, not %d", r.Months)
		}
		if r.RetryAfter == 0 {
			r.RetryAfter = DefaultRetryAfter
		}
		if o := rd.Offer; o != nil {
			l.need(p+".offer", "title", o.Title)
			l.need(p+".offer", "text", o.Text)
			r.Offer = &Offer{Title: o.Title, Text: strings.TrimSpace(o.Text), Start: o.Start, Wait: o.Wait}
			if r.Offer.Start == "" {
				r.Offer.Start = DefaultOfferStart
			}
			if r.Offer.Wait == "" {
				r.Offer.Wait = DefaultOfferWait
			}
			ow := "the offer of " + what
			r.Offer.tTitle = l.text(p+".offer.title", r.Offer.Title, "the title of "+ow, ctxGeneral)
			r.Offer.tText = l.text(p+".offer.text", r.Offer.Text, "the text of "+ow, ctxGeneral)
			r.Offer.tStart = l.text(p+".offer.start", r.Offer.Start, "the start label of "+ow, ctxGeneral)
			r.Offer.tWait = l.text(p+".offer.wait", r.Offer.Wait, "the wait label of "+ow, ctxGeneral)
		}
		if rd.Raising != nil {
			e := l.effect(p+".while_raising", rd.Raising, ctxGeneral)
			r.Raising = &e
		}
		r.Success = l.result(p+".success", rd.Success, ctxGeneral)
		r.Failure = l.result(p+".failure", rd.Failure, ctxGeneral)
	}
}

func (l *loader) ladder() {
	d := l.f.Ladder
	if d == nil {
		return
	}
	ld := l.sc.Ladder
	ld.Level = l.declaredStat("ladder.level", d.Level)
	ld.Salary = l.optionalStat("ladder.salary", d.Salary)
	ld.Rating = l.optionalStat("ladder.rating", d.Rating)
	ld.Every, ld.First = d.Every, d.First
	if ld.First == 0 {
		ld.First = d.Every
	}
	if d.Every < 1 || d.Every > 24 {
		l.errorf("ladder.every", "calibration must come every 1 to 24 months, not %d", d.Every)
	}
	ld.Score = l.c.Num(d.Score, "the ladder score", ctxGeneral)
	ld.Noise, ld.PeerMean, ld.PeerSpread = d.Noise, d.PeerMean, d.PeerSpread
	if d.PeerSpread <= 0 {
		l.errorf("ladder.peer_spread", "`peer_spread` must be above 0")
	}
	if d.Noise < 0 {
		l.errorf("ladder.noise", "`noise` cannot be negative")
	}
	ld.PromoteIf = l.c.Cond(d.PromoteIf, "the ladder's promote_if", ctxGeneral)
	if !d.PromoteIf.IsSet() {
		ld.PromoteIf = l.c.Cond(Expr{Src: DefaultPromoteIf}, "the default promote_if", ctxGeneral)
	}
	ld.OutEnding = -1
	if d.OutEnding != "" {
		ld.OutEnding = l.endingRef("ladder.out_ending", d.OutEnding)
	}
	ld.LowStrikes = d.LowStrikes
	if (d.LowStrikes > 0 || hasMax(d.Levels)) && d.OutEnding == "" {
		l.errorf("ladder", "up-or-out limits or low_strikes need an `out_ending`")
	}
	ld.Source = l.cite("ladder.source", d.Source)
	ld.Active = l.c.Cond(d.Active, "the `active` of [ladder]", ctxGeneral)
	ld.StartLevel = l.c.Num(d.StartLevel, "the ladder's start_level", ctxGeneral)
	if len(d.Levels) < 2 {
		l.errorf("ladder.levels", "a ladder needs at least 2 levels")
	}
	for i, lv := range d.Levels {
		p := fmt.Sprintf("ladder.levels.%d", i)
		l.need(p, "title", lv.Title)
		l.cite(p+".source", lv.Source)
		if lv.MaxMonths > 0 && lv.MaxMonths <= lv.MinMonths {
			l.errorf(p+".max_months", "level `%s`: max_months %d must be above min_months %d", lv.Title, lv.MaxMonths, lv.MinMonths)
		}
	}
	ld.Levels = d.Levels
	for i := range d.Levels {
		ld.Promotion = append(ld.Promotion, l.effect(fmt.Sprintf("ladder.levels.%d", i), &d.Levels[i].Effects, ctxGeneral))
	}
	if ld.Level >= 0 && len(d.Levels) > 0 {
		st := l.sc.Stats[ld.Level]
		if st.Min > 0 || st.Max < float64(len(d.Levels)-1) {
			l.errorf("ladder.level", "stat `%s` must allow levels 0 to %d (its bounds are %v..%v)", st.ID, len(d.Levels)-1, st.Min, st.Max)
		}
	}
	if len(d.Ratings) < 2 {
		l.errorf("ladder.ratings", "a ladder needs at least 2 ratings")
	}
	sum := 0.0
	for i := range d.Ratings {
		rd := &d.Ratings[i]
		p := fmt.Sprintf("ladder.ratings.%d", i)
		l.need(p, "label", rd.Label)
		if rd.Quota <= 0 || rd.Quota > 1 {
			l.errorf(p+".quota", "quota must be above 0 and at most 1")
		}
		sum += rd.Quota
		rt := Rating{Label: rd.Label, Text: strings.TrimSpace(rd.Text), Quota: rd.Quota, Good: rd.Good, Effect: l.effect(p, &rd.Effects, ctxGeneral)}
		rt.tText = l.text(p+".text", rt.Text, "the text of rating `"+rd.Label+"`", ctxGeneral)
		ld.Ratings = append(ld.Ratings, rt)
	}
	if len(d.Ratings) > 0 && math.Abs(sum-1) > 1e-6 {
		l.errorf("ladder.ratings", "rating quotas add up to %.4g; they must add up to 1", sum)
	}
}

func hasMax(levels []LevelDef) bool {
	for _, lv := range levels {
		if lv.MaxMonths > 0 {
			return true
		}
	}
	return false
}

func (l *loader) fight() {
	d := l.f.Fight
	if d == nil {
		return
	}
	fi := l.sc.Fight
	p := "resource_fight"
	l.need(p, "title", d.Title)
	l.need(p, "text", d.Text)
	fi.Title, fi.Text, fi.PoolName, fi.Source = d.Title, strings.TrimSpace(d.Text), d.PoolName, l.cite(p+".source", d.Source)
	fi.tTitle = l.text(p+".title", fi.Title, "the title of the resource fight", ctxGeneral)
	fi.tText = l.text(p+".text", fi.Text, "the text of the resource fight", ctxGeneral)
	fi.PoolUnit = l.unit(p+".pool_unit", d.PoolUnit)
	fi.Every, fi.First = d.Every, d.First
	if fi.First == 0 {
		fi.First = d.Every
	}
	if d.Every < 1 || d.Every > 24 {
		l.errorf(p+".every", "planning cycles must come every 1 to 24 months, not %d", d.Every)
	}
	fi.Pool = l.c.Num(d.Pool, "the pool", ctxGeneral)
	fi.Effort = l.c.Num(d.Effort, "your effort", ctxGeneral)
	r := d.Exponent
	if r == 0 {
		r = DefaultExponent
	}
	if r < 0.5 || r > 4 || r*2 != math.Trunc(r*2) {
		l.errorf(p+".exponent", "exponent %v must be a multiple of 0.5 from 0.5 to 4", d.Exponent)
	}
	fi.Halves = int(r * 2)
	fi.Luck = d.Luck
	if _, given := l.pos.keys[p+".luck"]; !given {
		fi.Luck = DefaultLuck
	}
	if fi.Luck < 0 || fi.Luck > 0.9 {
		l.errorf(p+".luck", "luck must be from 0 to 0.9")
	}
	if len(d.Rivals) == 0 {
		l.errorf(p+".rivals", "a resource fight needs at least one rival")
	}
	for i, rv := range d.Rivals {
		rp := fmt.Sprintf("%s.rivals.%d", p, i)
		l.need(rp, "name", rv.Name)
		fi.Rivals = append(fi.Rivals, Rival{Name: rv.Name, Strength: l.c.Num(rv.Strength, "the strength of rival `"+rv.Name+"`", ctxGeneral)})
	}
	fi.Active = l.c.Cond(d.Active, "the `active` of [resource_fight]", ctxGeneral)
	fi.Options = l.choices(p+".options", "the resource fight", d.Options, true)
	fi.Award = l.effect(p+".award", &d.Award, ctxAward)
	if fi.Award.Empty() {
		l.errorf(p+".award", "the award changes nothing; say what winning a share of the pool does")
	}
}

// result compiles a round's success or failure.
func (l *loader) result(path string, r *ResultDef, ctx exprContext) Result {
	if r == nil {
		return Result{}
	}
	l.need(path, "text", r.Text)
	res := Result{Text: strings.TrimSpace(r.Text), Effect: l.effect(path, &r.Effects, ctx)}
	res.tText = l.text(path+".text", res.Text, "the text of ["+tablePath(path)+"]", ctx)
	return res
}
