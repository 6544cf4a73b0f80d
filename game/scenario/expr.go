package scenario

import (
	"strconv"
)

// Expr is a value an author may write either as a number (or boolean) or as an
// expression string: `weight = 2`, `weight = "1 + traction / 50"`.
type Expr struct {
	// Src is the expression text; empty when the key was not given.
	Src string
	// Pos is where the value stands in the file (zero when unknown).
	Pos Pos
	// Quoted reports that the value was a string, so columns of errors inside
	// it are one past Pos.Col.
	Quoted bool
}

// IsSet reports whether the author gave the value.
func (e Expr) IsSet() bool { return e.Src != "" }

// exprFromValue converts a decoded TOML value into an expression.
func exprFromValue(v any) (Expr, bool) {
	switch x := v.(type) {
	case string:
		return Expr{Src: x, Quoted: true}, true
	case int64:
		return Expr{Src: strconv.FormatInt(x, 10)}, true
	case float64:
		return Expr{Src: strconv.FormatFloat(x, 'g', -1, 64)}, true
	case bool:
		return Expr{Src: strconv.FormatBool(x)}, true
	}
	return Expr{}, false
}
