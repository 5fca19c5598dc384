// Package runes holds the string functions the parser calls most, made for Chinese text.
package runes

import (
	"iter"
	"math/bits"
	"sort"
	"strings"
	"unicode/utf8"
)

// Count is utf8.RuneCountInString for valid UTF-8 (every text the parser works on is; Valid
// below makes sure), 32 bytes at a time (with AVX2 in count32 where the processor has it): a
// rune is every byte that is not a continuation byte (10xxxxxx). The parser counts runes for
// every offset it gives; decoding each rune to count it was a seventh of all parsing.
func Count(s string) int {
	n := len(s)
	i := 0
	if blocks && len(s) >= 32 {
		k, conts := count32(s)
		i, n = k, n-conts
	}
	// 32 bytes a turn, the four words' continuation bytes counted together (a branch for each
	// word that is all ASCII cost more than it saved on Chinese text)
	const hi = 0x8080808080808080
	for ; i+32 <= len(s); i += 32 {
		t := s[i : i+32]
		w0 := load64(t[0:8])
		w1 := load64(t[8:16])
		w2 := load64(t[16:24])
		w3 := load64(t[24:32])
		n -= bits.OnesCount64(w0&^(w0<<1)&hi) + bits.OnesCount64(w1&^(w1<<1)&hi) +
			bits.OnesCount64(w2&^(w2<<1)&hi) + bits.OnesCount64(w3&^(w3<<1)&hi)
	}
	for ; i+8 <= len(s); i += 8 {
		w := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		if w&0x8080808080808080 == 0 {
			continue // ASCII
		}
		// bit 7 set and bit 6 clear: a continuation byte
		n -= bits.OnesCount64(w & ^(w << 1) & 0x8080808080808080)
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 == 0x80 {
			n--
		}
	}
	return n
}

// Offset is the byte offset of rune n of s (len(s) past its end): Count's inverse, 32 bytes a
// turn while the runes they start are fewer than those left.
func Offset(s string, n int) int {
	const hi = 0x8080808080808080
	i := 0
	for ; i+32 <= len(s); i += 32 {
		t := s[i : i+32]
		w0, w1, w2, w3 := load64(t[0:8]), load64(t[8:16]), load64(t[16:24]), load64(t[24:32])
		starts := 32 - bits.OnesCount64(w0&^(w0<<1)&hi) - bits.OnesCount64(w1&^(w1<<1)&hi) -
			bits.OnesCount64(w2&^(w2<<1)&hi) - bits.OnesCount64(w3&^(w3<<1)&hi)
		if starts > n {
			break
		}
		n -= starts
	}
	for ; i+8 <= len(s); i += 8 {
		w := load64(s[i : i+8])
		starts := 8 - bits.OnesCount64(w&^(w<<1)&hi)
		if starts > n {
			break
		}
		n -= starts
	}
	for ; i < len(s); i++ {
		if s[i]&0xC0 != 0x80 {
			if n == 0 {
				return i
			}
			n--
		}
	}
	return len(s)
}

// load64 is the first eight bytes of s as a little-endian word (one load: the compiler joins the
// bytes' loads).
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// Valid makes s valid UTF-8, each invalid byte becoming U+FFFD, so that Count counts as
// utf8.RuneCountInString does.
func Valid(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		b.WriteRune(r)
		i += w
	}
	return b.String()
}

// Index is strings.Index for the texts the parser reads: a Chinese needle's first byte (E4–E9)
// is in nearly every character of the text, so the search looks for its second and last bytes,
// continuation bytes each in about one character in 64, both at once 32 places a turn where
// the processor can (pair32); else for its last byte, and checks around it. (strings.Index
// finds the first byte again and again, and gives up on it for a compare at every place.)
func Index(s, sub string) int {
	n := len(sub)
	if n < 3 || sub[0] < 0xE0 {
		return strings.Index(s, sub)
	}
	if len(s) < n {
		return -1
	}
	from := 0 // where sub may begin, the places before it ruled out
	if blocks {
		for {
			j, ok := pair32(s[from+1:], n-2, sub[1], sub[n-1])
			if !ok {
				from += j
				break
			}
			if at := from + j; s[at:at+n] == sub {
				return at
			}
			from += j + 1
		}
	}
	last := sub[n-1]
	for p := from + n - 1; p < len(s); {
		j := strings.IndexByte(s[p:], last)
		if j < 0 {
			return -1
		}
		j += p
		if s[j-n+1:j+1] == sub {
			return j - n + 1
		}
		p = j + 1
	}
	return -1
}

