package sim

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"strconv"
	"strings"

	"runwayladder/game/scenario"
)

// A run code is a short, typeable text that replays a run exactly:
//
//	startup_seed.1.7K3FQ2M9XW0A4H8TRC
//	└─ scenario ─┘ │ └─ payload ─┘
//	       content version
//
// The payload is Crockford base32 (digits and letters without I, L, O, U;
// case and dashes are ignored when read) of: the seed and the number of
// picks as varints, the picks two bits each, and a 24-bit CRC of all of it
// and the scenario id and version, so a mistyped or tampered code is caught.
//
// Code version 2 adds, after the picks and only when a workshop facilitator
// injected shared events, the byte 2, their number and each one's month and
// event index as varints. A run without injections has a version-1 code, so
// every code made before stays valid and means the same run.

const crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// Code is a decoded run code.
type Code struct {
	Scenario string
	Version  int
	Seed     uint64
	Picks    []int // indices into each card's full choice list, 0-3
	// Injected are the shared events put on months' cards (code version 2).
	Injected []Injection
}

// MaxCodePicks bounds the picks a code may hold; MaxInjections the shared
// events one run may be given.
const (
	MaxCodePicks  = scenario.MaxMonths
	MaxInjections = 24
)

// codeInjections marks the injections section of a version-2 code.
const codeInjections = 2

// Encode renders the code as text.
func (c Code) Encode() (string, error) {
	if len(c.Picks) > MaxCodePicks {
		return "", fmt.Errorf("run code: %d picks; the limit is %d", len(c.Picks), MaxCodePicks)
	}
	buf := binary.AppendUvarint(nil, c.Seed)
	buf = binary.AppendUvarint(buf, uint64(len(c.Picks)))
	packed := make([]byte, (len(c.Picks)+3)/4)
	for i, p := range c.Picks {
		if p < 0 || p > 3 {
			return "", fmt.Errorf("run code: pick %d is %d; picks must be 0-3", i+1, p)
		}
		packed[i/4] |= byte(p) << (2 * (i % 4))
	}
	buf = append(buf, packed...)
	if len(c.Injected) > 0 {
		if err := checkInjections(c.Injected, scenario.MaxMonths); err != nil {
			return "", fmt.Errorf("run code: %v", err)
		}
		buf = append(buf, codeInjections)
		buf = binary.AppendUvarint(buf, uint64(len(c.Injected)))
		for _, in := range c.Injected {
			buf = binary.AppendUvarint(buf, uint64(in.Month))
			buf = binary.AppendUvarint(buf, uint64(in.Event))
		}
	}
	sum := checksum(c.Scenario, c.Version, buf)
	buf = append(buf, byte(sum>>16), byte(sum>>8), byte(sum))
	return c.Scenario + "." + strconv.Itoa(c.Version) + "." + base32Encode(buf), nil
}

func checksum(id string, version int, payload []byte) uint32 {
	h := crc32.NewIEEE()
	h.Write([]byte(id))
	h.Write([]byte{0, byte(version >> 8), byte(version)})
	h.Write(payload)
	return h.Sum32() & 0xFFFFFF
}

