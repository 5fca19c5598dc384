package word

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
)

// tokens is what readDocument and readStyles read: a scanner, or an xml.Decoder as decoded. A
// start tag, an end tag and text come as *xml.StartElement, *xml.EndElement and *xml.CharData,
// each valid until the next token: the reader's own, given out again, where an xml.Token holding
// the value was an allocation for each token (a tenth of reading a Word file).
type tokens interface {
	Token() (xml.Token, error)
}

// decoded gives an xml.Decoder's tokens as tokens does.
type decoded struct {
	d  *xml.Decoder
	se xml.StartElement
	ee xml.EndElement
	cd xml.CharData
}

func (x *decoded) Token() (xml.Token, error) {
	tok, err := x.d.Token()
	switch t := tok.(type) {
	case xml.StartElement:
		x.se = t
		return &x.se, err
	case xml.EndElement:
		x.ee = t
		return &x.ee, err
	case xml.CharData:
		x.cd = t
		return &x.cd, err
	}
	return tok, err
}

// errNotSimple is a part the scanner leaves to encoding/xml; no one reads its text.
var errNotSimple = errors.New("word.not-simple")

// scanner reads the XML that Word writes (elements, attributes, text, the five named entities and
// character references, an <?xml …?> declaration) without encoding/xml, which was three quarters
// of reading a Word file (with the scanner, Word files are read about 3× as fast: BenchmarkWordFiles).
// It gives the tokens an xml.Decoder gives for such a part, each name's Local and its attributes'
// Local and Value being all that is read of them; a start tag's attributes, like text, are valid
// until the next token. Anything else (a comment, CDATA, a DOCTYPE, a control character, a name or
// an entity it does not know, tags that do not match, a cut part) makes it give errNotSimple, and
// the part is read again by encoding/xml, which then says what is wrong, as it did before there
// was a scanner.
type scanner struct {
	b       []byte
	i       int
	open    [][]byte // the raw names of the open elements
	pending bool     // a self-closing element's end is next
	text    []byte
	attrs   []xml.Attr // the last start tag's, given out again (as CharData is)
	// attrsOf says which elements' attributes are given (nil: every element's): the others' are
	// read and checked as ever, but not made into strings. A Word part is mostly the attributes
	// of formatting (fonts, sizes, languages of each run), which no reader asks for.
	attrsOf func(local string) bool
	strs    [1024]string // names and values read before, by a hash of their ends
	// the tokens given out, again and again
	se xml.StartElement
	ee xml.EndElement
	cd xml.CharData
}

// newScanner is a scanner of the part b, or false when b is not text the scanner takes.
func newScanner(b []byte) (*scanner, bool) {
	s := &scanner{b: b}
	if !plainText(b) || s.declaration() != nil {
		return nil, false
	}
	return s, true
}

// str is b as a string, the string made before for the same bytes when the cache has it: a part
// repeats a few hundred names and values, and a string made for each was most of the scanner's
// time (a map was not much cheaper).
func (s *scanner) str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	k := (uint(len(b))*31 + uint(b[0])*7 + uint(b[len(b)-1])) % uint(len(s.strs))
	if s.strs[k] == string(b) {
		return s.strs[k]
	}
	v := string(b)
	s.strs[k] = v
	return v
}

// plainText says b is text XML allows: valid UTF-8 holding no control character but tab, line
// feed and carriage return, and no U+FFFE or U+FFFF.
func plainText(b []byte) bool {
	if !utf8.Valid(b) {
		return false
	}
	// Eight bytes at a time where none is a control (below 0x20) or EF, as nearly all of a part's
	// are: a word that holds one is looked at byte by byte.
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(b); i += 8 {
		w := binary.LittleEndian.Uint64(b[i:])
		ef := w ^ 0xEF*ones
		if ((w-0x20*ones)&^w|(ef-ones)&^ef)&highs == 0 {
			continue
		}
		if !plainBytes(b, i, i+8) {
			return false
		}
	}
	return plainBytes(b, i, len(b))
}

// plainBytes is plainText's check of b[from:to], byte by byte, in valid UTF-8.
func plainBytes(b []byte, from, to int) bool {
	for i := from; i < to; i++ {
		// U+FFFE and U+FFFF are EF BF BE and EF BF BF (the text is valid: the two bytes follow)
		if c := b[i]; c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xEF && b[i+1] == 0xBF && b[i+2] >= 0xBE {
			return false
		}
	}
	return true
}

