package runes

import "unicode/utf8"

// Words finds any of a list of words in one pass over a text: a bit for each first rune says
// where a word may begin, and only there are the words compared. The parser asks a line or a
// body for one of tens of words at once (the chrome phrases of document sites, the heading words,
// the frames a report names its place in); a search for each word read the text once a word.
//
// Where every word is at least two Chinese characters long, the set skips instead (Wu and
// Manber's method): it looks at the two bytes that end a window as long as the shortest word and
// moves on by as much as those two bytes allow — up to the window's length when they stand in
// no word — so most of a text is never looked at byte by byte.
type Words struct {
	list  []string
	first [0x10000 / 64]uint64
	by    map[rune][]int32 // the words beginning with a rune, in the list's order

	m     int                 // the shortest word's length in bytes
	shift *[1 << 13]uint8     // by the two bytes ending a window (pairIndex): how far it may move; nil: no skipping
	preAt *[preN + 1]int32    // the words whose first three bytes hash to h: pre[preAt[h]:preAt[h+1]]
	pre   []int32             // in the list's order within each hash
	heads *[headN / 64]uint64 // headHash of each word's first six bytes
}

// headN is the number of hashes of six bytes (two Chinese characters) heads holds a bit for.
// For the review's 150 names a window whose last two bytes end some name's first m stands every
// seventy bytes of a report, and seven in eight begin none (8 MB of generated reports: 122,586
// such windows, 15,136 whose first six bytes hash as a name's, 5,837 names): a look at its first
// two characters turns it away before the words are compared.
const headN = 1 << 16

// headHash hashes s[st:st+6].
func headHash(s string, st int) uint32 {
	x := uint64(s[st]) | uint64(s[st+1])<<8 | uint64(s[st+2])<<16 | uint64(s[st+3])<<24 | uint64(s[st+4])<<32 | uint64(s[st+5])<<40
	return uint32(x * 0x9E3779B97F4A7C15 >> (64 - 16))
}

// mayBegin says a word may begin at st, by the hash of its first six bytes.
func (w *Words) mayBegin(s string, st int) bool {
	h := headHash(s, st)
	return w.heads[h/64]>>(h%64)&1 != 0
}

// preN is the number of hashes of a word's first three bytes (its first character, when
// Chinese): a table, not a map, answers the windows that stop (a map's lookup was a tenth of
// the skipping), and by three bytes, not two, it names few words to compare (the two that begin
// a Chinese character begin 63 others).
const preN = 1 << 12

func preHash(a, b, c byte) uint32 {
	return (uint32(a)<<16 | uint32(b)<<8 | uint32(c)) * 0x9E3779B1 >> (32 - 12)
}

// pairIndex folds two bytes into the shift table's 8 KB (a table of 64 KB, one entry per pair,
// waited on the second-level cache at every step): the pairs within a Chinese character (lead,
// continuation; continuation, continuation) keep an entry each; what else shares one takes the
// smaller shift of those that share it.
func pairIndex(a, b byte) uint32 { return uint32(a&0x7F)<<6 | uint32(b&0x3F) }

// skipFrom is the shortest word that makes skipping pay: two Chinese characters.
const skipFrom = 6

// NewWords makes the set; the words must not be empty.
func NewWords(list []string) *Words {
	w := &Words{list: list, by: map[rune][]int32{}, m: len(list[0])}
	for i, s := range list {
		r, _ := utf8.DecodeRuneInString(s)
		if r < 0x10000 {
			w.first[r/64] |= 1 << (r % 64)
		}
		w.by[r] = append(w.by[r], int32(i))
		w.m = min(w.m, len(s))
	}
	if w.m >= skipFrom && w.m <= 255 {
		w.shift = new([1 << 13]uint8)
		for i := range w.shift {
			w.shift[i] = uint8(w.m - 1)
		}
		buckets := make([][]int32, preN)
		for i, s := range list {
			for q := 1; q < w.m; q++ {
				b := pairIndex(s[q-1], s[q])
				w.shift[b] = min(w.shift[b], uint8(w.m-1-q))
			}
			h := preHash(s[0], s[1], s[2])
			buckets[h] = append(buckets[h], int32(i))
		}
		w.heads = new([headN / 64]uint64)
		for _, s := range list {
			h := headHash(s, 0)
			w.heads[h/64] |= 1 << (h % 64)
		}
		w.preAt = new([preN + 1]int32)
		for h, b := range buckets {
			w.pre = append(w.pre, b...)
			w.preAt[h+1] = int32(len(w.pre))
		}
	}
	return w
}

