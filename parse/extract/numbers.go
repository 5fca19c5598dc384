package extract

import (
	"baogao/parse/runes"
	"baogao/parse/rx"
	"iter"
	"slices"
	"strconv"
	"strings"
)

// number is one figure as written: the value, its unit and the hedge words around it.
type number struct {
	value     float64
	unit      string
	pre, post string   // qualifier before (不低于) and after (左右) the figure
	upper     *float64 // the top of a range: 增长5.0%—5.5%
	start     int      // byte offsets in the text the number was read from
	end       int
}

// readNumbers finds the figures in s that can be read safely. A number glued to Latin letters
// (40L4亿元, IOOO栋, ViVO) is an OCR slip or a name, and is dropped rather than guessed.
func readNumbers(s string) []number { return slices.Collect(numbersIn(s)) }

// numbersIn gives readNumbers' figures one at a time: a reader that needs only the first, or the
// first few, reads no further (most need one of the several a stretch of text holds).
func numbersIn(s string) iter.Seq[number] {
	return func(yield func(number) bool) {
		numbersFrom(s, &rangeFinder{s: s}, yield)
	}
}

// hasNumber is len(readNumbers(s)) > 0, reading no further than the first.
func hasNumber(s string) bool {
	for range numbersIn(s) {
		return true
	}
	return false
}

// numbersFrom is the loop of numbersIn.
func numbersFrom(s string, ranges *rangeFinder, yield func(number) bool) {
	skipTo := 0
	for m := range figuresIn(s) {
		ds, de := m[4], m[5]
		if ds < skipTo {
			continue
		}
		if r := ranges.at(ds); r != nil {
			// 增长5.0%—5.5%, 5—5.5%: the lower bound is the figure, the upper its stretch.
			lo, err1 := strconv.ParseFloat(s[r[2]:r[3]], 64)
			hi, err2 := strconv.ParseFloat(s[r[6]:r[7]], 64)
			if err1 == nil && err2 == nil && hi > lo {
				n := number{value: lo, unit: "%", upper: &hi, start: m[0], end: r[1]}
				if m[2] >= 0 {
					n.pre = s[m[2]:m[3]]
				}
				if q := longestPrefix(s[r[1]:], postQualifiers); q != "" {
					n.post, n.end = q, r[1]+len(q)
				}
				if !yield(n) {
					return
				}
				skipTo = n.end
				continue
			}
		}
		if ds > 0 {
			c := s[ds-1]
			if isASCIIAlnum(c) || c == '.' || c == '-' || c == '/' {
				continue
			}
		}
		if m[6] < 0 && de < len(s) && isASCIIAlnum(s[de]) {
			continue
		}
		v, err := strconv.ParseFloat(s[ds:de], 64)
		if err != nil {
			continue
		}
		n := number{value: v, start: m[0], end: m[1]}
		if m[2] >= 0 {
			n.pre = s[m[2]:m[3]]
		}
		if m[6] >= 0 {
			n.unit = s[m[6]:m[7]]
		}
		if m[8] >= 0 {
			n.post = s[m[8]:m[9]]
		}
		if n.unit == "%o" || n.unit == "%。" {
			// "7.8％。以内": a full stop cannot stand between a figure and its hedge, so the mark
			// is what OCR made of ‰. Otherwise ("13.5%o全力…", "增长6%。以上…") the % stands alone
			// and what follows is the next sentence.
			if (n.post == "以内" || n.post == "左右" || n.post == "以下") && (m[1] == len(s) || strings.ContainsAny(s[m[1]:min(len(s), m[1]+3)], "，,；;。、")) {
				n.unit = "‰"
			} else {
				n.unit, n.post, n.end = "%", "", m[6]+1
			}
		}
		// Years and dates are not figures: 2023年, 3月.
		if n.unit == "" && de < len(s) && strings.ContainsAny(s[de:min(len(s), de+3)], "年月日") {
			continue
		}
		if !yield(n) {
			return
		}
	}
}

// rangeFinder gives the matches of rangeRe in s that FindAllStringSubmatchIndex(s, -1) gives,
// one at a time and only as far as a caller asks: a reader of the first figure or two of a clause
// searched all of it, at every digit, wherever it held a 到 (达到) or a dash.
type rangeFinder struct {
	s    string
	next int // where the search for FindAll's next match begins
}

// at is the match that begins at byte ds, or nil; ds must grow from call to call.
func (f *rangeFinder) at(ds int) []int {
	for f.next <= ds {
		m := f.first(f.next, ds)
		if m == nil {
			f.next = ds + 1 // FindAll's next match begins after ds
			return nil
		}
		f.next = m[1]
		if m[0] == ds {
			return m
		}
		// one begins before ds: FindAll takes it and goes on after it
	}
	return nil
}

