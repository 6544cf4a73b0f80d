package main

// The scenes: one illustration per place a career happens. Each is a room
// or a street at dusk in the game's palette (the backdrop is ours), with
// Fluent Emoji standing in it as people and things. They share one frame:
// 480x160 units, the floor at y=126, a soft glow behind the subject, the
// protagonist at the same size in every scene.

// The dusk palette the scenes are drawn in (game/ui/theme.go's colours,
// and a few steps between them).
const (
	skyDeep   = "#152433"
	skyLow    = "#1c2f40"
	wallDark  = "#1a2a38"
	wallMid   = "#213547"
	farShape  = "#22394c"
	nearShape = "#2a4459"
	edge      = "#2d4558"
	floorCol  = "#111c25"
	floorLine = "#2d4558"
	warm      = "#f2b544"
	cool      = "#7fd4ff"
	green     = "#62d08f"
	pink      = "#e58bd0"
	violet    = "#b3a2ff"
	board     = "#2f475b"
)

const (
	sceneW, sceneH = 480.0, 160.0
	floorY         = 126.0
	personSize     = 68.0
)

type scene struct {
	key   string // file name: scene-KEY.png
	title string // what it shows, for the README
	draw  func(c *canvas)
}

func scenes() []scene {
	return []scene{
		{"startup", "a loft office at night: the founding engineer at a laptop, the roadmap on the wall, a rocket on the shelf", drawStartup},
		{"campus", "a big tech campus: glass towers, trees, an engineer with a badge on the way in", drawCampus},
		{"manager", "a big company meeting room: a manager with the team, the quarter's numbers on the screen, the calendar full", drawManager},
		{"lab", "a university lab: a scientist at the bench, a microscope, tubes, books, the old campus through the window", drawLab},
		{"science", "an applied science team in industry: an experiment's charts on a big screen, a scientist reading them", drawScience},
		{"mlops", "an MLOps floor: server racks with status lights, pipelines (gears), the on-call pager, an engineer keeping it running", drawMLOps},
		{"between", "between jobs: a street at dusk, a job hunter with a briefcase, applications flying out, the clock running", drawBetween},
	}
}

// room draws the shared frame: a back wall, a glow behind the subject at
// glowX, the floor with its edge line.
func room(c *canvas, wall, glow string, glowX float64) {
	c.rect(0, 0, sceneW, sceneH, 0, wall)
	c.raw(`<radialGradient id="glow" cx="0.5" cy="0.5" r="0.5"><stop offset="0" stop-color="%s" stop-opacity="0.22"/><stop offset="1" stop-color="%s" stop-opacity="0"/></radialGradient>`, glow, glow)
	c.raw(`<ellipse cx="%g" cy="%g" rx="150" ry="95" fill="url(#glow)"/>`, glowX, floorY-34)
	c.rect(0, floorY, sceneW, sceneH-floorY, 0, floorCol)
	c.rect(0, floorY, sceneW, 1.5, 0, floorLine)
}

// window draws a framed window with a night city in it; lit is the colour
// of the lit windows of the far buildings.
func window(c *canvas, x, y, w, h float64, lit string, skyline func()) {
	c.rect(x-3, y-3, w+6, h+6, 4, edge)
	c.rect(x, y, w, h, 2, skyDeep)
	c.raw(`<svg x="%g" y="%g" width="%g" height="%g" viewBox="0 0 %g %g" overflow="hidden">`, x, y, w, h, w, h)
	c.moon(w*0.8, h*0.25, 7)
	if skyline != nil {
		skyline()
	} else {
		towers(c, w, h, lit)
	}
	c.raw(`</svg>`)
	c.rect(x+w/2-1, y, 2, h, 0, edge)
}

