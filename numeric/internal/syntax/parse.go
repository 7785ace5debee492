package syntax

// Parse parses src as one expression and returns its AST. A non-nil error is always an
// *Error. Parse never evaluates anything and never panics.
//
// The grammar, in EBNF (lowest precedence first, as in Python):
//
//	Expr       = Comparison .
//	Comparison = BitOr [ CompareOp BitOr ] .       (a second CompareOp is an error)
//	BitOr      = BitXor { "|" BitXor } .
//	BitXor     = BitAnd { "^" BitAnd } .
//	BitAnd     = Shift { "&" Shift } .
//	Shift      = Sum { ( "<<" | ">>" ) Sum } .
//	Sum        = Term { ( "+" | "-" ) Term } .
//	Term       = Unary { ( "*" | "/" | "//" | "%" ) Unary } .
//	Unary      = ( "+" | "-" | "~" ) Unary | Power .
//	Power      = Attribute [ "**" Unary ] .          (right-associative: a**b**c is a**(b**c))
//	Attribute  = Primary { "." ( "real" | "imag" ) } .
//	Primary    = Name | Call | Int | Float | "True" | "False" | "None" | "(" Expr ")" .
//	Call       = Name "(" [ Args ] ")" .
//	Args       = ( Expr { "," Expr } [ "," Keyword { "," Keyword } ] | Keyword { "," Keyword } ) [ "," ] .
//	Keyword    = Name "=" Expr .
//	CompareOp  = "<" | "<=" | "==" | "!=" | ">=" | ">" .
//	Name       = ( letter | "_" ) { letter | digit | "_" } .   (ASCII; not starting with "__")
//
// Binary operators of one level are left-associative. So -2**2 is -(2**2), 2**-1 is
// 2**(-1), and a < b & c is a < (b & c). Int and Float are Python number literals
// (42, 0x2A, 0o52, 0b101010, 1_000; 1.5, .5, 5., 1e-3, 1_000.5e1_0) whose text is kept
// for the checker, which checks their range. Spaces, tabs, form feeds, line breaks and
// comments ("#" to the end of the line) separate tokens.
//
// Python syntax outside the grammar is rejected with a message saying what to use
// instead: and/or/not, if/else, lambda, is, in, for, None, other keywords, strings,
// complex numbers, attribute access other than .real and .imag, subscripts, assignment
// (=, :=, +=, ...), tuples, ";", "@" and chained comparisons. Which keyword arguments a
// function takes, and where None may appear, is the checker's business.
//
// The input may be at most MaxSourceLen bytes, nest at most MaxDepth levels and have at
// most MaxNodes nodes, so every recursive pass over the AST is bounded.
func Parse(src string) (Expr, error) {
	if len(src) > MaxSourceLen {
		return nil, Errorf(src, 0, "expression is too long: %d bytes (the limit is %d)", len(src), MaxSourceLen)
	}
	p := parser{src: src, sc: scanner{src: src}, depth: -1}
	x, err := p.parse()
	if err != nil {
		return nil, err
	}
	return x, nil
}

// Limits on the input. They keep parsing and every later pass over the AST (which may
// recurse once per level of the tree) bounded in time and stack.
const (
	// MaxSourceLen is the longest source, in bytes, that Parse accepts.
	MaxSourceLen = 64 << 10

	// MaxDepth is the deepest nesting Parse accepts: 200, Python's (and so numexpr's)
	// limit of nested parentheses. Each operand is at depth 0 plus one per enclosing
	// parenthesis, call, unary operator and "**" exponent; a chain of binary operators
	// such as a+b+c does not nest.
	MaxDepth = 200

	// MaxNodes is the most AST nodes (names, literals, operators, calls and
	// parentheses) an expression may have. It also bounds the depth of the tree, which
	// for a chain like a+b+c+... grows with its length.
	MaxNodes = 10000
)

// parser is a recursive-descent parser with one token of lookahead. Binary operators are
// parsed by precedence climbing over binaryPrec.
type parser struct {
	src   string
	sc    scanner
	tok   token // the current token
	prev  token // the token before it (kind tEOF at the start)
	depth int   // current nesting depth
	nodes int   // nodes made so far
}

