package word

import (
	"archive/zip"
	"baogao/internal/testenv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// stream is what readDocument and readStyles see of a part's tokens: each element's Local name
// and attributes, and the text, adjacent pieces joined (encoding/xml may cut text at a CDATA
// section where the scanner gives up anyway). ok is false where the scanner gave up.
func stream(d tokens) (out string, ok bool, err error) {
	var b strings.Builder
	text := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return b.String(), true, nil
		}
		if errors.Is(err, errNotSimple) {
			return "", false, nil
		}
		if err != nil {
			return "", true, err
		}
		switch t := tok.(type) {
		case *xml.StartElement:
			fmt.Fprintf(&b, "\n<%s", t.Name.Local)
			for _, a := range t.Attr {
				fmt.Fprintf(&b, " %s=%q", a.Name.Local, a.Value)
			}
			text = false
		case *xml.EndElement:
			fmt.Fprintf(&b, "\n</%s", t.Name.Local)
			text = false
		case *xml.CharData:
			if !text {
				b.WriteString("\n|")
			}
			fmt.Fprintf(&b, "%s", *t)
			text = true
		}
	}
}

// checkScanner holds the scanner to encoding/xml on one part: where it does not give up, it reads
// the tokens encoding/xml reads, and encoding/xml finds nothing wrong.
func checkScanner(t *testing.T, part string) (scanned bool) {
	t.Helper()
	sc, ok := newScanner([]byte(part))
	if !ok {
		return false
	}
	got, ok, err := stream(sc)
	if err != nil {
		t.Fatalf("%q: the scanner failed with %v", part, err)
	}
	if !ok {
		return false
	}
	want, _, err := stream(&decoded{d: xml.NewDecoder(strings.NewReader(part))})
	if err != nil {
		t.Fatalf("%q: the scanner read it, encoding/xml says %v", part, err)
	}
	if got != want {
		t.Fatalf("%q:\nscanner %s\nencoding/xml %s", part, got, want)
	}
	return true
}

// checkReaders holds each reader, given only the attributes of the elements it names
// (documentAttrs, styleAttrs), to what it reads given every attribute: they are all it reads.
func checkReaders(t *testing.T, part string) {
	t.Helper()
	scan := func(attrsOf func(string) bool) *scanner {
		sc, ok := newScanner([]byte(part))
		if !ok {
			return nil
		}
		sc.attrsOf = attrsOf
		return sc
	}
	if scan(nil) == nil {
		return
	}
	type doc struct {
		body   string
		hints  map[string]bool
		styled map[string][]string
		err    error
	}
	read := func(sc *scanner) (d doc) {
		d.body, d.hints, d.styled, d.err = readDocument(sc)
		return d
	}
	if all, some := read(scan(nil)), read(scan(documentAttrs)); !reflect.DeepEqual(all, some) {
		t.Fatalf("%q: readDocument given every attribute %+v, given documentAttrs' %+v", part, all, some)
	}
	styles := func(sc *scanner) (map[string]bool, error) {
		out := map[string]bool{}
		err := readStyles(sc, out)
		return out, err
	}
	all, err1 := styles(scan(nil))
	some, err2 := styles(scan(styleAttrs))
	if !reflect.DeepEqual(all, some) || !reflect.DeepEqual(err1, err2) {
		t.Fatalf("%q: readStyles given every attribute %v %v, given styleAttrs' %v %v", part, all, err1, some, err2)
	}
}

func FuzzScanner(f *testing.F) {
	for _, s := range []string{
		`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<w:document xmlns:w="u"><w:body><w:p><w:pPr><w:pStyle w:val="1"/></w:pPr><w:r><w:t xml:space="preserve">各位代表 &amp; &lt;同志&gt;&#20320;&#x597D;</w:t></w:r></w:p></w:body></w:document>`,
		`<a b='1'  c = "x&quot;y" >t</a >`, `<a><b/></a>`, `<a>]]></a>`, `<a>&#13;</a>`, `<a>&bogus;</a>`, `<a></b>`, `<a>`, `<!-- c --><a/>`,
		`<a><![CDATA[x]]></a>`, "<a>\r\n</a>", `<a:b:c/>`, `<a b=1/>`, `<a b="<"/>`, `<?xml version="1.1"?><a/>`, `<a b="1"c="2"/>`, `<a b="1" b="2"/>`,
	} {
		f.Add(s)
	}
	f.Add(`<w:p><w:pPr><w:pStyle w:val="2"/></w:pPr><w:r><w:br w:type="page"/><w:t>标题</w:t></w:r></w:p><w:style w:styleId="2"><w:name w:val="heading 1"/></w:style>`)
	f.Fuzz(func(t *testing.T, part string) {
		checkScanner(t, part)
		checkReaders(t, part)
	})
}

