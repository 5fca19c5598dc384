// Package text turns a file's bytes into UTF-8 text (Decode: BOM, UTF-8 with cut characters,
// UTF-16, GB18030/GBK) and refuses what is not prose (Check); Text is what every format reader
// of package parse gives back.
package text

import (
	"baogao/msg"
	"baogao/parse/runes"
	"bytes"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// MaxFileSize bounds what one file may hold. A government work report is tens of kilobytes; a file
// a thousand times larger is a dump or a mistake, and reading it would hold everything else up.
const MaxFileSize = 16 << 20

// ErrTooBig is a part of a file that inflates past what it may.
var ErrTooBig = msg.E("text.too-big")

// LimitedReader fails, rather than stopping quietly, once more than n bytes have been read: a
// truncated document would be parsed as if it were whole.
type LimitedReader struct {
	R io.Reader
	N int64
}

func (l *LimitedReader) Read(p []byte) (int, error) {
	if l.N <= 0 {
		var one [1]byte
		if k, _ := l.R.Read(one[:]); k > 0 {
			return 0, ErrTooBig
		}
		return 0, io.EOF
	}
	if int64(len(p)) > l.N {
		p = p[:l.N]
	}
	k, err := l.R.Read(p)
	l.N -= int64(k)
	return k, err
}

// What a file that is no text is.
var (
	ErrEmpty  = msg.E("text.empty")
	ErrBinary = msg.E("text.binary")
	ErrNoText = msg.E("text.no-text")
)

// Text is the text of a file and how it was read.
type Text struct {
	Text     string
	Encoding string          // utf-8, utf-16le, utf-16be, gb18030
	Dropped  int             // invalid bytes dropped from a mostly-UTF-8 file
	From     string          // the document format the text was taken from, when not plain text
	Headings map[string]bool // paragraphs the document itself styles as headings
}

// Decode turns a file's bytes into UTF-8 text. Order matters: a BOM is believed first, then NUL
// bytes mean binary, then valid (or nearly valid) UTF-8 wins over GB18030, because GB18030 accepts
// almost any byte string and would turn a UTF-8 file with a cut character into mojibake.
func Decode(b []byte) (Text, error) { return DecodeBy(b, Scan) }

// DecodeBy is Decode with the pass that checks a text given, so a caller that must read every
// byte of the text anyway (parse folds it into lines) reads it once: check must give Scan's
// counts and verdict for s. It is called on the bytes as UTF-8 and, when they are not, on the
// text decoded from another encoding; the last call's s is the text returned.
func DecodeBy(b []byte, check func(s string) (total, odd int, valid bool)) (Text, error) {
	return decodeBy(b, check, false)
}

// DecodeShared is DecodeBy for a caller whose check keeps nothing of the s it is given as UTF-8
// but copies: those bytes are given as they stand, not copied into a string first (the parse's
// largest copy but one), and the Text is then b's own memory, which the caller must not keep.
func DecodeShared(b []byte, check func(s string) (total, odd int, valid bool)) (Text, error) {
	return decodeBy(b, check, true)
}

func decodeBy(b []byte, check func(s string) (total, odd int, valid bool), shared bool) (Text, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return Text{}, ErrEmpty
	}
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return decodeWith(b, xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), "utf-16le", check)
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeWith(b, xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), "utf-16be", check)
	}
	// one pass says whether the bytes are UTF-8 and whether they are prose (a pass for each was a
	// tenth of parsing); a NUL byte, which makes any file binary, is one of the odd runes it
	// counts, so only a text that has some is searched for one
	var s string
	if shared {
		s = runes.Shared(b)
	} else {
		s = string(b)
	}
	if total, odd, valid := check(s); valid {
		if odd > 0 && strings.IndexByte(s, 0) >= 0 {
			return Text{}, ErrBinary
		}
		return judge(Text{Text: s, Encoding: "utf-8"}, total, odd)
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return Text{}, ErrBinary
	}
	// Scraped files are often cut at a byte count, leaving half a character at line ends (seed 004).
	// A handful of bad bytes in otherwise good UTF-8 is that, not another encoding.
	if bad := invalidUTF8(b, len(b)/200); bad*200 < len(b) {
		return checkWith(Text{Text: string(bytes.ToValidUTF8(b, nil)), Encoding: "utf-8", Dropped: bad}, check)
	}
	return decodeWith(b, simplifiedchinese.GB18030, "gb18030", check)
}

// DecodeWith decodes b from enc (named name in warnings) and checks the result is text.
func DecodeWith(b []byte, enc encoding.Encoding, name string) (Text, error) {
	return decodeWith(b, enc, name, Scan)
}