// bailout carries the first error up to parse, which recovers it. Errors stop parsing.
type bailout struct{ err *Error }

func (p *parser) errorf(pos Pos, format string, args ...any) {
	panic(bailout{Errorf(p.src, pos, format, args...)})
}

func (p *parser) parse() (x Expr, err *Error) {
	defer func() {
		if r := recover(); r != nil {
			b, ok := r.(bailout)
			if !ok {
				panic(r)
			}
			x, err = nil, b.err
		}
	}()
	p.next()
	if p.tok.kind == tEOF {
		p.errorf(0, "empty expression")
	}
	x = p.parseExpr()
	if p.tok.kind != tEOF {
		p.errorAfterOperand(true)
	}
	return x, nil
}

// next advances to the next token; a lexical error stops parsing.
func (p *parser) next() {
	p.prev = p.tok
	p.tok = p.sc.scan()
	if p.tok.kind == tError {
		p.errorf(p.tok.pos, "%s", p.tok.msg)
	}
}

// count records a new node made at pos.
func (p *parser) count(pos Pos) {
	p.nodes++
	if p.nodes > MaxNodes {
		p.errorf(pos, "expression is too large: more than %d nodes", MaxNodes)
	}
}

// Precedence levels of binary operators; 0 means not a binary operator. "**" is parsed
// by parsePower, not by the table.
const (
	comparePrec = 1
	lowestPrec  = comparePrec
)

var binaryPrec = [...]int{
	LT: comparePrec, LE: comparePrec, EQ: comparePrec, NE: comparePrec, GE: comparePrec, GT: comparePrec,
	OR:  2,
	XOR: 3,
	AND: 4,
	SHL: 5, SHR: 5,
	ADD: 6, SUB: 6,
	MUL: 7, DIV: 7, FLOORDIV: 7, MOD: 7,
	POW: 0, NOT: 0,
}

// binaryOp returns the current token's binary operator and its precedence, or 0.
func (p *parser) binaryOp() (Token, int) {
	if p.tok.kind != tOp {
		return ILLEGAL, 0
	}
	return p.tok.op, binaryPrec[p.tok.op]
}

func (p *parser) parseExpr() Expr {
	return p.parseBinary(lowestPrec)
}

// parseBinary parses operands joined by binary operators of precedence prec1 or higher.
func (p *parser) parseBinary(prec1 int) Expr {
	x := p.parseUnary()
	for {
		op, prec := p.binaryOp()
		if prec < prec1 {
			return x
		}
		opPos := p.tok.pos
		if prec == comparePrec {
			if c, ok := x.(*BinaryExpr); ok && binaryPrec[c.Op] == comparePrec {
				p.errorf(opPos, "chained comparisons are not supported: write (a %s b) & (b %s c) instead of a %s b %s c",
					c.Op, op, c.Op, op)
			}
		}
		p.next()
		y := p.parseBinary(prec + 1)
		p.count(opPos)
		x = &BinaryExpr{X: x, OpPos: opPos, Op: op, Y: y}
	}
}

// parseUnary parses Unary; every operand passes through it, so it keeps the depth.
func (p *parser) parseUnary() Expr {
	p.depth++
	if p.depth > MaxDepth {
		p.errorf(p.tok.pos, "expression is nested too deeply: more than %d levels", MaxDepth)
	}
	var x Expr
	if p.tok.kind == tOp && (p.tok.op == ADD || p.tok.op == SUB || p.tok.op == NOT) {
		opPos, op := p.tok.pos, p.tok.op
		p.next()
		operand := p.parseUnary()
		p.count(opPos)
		x = &UnaryExpr{OpPos: opPos, Op: op, X: operand}
	} else {
		x = p.parsePower()
	}
	p.depth--
	return x
}

func (p *parser) parsePower() Expr {
	x := p.parseAttribute()
	if p.tok.kind == tOp && p.tok.op == POW {
		opPos := p.tok.pos
		p.next()
		y := p.parseUnary()
		p.count(opPos)
		x = &BinaryExpr{X: x, OpPos: opPos, Op: POW, Y: y}
	}
	return x
}