// first is the leftmost match of rangeRe in s that begins in [from, to]: the anchored pattern
// tried at each digit there whose number is followed (past a % and a space) by a range mark,
// which every match needs (\d+ takes the whole number: what follows a shorter one is a digit).
func (f *rangeFinder) first(from, to int) []int {
	s := f.s
	for q := from; q <= to && q < len(s); q++ {
		if s[q] < '0' || s[q] > '9' || !rangeMarkAfter(s[q:]) {
			continue
		}
		if m := rangeAt.FindStringSubmatchIndex(s[q:]); m != nil {
			for i := range m {
				if m[i] >= 0 {
					m[i] += q
				}
			}
			return m
		}
	}
	return nil
}

// numberEnd is the end of the number that begins at s[i] (a digit): digits, and a point and
// digits after it — \d+(?:\.\d+)? taking all it can.
func numberEnd(s string, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i+1 < len(s) && s[i] == '.' && s[i+1] >= '0' && s[i+1] <= '9' {
		for i++; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		}
	}
	return i
}

// rangeMarkAfter says the number s begins with is followed, past a % and a space, by one of
// rangeRe's marks.
func rangeMarkAfter(s string) bool {
	i := numberEnd(s, 0)
	if i < len(s) && s[i] == '%' {
		i++
	}
	if i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	if i < len(s) && (s[i] == '~' || s[i] == '-') {
		return true
	}
	r, ok := runes.Three(s, i)
	return ok && (r == '—' || r == '–' || r == '－' || r == '～' || r == '至' || r == '到')
}

// A range of per cents: 5.0%—5.5%, 5%-5.5%, 5～5.5%, 5至5.5%. rangeMarkAfter holds its marks too
// (FuzzRangeFinder holds the two to each other).
const rangePattern = `(\d+(?:\.\d+)?)(%?)\s?(?:—|–|－|~|～|-|至|到)\s?(\d+(?:\.\d+)?)(%)`

// rangeAt is rangePattern at the start of a text, as rangeFinder tries it.
var rangeAt = rx.MustCompile(`^(?:` + rangePattern + `)`)

func isASCIIAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// wordsByFirstByte indexes a word list by its first byte, longest first, so the longest word at a
// position is found by trying a handful of candidates.
type wordsByFirstByte [256][]string

func indexWords(words []string) *wordsByFirstByte {
	var idx wordsByFirstByte
	for _, w := range sortLongestFirst(append([]string(nil), words...)) {
		idx[w[0]] = append(idx[w[0]], w)
	}
	return &idx
}

// prefixAt returns the longest word that s starts with, or "".
func (idx *wordsByFirstByte) prefixAt(s string) string {
	if s == "" {
		return ""
	}
	for _, w := range idx[s[0]] {
		if strings.HasPrefix(s, w) {
			return w
		}
	}
	return ""
}

var (
	unitIndex = indexWords(units)
	postIndex = indexWords(postQualifiers)
)

// scanFigures finds what numberRe finds (hedge, digits, one optional space, unit, hedge), leftmost
// and without overlaps, with the same submatch offsets, in one pass and without the regexp engine:
// figures are read in every sentence of every report, and the unit alternation made the regexp
// the costliest step of extraction.
func scanFigures(s string) [][10]int { return slices.Collect(figuresIn(s)) }

// figuresIn gives scanFigures' matches one at a time.
func figuresIn(s string) iter.Seq[[10]int] {
	return func(yield func([10]int) bool) {
		prevEnd := 0
		for i := 0; i < len(s); {
			if s[i] < '0' || s[i] > '9' {
				i++
				continue
			}
			ds := i
			i = numberEnd(s, i)
			m := [10]int{ds, i, -1, -1, ds, i, -1, -1, -1, -1}
			if p := longestSuffix(s[prevEnd:ds], preQualifiers); p != "" {
				m[0], m[2], m[3] = ds-len(p), ds-len(p), ds
			}
			if i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
				i++
			}
			if u := unitIndex.prefixAt(s[i:]); u != "" {
				m[6], m[7] = i, i+len(u)
				i += len(u)
			}
			if q := postIndex.prefixAt(s[i:]); q != "" {
				m[8], m[9] = i, i+len(q)
				i += len(q)
			}
			m[1] = i
			prevEnd = i
			if !yield(m) {
				return
			}
		}
	}
}
