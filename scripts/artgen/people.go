package main

// Portraits of the people who recur in the scenarios, and the icons of the
// five ending categories. A portrait is a round badge: the person on a disc
// of their own colour, with a small sign of their role at the lower right,
// so two people are told apart by the sign (a shape) as much as by colour.

// The disc colours are the Okabe-Ito colour-blind-safe set, darkened to sit
// on the game's dusk background.
type portrait struct {
	key, title  string
	person      string // Fluent Emoji name
	flip        bool
	sign        string // the role's sign
	disc, light string // disc colour and its rim
}

func portraits() []portrait {
	return []portrait{
		{"ceo", "the CEO (a startup's founder and boss)", "woman-office-worker-medium-dark", false, "rocket", "#5c4110", "#e69f00"},
		{"manager", "your manager", "man-office-worker-light", false, "clipboard", "#1f4a63", "#56b4e9"},
		{"investor", "the investor (a VC partner)", "man-in-tuxedo-medium", false, "money-bag", "#0d4a3a", "#009e73"},
		{"rival", "the rival team lead", "woman-technologist-light", true, "crossed-swords", "#5e2a0c", "#d55e00"},
		{"mentor", "your mentor", "woman-white-hair-medium", false, "compass", "#4f2f45", "#cc79a7"},
		{"recruiter", "a recruiter", "man-tipping-hand-medium-light", false, "briefcase", "#55521a", "#f0e442"},
		{"friend", "a friend and co-founder", "person-curly-hair-dark", false, "handshake", "#0c3556", "#0072b2"},
		{"director", "the director or VP (your skip-level)", "man-white-hair-dark", false, "office-building", "#3a4148", "#a9bccb"},
		{"chair", "the department chair", "man-teacher-medium-dark", false, "classical-building", "#3d3358", "#b3a2ff"},
		{"student", "your PhD student", "woman-student-medium-light", false, "graduation-cap", "#1b4a45", "#7fe0d0"},
	}
}

const portraitSize = 128.0

func drawPortrait(c *canvas, p portrait) {
	const r = 60.0
	cx, cy := portraitSize/2, portraitSize/2
	c.raw(`<defs><clipPath id="disc"><circle cx="%g" cy="%g" r="%g"/></clipPath></defs>`, cx, cy, r)
	c.circle(cx, cy, r, p.disc)
	c.raw(`<g clip-path="url(#disc)">`)
	c.circle(cx, cy-10, 40, p.light+`" fill-opacity="0.18`)
	c.emoji(p.person, cx, cy+r+14, 104, p.flip)
	c.raw(`</g>`)
	c.ring(cx, cy, r, 3, p.light)
	// The role's sign.
	c.circle(101, 101, 22, "#0f1921")
	c.ring(101, 101, 22, 2.5, p.light)
	c.emoji(p.sign, 101, 114, 26, false)
}

// An ending category's icon: its sign in a ring. The signs differ in shape
// (a cup, a star, an umbrella, rain, a falling line), the rings in colour.
type endingIcon struct {
	category, title, sign, ring string
}

func endingIcons() []endingIcon {
	return []endingIcon{
		{"thrived", "thrived: a trophy", "trophy", "#e69f00"},
		{"good", "good: a star", "glowing-star", "#56b4e9"},
		{"survived", "survived: an umbrella that kept the rain off", "umbrella-with-rain-drops", "#009e73"},
		{"struggled", "struggled: a rain cloud", "cloud-with-rain", "#cc79a7"},
		{"failed", "failed: a falling chart", "chart-decreasing", "#d55e00"},
	}
}

const endingSize = 64.0

func drawEnding(c *canvas, e endingIcon) {
	c.circle(32, 32, 29, "#172532")
	c.ring(32, 32, 29, 3, e.ring)
	c.emoji(e.sign, 32, 52, 38, false)
}
