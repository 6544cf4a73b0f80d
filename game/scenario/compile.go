package scenario

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/checker"
	"github.com/expr-lang/expr/conf"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/parser"
)

// Expressions are parsed and type-checked by expr-lang/expr, then turned into
// Go closures over Env. The closures run the rules at a few nanoseconds per
// expression (expr's VM would cost a map lookup per name) and use only
// operations that give identical results on every platform: + - * / and
// sqrt are exactly rounded in IEEE 754, so a run replays bit for bit on
// desktop, in the browser and in the headless tool. Transcendental functions
// (log, exp, fractional powers) are left out for that reason.

// exprContext says where an expression stands, which decides the names it
// may use.
type exprContext int

const (
	ctxGeneral exprContext = iota
	ctxAward               // resource_fight.award: may use share and award
	ctxEvent               // an event's own conditions, weights, choices and texts: may use seen and cause_month
)

type nameKind int

const (
	nameStat nameKind = iota
	nameFlag
	nameVar
	nameBuiltinFlag
)

type nameRef struct {
	kind nameKind
	idx  int
}

// exprCompiler compiles one scenario's expressions.
type exprCompiler struct {
	sc     *Scenario
	file   string
	pos    positions
	errs   *Errors
	names  map[string]nameRef
	env    map[string]any
	all    []string // every name, for suggestions
	system map[string]string
	confs  map[string]*conf.Config // by want; see config
}

func newExprCompiler(sc *Scenario, file string, pos positions, errs *Errors) *exprCompiler {
	c := &exprCompiler{sc: sc, file: file, pos: pos, errs: errs, names: map[string]nameRef{}, env: map[string]any{}}
	for i, st := range sc.Stats {
		c.names[st.ID] = nameRef{nameStat, i}
		c.env[st.ID] = 0.0
	}
	for i, f := range sc.Flags {
		c.names[f] = nameRef{nameFlag, i}
		c.env[f] = false
	}
	for i, n := range BuiltinVarNames {
		if format2Vars[n] && sc.Format < 2 {
			continue // a format-1 file may use the name for itself
		}
		c.names[n] = nameRef{nameVar, i}
		c.env[n] = 0
	}
	for i, n := range BuiltinFlagNames {
		c.names[n] = nameRef{nameBuiltinFlag, i}
		c.env[n] = false
	}
	for i, p := range sc.Phases {
		names := phaseNames(p.ID)
		c.names[names[0]] = nameRef{nameBuiltinFlag, NumBuiltinFlags + i}
		c.env[names[0]] = false
		c.names[names[1]] = nameRef{nameVar, NumBuiltinVars + i}
		c.env[names[1]] = 0
		c.names[names[2]] = nameRef{nameVar, NumBuiltinVars + len(sc.Phases) + i}
		c.env[names[2]] = 0
	}
	for n := range c.names {
		c.all = append(c.all, n)
	}
	sort.Strings(c.all)
	// Built-ins that only mean something with a system.
	c.system = map[string]string{}
	if sc.Ladder == nil {
		for _, n := range []string{"months_in_level", "good_ratings", "last_rating"} {
			c.system[n] = "a [ladder]"
		}
	}
	if sc.Funding == nil {
		for _, n := range []string{"rounds_closed", "raise_months", "raising"} {
			c.system[n] = "a [funding] section"
		}
	}
	if len(sc.Phases) == 0 {
		for _, n := range []string{"phase_months", "unvested"} {
			c.system[n] = "[phases]"
		}
	}
	return c
}

// reads lists the identifiers an expression reads (nil when it does not
// parse; that error is reported by Num or Cond).
func (c *exprCompiler) reads(e Expr) []string {
	if !e.IsSet() {
		return nil
	}
	tree, err := parser.Parse(e.Src)
	if err != nil {
		return nil
	}
	var out []string
	ast.Find(tree.Node, func(n ast.Node) bool {
		if id, ok := n.(*ast.IdentifierNode); ok {
			out = append(out, id.Value)
		}
		return false
	})
	return out
}

// at converts an offset inside an expression to a file position.
func (c *exprCompiler) at(e Expr, offset int) Pos {
	p := e.Pos
	if p.Line == 0 {
		return Pos{Line: 1, Col: 1}
	}
	if e.Quoted && !strings.Contains(e.Src, "\n") {
		p.Col += 1 + offset
	}
	return p
}

func (c *exprCompiler) fail(e Expr, offset int, format string, args ...any) {
	*c.errs = append(*c.errs, Error{File: c.file, Pos: c.at(e, offset), Msg: fmt.Sprintf(format, args...)})
}

