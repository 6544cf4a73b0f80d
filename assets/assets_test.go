package assets

import (
	"bufio"
	"bytes"
	"image/png"
	"io/fs"
	"math"
	"os"
	"path"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/jfreymuth/oggvorbis"
	"golang.org/x/image/font/opentype"
)

// readmeFiles returns the files README.md lists: the first cell of each
// table row, in backticks.
func readmeFiles(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("README.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	row := regexp.MustCompile("^\\| `([^`]+)` \\|")
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if m := row.FindStringSubmatch(sc.Text()); m != nil {
			out = append(out, m[1])
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// folderFiles returns every file in the asset folders on disk.
func folderFiles(t *testing.T, fsys fs.FS, dirs ...string) []string {
	t.Helper()
	var out []string
	for _, d := range dirs {
		err := fs.WalkDir(fsys, d, func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !e.IsDir() {
				out = append(out, p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	slices.Sort(out)
	return out
}

func TestReadmeNamesEveryFileAndNothingElse(t *testing.T) {
	listed := readmeFiles(t)
	if len(listed) < 30 {
		t.Fatalf("README.md lists %d files; the table rows were not found", len(listed))
	}
	onDisk := folderFiles(t, os.DirFS("."), "art", "sound", "fonts", "licenses")
	for _, f := range listed {
		if !slices.Contains(onDisk, f) {
			t.Errorf("README.md lists %s, which is not in the folder", f)
		}
	}
	for _, f := range onDisk {
		if !slices.Contains(listed, f) {
			t.Errorf("%s is in the folder but README.md does not say where it came from", f)
		}
	}
	seen := map[string]bool{}
	for _, f := range listed {
		if seen[f] {
			t.Errorf("README.md lists %s twice", f)
		}
		seen[f] = true
	}
}

func TestEmbeddedMatchesTheFolder(t *testing.T) {
	embedded := folderFiles(t, FS(), ".")
	onDisk := folderFiles(t, os.DirFS("."), "art", "sound", "fonts")
	if !slices.Equal(embedded, onDisk) {
		t.Errorf("embedded files differ from the folder:\nembedded %v\nfolder   %v", embedded, onDisk)
	}
}

// Every path the catalogue names is a file, and every file is in the
// catalogue (nothing shipped that the game cannot ask for).
func TestCatalogueNamesEveryFile(t *testing.T) {
	var want []string
	for _, k := range Scenes() {
		want = append(want, ScenePath(k))
	}
	for _, k := range Portraits() {
		want = append(want, PortraitPath(k))
	}
	for _, k := range EndingCategories() {
		want = append(want, EndingIconPath(k))
	}
	for _, e := range Effects() {
		want = append(want, e.Path())
	}
	for _, k := range Ambiences() {
		want = append(want, AmbiencePath(k))
	}
	for _, f := range Fonts() {
		want = append(want, f.Path())
	}
	slices.Sort(want)
	if got := folderFiles(t, FS(), "."); !slices.Equal(got, want) {
		t.Errorf("files and catalogue differ:\nfiles     %v\ncatalogue %v", got, want)
	}
	if _, err := ReadFile("art/no-such.png"); err == nil || !strings.Contains(err.Error(), "assets:") {
		t.Errorf("ReadFile of a missing file: err = %v, want one naming the package", err)
	}
}

func TestEveryImageDecodes(t *testing.T) {
	sizes := map[string][2]int{"scene-": {960, 320}, "portrait-": {256, 256}, "ending-": {128, 128}}
	for _, name := range folderFiles(t, FS(), "art") {
		t.Run(name, func(t *testing.T) {
			data, err := ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("not a PNG: %v", err)
			}
			base := path.Base(name)
			var want [2]int
			for prefix, wh := range sizes {
				if strings.HasPrefix(base, prefix) {
					want = wh
				}
			}
			b := img.Bounds()
			if want == [2]int{} || b.Dx() != want[0] || b.Dy() != want[1] {
				t.Errorf("%dx%d, want %dx%d", b.Dx(), b.Dy(), want[0], want[1])
			}
			// Something is drawn: not one flat colour.
			first := img.At(b.Min.X+b.Dx()/2, b.Min.Y+b.Dy()/2)
			same := true
			for y := b.Min.Y; y < b.Max.Y && same; y += 7 {
				for x := b.Min.X; x < b.Max.X; x += 7 {
					if img.At(x, y) != first {
						same = false
						break
					}
				}
			}
			if same {
				t.Error("the picture is one flat colour")
			}
		})
	}
}

func TestEverySoundDecodes(t *testing.T) {
	for _, name := range folderFiles(t, FS(), "sound") {
		t.Run(name, func(t *testing.T) {
			data, err := ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			samples, format, err := oggvorbis.ReadAll(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("not Ogg Vorbis: %v", err)
			}
			if format.SampleRate != 44100 || format.Channels != 1 {
				t.Errorf("%d Hz, %d channels; want 44100 Hz mono", format.SampleRate, format.Channels)
			}
			seconds := float64(len(samples)) / float64(format.SampleRate*format.Channels)
			peak, sum := 0.0, 0.0
			for _, s := range samples {
				peak = math.Max(peak, math.Abs(float64(s)))
				sum += float64(s) * float64(s)
			}
			rms := math.Sqrt(sum / float64(len(samples)))
			if strings.HasPrefix(path.Base(name), "ambient-") {
				// Loops: 20 s, quiet, never silent.
				if math.Abs(seconds-20) > 0.01 {
					t.Errorf("a loop of %.3f s, want 20", seconds)
				}
				if rms < 0.01 || rms > 0.04 || peak > 0.3 {
					t.Errorf("loop loudness: RMS %.3f, peak %.3f; want RMS 0.01-0.04, peak under 0.3", rms, peak)
				}
				return
			}
			if seconds < 0.05 || seconds > 4 {
				t.Errorf("an effect of %.2f s, want 0.05-4", seconds)
			}
			if peak < 0.2 || peak > 0.9 {
				t.Errorf("effect peak %.2f, want 0.2-0.9 (audible, not clipping)", peak)
			}
		})
	}
}

func TestEveryFontParses(t *testing.T) {
	for _, f := range Fonts() {
		data, err := ReadFile(f.Path())
		if err != nil {
			t.Fatal(err)
		}
		font, err := opentype.Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", f.Path(), err)
		}
		if font.NumGlyphs() < 500 {
			t.Errorf("%s has %d glyphs; a cut-down font?", f.Path(), font.NumGlyphs())
		}
	}
}