// ParseCode reads a run code. It accepts any case, spaces and dashes, and
// says precisely what is wrong with a code it cannot read.
func ParseCode(text string) (Code, error) {
	s := strings.TrimSpace(text)
	if len(s) > 400 {
		return Code{}, errors.New("run code is too long to be a run code")
	}
	parts := strings.Split(s, ".")
	if len(parts) != 3 {
		return Code{}, errors.New("run code should look like scenario.version.PAYLOAD (two dots)")
	}
	id := strings.ToLower(strings.TrimSpace(parts[0]))
	if id == "" {
		return Code{}, errors.New("run code has no scenario id before the first dot")
	}
	version, err := strconv.Atoi(strings.TrimSpace(parts[1]))
	if err != nil || version < 0 || version > 65535 {
		return Code{}, fmt.Errorf("run code's version %q is not a number", parts[1])
	}
	buf, err := base32Decode(parts[2])
	if err != nil && err != errExtra {
		return Code{}, fmt.Errorf("run code: %v", err)
	}
	if len(buf) < 5 {
		return Code{}, errors.New("run code is too short (a character may be missing)")
	}
	if err == errExtra {
		return Code{}, err
	}
	payload, tail := buf[:len(buf)-3], buf[len(buf)-3:]
	want := uint32(tail[0])<<16 | uint32(tail[1])<<8 | uint32(tail[2])
	if checksum(id, version, payload) != want {
		return Code{}, errors.New("run code's checksum does not match: a character is mistyped, or the code was changed")
	}
	seed, n := binary.Uvarint(payload)
	if n <= 0 {
		return Code{}, errors.New("run code's seed cannot be read")
	}
	payload = payload[n:]
	count, n := binary.Uvarint(payload)
	if n <= 0 || count > MaxCodePicks {
		return Code{}, errors.New("run code's pick count cannot be read")
	}
	payload = payload[n:]
	need := (count + 3) / 4
	if uint64(len(payload)) < need || uint64(len(payload)) > need && payload[need] != codeInjections {
		return Code{}, fmt.Errorf("run code holds %d bytes of picks for %d picks", len(payload), count)
	}
	c := Code{Scenario: id, Version: version, Seed: seed, Picks: make([]int, count)}
	for i := range c.Picks {
		c.Picks[i] = int(payload[i/4]>>(2*(i%4))) & 3
	}
	if rest := payload[need:]; len(rest) > 0 {
		inj, err := parseInjections(rest[1:])
		if err != nil {
			return Code{}, fmt.Errorf("run code's shared events: %v", err)
		}
		c.Injected = inj
	}
	return c, nil
}

// parseInjections reads the injections section of a version-2 code.
func parseInjections(b []byte) ([]Injection, error) {
	count, n := binary.Uvarint(b)
	if n <= 0 || count == 0 || count > MaxInjections {
		return nil, errors.New("their number cannot be read")
	}
	b = b[n:]
	out := make([]Injection, count)
	for i := range out {
		month, n := binary.Uvarint(b)
		if n <= 0 || month > scenario.MaxMonths {
			return nil, fmt.Errorf("the month of shared event %d cannot be read", i+1)
		}
		b = b[n:]
		ev, n := binary.Uvarint(b)
		if n <= 0 || ev >= scenario.MaxEvents {
			return nil, fmt.Errorf("shared event %d cannot be read", i+1)
		}
		b = b[n:]
		out[i] = Injection{Month: int(month), Event: int(ev)}
	}
	if len(b) > 0 {
		return nil, fmt.Errorf("%d bytes too many", len(b))
	}
	return out, checkInjections(out, scenario.MaxMonths)
}

// checkInjections checks that shared events come one per month, in order,
// from month 2 (month 1's card is drawn before anyone can inject).
func checkInjections(inj []Injection, months int) error {
	if len(inj) > MaxInjections {
		return fmt.Errorf("%d shared events; the limit is %d", len(inj), MaxInjections)
	}
	last := 1
	for i, in := range inj {
		if in.Month <= last || in.Month > months {
			return fmt.Errorf("shared event %d is for month %d, which is not after month %d or is past month %d", i+1, in.Month, last, months)
		}
		if in.Event < 0 || in.Event >= scenario.MaxEvents {
			return fmt.Errorf("shared event %d names event %d", i+1, in.Event)
		}
		last = in.Month
	}
	return nil
}

func base32Encode(b []byte) string {
	var out strings.Builder
	var acc uint32
	bits := 0
	for _, c := range b {
		acc = acc<<8 | uint32(c)
		bits += 8
		for bits >= 5 {
			bits -= 5
			out.WriteByte(crockford[(acc>>bits)&31])
		}
	}
	if bits > 0 {
		out.WriteByte(crockford[(acc<<(5-bits))&31])
	}
	return out.String()
}