func (c *exprCompiler) failHelp(e Expr, offset int, help, format string, args ...any) {
	*c.errs = append(*c.errs, Error{File: c.file, Pos: c.at(e, offset), Msg: fmt.Sprintf(format, args...), Help: help})
}

var exprFuncs = []expr.Option{
	expr.Function("clamp", func(p ...any) (any, error) { return nil, nil }, new(func(float64, float64, float64) float64)),
	expr.Function("sqrt", func(p ...any) (any, error) { return nil, nil }, new(func(float64) float64)),
	expr.Function("mod", func(p ...any) (any, error) { return nil, nil }, new(func(float64, float64) float64)),
}

// compile parses and checks an expression; want is "number" or "condition".
func (c *exprCompiler) compile(e Expr, what string, want string, ctx exprContext) ast.Node {
	src := e.Src
	tree, err := parser.Parse(src)
	if err != nil {
		c.exprError(e, what, err)
		return nil
	}
	// Check names first: our messages name the stat and suggest a fix.
	ok := true
	ast.Find(tree.Node, func(n ast.Node) bool {
		id, isID := n.(*ast.IdentifierNode)
		if !isID {
			return false
		}
		off := n.Location().From
		if id.Value == "clamp" || id.Value == "sqrt" || id.Value == "mod" {
			return false // function names; expr checks their use
		}
		if _, known := c.names[id.Value]; !known {
			if format2Vars[id.Value] {
				c.failHelp(e, off, "write format = 2 at the top of the file to use it", "`%s` in %s needs format = 2 (this file says format = 1)", id.Value, what)
			} else {
				c.failHelp(e, off, didYouMean(id.Value, c.all), "unknown name `%s` in %s", id.Value, what)
			}
			ok = false
			return false
		}
		if need, limited := c.system[id.Value]; limited && c.names[id.Value].kind >= nameVar {
			c.fail(e, off, "`%s` in %s only means something in a scenario with %s", id.Value, what, need)
			ok = false
		}
		if (id.Value == "share" || id.Value == "award") && ctx != ctxAward {
			c.fail(e, off, "`%s` in %s is only known inside [resource_fight.award]", id.Value, what)
			ok = false
		}
		if (id.Value == "seen" || id.Value == "cause_month") && ctx != ctxEvent && c.names[id.Value].kind == nameVar {
			c.fail(e, off, "`%s` in %s only means something in an event's own conditions, weights, choices and texts", id.Value, what)
			ok = false
		}
		return false
	})
	if !ok {
		return nil
	}
	// `!x` on a number: say what to write instead.
	ast.Find(tree.Node, func(n ast.Node) bool {
		u, isU := n.(*ast.UnaryNode)
		if !isU || (u.Operator != "!" && u.Operator != "not") {
			return false
		}
		if id, isID := u.Node.(*ast.IdentifierNode); isID {
			if ref := c.names[id.Value]; ref.kind == nameStat || ref.kind == nameVar {
				c.failHelp(e, n.Location().From, fmt.Sprintf("`%s` works on conditions: flags and comparisons", u.Operator), "in %s: %s is a number; write %s == 0", what, id.Value, id.Value)
				ok = false
			}
		}
		return false
	})
	if !ok {
		return nil
	}
	checked, err := checker.ParseCheck(src, c.config(want))
	if err != nil {
		c.exprError(e, what, err)
		return nil
	}
	return checked.Node
}

// config returns expr's configuration for want ("number" or "condition"),
// made once per scenario and shared by its expressions, as expr.Compile
// would make it for each one. Making it (the table of built-ins, the type
// of every name) cost more than checking an expression: sharing it loads
// the bundled scenarios twice as fast, which the browser build feels at
// start-up. Only the checked tree is used, so expr's bytecode is not built.
func (c *exprCompiler) config(want string) *conf.Config {
	if cfg := c.confs[want]; cfg != nil {
		return cfg
	}
	opts := append([]expr.Option{expr.Env(c.env), expr.Optimize(false), expr.DisableAllBuiltins(), expr.Patch(modPatch{}),
		expr.EnableBuiltin("abs"), expr.EnableBuiltin("min"), expr.EnableBuiltin("max"),
		expr.EnableBuiltin("floor"), expr.EnableBuiltin("ceil"), expr.EnableBuiltin("round")}, exprFuncs...)
	if want == "condition" {
		opts = append(opts, expr.AsBool())
	} else {
		opts = append(opts, expr.AsFloat64())
	}
	cfg := conf.CreateNew()
	for _, op := range opts {
		op(cfg)
	}
	for name := range cfg.Disabled {
		delete(cfg.Builtins, name)
	}
	cfg.Check()
	if c.confs == nil {
		c.confs = map[string]*conf.Config{}
	}
	c.confs[want] = cfg
	return cfg
}

