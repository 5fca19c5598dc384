package text

import (
	"encoding/binary"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// decodeGB18030 is transform.Bytes(GB18030 decoder, b), read faster: ASCII and the two-byte
// characters (all of a GBK report but a rare four-byte one) by a table of every pair, and
// whatever else from the first such byte on by the decoder itself. The decoder keeps no state
// from one character to the next, so handing it the rest at a character's start gives what it
// would have given reading from the beginning. x/text's loop took a tenth of parsing a GBK file.
func decodeGB18030(b []byte) (string, error) {
	pairs := gbPairs()
	if pairs == nil {
		out, _, err := transform.Bytes(simplifiedchinese.GB18030.NewDecoder(), b)
		return string(out), err
	}
	// two bytes become at most three and one stays one; a pair is written as four bytes (its
	// UTF-8 and its length, which the next write covers), which stays within that bound
	out := make([]byte, len(b)+len(b)/2+4)
	n, i := 0, 0
	for i < len(b) {
		c := b[i]
		if c < utf8.RuneSelf {
			out[n] = c
			n++
			i++
			continue
		}
		if c < 0x81 || c > 0xFE || i+1 >= len(b) {
			break
		}
		k := pairIndex(c, b[i+1])
		if k < 0 {
			break // a four-byte character, or a byte no pair may hold
		}
		p := pairs[k]
		binary.LittleEndian.PutUint32(out[n:], p)
		n += int(p >> 24)
		i += 2
	}
	if i < len(b) {
		rest, _, err := transform.Bytes(simplifiedchinese.GB18030.NewDecoder(), b[i:])
		if err != nil {
			return "", err
		}
		return string(append(out[:n], rest...)), nil
	}
	return string(out[:n]), nil
}

// pairIndex is the place in the table of the two-byte character lead, trail (lead 81–FE, trail
// 40–7E or 80–FE: what the decoder reads as two bytes), or -1.
func pairIndex(lead, trail byte) int {
	switch {
	case trail >= 0x40 && trail < 0x7F:
		return int(lead-0x81)*190 + int(trail-0x40)
	case trail >= 0x80 && trail < 0xFF:
		return int(lead-0x81)*190 + int(trail-0x41)
	}
	return -1
}

// gbPairs is the UTF-8 of every pair by pairIndex as the decoder reads it (U+FFFD for a pair no
// character has) in the low three bytes, first byte lowest, and its length in the top byte,
// decoded once from all the pairs in a row: each is read as two bytes. One word a pair: a load
// and a store where four of each were.
var gbPairs = sync.OnceValue(func() []uint32 {
	var all []byte
	for lead := 0x81; lead <= 0xFE; lead++ {
		for trail := 0x40; trail <= 0xFE; trail++ {
			if trail != 0x7F {
				all = append(all, byte(lead), byte(trail))
			}
		}
	}
	dec, _, err := transform.Bytes(simplifiedchinese.GB18030.NewDecoder(), all)
	if err != nil {
		return nil // no table: the decoder reads everything
	}
	pairs := make([]uint32, 0, len(all)/2)
	for _, r := range string(dec) {
		var p [4]byte
		if r > 0xFFFF {
			return nil // a pair of the BMP only: three bytes at most
		}
		n := utf8.EncodeRune(p[:3], r)
		p[3] = byte(n)
		pairs = append(pairs, binary.LittleEndian.Uint32(p[:]))
	}
	if len(pairs) != len(all)/2 {
		return nil // a pair read as other than one character: the table would misplace the rest
	}
	return pairs
})