// towers draws a far skyline of blocks with a few lit windows, inside a
// box of w x h.
func towers(c *canvas, w, h float64, lit string) {
	blocks := []struct{ x, bw, bh float64 }{{0.02, 0.16, 0.55}, {0.2, 0.12, 0.8}, {0.34, 0.18, 0.45}, {0.54, 0.1, 0.7}, {0.66, 0.16, 0.5}, {0.84, 0.14, 0.62}}
	for i, b := range blocks {
		bx, bw, bh := b.x*w, b.bw*w, b.bh*h
		c.rect(bx, h-bh, bw, bh, 0, farShape)
		for row := 0; row < int(bh/9); row++ {
			for col := 0; col < int(bw/7); col++ {
				if (row*3+col*5+i)%4 != 0 {
					continue
				}
				c.raw(`<rect x="%g" y="%g" width="3" height="3" fill="%s" fill-opacity="0.7"/>`, bx+2+float64(col)*7, h-bh+4+float64(row)*9, lit)
			}
		}
	}
}

// desk draws a desk whose top is at y, from x0 to x1.
func desk(c *canvas, x0, x1, y float64) {
	c.rect(x0+8, y, 4, floorY-y, 0, nearShape)
	c.rect(x1-12, y, 4, floorY-y, 0, nearShape)
	c.rect(x0, y-1, x1-x0, 6, 2, "#3a566d")
}

// notes draws a few sticky notes around (x, y).
func notes(c *canvas, x, y float64) {
	for i, col := range []string{warm, cool, pink, green, warm} {
		dx := float64(i%3)*15 + float64(i/3)*7
		dy := float64(i/3) * 14
		c.raw(`<rect x="%g" y="%g" width="11" height="10" rx="1" fill="%s" fill-opacity="0.8" transform="rotate(%d %g %g)"/>`, x+dx, y+dy, col, (i%3-1)*4, x+dx, y+dy)
	}
}

func drawStartup(c *canvas) {
	room(c, wallDark, warm, 250)
	window(c, 22, 16, 150, 88, warm, nil)
	// The roadmap wall: a board with the growth curve everyone is betting on.
	c.rect(318, 18, 140, 74, 4, board)
	c.rect(318, 18, 140, 74, 4, "none\" stroke=\""+edge)
	c.emoji("chart-increasing", 360, 84, 52, false)
	notes(c, 400, 28)
	// A shelf with the rocket and the plant.
	c.rect(330, 100, 110, 4, 1, "#3a566d")
	c.emoji("rocket", 350, 100, 24, false)
	c.emoji("trophy", 420, 100, 18, false)
	c.emoji("potted-plant", 46, floorY+2, 40, false)
	// The founding engineer behind a desk of pizza and coffee.
	c.shadow(246, floorY+4, 95)
	c.emoji("woman-technologist-medium", 275, floorY-6, personSize, false)
	desk(c, 160, 330, 100)
	c.emoji("laptop", 210, 100, 32, false)
	c.emoji("hot-beverage", 178, 100, 16, false)
	c.emoji("pizza", 310, 100, 16, false)
	c.emoji("high-voltage", 250, 46, 14, false)
}

func drawCampus(c *canvas) {
	// Outdoors: sky, lawn, and glass towers.
	c.rect(0, 0, sceneW, sceneH, 0, skyLow)
	c.raw(`<linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="%s"/><stop offset="1" stop-color="#27405a"/></linearGradient>`, skyDeep)
	c.rect(0, 0, sceneW, floorY, 0, "url(#sky)")
	c.moon(420, 30, 10)
	towers(c, sceneW, floorY, cool)
	c.rect(0, floorY, sceneW, sceneH-floorY, 0, "#132520")
	c.rect(0, floorY, sceneW, 1.5, 0, "#2d5048")
	// A path across the lawn to the doors.
	c.poly("#22384a", 200, floorY, 280, floorY, 330, sceneH, 150, sceneH)
	c.group(0.55, func() { c.emoji("office-building", 250, floorY-6, 62, true) })
	c.group(0.8, func() {
		c.emoji("office-building", 120, floorY+2, 92, false)
		c.emoji("office-building", 370, floorY+2, 104, false)
	})
	c.emoji("deciduous-tree", 40, floorY+4, 52, false)
	c.emoji("deciduous-tree", 455, floorY+4, 46, false)
	c.emoji("evergreen-tree", 190, floorY+3, 38, false)
	// The engineer walks up the path towards us, badge in hand.
	c.emoji("man-office-worker-medium-dark", 262, sceneH+6, personSize+4, false)
	c.emoji("identification-card", 300, sceneH-8, 18, false)
}