func (c *exprCompiler) exprError(e Expr, what string, err error) {
	col, msg := 0, err.Error()
	var fe *file.Error
	if errors.As(err, &fe) {
		col, msg = fe.Column, fe.Message
	}
	c.fail(e, col, "in %s `%s`: %s", what, e.Src, plainWords(msg))
}

// modPatch turns `a % b` into mod(a, b): expr's % accepts only integers,
// but stats are numbers with fractions.
type modPatch struct{}

// Visit implements ast.Visitor.
func (modPatch) Visit(node *ast.Node) {
	if b, ok := (*node).(*ast.BinaryNode); ok && b.Operator == "%" {
		ast.Patch(node, &ast.CallNode{Callee: &ast.IdentifierNode{Value: "mod"}, Arguments: []ast.Node{b.Left, b.Right}})
	}
}

// plainWords rewrites expr's messages, which speak of Go types, in the
// words of the format: numbers, conditions, true/false.
func plainWords(msg string) string {
	if i := strings.Index(msg, " ("); i > 0 && strings.HasSuffix(msg, ")") && strings.Contains(msg[i:], ":") {
		msg = msg[:i] // drop expr's own "(1:5)" position: ours is better
	}
	switch {
	case strings.HasPrefix(msg, "expected bool"):
		return "should be a condition (true or false), but it gives a number"
	case strings.HasPrefix(msg, "expected float64"), strings.HasPrefix(msg, "expected int"):
		return "should give a number, but it gives true/false"
	case strings.HasPrefix(msg, "invalid operation: ! (mismatched type"), strings.HasPrefix(msg, "invalid operation: not (mismatched type"):
		return "`!` (not) needs a condition, but it is given a number; compare the number instead, e.g. `(a + b) == 0`"
	case strings.Contains(msg, "% (mismatched types"):
		return "% works on whole numbers like month; for the remainder of a stat use mod(a, b)"
	}
	r := strings.NewReplacer("float64", "number", "int", "number", "bool", "true/false", "interface {}", "a value")
	return r.Replace(msg)
}

// Num compiles a numeric expression; it returns nil when the expression is
// not set or does not compile (the error is recorded).
func (c *exprCompiler) Num(e Expr, what string, ctx exprContext) Num {
	if !e.IsSet() {
		return nil
	}
	node := c.compile(e, what, "number", ctx)
	if node == nil {
		return nil
	}
	f, err := c.num(node)
	if err != nil {
		c.fail(e, node.Location().From, "in %s: %v", what, err)
		return nil
	}
	return f
}

// Cond compiles a condition; nil when unset (meaning always) or broken.
func (c *exprCompiler) Cond(e Expr, what string, ctx exprContext) Cond {
	if !e.IsSet() {
		return nil
	}
	node := c.compile(e, what, "condition", ctx)
	if node == nil {
		return nil
	}
	f, err := c.cond(node)
	if err != nil {
		c.fail(e, node.Location().From, "in %s: %v", what, err)
		return nil
	}
	return f
}

func isBool(n ast.Node) bool {
	t := n.Type()
	return t != nil && t.Kind() == reflect.Bool
}

