// Command artgen draws the game's art: scenes, portraits and ending icons
// composed from Fluent Emoji (MIT, Microsoft) on backdrops of our own, as
// SVG, rasterised to PNG with rsvg-convert (librsvg).
//
//	go run ./scripts/artgen -icons icons.json -out assets/art
//
// icons.json is the Iconify set @iconify-json/fluent-emoji-flat (the
// version scripts/assets.sh pins). `make assets` fetches it and runs this.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// piece is one picture to make.
type piece struct {
	file  string // name under -out
	w, h  float64
	px    int // rasterised width in pixels (height follows the aspect)
	draw  func(c *canvas)
	about string
	round float64 // corner radius of the frame, 0 for none
}

func pieces() []piece {
	var ps []piece
	for _, s := range scenes() {
		ps = append(ps, piece{file: "scene-" + s.key + ".png", w: sceneW, h: sceneH, px: 960, draw: s.draw, about: s.title, round: 10})
	}
	for _, p := range portraits() {
		ps = append(ps, piece{file: "portrait-" + p.key + ".png", w: portraitSize, h: portraitSize, px: 256,
			draw: func(c *canvas) { drawPortrait(c, p) }, about: p.title})
	}
	for _, e := range endingIcons() {
		ps = append(ps, piece{file: "ending-" + e.category + ".png", w: endingSize, h: endingSize, px: 128,
			draw: func(c *canvas) { drawEnding(c, e) }, about: e.title})
	}
	return ps
}

func main() {
	iconsPath := flag.String("icons", "", "the Iconify JSON of @iconify-json/fluent-emoji-flat (icons.json)")
	out := flag.String("out", "assets/art", "folder for the PNGs")
	svgDir := flag.String("svg", "", "also keep each picture's SVG in this folder")
	rsvg := flag.String("rsvg", "rsvg-convert", "the rsvg-convert program (Debian: librsvg2-bin)")
	list := flag.Bool("list", false, "print each file and what it shows, and quit")
	flag.Parse()
	if err := run(*iconsPath, *out, *svgDir, *rsvg, *list); err != nil {
		fmt.Fprintln(os.Stderr, "artgen:", err)
		os.Exit(1)
	}
}

func run(iconsPath, out, svgDir, rsvg string, list bool) error {
	if list {
		for _, p := range pieces() {
			fmt.Printf("%s\t%s\n", p.file, p.about)
		}
		return nil
	}
	if iconsPath == "" {
		return fmt.Errorf("-icons is required (the icons.json of @iconify-json/fluent-emoji-flat)")
	}
	icons, err := loadIcons(iconsPath)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "artgen")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if svgDir == "" {
		svgDir = tmp
	}
	for _, d := range []string{out, svgDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	for _, p := range pieces() {
		c := newCanvas(icons, p.w, p.h)
		if p.round > 0 {
			c.clipRound(p.round, func() { p.draw(c) })
		} else {
			p.draw(c)
		}
		doc, err := c.svg()
		if err != nil {
			return fmt.Errorf("%s: %w", p.file, err)
		}
		svgPath := filepath.Join(svgDir, p.file[:len(p.file)-len(".png")]+".svg")
		if err := os.WriteFile(svgPath, []byte(doc), 0o644); err != nil {
			return err
		}
		var stderr bytes.Buffer
		cmd := exec.Command(rsvg, "-w", fmt.Sprint(p.px), "-o", filepath.Join(out, p.file), svgPath)
		cmd.Stderr = &stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("%s: rsvg-convert: %v: %s", p.file, err, stderr.String())
		}
	}
	return nil
}