var errExtra = errors.New("run code has a character too many or too few (check the end of the code)")

func base32Decode(s string) ([]byte, error) {
	var out []byte
	var acc uint32
	bits := 0
	for i, r := range strings.ToUpper(s) {
		switch r {
		case '-', ' ', '\t':
			continue
		case 'O':
			r = '0'
		case 'I', 'L':
			r = '1'
		}
		v := strings.IndexRune(crockford, r)
		if v < 0 {
			return nil, fmt.Errorf("character %q at position %d is not used in run codes", r, i+1)
		}
		acc = acc<<5 | uint32(v)
		bits += 5
		if bits >= 8 {
			bits -= 8
			out = append(out, byte(acc>>bits))
		}
	}
	// A canonical code leaves fewer than 5 spare bits, all zero; anything
	// else means a character too many.
	if bits >= 5 || acc&(1<<bits-1) != 0 {
		return out, errExtra
	}
	return out, nil
}

// Code returns the run's code (valid mid-run too: it replays to here).
func (r *Run) Code() string {
	c := Code{Scenario: r.sc.ID, Version: r.sc.Version, Seed: r.st.Seed, Picks: r.st.Picks(), Injected: r.st.Injected}
	s, err := c.Encode()
	if err != nil {
		return ""
	}
	return s
}

// Replay rebuilds a run from a code. The scenario must be the code's
// scenario at the code's version; every pick must be legal when made.
func Replay(sc *scenario.Scenario, c Code, opt Options) (*Run, error) {
	if c.Scenario != sc.ID {
		return nil, fmt.Errorf("run code is for scenario %q, not %q", c.Scenario, sc.ID)
	}
	if c.Version != sc.Version {
		return nil, fmt.Errorf("run code was made with version %d of %q, but version %d is installed, so it would not replay the same run", c.Version, sc.ID, sc.Version)
	}
	r := New(sc, c.Seed, opt)
	if err := r.preload(c.Injected, len(c.Picks)); err != nil {
		return nil, fmt.Errorf("run code's %v", err)
	}
	for i, p := range c.Picks {
		if err := r.PickIndex(p); err != nil {
			return nil, fmt.Errorf("run code's pick %d (month %d) does not fit this scenario: %v", i+1, r.Month(), err)
		}
	}
	return r, nil
}

// SessionSeed turns a workshop session code into a seed, so everyone who
// enters the same code faces the same luck. Case, spaces and dashes are
// ignored.
//
// The seed is the first 64 bits of HMAC-SHA256 of the normalised code
// under a fixed key: all 64 bits are used, so different codes do not
// collide (32-bit seeds did after some 77,000 codes), and the hash is one
// way, so a seed (which every run code of the session carries) does not
// give the session code back short of trying every code. Run codes and
// saves carry the seed itself, so those made with the earlier 32-bit
// mapping replay as before; only a session code typed again now leads to
// the new seed.
func SessionSeed(session string) (uint64, error) {
	norm := strings.Map(func(r rune) rune {
		switch {
		case r == '-' || r == ' ' || r == '\t':
			return -1
		case r >= 'a' && r <= 'z':
			return r - 'a' + 'A'
		}
		return r
	}, session)
	if len(norm) < 3 || len(norm) > 32 {
		return 0, errors.New("session code should be 3 to 32 letters or digits")
	}
	for _, r := range norm {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return 0, fmt.Errorf("session code may hold only letters and digits, not %q", r)
		}
	}
	mac := hmac.New(sha256.New, []byte(sessionSeedKey))
	mac.Write([]byte(norm))
	seed := binary.BigEndian.Uint64(mac.Sum(nil))
	if seed == 0 {
		seed = 1 // 0 means "no seed" to the tools
	}
	return seed, nil
}

// sessionSeedKey keys SessionSeed's hash (and names its scheme: a new
// mapping gets a new key).
const sessionSeedKey = "runwayladder session seed v2"