// num turns a checked AST node into a numeric closure.
func (c *exprCompiler) num(n ast.Node) (Num, error) {
	switch n := n.(type) {
	case *ast.IntegerNode:
		v := float64(n.Value)
		return func(*Env) float64 { return v }, nil
	case *ast.FloatNode:
		v := n.Value
		return func(*Env) float64 { return v }, nil
	case *ast.ConstantNode:
		switch v := n.Value.(type) {
		case int:
			f := float64(v)
			return func(*Env) float64 { return f }, nil
		case float64:
			return func(*Env) float64 { return v }, nil
		}
	case *ast.IdentifierNode:
		ref := c.names[n.Value]
		switch ref.kind {
		case nameStat:
			i := ref.idx
			if i >= c.sc.NumDeclared {
				return func(e *Env) float64 {
					if e.Stale {
						e.Refresh()
					}
					return e.V[i]
				}, nil
			}
			return func(e *Env) float64 { return e.V[i] }, nil
		case nameVar:
			i := len(c.sc.Stats) + ref.idx
			return func(e *Env) float64 { return e.V[i] }, nil
		}
		return nil, fmt.Errorf("`%s` is a flag (true/false), not a number", n.Value)
	case *ast.UnaryNode:
		x, err := c.num(n.Node)
		if err != nil {
			return nil, err
		}
		switch n.Operator {
		case "-":
			return func(e *Env) float64 { return -x(e) }, nil
		case "+":
			return x, nil
		}
	case *ast.BinaryNode:
		return c.binaryNum(n)
	case *ast.ConditionalNode:
		cond, err := c.cond(n.Cond)
		if err != nil {
			return nil, err
		}
		a, err := c.num(n.Exp1)
		if err != nil {
			return nil, err
		}
		b, err := c.num(n.Exp2)
		if err != nil {
			return nil, err
		}
		return func(e *Env) float64 {
			if cond(e) {
				return a(e)
			}
			return b(e)
		}, nil
	case *ast.BuiltinNode:
		return c.call(n.Name, n.Arguments)
	case *ast.CallNode:
		if id, ok := n.Callee.(*ast.IdentifierNode); ok {
			return c.call(id.Value, n.Arguments)
		}
	}
	return nil, fmt.Errorf("`%s` is not supported in scenario expressions (use numbers, stats, flags, + - * / %%, comparisons, and/or/not, a ? b : c, min, max, abs, floor, ceil, round, clamp, sqrt, mod)", n.String())
}

func (c *exprCompiler) args(args []ast.Node) ([]Num, error) {
	out := make([]Num, len(args))
	for i, a := range args {
		f, err := c.num(a)
		if err != nil {
			return nil, err
		}
		out[i] = f
	}
	return out, nil
}

func (c *exprCompiler) call(name string, args []ast.Node) (Num, error) {
	fs, err := c.args(args)
	if err != nil {
		return nil, err
	}
	switch {
	case name == "abs" && len(fs) == 1:
		x := fs[0]
		return func(e *Env) float64 { return math.Abs(x(e)) }, nil
	case name == "floor" && len(fs) == 1:
		x := fs[0]
		return func(e *Env) float64 { return math.Floor(x(e)) }, nil
	case name == "ceil" && len(fs) == 1:
		x := fs[0]
		return func(e *Env) float64 { return math.Ceil(x(e)) }, nil
	case name == "round" && len(fs) == 1:
		x := fs[0]
		return func(e *Env) float64 { return math.Round(x(e)) }, nil
	case name == "sqrt" && len(fs) == 1:
		x := fs[0]
		return func(e *Env) float64 { return math.Sqrt(math.Max(x(e), 0)) }, nil
	case name == "mod" && len(fs) == 2:
		a, b := fs[0], fs[1]
		return func(e *Env) float64 {
			d := b(e)
			if d == 0 {
				return 0
			}
			return math.Mod(a(e), d)
		}, nil
	case name == "clamp" && len(fs) == 3:
		x, lo, hi := fs[0], fs[1], fs[2]
		return func(e *Env) float64 { return math.Min(math.Max(x(e), lo(e)), hi(e)) }, nil
	case (name == "min" || name == "max") && len(fs) >= 1:
		isMax := name == "max"
		return func(e *Env) float64 {
			v := fs[0](e)
			for _, f := range fs[1:] {
				w := f(e)
				if isMax == (w > v) && w != v {
					v = w
				}
			}
			return v
		}, nil
	}
	return nil, fmt.Errorf("%s() with %d arguments is not supported", name, len(fs))
}

func (c *exprCompiler) binaryNum(n *ast.BinaryNode) (Num, error) {
	switch n.Operator {
	case "+", "-", "*", "/", "%", "**", "^":
	default:
		return nil, fmt.Errorf("`%s` gives true/false where a number is needed", n.String())
	}
	a, err := c.num(n.Left)
	if err != nil {
		return nil, err
	}
	if n.Operator == "**" || n.Operator == "^" {
		return c.power(a, n.Right)
	}
	b, err := c.num(n.Right)
	if err != nil {
		return nil, err
	}
	switch n.Operator {
	case "+":
		return func(e *Env) float64 { return a(e) + b(e) }, nil
	case "-":
		return func(e *Env) float64 { return a(e) - b(e) }, nil
	case "*":
		return func(e *Env) float64 { return a(e) * b(e) }, nil
	case "/":
		// Division by zero gives 0 rather than infinity: a scenario's
		// formulas must never poison the state with Inf or NaN.
		return func(e *Env) float64 {
			d := b(e)
			if d == 0 {
				return 0
			}
			return a(e) / d
		}, nil
	default: // %
		return func(e *Env) float64 {
			d := b(e)
			if d == 0 {
				return 0
			}
			return math.Mod(a(e), d)
		}, nil
	}
}