func decodeWith(b []byte, enc encoding.Encoding, name string, check func(string) (int, int, bool)) (Text, error) {
	var out string
	var err error
	if enc == simplifiedchinese.GB18030 {
		out, err = decodeGB18030(b)
	} else {
		var o []byte
		o, _, err = transform.Bytes(enc.NewDecoder(), b)
		out = string(o)
	}
	if err != nil {
		return Text{}, msg.E("text.decode-failed", name, err)
	}
	if strings.IndexByte(out, 0) >= 0 {
		return Text{}, ErrBinary
	}
	return checkWith(Text{Text: out, Encoding: name}, check)
}

// checkWith is Check by check, for a decoded text (valid UTF-8 but for a decoder's slip, which
// Check's own count then judges).
func checkWith(d Text, check func(string) (int, int, bool)) (Text, error) {
	total, odd, valid := check(d.Text)
	if !valid {
		return Check(d)
	}
	return judge(d, total, odd)
}

// invalidUTF8 counts the bytes of b that are no UTF-8, stopping once there are more than enough:
// a GBK file is invalid at nearly every character.
func invalidUTF8(b []byte, enough int) int {
	bad := 0
	for len(b) > 0 && bad <= enough {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			bad++
		}
		b = b[n:]
	}
	return bad
}

// Check refuses decodings that are not prose: control characters and replacement characters
// are what binary data becomes when forced through a text decoder.
func Check(d Text) (Text, error) {
	total, odd, _ := scan(d.Text, false)
	return judge(d, total, odd)
}

// Judge is Check's verdict from counts a caller made of d.Text as Scan makes them (parse counts
// the text of a web page or a Word file as it folds it into lines, one pass where there were two).
func Judge(d Text, total, odd int) (Text, error) { return judge(d, total, odd) }

// Scan is scan stopping at the first invalid byte: the check Decode makes.
func Scan(s string) (total, odd int, valid bool) { return scan(s, true) }

// scan counts the runes of s and the odd ones among them (control and replacement characters,
// private use, what does not print), and says whether s is valid UTF-8 (an invalid byte counts
// as one odd rune). With stop it gives up at the first invalid byte: the bytes are then read
// another way (a GBK file is invalid UTF-8 from its first Chinese character on).
func scan(s string, stop bool) (total, odd int, valid bool) {
	valid = true
	for i := 0; i < len(s); {
		// the bulk by its bytes, without decoding: printable ASCII and line breaks, and the
		// ideographs U+4000–U+9FFF (E4 80 80 – E9 BF BF, all printing: TestIdeographsPrint)
		c := s[i]
		if c >= 0x20 && c < 0x7f || c == '\n' {
			total++
			i++
			continue
		}
		if c >= 0xE4 && c <= 0xE9 {
			// a run of ideographs: its blocks at once, then the few left (fewer than four) each
			n := runes.Ideographs(s[i:])
			total += n / 3
			i += n
			for i+2 < len(s) && s[i] >= 0xE4 && s[i] <= 0xE9 && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
				total++
				i += 3
			}
			if i >= len(s) {
				break
			}
			// the run ended at another character, read from the top; a first byte E4–E9 still
			// here begins one cut short, decoded below
			if c = s[i]; c < 0xE4 || c > 0xE9 {
				continue
			}
		}
		// three bytes: ideographs, and the punctuation of Chinese text (U+2010–U+2027 dashes,
		// quotes and the ellipsis; U+3000–U+303F; U+FF01–U+FFE5) without the decoder
		if r, ok := runes.Three(s, i); ok {
			if r >= 0x4e00 && r <= 0x9fff || r >= 0x3000 && r <= 0x303f || r >= 0xff01 && r <= 0xffe5 || r >= 0x2010 && r <= 0x2027 {
				total++
				i += 3
				continue
			}
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		total++
		if r == utf8.RuneError && w == 1 {
			valid = false
			if stop {
				return total, odd, false
			}
		}
		if OddRune(r) {
			odd++
		}
	}
	return total, odd, valid
}

// OddRune says r is one of the runes scan counts against a text: control and replacement
// characters (an invalid byte decodes as one), private use, what does not print.
func OddRune(r rune) bool {
	switch {
	case r >= 0x20 && r < 0x7f, r >= 0x4e00 && r <= 0x9fff, r >= 0x3000 && r <= 0x303f, r >= 0xff01 && r <= 0xffe5:
		return false // the bulk of any report: ASCII, CJK ideographs and punctuation
	case r == '\n' || r == '\r' || r == '\t' || r == '\f':
		return false
	case r == utf8.RuneError, r < 0x20, r == 0x7f, r >= 0xE000 && r <= 0xF8FF:
		return true
	}
	return !unicode.IsPrint(r) && !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r)
}

// judge refuses a decoding by the counts of scan.
func judge(d Text, total, odd int) (Text, error) {
	if total == 0 {
		return Text{}, ErrEmpty
	}
	if odd*50 > total { // more than 2 %
		if d.Encoding == "gb18030" {
			return Text{}, ErrNoText
		}
		return Text{}, ErrBinary
	}
	return d, nil
}
