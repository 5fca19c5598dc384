package parse

import (
	"archive/zip"
	"baogao/msg"
	"bytes"
	"path"
	"strings"

	"baogao/parse/text"
	"baogao/parse/word"
)

// format is what a file holds, judged by its bytes: a report saved as a .txt may be a web page,
// and a .docx renamed by a mail client is still a zip of XML.
type format int

const (
	fmtText format = iota
	fmtHTML
	fmtMHTML
	fmtDOCX
	fmtPDF
	fmtUnsupported
)

// sniffed is a file's format and, for the ones we refuse, the one-line reason a user reads.
type sniffed struct {
	format format
	why    string
}

var magic = []struct {
	prefix  string
	why     string
	archive bool // unpacking it is the advice
}{
	{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "", false}, // OLE compound file; named by olekind below
	{"\x89PNG\r\n\x1a\n", msg.EN.T("format.png"), false},
	{"\xFF\xD8\xFF", msg.EN.T("format.jpeg"), false},
	{"GIF87a", msg.EN.T("format.gif"), false},
	{"GIF89a", msg.EN.T("format.gif"), false},
	{"II*\x00", msg.EN.T("format.tiff"), false},
	{"MM\x00*", msg.EN.T("format.tiff"), false},
	{"Rar!\x1A\x07", msg.EN.T("format.rar"), true},
	{"7z\xBC\xAF\x27\x1C", msg.EN.T("format.7z"), true},
	{"\x1F\x8B", msg.EN.T("format.gzip"), true},
	{"BZh", msg.EN.T("format.bzip2"), true},
	{"\xFD7zXZ\x00", msg.EN.T("format.xz"), true},
	{"{\\rtf", msg.EN.T("format.rtf"), false},
}

func sniff(name string, b []byte) sniffed {
	ext := strings.ToLower(path.Ext(name))
	head := b[:min(len(b), 1024)]
	for _, m := range magic {
		if !bytes.HasPrefix(b, []byte(m.prefix)) {
			continue
		}
		why := m.why
		if why == "" {
			why = oleKind(b, ext)
		}
		// every refusal ends with what the user can do about it
		if m.archive {
			return sniffed{fmtUnsupported, msg.EN.T("parse.unsupported-archive", why)}
		}
		return sniffed{fmtUnsupported, msg.EN.T("parse.unsupported", why)}
	}
	if len(b) > 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP" {
		return sniffed{fmtUnsupported, msg.EN.T("parse.unsupported", msg.EN.T("format.webp"))}
	}
	if len(b) > 262 && string(b[257:262]) == "ustar" {
		return sniffed{fmtUnsupported, msg.EN.T("parse.unsupported-archive", msg.EN.T("format.tar"))}
	}
	if bytes.Contains(head, []byte("%PDF-")) {
		return sniffed{format: fmtPDF}
	}
	if bytes.HasPrefix(b, []byte("PK\x03\x04")) || bytes.HasPrefix(b, []byte("PK\x05\x06")) {
		return sniffZip(b)
	}
	if looksMHTML(head) {
		return sniffed{format: fmtMHTML}
	}
	if looksHTML(b, ext) {
		return sniffed{format: fmtHTML}
	}
	return sniffed{format: fmtText}
}

// oleKind names an OLE compound file, the container of legacy Office and WPS documents.
func oleKind(b []byte, ext string) string {
	switch {
	case ext == ".wps" || ext == ".et" || ext == ".dps":
		return msg.EN.T("format.wps", ext)
	case ext == ".xls" || bytes.Contains(b, utf16le("Workbook")):
		return msg.EN.T("format.xls")
	case ext == ".ppt" || bytes.Contains(b, utf16le("PowerPoint Document")):
		return msg.EN.T("format.ppt")
	case bytes.Contains(b, utf16le("WordDocument")):
		return msg.EN.T("format.doc")
	}
	return msg.EN.T("format.ole")
}

func utf16le(s string) []byte {
	out := make([]byte, 0, 2*len(s))
	for i := 0; i < len(s); i++ {
		out = append(out, s[i], 0)
	}
	return out
}

