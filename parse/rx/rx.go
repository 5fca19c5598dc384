// Package rx is regexp with a look at the first character before the engine starts. Go's
// backtracker, which runs the short patterns of the parser, clears a bit per instruction and input
// byte before it tries anything, so a pattern anchored at the start (^一、, ^标题：) cost time in
// proportion to the line even where the line's first character already said no. Most lines of a
// report begin with a character no such pattern can begin with; rx answers those without the
// engine, and hands every other line to regexp unchanged, so results are the regexp's own.
//
// An anchored pattern whose matches are never longer than some bytes, and that asks nothing of
// what follows a match, is also given only that much of the text (a year phrase tried at each
// 年 of a body was handed the whole rest of the body, and the backtracker cleared its bits for all
// of it).
package rx

import (
	"regexp"
	"regexp/syntax"
	"unicode/utf8"
)

// Regexp is a compiled pattern and, when the pattern is anchored at the start of the text and
// cannot match empty, the set of runes its match can begin with.
type Regexp struct {
	*regexp.Regexp
	lead   *leadSet // nil: no guard, every call goes to the engine
	window int      // the most bytes a match spans, for an anchored pattern that ends as it likes; 0: the whole text
	// starts is, for a pattern that is not anchored and has no literal prefix, the pattern
	// anchored, when a match can begin with only a few runes: tried at each place one stands,
	// it finds the leftmost match (the engine's own search, with no literal to look for, ran at
	// every character). nil: regexp searches.
	starts *Regexp
}

// MustCompile is regexp.MustCompile with the guard worked out from the pattern.
func MustCompile(expr string) *Regexp {
	re := regexp.MustCompile(expr)
	r := &Regexp{Regexp: re}
	// regexp has parsed expr already: parsed once more, the tree answers the three questions
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return r
	}
	tree = tree.Simplify()
	r.lead, r.window = leadOf(tree), windowOf(tree)
	if prefix, _ := re.LiteralPrefix(); prefix == "" && r.lead == nil && startsAnywhere(tree) {
		if twin := MustCompile(`^(?:` + expr + `)`); twin.lead != nil && twin.lead.size <= maxStarts {
			r.starts = twin
		}
	}
	return r
}

// maxStarts is the most runes a match may begin with for starts to pay: at each of them the
// anchored pattern runs.
const maxStarts = 64

// startsAnywhere says a pattern (simplified) asks nothing of what stands before a match (^, \b, \B): tried on
// the text from a place on, it matches there as it would in the whole text.
func startsAnywhere(re *syntax.Regexp) bool {
	var ok func(*syntax.Regexp) bool
	ok = func(re *syntax.Regexp) bool {
		switch re.Op {
		case syntax.OpBeginLine, syntax.OpBeginText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
			return false
		}
		for _, sub := range re.Sub {
			if !ok(sub) {
				return false
			}
		}
		return true
	}
	return ok(re)
}

// from is the leftmost match in s at or after byte from, as submatch indexes into s, by starts;
// nil when there is none. The pattern matches no empty text (its twin has a guard).
func (r *Regexp) from(s string, from int) []int {
	for p := from; p < len(s); {
		if t := s[p:]; r.starts.may(t) {
			if m := r.starts.Regexp.FindStringSubmatchIndex(r.starts.cut(t)); m != nil {
				for i := range m {
					if m[i] >= 0 {
						m[i] += p
					}
				}
				return m
			}
		}
		_, w := utf8.DecodeRuneInString(s[p:])
		p += w
	}
	return nil
}

// all is every match in s, up to n (n < 0: all), by from: each after the one before.
func (r *Regexp) all(s string, n int) [][]int {
	var out [][]int
	for at := 0; n < 0 || len(out) < n; {
		m := r.from(s, at)
		if m == nil {
			break
		}
		out = append(out, m)
		at = m[1]
	}
	return out
}

// strs turns submatch indexes into the strings they cut from s.
func strs(s string, m []int) []string {
	out := make([]string, len(m)/2)
	for i := range out {
		if m[2*i] >= 0 {
			out[i] = s[m[2*i]:m[2*i+1]]
		}
	}
	return out
}

// may says whether s can match at all, by its first rune.
func (r *Regexp) may(s string) bool {
	if r.lead == nil {
		return true
	}
	if s == "" {
		return false // the pattern matches no empty text
	}
	c, _ := utf8.DecodeRuneInString(s)
	return r.lead.has(c)
}