// What the scanner leaves to encoding/xml: everything Word does not write, and every error.
func TestScannerGivesUp(t *testing.T) {
	for _, part := range []string{
		`<!-- a comment --><a/>`, `<a><![CDATA[x]]></a>`, `<!DOCTYPE a><a/>`, "<a>\x01</a>", `<a>&nbsp;</a>`, `<a>&#0;</a>`,
		`<a>&#13;</a>`, `<a>&#X41;</a>`, `<a>&amp</a>`, `<a></b>`, `<a><b></a></b>`, `<a>cut`, `</a>`, `<a>]]></a>`, `<名/>`, `<a:b:c/>`, `<a:/>`,
		`<a b=1/>`, `<a b="<"/>`, `<a b/>`, `<a b="1"c="2"/>`, `<?xml version="1.0" encoding="GBK"?><a/>`, `<?xml version="1.1"?><a/>`, `<a/><?pi x?>`,
		"<a>\uffff</a>", "<a>\xff</a>", `<a/ >`, `< a/>`,
	} {
		if checkScanner(t, part) {
			t.Errorf("%q: the scanner read it", part)
		}
	}
	for _, part := range []string{`<a/>`, `<w:t xml:space="preserve"> x </w:t>`, `<a b='&lt;&#x4E00;'>&apos;&quot;</a>`, `text<a/>more`, `<a></a><b/>`, ``, "\ufeff<a/>", "<?xml version=\"1.0\"?>\r\n<a\r\nb='x\r\ry\r\n'>\r\r\n</a>"} {
		if !checkScanner(t, part) {
			t.Errorf("%q: the scanner gave it up", part)
		}
	}
}

// Every part of the real Word files beside the checkout is read by the scanner, as encoding/xml
// reads it: the scanner is what reads them, not the fallback.
func TestScannerReadsWordFiles(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/corpus/cities-2024/*.docx")
	if len(files) == 0 {
		t.Skip("no Word files beside the checkout (../shared/corpus/cities-2024)")
	}
	for _, path := range files {
		zr, err := zip.OpenReader(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			if f.Name != "word/document.xml" && f.Name != "word/styles.xml" {
				continue
			}
			b, err := inflate(f)
			if err != nil {
				t.Fatal(err)
			}
			checkReaders(t, string(b))
			if !checkScanner(t, string(b)) {
				t.Errorf("%s %s: the scanner gave it up", filepath.Base(path), f.Name)
			}
		}
		zr.Close()
	}
}

// Word files read by the scanner and by encoding/xml alone: go test -bench WordFiles ./parse/word
func BenchmarkWordFiles(b *testing.B) {
	_, data, size := testenv.CityWordFiles(b, "../..")
	for _, scan := range []bool{true, false} {
		name := map[bool]string{true: "scanner", false: "encoding-xml"}[scan]
		b.Run(name, func(b *testing.B) {
			scanParts = scan
			defer func() { scanParts = true }()
			b.SetBytes(size)
			for b.Loop() {
				for _, d := range data {
					if _, err := Text(d); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// plainByBytes is plainText as it was first written, a byte at a time.
func plainByBytes(b []byte) bool {
	if !utf8.Valid(b) {
		return false
	}
	for i, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xEF && b[i+1] == 0xBF && b[i+2] >= 0xBE {
			return false
		}
	}
	return true
}

func FuzzPlainText(f *testing.F) {
	for _, s := range []string{"", "<w:t>各位代表</w:t>", "a\x01b", "\t\n\r", "x\uFFFEy", "x\uFFFFy", "\uFFFD", "，：；（）", "\xef\xbf", "1234567\x1f", "12345678\uFFFE"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		// the same input at every place of a word, so each byte meets each lane
		for pad := range 8 {
			p := append([]byte(strings.Repeat("<", pad)), b...)
			if got, want := plainText(p), plainByBytes(p); got != want {
				t.Fatalf("%q: %v, byte by byte %v", p, got, want)
			}
		}
	})
}