// parseAttribute parses a primary followed by any number of .real or .imag, the
// attributes numexpr's sanitizer allows; each becomes a call of real or imag.
func (p *parser) parseAttribute() Expr {
	x := p.parsePrimary()
	for p.tok.kind == tDot {
		dot := p.tok.pos
		p.next()
		name := p.src[p.tok.pos:p.tok.end]
		if p.tok.kind != tIdent || name != "real" && name != "imag" {
			p.errorf(dot, `unexpected ".": attribute access is not supported (except .real and .imag)`)
		}
		id := &Ident{NamePos: p.tok.pos, Name: name}
		end := p.tok.end
		p.next()
		p.count(dot)
		x = &CallExpr{Fun: id, Lparen: dot, Args: []Expr{x}, Rparen: end - 1, Attr: true}
	}
	return x
}

func (p *parser) parsePrimary() Expr {
	t := p.tok
	switch t.kind {
	case tIdent:
		p.next()
		p.count(t.pos)
		name := p.src[t.pos:t.end]
		if name == "True" || name == "False" {
			return &BasicLit{ValuePos: t.pos, Kind: BoolLit, Value: name}
		}
		if name == "None" {
			return &BasicLit{ValuePos: t.pos, Kind: NoneLit, Value: name}
		}
		id := &Ident{NamePos: t.pos, Name: name}
		if p.tok.kind == tLparen {
			return p.parseCall(id)
		}
		return id
	case tInt, tFloat, tImag:
		p.next()
		p.count(t.pos)
		kind := IntLit
		switch t.kind {
		case tFloat:
			kind = FloatLit
		case tImag:
			kind = ImagLit
		}
		return &BasicLit{ValuePos: t.pos, Kind: kind, Value: p.src[t.pos:t.end]}
	case tLparen:
		p.next()
		if p.tok.kind == tEOF {
			p.errorf(t.pos, `unclosed "("`)
		}
		x := p.parseExpr()
		p.expectClose(t.pos, nil)
		rparen := p.tok.pos
		p.next()
		p.count(t.pos)
		return &ParenExpr{Lparen: t.pos, X: x, Rparen: rparen}
	}
	p.errorOperand()
	return nil // not reached
}

// parseCall parses the arguments of a call of fun; the current token is "(".
func (p *parser) parseCall(fun *Ident) Expr {
	lparen := p.tok.pos
	p.next()
	var args []Expr
	var keywords []*KeywordArg
	for p.tok.kind != tRparen {
		if p.tok.kind == tEOF {
			p.errorf(lparen, `unclosed "(" of the call of %s`, fun.Name)
		}
		argPos := p.tok.pos
		arg := p.parseExpr()
		if name, ok := arg.(*Ident); ok && p.tok.kind == tAssign {
			p.next()
			for _, kw := range keywords {
				if kw.Name.Name == name.Name {
					p.errorf(name.NamePos, "keyword argument %s repeated in the call of %s", name.Name, fun.Name)
				}
			}
			keywords = append(keywords, &KeywordArg{Name: name, Value: p.parseExpr()})
		} else if len(keywords) > 0 {
			p.errorf(argPos, "positional argument follows keyword argument in the call of %s", fun.Name)
		} else {
			args = append(args, arg)
		}
		if p.tok.kind != tComma {
			p.expectClose(lparen, fun)
			break
		}
		p.next()
	}
	rparen := p.tok.pos
	p.next()
	p.count(lparen)
	return &CallExpr{Fun: fun, Lparen: lparen, Args: args, Keywords: keywords, Rparen: rparen}
}

// expectClose reports an error unless the current token is the ")" that closes the "("
// at lparen: of a call of fun, or of a parenthesized expression if fun is nil. In a
// call, a "," has already been taken as an argument separator.
func (p *parser) expectClose(lparen Pos, fun *Ident) {
	switch p.tok.kind {
	case tRparen:
		return
	case tEOF:
		if fun != nil {
			p.errorf(lparen, `unclosed "(" of the call of %s`, fun.Name)
		}
		p.errorf(lparen, `unclosed "("`)
	case tComma:
		if fun == nil {
			p.errorf(p.tok.pos, `unexpected ",": tuples are not supported`)
		}
	}
	p.errorAfterOperand(false)
}