func (s *scanner) Token() (xml.Token, error) {
	if s.pending {
		s.pending = false
		name := s.open[len(s.open)-1]
		s.open = s.open[:len(s.open)-1]
		s.ee = xml.EndElement{Name: xml.Name{Local: s.local(name)}}
		return &s.ee, nil
	}
	if s.i >= len(s.b) {
		if len(s.open) > 0 {
			return nil, errNotSimple // cut: encoding/xml says unexpected EOF
		}
		return nil, io.EOF
	}
	if s.b[s.i] != '<' {
		end := bytes.IndexByte(s.b[s.i:], '<')
		if end < 0 {
			end = len(s.b) - s.i
		}
		raw := s.b[s.i : s.i+end]
		s.i += end
		if bytes.Contains(raw, []byte("]]>")) {
			return nil, errNotSimple // an error outside CDATA
		}
		t, ok := s.chars(raw)
		if !ok {
			return nil, errNotSimple
		}
		s.cd = t
		return &s.cd, nil
	}
	if s.i+1 < len(s.b) && s.b[s.i+1] == '/' {
		return s.endTag()
	}
	return s.startTag()
}

// declaration steps over <?xml version="1.0" encoding="UTF-8" standalone="yes"?> at the start,
// in the forms Word writes; another processing instruction is left to encoding/xml.
func (s *scanner) declaration() error {
	if !bytes.HasPrefix(s.b, []byte("<?")) {
		return nil
	}
	end := bytes.Index(s.b[2:], []byte("?>"))
	if end < 0 {
		return errNotSimple
	}
	end += 2
	rest, ok := bytes.CutPrefix(s.b[2:end], []byte(`xml version="1.0"`))
	if !ok {
		return errNotSimple
	}
	for _, field := range [][]byte{[]byte(` encoding="UTF-8"`), []byte(` encoding="utf-8"`), []byte(` standalone="yes"`), []byte(` standalone="no"`)} {
		rest, _ = bytes.CutPrefix(rest, field)
	}
	if len(bytes.TrimLeft(rest, " ")) > 0 {
		return errNotSimple
	}
	s.i = end + 2
	return nil
}

func (s *scanner) startTag() (xml.Token, error) {
	s.i++ // <
	name, ok := s.name()
	if !ok {
		return nil, errNotSimple
	}
	s.se = xml.StartElement{Name: xml.Name{Local: s.local(name)}}
	s.attrs = s.attrs[:0]
	give := s.attrsOf == nil || s.attrsOf(s.se.Name.Local)
	for {
		spaced := s.space()
		if s.i >= len(s.b) {
			return nil, errNotSimple
		}
		switch s.b[s.i] {
		case '>':
			s.i++
			s.open = append(s.open, name)
			s.se.Attr = s.attrs
			return &s.se, nil
		case '/':
			if s.i+1 >= len(s.b) || s.b[s.i+1] != '>' {
				return nil, errNotSimple
			}
			s.i += 2
			s.open = append(s.open, name)
			s.pending = true
			s.se.Attr = s.attrs
			return &s.se, nil
		}
		an, ok := s.name()
		if !ok || !spaced {
			return nil, errNotSimple
		}
		s.space()
		if s.i >= len(s.b) || s.b[s.i] != '=' {
			return nil, errNotSimple
		}
		s.i++
		s.space()
		if s.i >= len(s.b) || s.b[s.i] != '"' && s.b[s.i] != '\'' {
			return nil, errNotSimple
		}
		q := s.b[s.i]
		end := bytes.IndexByte(s.b[s.i+1:], q)
		if end < 0 {
			return nil, errNotSimple
		}
		raw := s.b[s.i+1 : s.i+1+end]
		s.i += end + 2
		if bytes.IndexByte(raw, '<') >= 0 {
			return nil, errNotSimple
		}
		t, ok := s.chars(raw)
		if !ok {
			return nil, errNotSimple
		}
		if give {
			s.attrs = append(s.attrs, xml.Attr{Name: xml.Name{Local: s.local(an)}, Value: s.str(t)})
		}
	}
}

