// Package match finds reports by what a user types: Chinese, full pinyin with every reading of a
// polyphonic character (长安 is changan and zhangan), pinyin initials, letters in order — one
// matcher, ranked the same wherever it is used (Score for the hot path, Match with the positions
// to highlight). It also orders Chinese text by pinyin for sorting (SortKey).
package match

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/mozillazg/go-pinyin"
	"golang.org/x/text/width"

	"baogao/model"
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
	// han holds the readings of the common block (U+4E00–U+9FFF), looked up without a map: a
	// national corpus's keys look up millions of characters.
	han [hanLast - hanFirst + 1]atomic.Pointer[[]string]
	m   sync.Map // other runes → []string
}

const hanFirst, hanLast = 0x4E00, 0x9FFF

var pinyinArgs = func() pinyin.Args {
	a := pinyin.NewArgs()
	a.Heteronym = true
	a.Style = pinyin.Normal
	return a
}()

func (p *Readings) of(r rune) []string {
	if r >= hanFirst && r <= hanLast {
		if v := p.han[r-hanFirst].Load(); v != nil {
			return *v
		}
		rs := pinyin.SinglePinyin(r, pinyinArgs)
		p.han[r-hanFirst].Store(&rs)
		return rs
	}
	if v, ok := p.m.Load(r); ok {
		return v.([]string)
	}
	rs := pinyin.SinglePinyin(r, pinyinArgs)
	p.m.Store(r, rs)
	return rs
}

// Key is a string prepared for matching: folded runes and, per rune, its pinyin readings.
type Key struct {
	Text   string
	folded string     // Fold(Text): substring search runs on bytes
	runes  []rune     // folded, lower-case
	py     [][]string // readings of Han runes; nil for others
	inits  []uint64   // per rune: the letters and digits it can start with (bit per byte value 0-63 of the lower ASCII range offset)
}

// ReportKey prepares what a report is found by: its region and title.
func (p *Readings) ReportKey(r *model.Report) Key { return p.NewKey(r.Region + " " + r.Title) }

// ReportKeys is ReportKey of every report, prepared on every core. The keys of a run of reports
// share their storage: a handful of allocations per run instead of several per report (a
// national corpus has a hundred thousand keys, and allocating them was most of preparing them).
func (p *Readings) ReportKeys(reps []model.Report) []Key {
	keys := make([]Key, len(reps))
	const per = 2048
	var wg sync.WaitGroup
	for lo := 0; lo < len(reps); lo += per {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p.keyRun(reps[lo:min(lo+per, len(reps))], keys[lo:])
		}()
	}
	wg.Wait()
	return keys
}

func (p *Readings) keyRun(reps []model.Report, keys []Key) {
	var text strings.Builder
	for i := range reps {
		text.Grow(len(reps[i].Region) + 1 + len(reps[i].Title))
	}
	ends := make([]int, len(reps)+1)
	for i := range reps {
		text.WriteString(reps[i].Region)
		text.WriteByte(' ')
		text.WriteString(reps[i].Title)
		ends[i+1] = text.Len()
	}
	all := text.String()
	n := utf8.RuneCountInString(all) // folding keeps the count: one rune for one
	k := Key{runes: make([]rune, 0, n), py: make([][]string, 0, n), inits: make([]uint64, 0, n)}
	for i := range reps {
		t := all[ends[i]:ends[i+1]]
		f := Fold(t)
		at := len(k.runes)
		p.appendRunes(&k, f)
		keys[i] = Key{Text: t, folded: f, runes: k.runes[at:len(k.runes):len(k.runes)], py: k.py[at:len(k.py):len(k.py)], inits: k.inits[at:len(k.inits):len(k.inits)]}
	}
}

// NewKey prepares s for matching. Preparing is the slow part (pinyin lookups): do it once per
// string, not once per keystroke.
func (p *Readings) NewKey(s string) Key {
	folded := Fold(s)
	n := utf8.RuneCountInString(folded)
	k := Key{Text: s, folded: folded, runes: make([]rune, 0, n), py: make([][]string, 0, n), inits: make([]uint64, 0, n)}
	p.appendRunes(&k, folded)
	return k
}

// appendRunes appends the runes of folded text, their readings and their initials to k.
func (p *Readings) appendRunes(k *Key, folded string) {
	for _, r := range folded {
		var py []string
		var inits uint64
		if r >= hanFirst && r <= hanLast || r > unicode.MaxLatin1 && unicode.Is(unicode.Han, r) {
			py = p.of(r)
			for _, rd := range py {
				if rd != "" {
					inits |= bit(rune(rd[0]))
				}
			}
		} else {
			inits = bit(r)
		}
		k.runes = append(k.runes, r)
		k.py = append(k.py, py)
		k.inits = append(k.inits, inits)
	}
}

