package scenario

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// FormatValue renders a value in its unit: $1.2M, 14 mo, 35%.
func FormatValue(v float64, u Unit) string {
	switch u {
	case Money:
		return formatMoney(v)
	case Months:
		if v == math.Trunc(v) {
			return fmt.Sprintf("%.0f mo", v)
		}
		return fmt.Sprintf("%.1f mo", v)
	case Percent:
		return fmt.Sprintf("%.0f%%", v)
	case Fraction:
		if math.Abs(v) < 0.1 && v != 0 {
			return fmt.Sprintf("%.1f%%", v*100)
		}
		return fmt.Sprintf("%.0f%%", v*100)
	case Level:
		return strconv.Itoa(int(math.Round(v)))
	}
	if v == math.Trunc(v) || math.Abs(v) >= 10 {
		return strconv.FormatFloat(math.Round(v), 'f', -1, 64)
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

func formatMoney(v float64) string {
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	trim := func(s string) string {
		if strings.Contains(s, ".") {
			s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		}
		return s
	}
	// Round first, then pick the scale, so 999,999 shows as $1M, not $1000k.
	var out string
	switch {
	case v >= 999_995_000:
		out = "$" + trim(fmt.Sprintf("%.2f", v/1e9)) + "B"
	case v >= 999_995:
		out = "$" + trim(fmt.Sprintf("%.2f", v/1e6)) + "M"
	case v >= 9_999.5:
		out = "$" + fmt.Sprintf("%.0f", v/1e3) + "k"
	case v >= 999.95:
		out = "$" + trim(fmt.Sprintf("%.1f", v/1e3)) + "k"
	default:
		out = "$" + fmt.Sprintf("%.0f", v)
	}
	if out == "$0" {
		return out // never "-$0"
	}
	return sign + out
}
