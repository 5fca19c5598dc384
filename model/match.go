package model

import (
	"strings"
	"sync"
	"unicode"

	"github.com/mozillazg/go-pinyin"
	"golang.org/x/text/width"
)

// Match classes, best first: the ranking a user expects when typing a short query. A contiguous
// substring beats a pinyin prefix beats initials beats letters scattered through the name.
const (
	MatchScattered = 1
	MatchInitials  = 2
	MatchPinyin    = 3
	MatchSubstring = 4
)

// Readings caches every pinyin reading of each Han character. A polyphonic character keeps all
// of them (长 is chang and zhang), so a query matches whichever the user had in mind.
// It is safe for concurrent use; one is shared by everything that matches.
type Readings struct {
	m sync.Map // rune → []string
}

var pinyinArgs = func() pinyin.Args {
	a := pinyin.NewArgs()
	a.Heteronym = true
	a.Style = pinyin.Normal
	return a
}()

func (p *Readings) of(r rune) []string {
	if v, ok := p.m.Load(r); ok {
		return v.([]string)
	}
	rs := pinyin.SinglePinyin(r, pinyinArgs)
	p.m.Store(r, rs)
	return rs
}

// Key is a string prepared for matching: folded runes and, per rune, its pinyin readings.
type Key struct {
	Text  string
	runes []rune     // folded, lower-case
	py    [][]string // readings of Han runes; nil for others
}

// NewKey prepares s for matching. Preparing is the slow part (pinyin lookups): do it once per
// string, not once per keystroke.
func (p *Readings) NewKey(s string) Key {
	f := []rune(Fold(s))
	k := Key{Text: s, runes: f, py: make([][]string, len(f))}
	for i, r := range f {
		if unicode.Is(unicode.Han, r) {
			k.py[i] = p.of(r)
		}
	}
	return k
}

// Fold maps full-width letters and digits to ASCII (２０２３ = 2023) and lower-cases.
func Fold(s string) string { return strings.ToLower(width.Fold.String(s)) }

// Match scores a query against a key: every space-separated term must match somewhere, in any
// order. It returns the sum of the terms' classes (higher is better), a tie-breaker (lower is
// better: earlier and tighter matches) and the matched rune positions in Text, for highlighting.
func (k Key) Match(query string) (score, penalty int, pos []int, ok bool) {
	terms := strings.Fields(Fold(query))
	if len(terms) == 0 {
		return 0, 0, nil, true
	}
	for _, t := range terms {
		cls, p, ps := k.matchTerm([]rune(t))
		if cls == 0 {
			return 0, 0, nil, false
		}
		score += cls
		penalty += p
		pos = append(pos, ps...)
	}
	return score, penalty, dedupe(pos), true
}

func (k Key) matchTerm(t []rune) (int, int, []int) {
	n := len(k.runes)
	// 1. contiguous substring
	for i := 0; i+len(t) <= n; i++ {
		if runesEqual(k.runes[i:i+len(t)], t) {
			return MatchSubstring, i, span(i, len(t))
		}
	}
	if !isLatin(t) {
		return 0, 0, nil
	}
	// 2. pinyin, full syllables with the last one possibly cut short
	for i := 0; i < n; i++ {
		if k.py[i] == nil || len(t) < 2 {
			continue // a single letter is an initial, not a syllable
		}
		if end, ok := k.pinyinAt(i, string(t)); ok {
			return MatchPinyin, i, span(i, end-i)
		}
	}
	// 3. initials of consecutive characters
	for i := 0; i+len(t) <= n; i++ {
		good := true
		for j, c := range t {
			if !k.initialIs(i+j, c) {
				good = false
				break
			}
		}
		if good {
			return MatchInitials, i, span(i, len(t))
		}
	}
	// 4. scattered: letters or initials in order
	var ps []int
	j := 0
	for i := 0; i < n && j < len(t); i++ {
		if k.initialIs(i, t[j]) {
			ps = append(ps, i)
			j++
		}
	}
	if j == len(t) {
		return MatchScattered, ps[0] + (ps[len(ps)-1]-ps[0])*2, ps
	}
	return 0, 0, nil
}

// pinyinAt reports whether the term spells the readings of the characters from i on; end is the
// first rune after the match.
func (k Key) pinyinAt(i int, t string) (int, bool) {
	if t == "" {
		return i, true
	}
	if i >= len(k.runes) {
		return 0, false
	}
	if k.py[i] == nil {
		r, size := firstRune(t)
		if r == k.runes[i] {
			return k.pinyinAt(i+1, t[size:])
		}
		return 0, false
	}
	for _, rd := range k.py[i] {
		switch {
		case strings.HasPrefix(t, rd):
			if end, ok := k.pinyinAt(i+1, t[len(rd):]); ok {
				return end, true
			}
		case strings.HasPrefix(rd, t):
			return i + 1, true
		}
	}
	return 0, false
}

func (k Key) initialIs(i int, c rune) bool {
	if k.py[i] == nil {
		return k.runes[i] == c
	}
	for _, rd := range k.py[i] {
		if rd != "" && rune(rd[0]) == c {
			return true
		}
	}
	return false
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

func isLatin(t []rune) bool {
	for _, r := range t {
		if r > unicode.MaxASCII {
			return false
		}
	}
	return true
}

func runesEqual(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func span(i, n int) []int {
	out := make([]int, n)
	for j := range out {
		out[j] = i + j
	}
	return out
}

func dedupe(ps []int) []int {
	seen := map[int]bool{}
	out := ps[:0]
	for _, p := range ps {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}