// sniffZip tells a Word document from the other zip-based formats by the names inside.
func sniffZip(b []byte) sniffed {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return sniffed{fmtUnsupported, msg.EN.T("parse.damaged-zip", word.ZipReason(err))}
	}
	why := msg.EN.T("parse.unsupported-archive", msg.EN.T("format.zip"))
	for _, f := range zr.File {
		switch {
		case f.Name == "word/document.xml":
			return sniffed{format: fmtDOCX}
		case strings.HasPrefix(f.Name, "xl/"):
			why = msg.EN.T("parse.unsupported", msg.EN.T("format.xlsx"))
		case strings.HasPrefix(f.Name, "ppt/"):
			why = msg.EN.T("parse.unsupported", msg.EN.T("format.pptx"))
		case f.Name == "mimetype" && strings.HasPrefix(readSmall(f), "application/vnd.oasis.opendocument"):
			why = msg.EN.T("parse.unsupported", msg.EN.T("format.odt"))
		}
	}
	return sniffed{fmtUnsupported, why}
}

func readSmall(f *zip.File) string {
	if f.UncompressedSize64 > 200 {
		return ""
	}
	rc, err := f.Open()
	if err != nil {
		return ""
	}
	defer rc.Close()
	var buf bytes.Buffer
	buf.ReadFrom(&text.LimitedReader{R: rc, N: 200})
	return buf.String()
}

// looksMHTML: a mail-style header block that announces a web page.
func looksMHTML(head []byte) bool {
	head = bytes.TrimLeft(head, " \t\r\n")
	if len(head) == 0 || !strings.ContainsRune("fFmMcC", rune(head[0])) {
		return false // none of the three header names: lowering the head would decode a report's text
	}
	low := bytes.ToLower(head)
	if !bytes.HasPrefix(low, []byte("from:")) && !bytes.HasPrefix(low, []byte("mime-version:")) && !bytes.HasPrefix(low, []byte("content-type:")) {
		return false
	}
	return bytes.Contains(low, []byte("multipart/related")) || bytes.Contains(low, []byte("content-type: text/html"))
}

// looksHTML: markup first (after a BOM and blank space), or an HTML name with markup early on.
// A report that merely quotes "<" somewhere stays text.
func looksHTML(b []byte, ext string) bool {
	head := b[:min(len(b), 4096)]
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		head = []byte(asciiOfUTF16(head[2:]))
	}
	head = bytes.TrimLeft(head, " \t\r\n")
	htmlName := ext == ".html" || ext == ".htm" || ext == ".shtml" || ext == ".xhtml"
	if !htmlName && (len(head) == 0 || head[0] != '<') {
		return false // every test below but the name's wants markup first
	}
	// tags are ASCII: lowering the ASCII letters alone is enough, and bytes.ToLower of a Chinese
	// page decodes every character of it
	low := make([]byte, len(head))
	for i, c := range head {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	tags := [][]byte{[]byte("<!doctype html"), []byte("<html"), []byte("<head"), []byte("<body"), []byte("<meta"), []byte("<title")}
	for _, t := range tags {
		if bytes.HasPrefix(low, t) || bytes.HasPrefix(low, []byte("<!--")) && bytes.Contains(low, t) || bytes.HasPrefix(low, []byte("<?xml")) && bytes.Contains(low, t) {
			return true
		}
	}
	if htmlName {
		for _, t := range append(tags, []byte("<div"), []byte("<p")) {
			if bytes.Contains(low, t) {
				return true
			}
		}
	}
	return false
}

// asciiOfUTF16 keeps the low bytes of UTF-16 code units that are ASCII, enough to see tags.
func asciiOfUTF16(b []byte) string {
	var sb strings.Builder
	for i := 0; i+1 < len(b); i += 2 {
		lo, hi := b[i], b[i+1]
		if hi == 0 && lo < 0x80 {
			sb.WriteByte(lo)
		} else if lo == 0 && hi < 0x80 { // big-endian
			sb.WriteByte(hi)
		}
	}
	return sb.String()
}