// cut is the part of s a match can lie in: the window, to the next rune's start, so every rune
// in it is read as in the whole text (a match never reaches the end of the window unless it would
// end there in the whole text too: nothing in the pattern looks beyond it).
func (r *Regexp) cut(s string) string {
	n := r.window
	if n == 0 || n >= len(s) {
		return s
	}
	for n < len(s) && !utf8.RuneStart(s[n]) {
		n++
	}
	return s[:n]
}

// May is false only where the pattern cannot match s, by its first rune: a caller that tries a
// pattern's parts one after another asks the next part before the whole.
func (r *Regexp) May(s string) bool { return r.may(s) }

// MatchString is regexp's, answered without the engine where the first rune rules a match out.
func (r *Regexp) MatchString(s string) bool {
	if r.starts != nil {
		return r.from(s, 0) != nil
	}
	return r.may(s) && r.Regexp.MatchString(r.cut(s))
}

// FindStringSubmatch is regexp's, guarded like MatchString.
func (r *Regexp) FindStringSubmatch(s string) []string {
	if r.starts != nil {
		if m := r.from(s, 0); m != nil {
			return strs(s, m)
		}
		return nil
	}
	if !r.may(s) {
		return nil
	}
	return r.Regexp.FindStringSubmatch(r.cut(s))
}

// FindStringSubmatchIndex is regexp's, guarded like MatchString.
func (r *Regexp) FindStringSubmatchIndex(s string) []int {
	if r.starts != nil {
		return r.from(s, 0)
	}
	if !r.may(s) {
		return nil
	}
	return r.Regexp.FindStringSubmatchIndex(r.cut(s))
}

// FindStringIndex is regexp's, guarded like MatchString.
func (r *Regexp) FindStringIndex(s string) []int {
	if r.starts != nil {
		if m := r.from(s, 0); m != nil {
			return m[:2:2]
		}
		return nil
	}
	if !r.may(s) {
		return nil
	}
	return r.Regexp.FindStringIndex(r.cut(s))
}

// FindString is regexp's, guarded like MatchString.
func (r *Regexp) FindString(s string) string {
	if r.starts != nil {
		if m := r.from(s, 0); m != nil {
			return s[m[0]:m[1]]
		}
		return ""
	}
	if !r.may(s) {
		return ""
	}
	return r.Regexp.FindString(r.cut(s))
}

// FindAllStringSubmatchIndex is regexp's, by starts where the pattern has them.
func (r *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if r.starts == nil {
		return r.Regexp.FindAllStringSubmatchIndex(s, n)
	}
	return r.all(s, n)
}

// FindAllStringSubmatch is regexp's, by starts where the pattern has them.
func (r *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	if r.starts == nil {
		return r.Regexp.FindAllStringSubmatch(s, n)
	}
	var out [][]string
	for _, m := range r.all(s, n) {
		out = append(out, strs(s, m))
	}
	return out
}

// FindAllStringIndex is regexp's, by starts where the pattern has them.
func (r *Regexp) FindAllStringIndex(s string, n int) [][]int {
	if r.starts == nil {
		return r.Regexp.FindAllStringIndex(s, n)
	}
	out := r.all(s, n)
	for i, m := range out {
		out[i] = m[:2:2]
	}
	return out
}

// FindAllString is regexp's, by starts where the pattern has them.
func (r *Regexp) FindAllString(s string, n int) []string {
	if r.starts == nil {
		return r.Regexp.FindAllString(s, n)
	}
	var out []string
	for _, m := range r.all(s, n) {
		out = append(out, s[m[0]:m[1]])
	}
	return out
}

// Guarded says whether the pattern has a guard (for the tests: a pattern meant to have one).
func (r *Regexp) Guarded() bool { return r.lead != nil }

// ByStarts says whether the pattern's search tries its anchored twin at the places a match can
// begin (for the tests).
func (r *Regexp) ByStarts() bool { return r.starts != nil }

// Window is the most bytes of a text the pattern is given, 0 for all (for the tests).
func (r *Regexp) Window() int { return r.window }

// leadSet holds runes as ranges; ASCII and the BMP by bit for a quick answer.
type leadSet struct {
	bmp    [0x10000 / 64]uint64
	astral []rune // pairs lo, hi above the BMP
	size   int    // runes in the set, counted as added (a rune added twice counts twice)
}

func (l *leadSet) has(c rune) bool {
	if c < 0x10000 {
		return l.bmp[c/64]&(1<<(c%64)) != 0
	}
	for i := 0; i+1 < len(l.astral); i += 2 {
		if c >= l.astral[i] && c <= l.astral[i+1] {
			return true
		}
	}
	return false
}