func drawManager(c *canvas) {
	room(c, wallMid, cool, 240)
	window(c, 20, 16, 120, 84, cool, nil)
	// The wall screen with the quarter's numbers and the full calendar.
	c.rect(170, 14, 150, 78, 5, "#0e1a24")
	c.rect(170, 14, 150, 78, 5, "none\" stroke=\""+edge)
	c.emoji("bar-chart", 215, 84, 56, false)
	c.emoji("chart-decreasing", 285, 74, 38, false)
	c.emoji("spiral-calendar", 380, 60, 40, false)
	c.emoji("three-oclock", 440, 44, 26, false)
	// The team around the table; the manager stands at its head.
	c.shadow(245, floorY+4, 120)
	c.emoji("woman-office-worker-medium-light", 150, floorY-12, 44, false)
	c.emoji("man-technologist-dark", 335, floorY-12, 44, true)
	c.emoji("man-office-worker-light", 245, floorY-12, personSize, false)
	c.raw(`<ellipse cx="245" cy="%g" rx="130" ry="12" fill="#3a566d"/>`, floorY-6)
	c.rect(150, floorY-6, 6, 8, 0, nearShape)
	c.rect(334, floorY-6, 6, 8, 0, nearShape)
	c.emoji("clipboard", 200, floorY-6, 18, false)
	c.emoji("hot-beverage", 290, floorY-6, 14, false)
	c.emoji("speech-balloon", 285, 40, 24, false)
}

func drawLab(c *canvas) {
	room(c, wallDark, green, 250)
	// The old campus through the window.
	window(c, 24, 16, 130, 90, warm, func() {
		c.rect(0, 70, 130, 20, 0, "#1b3028")
		c.emoji("classical-building", 65, 82, 58, false)
	})
	// A poster of the double helix, the bookshelf.
	c.rect(190, 20, 44, 58, 3, board)
	c.emoji("dna", 212, 72, 44, false)
	c.rect(360, 30, 100, 4, 1, "#3a566d")
	c.rect(360, 64, 100, 4, 1, "#3a566d")
	c.emoji("books", 385, 30, 24, false)
	c.emoji("graduation-cap", 440, 30, 20, false)
	c.emoji("notebook", 380, 64, 20, false)
	c.emoji("scroll", 430, 64, 22, false)
	// The scientist at the bench.
	c.shadow(300, floorY+4, 100)
	c.emoji("woman-scientist-dark", 320, floorY-8, personSize, true)
	desk(c, 200, 420, 98)
	c.emoji("microscope", 250, 98, 40, false)
	c.emoji("test-tube", 372, 98, 24, false)
	c.emoji("petri-dish", 400, 98, 16, false)
	c.emoji("alembic", 220, 98, 22, false)
	c.emoji("potted-plant", 60, floorY+2, 36, false)
}

func drawScience(c *canvas) {
	room(c, wallMid, violet, 200)
	window(c, 340, 16, 120, 84, cool, func() {
		c.emoji("office-building", 40, 86, 60, false)
		c.emoji("office-building", 95, 86, 76, false)
	})
	// The experiment on the big screen: the dashboards decide.
	c.rect(30, 14, 190, 84, 5, "#0e1a24")
	c.rect(30, 14, 190, 84, 5, "none\" stroke=\""+edge)
	c.emoji("bar-chart", 80, 88, 56, false)
	c.emoji("chart-increasing", 160, 88, 56, false)
	c.emoji("magnifying-glass-tilted-left", 215, 76, 34, false)
	c.emoji("brain", 262, 54, 22, false)
	// The applied scientist reads them, laptop open.
	c.shadow(260, floorY+4, 90)
	c.emoji("man-scientist-medium-light", 282, floorY-8, personSize, true)
	desk(c, 180, 340, 102)
	c.emoji("laptop", 220, 102, 30, false)
	c.emoji("card-index-dividers", 315, 102, 20, false)
	c.emoji("hot-beverage", 190, 102, 14, false)
	c.emoji("potted-plant", 445, floorY+2, 36, false)
}