func (s *scanner) endTag() (xml.Token, error) {
	s.i += 2 // </
	name, ok := s.name()
	if !ok {
		return nil, errNotSimple
	}
	s.space()
	if s.i >= len(s.b) || s.b[s.i] != '>' || len(s.open) == 0 || !bytes.Equal(s.open[len(s.open)-1], name) {
		return nil, errNotSimple
	}
	s.i++
	s.open = s.open[:len(s.open)-1]
	s.ee = xml.EndElement{Name: xml.Name{Local: s.local(name)}}
	return &s.ee, nil
}

// name reads an ASCII name with at most one colon inside it (w:t, xmlns:w, Ignorable): the
// names of Word's parts. A name of other characters is left to encoding/xml.
func (s *scanner) name() ([]byte, bool) {
	start, colons := s.i, 0
	if s.i < len(s.b) && nameChar[s.b[s.i]]&nameStart != 0 {
		s.i++
		for s.i < len(s.b) {
			c := nameChar[s.b[s.i]]
			if c == 0 {
				break
			}
			colons += int(c >> 2) // nameColon
			s.i++
		}
	}
	n := s.b[start:s.i]
	return n, len(n) > 0 && colons <= 1 && n[len(n)-1] != ':'
}

// nameChar classes the bytes of a name: a letter or _ may begin one; those, digits, - and . go
// on one; a colon goes on one and is counted (nameColon is 4: the count is the class's third bit).
var nameChar = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_':
			t[c] = nameStart | nameGoes
		case c >= '0' && c <= '9' || c == '-' || c == '.':
			t[c] = nameGoes
		case c == ':':
			t[c] = nameGoes | nameColon
		}
	}
	return t
}()

const (
	nameStart = 1 << iota
	nameGoes
	nameColon
)

func (s *scanner) space() bool {
	start := s.i
	for s.i < len(s.b) && (s.b[s.i] == ' ' || s.b[s.i] == '\t' || s.b[s.i] == '\n' || s.b[s.i] == '\r') {
		s.i++
	}
	return s.i > start
}

// local is a name's part after its prefix, as xml.Name.Local.
func (s *scanner) local(name []byte) string {
	if i := bytes.IndexByte(name, ':'); i >= 0 {
		return s.str(name[i+1:])
	}
	return s.str(name)
}

// chars is text or an attribute's value as encoding/xml gives it: each line break \r\n or \r
// made \n, then the references replaced (so &#13; would stay a \r: unescape leaves it alone).
func (s *scanner) chars(raw []byte) ([]byte, bool) {
	if bytes.IndexByte(raw, '\r') >= 0 {
		raw = bytes.ReplaceAll(bytes.ReplaceAll(raw, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
	}
	if bytes.IndexByte(raw, '&') < 0 {
		return raw, true
	}
	return s.unescape(raw)
}

// unescape replaces the named entities and character references of raw; false for any other
// & or a reference to a character XML does not allow.
func (s *scanner) unescape(raw []byte) ([]byte, bool) {
	s.text = s.text[:0]
	for {
		amp := bytes.IndexByte(raw, '&')
		if amp < 0 {
			return append(s.text, raw...), true
		}
		s.text = append(s.text, raw[:amp]...)
		semi := bytes.IndexByte(raw[amp:], ';')
		if semi < 0 {
			return nil, false
		}
		ent := string(raw[amp+1 : amp+semi])
		raw = raw[amp+semi+1:]
		switch ent {
		case "lt":
			s.text = append(s.text, '<')
		case "gt":
			s.text = append(s.text, '>')
		case "amp":
			s.text = append(s.text, '&')
		case "apos":
			s.text = append(s.text, '\'')
		case "quot":
			s.text = append(s.text, '"')
		default:
			r, ok := charRef(ent)
			if !ok {
				return nil, false
			}
			s.text = utf8.AppendRune(s.text, r)
		}
	}
}

// charRef reads #123 or #x1F, a character XML allows other than \r (which encoding/xml would
// keep, where a \r in the text it turns into \n).
func charRef(ent string) (rune, bool) {
	if len(ent) < 2 || ent[0] != '#' {
		return 0, false
	}
	digits, base := ent[1:], 10
	if digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	if digits == "" || digits[0] == '+' || digits[0] == '-' {
		return 0, false
	}
	n, err := strconv.ParseUint(digits, base, 32)
	r := rune(n)
	if err != nil || !(r == '\t' || r == '\n' || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF) {
		return 0, false
	}
	return r, true
}
