// Package syntax is the scanner and parser of numkit's expression language. It turns
// source text into an AST whose nodes carry byte offsets into the source, and reports
// every rejection as a *Error with the offset, line:column and a caret under the
// source. It knows nothing about types; package compile's checker does.
package syntax

// Pos is a byte offset into the source.
type Pos int

// Node is any AST node.
type Node interface {
	Pos() Pos // first byte of the node
	End() Pos // one past the last byte
}

// Expr is an expression node: *Ident, *BasicLit, *UnaryExpr, *BinaryExpr, *CallExpr
// or *ParenExpr.
type Expr interface {
	Node
	exprNode()
}

// Token is an operator.
type Token int

// Operators.
const (
	ILLEGAL  Token = iota
	ADD            // +
	SUB            // -
	MUL            // *
	DIV            // /
	FLOORDIV       // //
	MOD            // %
	POW            // **
	LT             // <
	LE             // <=
	EQ             // ==
	NE             // !=
	GE             // >=
	GT             // >
	AND            // &
	OR             // |
	XOR            // ^
	NOT            // ~ (unary)
	SHL            // <<
	SHR            // >>
)

var tokenStrings = [...]string{ILLEGAL: "ILLEGAL", ADD: "+", SUB: "-", MUL: "*", DIV: "/",
	FLOORDIV: "//", MOD: "%", POW: "**", LT: "<", LE: "<=", EQ: "==", NE: "!=", GE: ">=",
	GT: ">", AND: "&", OR: "|", XOR: "^", NOT: "~", SHL: "<<", SHR: ">>"}

func (t Token) String() string {
	if t >= 0 && int(t) < len(tokenStrings) {
		return tokenStrings[t]
	}
	return "ILLEGAL"
}

// LitKind is the kind of a literal.
type LitKind int

// Literal kinds.
const (
	IntLit   LitKind = iota // 42, 0x2A, 0o52, 0b101010, 1_000 (Python integer syntax)
	FloatLit                // 1.5, .5, 1e-3, 1.
	ImagLit                 // 1j, 2.5j, 1e3J: an imaginary number (complex128)
	BoolLit                 // True, False
	NoneLit                 // None (the checker accepts it only as a reduction's axis)
)

// Ident is a variable or function name.
type Ident struct {
	NamePos Pos
	Name    string
}

// BasicLit is a literal; Value is its source text.
type BasicLit struct {
	ValuePos Pos
	Kind     LitKind
	Value    string
}

// UnaryExpr is -X, +X or ~X.
type UnaryExpr struct {
	OpPos Pos
	Op    Token
	X     Expr
}

// BinaryExpr is X op Y.
type BinaryExpr struct {
	X     Expr
	OpPos Pos
	Op    Token
	Y     Expr
}

// CallExpr is Fun(Args..., Keywords...). The attributes numexpr allows, X.real and
// X.imag, are calls too: Attr is true, Args is [X], Fun names the attribute and
// Lparen and Rparen are the positions of the dot and the attribute's last byte.
type CallExpr struct {
	Fun      *Ident
	Lparen   Pos
	Args     []Expr
	Keywords []*KeywordArg // keyword arguments, after the positional ones
	Rparen   Pos
	Attr     bool
}

// KeywordArg is Name=Value in a call.
type KeywordArg struct {
	Name  *Ident
	Value Expr
}

// ParenExpr is (X).
type ParenExpr struct {
	Lparen Pos
	X      Expr
	Rparen Pos
}

func (x *Ident) Pos() Pos      { return x.NamePos }
func (x *BasicLit) Pos() Pos   { return x.ValuePos }
func (x *UnaryExpr) Pos() Pos  { return x.OpPos }
func (x *BinaryExpr) Pos() Pos { return x.X.Pos() }
func (x *CallExpr) Pos() Pos {
	if x.Attr {
		return x.Args[0].Pos()
	}
	return x.Fun.Pos()
}
func (x *ParenExpr) Pos() Pos { return x.Lparen }

func (x *Ident) End() Pos      { return x.NamePos + Pos(len(x.Name)) }
func (x *BasicLit) End() Pos   { return x.ValuePos + Pos(len(x.Value)) }
func (x *UnaryExpr) End() Pos  { return x.X.End() }
func (x *BinaryExpr) End() Pos { return x.Y.End() }
func (x *CallExpr) End() Pos   { return x.Rparen + 1 }
func (x *ParenExpr) End() Pos  { return x.Rparen + 1 }

func (*Ident) exprNode()      {}
func (*BasicLit) exprNode()   {}
func (*UnaryExpr) exprNode()  {}
func (*BinaryExpr) exprNode() {}
func (*CallExpr) exprNode()   {}
func (*ParenExpr) exprNode()  {}
