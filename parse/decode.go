package parse

import (
	"bytes"
	"errors"
	"fmt"
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

var (
	errEmpty  = errors.New("empty file")
	errBinary = errors.New("not a text document (binary content)")
	errNoText = errors.New("not a text document (neither UTF-8 nor GB18030 text)")
)

// decoded is the text of a file and how it was read.
type decoded struct {
	text     string
	encoding string          // utf-8, utf-16le, utf-16be, gb18030
	dropped  int             // invalid bytes dropped from a mostly-UTF-8 file
	from     string          // the document format the text was taken from, when not plain text
	headings map[string]bool // paragraphs the document itself styles as headings
}

// decode turns a file's bytes into UTF-8 text. Order matters: a BOM is believed first, then NUL
// bytes mean binary, then valid (or nearly valid) UTF-8 wins over GB18030, because GB18030 accepts
// almost any byte string and would turn a UTF-8 file with a cut character into mojibake.
func decode(b []byte) (decoded, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return decoded{}, errEmpty
	}
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return decodeWith(b, xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), "utf-16le")
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeWith(b, xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), "utf-16be")
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return decoded{}, errBinary
	}
	if utf8.Valid(b) {
		return checkText(decoded{text: string(b), encoding: "utf-8"})
	}
	// Scraped files are often cut at a byte count, leaving half a character at line ends (seed 004).
	// A handful of bad bytes in otherwise good UTF-8 is that, not another encoding.
	if bad := invalidUTF8(b); bad*200 < len(b) {
		return checkText(decoded{text: string(bytes.ToValidUTF8(b, nil)), encoding: "utf-8", dropped: bad})
	}
	return decodeWith(b, simplifiedchinese.GB18030, "gb18030")
}

func decodeWith(b []byte, enc encoding.Encoding, name string) (decoded, error) {
	out, _, err := transform.Bytes(enc.NewDecoder(), b)
	if err != nil {
		return decoded{}, fmt.Errorf("not a text document (%s decoding failed: %v)", name, err)
	}
	if bytes.IndexByte(out, 0) >= 0 {
		return decoded{}, errBinary
	}
	return checkText(decoded{text: string(out), encoding: name})
}

func invalidUTF8(b []byte) int {
	bad := 0
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			bad++
		}
		b = b[n:]
	}
	return bad
}

// checkText refuses decodings that are not prose: control characters and replacement characters
// are what binary data becomes when forced through a text decoder.
func checkText(d decoded) (decoded, error) {
	var total, odd int
	for _, r := range d.text {
		total++
		switch {
		case r >= 0x20 && r < 0x7f, r >= 0x4e00 && r <= 0x9fff, r >= 0x3000 && r <= 0x303f, r >= 0xff01 && r <= 0xffe5:
			// the bulk of any report: ASCII, CJK ideographs and punctuation
		case r == '\n' || r == '\r' || r == '\t' || r == '\f':
		case r == utf8.RuneError, r < 0x20, r == 0x7f, r >= 0xE000 && r <= 0xF8FF:
			odd++
		case !unicode.IsPrint(r) && !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r):
			odd++
		}
	}
	if total == 0 {
		return decoded{}, errEmpty
	}
	if odd*50 > total { // more than 2 %
		if d.encoding == "gb18030" {
			return decoded{}, errNoText
		}
		return decoded{}, errBinary
	}
	return d, nil
}