// Indexes yields the byte offset of each occurrence of sub (not empty) in s, in order, each
// search beginning after the last occurrence found, as strings.Count counts them.
func Indexes(s, sub string) iter.Seq[int] {
	return func(yield func(int) bool) {
		for from := 0; ; {
			i := Index(s[from:], sub)
			if i < 0 || !yield(from+i) {
				return
			}
			from += i + len(sub)
		}
	}
}

// Occurrences is strings.Count by Index, for a sub that is not empty.
func Occurrences(s, sub string) int { return occurrences(s, sub, -1) }

// OccursAtLeast says s holds sub k times or more, reading no further than the k-th.
func OccursAtLeast(s, sub string, k int) bool { return occurrences(s, sub, k) >= k }

// occurrences counts sub in s, stopping at most (none when most < 0).
func occurrences(s, sub string, most int) int {
	n := 0
	if n == most {
		return n
	}
	for range Indexes(s, sub) {
		if n++; n == most {
			break
		}
	}
	return n
}

// Contains is strings.Contains by Index.
func Contains(s, sub string) bool { return Index(s, sub) >= 0 }

// AtMost is min(Count(s), k), reading no more of s than k runes can take: the parser compares
// the lengths of lines with limits (a heading holds at most 40 characters), and a line may be a
// whole run-on page.
func AtMost(s string, k int) int {
	if len(s) >= utf8.UTFMax*k {
		return k // every rune takes at most four bytes
	}
	return min(Count(s), k)
}

// Offsets turns byte offsets in one text into rune offsets in time independent of the offset:
// the rune count at every 256th byte, counted once.
type Offsets struct {
	s     string
	steps []int32 // steps[k]: runes in s[:k*256]
}

const offsetStep = 256

// NewOffsets counts s once.
func NewOffsets(s string) *Offsets {
	o := &Offsets{s: s, steps: make([]int32, len(s)/offsetStep+1)}
	n := 0
	for k := 1; k < len(o.steps); k++ {
		n += Count(s[(k-1)*offsetStep : k*offsetStep])
		o.steps[k] = int32(n)
	}
	return o
}

// NewOffsetsByLine is NewOffsets, and calls line with each line of s (split at '\n', as
// strings.Split does) and its length in runes, in order: the parser wants both of a body, and
// counting the lines and the table apart read every byte twice.
func NewOffsetsByLine(s string, line func(text string, n int)) *Offsets {
	o := &Offsets{s: s, steps: make([]int32, len(s)/offsetStep+1)}
	total, k := 0, 1
	for pos := 0; ; {
		end := len(s) // the line with its break
		if i := strings.IndexByte(s[pos:], '\n'); i >= 0 {
			end = pos + i + 1
		}
		c := 0
		for p := pos; ; {
			b := k * offsetStep
			if k >= len(o.steps) || b > end {
				c += Count(s[p:end])
				break
			}
			c += Count(s[p:b])
			p = b
			o.steps[k] = int32(total + c)
			k++
		}
		total += c
		if end == pos || s[end-1] != '\n' {
			line(s[pos:end], c)
			return o
		}
		line(s[pos:end-1], c-1)
		pos = end
	}
}

// Byte is the byte offset of rune r of the text (its length past its end): Offset by the table.
func (o *Offsets) Byte(r int) int {
	// the last step at or before r
	k := sort.Search(len(o.steps), func(k int) bool { return int(o.steps[k]) > r }) - 1
	return k*offsetStep + Offset(o.s[k*offsetStep:], r-int(o.steps[k]))
}

// At is Count(s[:b]); b must be at a rune boundary (at most len(s)).
func (o *Offsets) At(b int) int {
	k := b / offsetStep
	return int(o.steps[k]) + Count(o.s[k*offsetStep:b])
}

// IndexAny is strings.IndexAny for valid UTF-8: each rune of chars is searched for by its bytes
// (a fast search, in what is left before the nearest found so far), where strings.IndexAny
// decodes every rune of s and looks it up in chars — a tenth of a microsecond for each of the
// hundreds of characters before a sentence's end.
func IndexAny(s, chars string) int {
	best := -1
	for i, r := range chars {
		t := s
		if best >= 0 {
			t = s[:best]
		}
		var at int
		if r < utf8.RuneSelf {
			at = strings.IndexByte(t, byte(r))
		} else {
			_, w := utf8.DecodeRuneInString(chars[i:])
			at = Index(t, chars[i:i+w])
		}
		if at >= 0 {
			best = at
		}
	}
	return best
}