func (l *leadSet) add(lo, hi rune) {
	l.size += int(hi-lo) + 1
	for c := lo; c <= hi && c < 0x10000; c++ {
		l.bmp[c/64] |= 1 << (c % 64)
	}
	if hi >= 0x10000 {
		l.astral = append(l.astral, max(lo, 0x10000), hi)
	}
}

// windowOf is the most bytes a match of an anchored pattern (simplified) can span, or 0 where that is not
// known or the window would change what matches: a repetition without bound, or an assertion
// about what follows ($, \b), which the window's end would answer differently.
func windowOf(re *syntax.Regexp) int {
	if !anchored(re) {
		return 0
	}
	n, ok := maxLen(re)
	if !ok || n == 0 {
		return 0
	}
	return n
}

// maxLen is the most bytes a match of re spans, and whether it is bounded (and asks nothing of
// the text after it). An invalid byte is read as one rune of one byte: never more than a rune.
func maxLen(re *syntax.Regexp) (int, bool) {
	switch re.Op {
	case syntax.OpNoMatch, syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpBeginText:
		return 0, true
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return utf8.UTFMax * len(re.Rune), true // a rune's other case may be longer (k, K)
		}
		n := 0
		for _, r := range re.Rune {
			n += runeLen(r)
		}
		return n, true
	case syntax.OpCharClass:
		n := 0
		for i := 1; i < len(re.Rune); i += 2 {
			n = max(n, runeLen(re.Rune[i]))
		}
		return n, true
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return utf8.UTFMax, true
	case syntax.OpCapture, syntax.OpQuest:
		return maxLen(re.Sub[0])
	case syntax.OpRepeat:
		if re.Max < 0 {
			return 0, false
		}
		n, ok := maxLen(re.Sub[0])
		return n * re.Max, ok
	case syntax.OpConcat, syntax.OpAlternate:
		total := 0
		for _, sub := range re.Sub {
			n, ok := maxLen(sub)
			if !ok {
				return 0, false
			}
			if re.Op == syntax.OpConcat {
				total += n
			} else {
				total = max(total, n)
			}
		}
		return total, true
	}
	// *, +, $, \b, \B, and what syntax may add: not bounded, or not to be cut
	return 0, false
}

// runeLen is the bytes of r in UTF-8; a surrogate (never in valid text, read as U+FFFD) as three.
func runeLen(r rune) int {
	if n := utf8.RuneLen(r); n > 0 {
		return n
	}
	return 3
}

// leadOf works out the guard of a pattern (simplified): only for one that begins with ^ (the start of the
// text, not of a line) and cannot match the empty text; nil for any other, or where the first
// rune cannot be known (., case folding, a leading empty-width assertion other than ^).
func leadOf(re *syntax.Regexp) *leadSet {
	if !anchored(re) {
		return nil
	}
	var l leadSet
	nullable, ok := first(re, &l)
	if !ok || nullable {
		return nil
	}
	return &l
}

// anchored says the pattern's every match begins at the start of the text.
func anchored(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpBeginText:
		return true
	case syntax.OpConcat:
		return len(re.Sub) > 0 && anchored(re.Sub[0])
	case syntax.OpCapture:
		return anchored(re.Sub[0])
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			if !anchored(s) {
				return false
			}
		}
		return len(re.Sub) > 0
	}
	return false
}

// first adds to l every rune a match of re can begin with, and says whether re can match the
// empty text (then what follows it may begin the match too). ok is false where it cannot tell.
func first(re *syntax.Regexp, l *leadSet) (nullable, ok bool) {
	switch re.Op {
	case syntax.OpBeginText, syntax.OpEmptyMatch:
		return true, true
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 || len(re.Rune) == 0 {
			return false, false
		}
		l.add(re.Rune[0], re.Rune[0])
		return false, true
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			l.add(re.Rune[i], re.Rune[i+1])
		}
		return false, true
	case syntax.OpCapture:
		return first(re.Sub[0], l)
	case syntax.OpStar, syntax.OpQuest:
		_, ok := first(re.Sub[0], l)
		return true, ok
	case syntax.OpPlus:
		return first(re.Sub[0], l)
	case syntax.OpRepeat:
		n, ok := first(re.Sub[0], l)
		return n || re.Min == 0, ok
	case syntax.OpAlternate:
		any := false
		for _, s := range re.Sub {
			n, ok := first(s, l)
			if !ok {
				return false, false
			}
			any = any || n
		}
		return any, true
	case syntax.OpConcat:
		for _, s := range re.Sub {
			n, ok := first(s, l)
			if !ok {
				return false, false
			}
			if !n {
				return false, true
			}
		}
		return true, true
	}
	// ., \b, $, ^ of a line: the first rune is not known
	return false, false
}