// power supports whole exponents 0-8 and 0.5: other powers need math.Pow,
// whose last bits may differ between platforms.
func (c *exprCompiler) power(base Num, exp ast.Node) (Num, error) {
	var k float64
	switch x := exp.(type) {
	case *ast.IntegerNode:
		k = float64(x.Value)
	case *ast.FloatNode:
		k = x.Value
	default:
		return nil, errors.New("the power must be a plain number (0 to 8, or 0.5)")
	}
	if k == 0.5 {
		return func(e *Env) float64 { return math.Sqrt(math.Max(base(e), 0)) }, nil
	}
	if k != math.Trunc(k) || k < 0 || k > 8 {
		return nil, fmt.Errorf("power %v is not supported: use a whole number from 0 to 8, or 0.5 (other powers differ in their last digits between machines)", k)
	}
	n := int(k)
	return func(e *Env) float64 {
		x := base(e)
		r := 1.0
		for i := 0; i < n; i++ {
			r *= x
		}
		return r
	}, nil
}

// cond turns a checked AST node into a boolean closure.
func (c *exprCompiler) cond(n ast.Node) (Cond, error) {
	switch n := n.(type) {
	case *ast.BoolNode:
		v := n.Value
		return func(*Env) bool { return v }, nil
	case *ast.ConstantNode:
		if v, ok := n.Value.(bool); ok {
			return func(*Env) bool { return v }, nil
		}
	case *ast.IdentifierNode:
		ref := c.names[n.Value]
		switch ref.kind {
		case nameFlag:
			i := ref.idx
			return func(e *Env) bool { return e.F[i] }, nil
		case nameBuiltinFlag:
			i := len(c.sc.Flags) + ref.idx
			return func(e *Env) bool { return e.F[i] }, nil
		}
		return nil, fmt.Errorf("`%s` is a number, not a condition; compare it, e.g. `%s > 0`", n.Value, n.Value)
	case *ast.UnaryNode:
		if n.Operator == "!" || n.Operator == "not" {
			x, err := c.cond(n.Node)
			if err != nil {
				return nil, err
			}
			return func(e *Env) bool { return !x(e) }, nil
		}
	case *ast.ConditionalNode:
		cond, err := c.cond(n.Cond)
		if err != nil {
			return nil, err
		}
		a, err := c.cond(n.Exp1)
		if err != nil {
			return nil, err
		}
		b, err := c.cond(n.Exp2)
		if err != nil {
			return nil, err
		}
		return func(e *Env) bool {
			if cond(e) {
				return a(e)
			}
			return b(e)
		}, nil
	case *ast.BinaryNode:
		return c.binaryCond(n)
	}
	return nil, fmt.Errorf("`%s` is not a supported condition", n.String())
}

func (c *exprCompiler) binaryCond(n *ast.BinaryNode) (Cond, error) {
	switch n.Operator {
	case "and", "&&", "or", "||":
		a, err := c.cond(n.Left)
		if err != nil {
			return nil, err
		}
		b, err := c.cond(n.Right)
		if err != nil {
			return nil, err
		}
		if n.Operator == "and" || n.Operator == "&&" {
			return func(e *Env) bool { return a(e) && b(e) }, nil
		}
		return func(e *Env) bool { return a(e) || b(e) }, nil
	case "==", "!=":
		if isBool(n.Left) || isBool(n.Right) {
			a, err := c.cond(n.Left)
			if err != nil {
				return nil, err
			}
			b, err := c.cond(n.Right)
			if err != nil {
				return nil, err
			}
			if n.Operator == "==" {
				return func(e *Env) bool { return a(e) == b(e) }, nil
			}
			return func(e *Env) bool { return a(e) != b(e) }, nil
		}
	case "<", "<=", ">", ">=":
	default:
		return nil, fmt.Errorf("`%s` gives a number where a condition is needed", n.String())
	}
	a, err := c.num(n.Left)
	if err != nil {
		return nil, err
	}
	b, err := c.num(n.Right)
	if err != nil {
		return nil, err
	}
	switch n.Operator {
	case "==":
		return func(e *Env) bool { return a(e) == b(e) }, nil
	case "!=":
		return func(e *Env) bool { return a(e) != b(e) }, nil
	case "<":
		return func(e *Env) bool { return a(e) < b(e) }, nil
	case "<=":
		return func(e *Env) bool { return a(e) <= b(e) }, nil
	case ">":
		return func(e *Env) bool { return a(e) > b(e) }, nil
	default:
		return func(e *Env) bool { return a(e) >= b(e) }, nil
	}
}