// Each calls yield with the byte offset and list index of every occurrence of every word in s,
// by offset and, at one offset, in the list's order, until yield returns false.
func (w *Words) Each(s string, yield func(at, word int) bool) {
	if w.shift != nil {
		w.skipping(s, yield)
		return
	}
	for i := 0; i < len(s); {
		var r rune
		n := 1
		switch c := s[i]; {
		case c < utf8.RuneSelf:
			r = rune(c)
		default:
			var ok bool
			if r, ok = Three(s, i); ok {
				n = 3
			} else {
				r, n = utf8.DecodeRuneInString(s[i:])
			}
		}
		if r >= 0x10000 || w.first[r/64]&(1<<(r%64)) != 0 {
			for _, k := range w.by[r] {
				if word := w.list[k]; len(s)-i >= len(word) && s[i:i+len(word)] == word {
					if !yield(i, int(k)) {
						return
					}
				}
			}
		}
		i += n
	}
}

// skipping is Each by windows of the shortest word's length: a window whose last two bytes end
// no word's first m bytes moves on by the shift table; one whose do is compared with the words
// that begin with its first three bytes (stopAt). A long text is read as two halves at once,
// a longer one as four quarters (quarters): each step waits on the bytes and the table entry the
// last step chose, so independent walks take about the time of one (four gave the review's
// names 1.15× two). What a later part finds is held until the parts before are done.
func (w *Words) skipping(s string, yield func(at, word int) bool) {
	m, shift := w.m, w.shift
	a := m - 1
	if len(s) >= fourWalks {
		w.quarters(s, yield)
		return
	}
	if len(s) >= twoWalks {
		mid := len(s) / 2
		aEnd, b := mid+m-1, mid+m-1 // the first half's windows begin before mid, the second's at mid on
		var later [][2]int32        // what the second half found, by place
		for a < aEnd && b < len(s) {
			sa := shift[pairIndex(s[a-1], s[a])]
			sb := shift[pairIndex(s[b-1], s[b])]
			if sa > 0 && sb > 0 {
				a += int(sa)
				b += int(sb)
				continue
			}
			if sa > 0 {
				a += int(sa)
			} else {
				if w.mayBegin(s, a-m+1) && !w.stopAt(s, a-m+1, yield) {
					return
				}
				a++
			}
			if sb > 0 {
				b += int(sb)
			} else {
				if w.mayBegin(s, b-m+1) {
					w.stopAt(s, b-m+1, func(at, k int) bool { later = append(later, [2]int32{int32(at), int32(k)}); return true })
				}
				b++
			}
		}
		if !w.walk(s, a, aEnd, yield) {
			return
		}
		for _, f := range later {
			if !yield(int(f[0]), int(f[1])) {
				return
			}
		}
		a = b
	}
	w.walk(s, a, len(s), yield)
}