// bit maps an ASCII letter or digit to its bit in an initials mask (0 for anything else).
func bit(r rune) uint64 {
	switch {
	case r >= 'a' && r <= 'z':
		return 1 << (r - 'a')
	case r >= '0' && r <= '9':
		return 1 << (26 + r - '0')
	}
	return 0
}

// Query is a search prepared once per keystroke: folded, split into terms.
type Query struct {
	terms []term
}

type term struct {
	text  string
	runes []rune
	latin bool
	first uint64 // bit of the first letter
}

// ParseQuery prepares q for matching many keys.
func ParseQuery(q string) Query {
	var out Query
	for _, t := range strings.Fields(Fold(q)) {
		rs := []rune(t)
		out.terms = append(out.terms, term{text: t, runes: rs, latin: isLatin(rs), first: bit(rs[0])})
	}
	return out
}

// Empty reports whether the query has no terms (everything matches).
func (q Query) Empty() bool { return len(q.terms) == 0 }

// Narrows reports whether every key matching q also matches p — q is p with more typed — so a
// filter can search only p's results. It holds when each of p's terms is a prefix of q's
// term at the same place and q adds nothing in between.
func (q Query) Narrows(p Query) bool {
	if len(p.terms) == 0 || len(q.terms) < len(p.terms) {
		return len(p.terms) == 0
	}
	for i, t := range p.terms {
		if i == len(p.terms)-1 {
			return strings.HasPrefix(q.terms[i].text, t.text) && t.latin == q.terms[i].latin
		}
		if q.terms[i].text != t.text {
			return false
		}
	}
	return true
}

// Score matches a prepared query without computing positions: the filter's hot path.
func (k Key) Score(q Query) (score, penalty int, ok bool) {
	for _, t := range q.terms {
		cls, p := k.termClass(t)
		if cls == 0 {
			return 0, 0, false
		}
		score += cls
		penalty += p
	}
	return score, penalty, true
}

// termClass is matchTerm without positions.
func (k Key) termClass(t term) (int, int) {
	if i := strings.Index(k.folded, t.text); i >= 0 {
		// the penalty counts runes, as the positions do: 长安 in a Chinese title is not three
		// times as far along as in an English one
		return MatchSubstring, utf8.RuneCountInString(k.folded[:i])
	}
	if !t.latin {
		return 0, 0
	}
	n := len(k.runes)
	if len(t.runes) >= 2 {
		for i := 0; i < n; i++ {
			if k.py[i] == nil || k.inits[i]&t.first == 0 {
				continue
			}
			if _, ok := k.pinyinAt(i, t.text); ok {
				return MatchPinyin, i
			}
		}
	}
	for i := 0; i+len(t.runes) <= n; i++ {
		j := 0
		for j < len(t.runes) && k.inits[i+j]&bit(t.runes[j]) != 0 {
			j++
		}
		if j == len(t.runes) {
			return MatchInitials, i
		}
	}
	j, first, last := 0, -1, -1
	for i := 0; i < n && j < len(t.runes); i++ {
		if k.inits[i]&bit(t.runes[j]) != 0 {
			if first < 0 {
				first = i
			}
			last = i
			j++
		}
	}
	if j == len(t.runes) {
		return MatchScattered, first + (last-first)*2
	}
	return 0, 0
}

// Fold maps full-width letters and digits to ASCII (２０２３ = 2023) and lower-cases.
func Fold(s string) string {
	for _, r := range s {
		if !foldsToItself(r) {
			return strings.ToLower(width.Fold.String(s))
		}
	}
	return s // nearly every region and title: Chinese, digits, lower-case letters
}

// foldsToItself is true of runes Fold leaves alone (a test checks every one of them).
func foldsToItself(r rune) bool {
	return r < utf8.RuneSelf && (r < 'A' || r > 'Z') || r >= 0x3001 && r <= 0x303F || r >= 0x3400 && r <= 0x4DBF || r >= hanFirst && r <= hanLast
}

// Match scores a query against a key: every space-separated term must match somewhere, in any
// order. It returns the sum of the terms' classes (higher is better), a tie-breaker (lower is
// better: earlier and tighter matches) and the matched rune positions in Text, for highlighting.
//
// It is Score with the positions: the rank is Score's, so the list, which ranks by Score, and
// whatever ranks by Match never disagree.
func (k Key) Match(query string) (score, penalty int, pos []int, ok bool) {
	q := ParseQuery(query)
	if score, penalty, ok = k.Score(q); !ok {
		return 0, 0, nil, false
	}
	for _, t := range q.terms {
		_, _, ps := k.matchTerm(t.runes)
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
	if b := bit(c); b != 0 {
		return k.inits[i]&b != 0
	}
	return k.runes[i] == c
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