// rack draws a server rack at x with rows of status lights.
func rack(c *canvas, x, top float64, lights []string) {
	w := 48.0
	c.rect(x, top, w, floorY-top, 3, "#0c161e")
	c.rect(x, top, w, floorY-top, 3, "none\" stroke=\""+edge)
	for i := 0; float64(i)*12 < floorY-top-14; i++ {
		y := top + 6 + float64(i)*12
		c.rect(x+4, y, w-8, 8, 1, "#1b2b39")
		col := lights[i%len(lights)]
		c.circle(x+w-9, y+4, 1.8, col)
		c.circle(x+w-15, y+4, 1.8, lights[(i+1)%len(lights)])
		c.rect(x+7, y+3, 16, 2, 0, "#2a4459")
	}
}

func drawMLOps(c *canvas) {
	room(c, wallDark, cool, 250)
	rack(c, 20, 22, []string{green, green, cool, green})
	rack(c, 76, 22, []string{green, warm, green, cool})
	rack(c, 400, 30, []string{cool, green, green, green})
	// The pipeline: gears turning, models shipped, the pager on the wall.
	c.emoji("gear", 180, 56, 36, false)
	c.emoji("gear", 212, 40, 24, false)
	c.emoji("package", 270, 60, 30, false)
	c.emoji("robot", 330, 62, 36, false)
	c.line(200, 48, 255, 48, 2, edge)
	c.line(290, 48, 312, 48, 2, edge)
	c.emoji("pager", 375, 44, 22, false)
	c.emoji("satellite-antenna", 455, 30, 24, false)
	// The engineer keeping it all running.
	c.shadow(270, floorY+4, 90)
	c.emoji("woman-technologist-medium-dark", 300, floorY-6, personSize, false)
	desk(c, 170, 360, 102)
	c.emoji("desktop-computer", 225, 102, 34, false)
	c.emoji("alarm-clock", 340, 102, 18, false)
	c.emoji("electric-plug", 150, floorY+2, 18, false)
}

func drawBetween(c *canvas) {
	// A street at dusk: the sky, the town, the pavement.
	c.raw(`<linearGradient id="dusk" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="%s"/><stop offset="1" stop-color="#3a3550"/></linearGradient>`, skyDeep)
	c.rect(0, 0, sceneW, sceneH, 0, "url(#dusk)")
	c.raw(`<circle cx="250" cy="%g" r="60" fill="#e9a35a" fill-opacity="0.25"/>`, floorY)
	towers(c, sceneW, floorY, warm)
	c.emoji("house", 60, floorY+2, 46, false)
	c.emoji("houses", 420, floorY+2, 52, false)
	c.rect(0, floorY, sceneW, sceneH-floorY, 0, "#16161f")
	c.rect(0, floorY, sceneW, 1.5, 0, "#4a4560")
	for x := 10.0; x < sceneW; x += 60 {
		c.rect(x, floorY+20, 28, 2, 0, "#3a3550")
	}
	// A bench with the job ads; applications flying out.
	c.rect(130, floorY-16, 80, 5, 1, "#4a5a6d")
	c.rect(136, floorY-11, 4, 11, 0, "#33404f")
	c.rect(200, floorY-11, 4, 11, 0, "#33404f")
	c.emoji("newspaper", 160, floorY-16, 20, false)
	c.emoji("mobile-phone", 190, floorY-16, 14, false)
	c.emoji("envelope-with-arrow", 310, 52, 24, false)
	c.emoji("incoming-envelope", 360, 34, 20, false)
	c.emoji("envelope", 400, 20, 16, false)
	c.emoji("hourglass-not-done", 330, 100, 22, false)
	// The job hunter, walking on.
	c.shadow(262, floorY+4, 30)
	c.emoji("man-walking-facing-right-medium", 258, floorY+4, personSize, false)
	c.emoji("briefcase", 276, floorY-8, 16, false)
}