// quarters is skipping by four walks at once, one a quarter of s: what the last three find is
// held until the ones before are done.
func (w *Words) quarters(s string, yield func(at, word int) bool) {
	m, shift := w.m, w.shift
	q := len(s) / 4
	a, b, c, d := m-1, q+m-1, 2*q+m-1, 3*q+m-1 // each walk's windows begin in its quarter
	aEnd, bEnd, cEnd := b, c, d
	var later [3][][2]int32
	keep := func(k int) func(at, word int) bool {
		return func(at, word int) bool { later[k] = append(later[k], [2]int32{int32(at), int32(word)}); return true }
	}
	kb, kc, kd := keep(0), keep(1), keep(2)
	for a < aEnd && b < bEnd && c < cEnd && d < len(s) {
		sa := shift[pairIndex(s[a-1], s[a])]
		sb := shift[pairIndex(s[b-1], s[b])]
		sc := shift[pairIndex(s[c-1], s[c])]
		sd := shift[pairIndex(s[d-1], s[d])]
		if sa > 0 && sb > 0 && sc > 0 && sd > 0 {
			a, b, c, d = a+int(sa), b+int(sb), c+int(sc), d+int(sd)
			continue
		}
		if sa > 0 {
			a += int(sa)
		} else {
			if w.mayBegin(s, a-m+1) && !w.stopAt(s, a-m+1, yield) {
				return
			}
			a++
		}
		// the three walks that hold what they find are written out: a method for their step is
		// not inlined, and cost the names 6 % (BenchmarkNames in turn)
		if sb > 0 {
			b += int(sb)
		} else {
			if w.mayBegin(s, b-m+1) {
				w.stopAt(s, b-m+1, kb)
			}
			b++
		}
		if sc > 0 {
			c += int(sc)
		} else {
			if w.mayBegin(s, c-m+1) {
				w.stopAt(s, c-m+1, kc)
			}
			c++
		}
		if sd > 0 {
			d += int(sd)
		} else {
			if w.mayBegin(s, d-m+1) {
				w.stopAt(s, d-m+1, kd)
			}
			d++
		}
	}
	if !w.walk(s, a, aEnd, yield) {
		return
	}
	for k, walk := range []struct{ from, to int }{{b, bEnd}, {c, cEnd}, {d, len(s)}} {
		w.walk(s, walk.from, walk.to, keep(k))
		for _, f := range later[k] {
			if !yield(int(f[0]), int(f[1])) {
				return
			}
		}
	}
}

// fourWalks is the length from which skipping reads a text as four quarters.
const fourWalks = 4096

// twoWalks is the length from which skipping reads a text as two halves: below it, the halves'
// bookkeeping costs more than the overlap saves.
const twoWalks = 1024

// walk is skipping from the window ending at pos to the last ending before end; false when
// yield said to stop.
func (w *Words) walk(s string, pos, end int, yield func(at, word int) bool) bool {
	m, shift := w.m, w.shift
	for pos < end {
		if sh := shift[pairIndex(s[pos-1], s[pos])]; sh > 0 {
			pos += int(sh)
			continue
		}
		if w.mayBegin(s, pos-m+1) && !w.stopAt(s, pos-m+1, yield) {
			return false
		}
		pos++
	}
	return true
}

// stopAt calls yield for each word that begins at st, in the list's order; false when yield said
// to stop.
func (w *Words) stopAt(s string, st int, yield func(at, word int) bool) bool {
	h := preHash(s[st], s[st+1], s[st+2])
	for _, k := range w.pre[w.preAt[h]:w.preAt[h+1]] {
		if word := w.list[k]; len(s)-st >= len(word) && s[st:st+len(word)] == word {
			if !yield(st, int(k)) {
				return false
			}
		}
	}
	return true
}

// Any says whether s holds any of the words.
func (w *Words) Any(s string) bool {
	found := false
	w.Each(s, func(int, int) bool { found = true; return false })
	return found
}

// First is the leftmost occurrence, the earliest word in the list where several begin there:
// the match of a regexp alternation of the words. at is -1 when there is none.
func (w *Words) First(s string) (at, word int) {
	at, word = -1, -1
	w.Each(s, func(i, k int) bool { at, word = i, k; return false })
	return at, word
}

// ByWord is every occurrence of each word, by the word's index in the list: what a search for
// each word in turn finds where no word overlaps itself (工作回顾 cannot: 啊啊 could), in one pass.
func (w *Words) ByWord(s string) [][]int {
	if at := w.Places(s); at != nil {
		return at
	}
	return make([][]int, len(w.list))
}

// Places is ByWord, or nil where no word occurs: a caller that asks line after line makes no
// table for the many lines that hold none.
func (w *Words) Places(s string) [][]int {
	var at [][]int
	w.Each(s, func(i, k int) bool {
		if at == nil {
			at = make([][]int, len(w.list))
		}
		at[k] = append(at[k], i)
		return true
	})
	return at
}

// Word is the word at index k of the list.
func (w *Words) Word(k int) string { return w.list[k] }

// SelfOverlapping lists the words that can overlap their own next occurrence (a proper suffix is
// also a prefix): for those ByWord finds more than a search for each word in turn.
func (w *Words) SelfOverlapping() []string {
	var out []string
	for _, s := range w.list {
		for i := 1; i < len(s); i++ {
			if utf8.RuneStart(s[i]) && s[:len(s)-i] == s[i:] {
				out = append(out, s)
				break
			}
		}
	}
	return out
}
