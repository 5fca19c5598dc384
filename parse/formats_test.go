package parse

import (
	"archive/zip"
	"bytes"
	"encoding/base64"
	"fmt"
	"html"
	"io"
	"mime/quotedprintable"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	xunicode "golang.org/x/text/encoding/unicode"

	"baogao/model"
	"baogao/parse/web"
	"baogao/parse/word"
)

const seedDir = "../testdata/seeds"

// leak is text that sits in page furniture, scripts and Word side parts of the fixtures: it
// must never reach a report.
const leak = "泄漏检查预期目标地区生产总值增长99%"

func seedTexts(t testing.TB) map[string]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no seeds: %v", err)
	}
	out := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// Seed 004 has characters cut in half; every other format holds whole characters only.
		out[filepath.Base(f)] = string(bytes.ToValidUTF8(b, nil))
	}
	return out
}

func encodeWith(t testing.TB, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// htmlPage wraps a report as a government site would: GBK, a menu, a breadcrumb, the title in
// an h1 outside the article, scripts and styles (one in the body), share buttons and a footer.
func htmlPage(t testing.TB, text string) []byte {
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	var title string
	for i, ln := range lines {
		if strings.TrimSpace(ln) != "" {
			title, lines = strings.TrimSpace(ln), lines[i+1:]
			break
		}
	}
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>` + html.EscapeString(title) + `_某某市人民政府门户网站</title>
<style>body{font-family:"宋体"} .x:before{content:"` + leak + `"}</style>
<script type="text/javascript">var s = "` + leak + `"; document.write("<p>` + leak + `</p>");</script>
</head><body>
<div class="top"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/x">` + leak + `</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 政府工作报告</div>
<div class="main"><h1 class="title">` + html.EscapeString(title) + `</h1>
<div class="info">发布时间：2024-01-20 来源：办公室 <span class="share">分享到：<a>微信</a><a>微博</a> ` + leak + `</span></div>
<div class="article"><div id="zoom" class="content">
`)
	for i, ln := range lines {
		if i == len(lines)/2 {
			b.WriteString("<script>window.stat('" + leak + "');</script>\n<!-- " + leak + " -->\n")
		}
		b.WriteString("<p style=\"text-indent:2em\">" + html.EscapeString(ln) + "</p>\n")
	}
	b.WriteString(`</div></div></div>
<div class="bdshare">` + leak + `</div>
<div class="footer"><p>主办：某某市人民政府办公室 ` + leak + `</p><p>版权所有 ICP备12345678号</p></div>
</body></html>`)
	return encodeWith(t, simplifiedchinese.GBK, b.String())
}

// docxFile writes a report as Word would: every line a paragraph with its text cut into several
// runs, proofing marks and bookmarks between them, the title in a heading style, a deleted
// revision, a text box with its VML fallback copy, a field code, and footnotes and comments.
func docxFile(t testing.TB, text string) []byte {
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`
	esc := func(s string) string {
		var b bytes.Buffer
		xmlEscape(&b, s)
		return b.String()
	}
	var body strings.Builder
	titled := false
	for i, ln := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		style := ""
		if !titled && strings.TrimSpace(ln) != "" {
			style, titled = `<w:pPr><w:pStyle w:val="1"/><w:jc w:val="center"/></w:pPr>`, true
		}
		body.WriteString("<w:p>" + style)
		r := []rune(ln)
		for len(r) > 0 {
			n := min(len(r), 3+i%7)
			body.WriteString(`<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">` + esc(string(r[:n])) + `</w:t></w:r><w:proofErr w:type="gramStart"/>`)
			r = r[n:]
		}
		if i == 3 {
			body.WriteString(`<w:bookmarkStart w:id="0" w:name="a"/><w:del w:id="1" w:author="x"><w:r><w:delText>` + leak + `</w:delText></w:r></w:del><w:bookmarkEnd w:id="0"/>`)
			body.WriteString(`<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE ` + leak + `</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`)
			body.WriteString(`<w:r><mc:AlternateContent><mc:Choice Requires="wps"></mc:Choice><mc:Fallback><w:pict><w:p><w:r><w:t>` + leak + `</w:t></w:r></w:p></w:pict></mc:Fallback></mc:AlternateContent></w:r>`)
		}
		body.WriteString("</w:p>\n")
	}
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
		"word/document.xml":   `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n<w:document " + ns + "><w:body>" + body.String() + `<w:sectPr/></w:body></w:document>`,
		"word/styles.xml":     `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + ns + `><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style><w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style></w:styles>`,
		"word/footnotes.xml":  `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ` + ns + `><w:footnote w:id="1"><w:p><w:r><w:t>` + leak + `</w:t></w:r></w:p></w:footnote></w:footnotes>`,
		"word/comments.xml":   `<?xml version="1.0" encoding="UTF-8"?><w:comments ` + ns + `><w:comment w:id="0"><w:p><w:r><w:t>` + leak + `</w:t></w:r></w:p></w:comment></w:comments>`,
	}
	return zipOf(t, parts)
}

func xmlEscape(b *bytes.Buffer, s string) {
	s = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
	b.WriteString(s)
}

func zipOf(t testing.TB, parts map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "word/document.xml", "word/styles.xml", "word/footnotes.xml", "word/comments.xml"} {
		if _, ok := parts[name]; !ok {
			continue
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(parts[name]))
	}
	for name, p := range parts {
		if !strings.HasPrefix(name, "word/") && name != "[Content_Types].xml" {
			w, _ := zw.Create(name)
			w.Write([]byte(p))
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// essence is what must not depend on the format a report came in.
type essence struct {
	Region   string
	Level    string
	Year     int
	Sections []string
	Targets  []string
}

func essenceOf(r model.Report) essence {
	e := essence{Region: r.Region, Level: r.Level, Year: r.Year}
	var secs func([]model.Section)
	secs = func(ss []model.Section) {
		for _, s := range ss {
			e.Sections = append(e.Sections, fmt.Sprintf("%d %s", s.Level, s.Title))
			secs(s.Children)
		}
	}
	secs(r.Sections)
	for _, in := range r.Targets() {
		e.Targets = append(e.Targets, fmt.Sprintf("%s %s %s %v %v", in.Name, in.Figure(), in.Qualifier, in.Kind, in.Text))
	}
	return e
}

// A GBK file within the size limit whose text is past it once decoded (two bytes a character
// become three) is refused as too much text, as a Word file that unpacks past it is.
func TestDecodedPastTheLimit(t *testing.T) {
	line := strings.Repeat("全市地区生产总值增长百分之六，规上工业增加值增长七", 40) + "。\n"
	text := strings.Repeat(line, (MaxFileSize+MaxFileSize/8)/len(line)) // 18 MB decoded, 12 MB of GBK
	b := encodeWith(t, simplifiedchinese.GB18030, text)
	if len(b) > MaxFileSize {
		t.Fatalf("the file is %d bytes, past the limit itself", len(b))
	}
	if _, err := Parse("big.gbk.txt", b); err == nil || !strings.Contains(err.Error(), "MB") {
		t.Fatalf("%d bytes of GBK (%d of text): %v, want the too-much-text error", len(b), len(text), err)
	}
}

// Parse keeps nothing of the bytes it is given, in any format: the loader reads every file into
// one buffer per worker and overwrites it with the next file.
func TestParseKeepsNoBytes(t *testing.T) {
	for name, text := range seedTexts(t) {
		for v, b := range map[string][]byte{
			"utf8.txt": []byte(text), "gb18030.txt": encodeWith(t, simplifiedchinese.GB18030, text), "cut.txt": []byte(text + "\xe5\xa2"),
			"utf16le.txt": encodeWith(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), text), "gbk.html": htmlPage(t, text),
			"word.docx": docxFile(t, text), "ie.mht": mhtmlFile(t, htmlPage(t, text), "gb2312", "base64"),
		} {
			file := strings.TrimSuffix(name, ".txt") + "." + v
			want, werr := Parse(file, slices.Clone(b))
			got, err := Parse(file, b)
			for i := range b {
				b[i] = 'x'
			}
			if fmt.Sprint(err) != fmt.Sprint(werr) || !reflect.DeepEqual(got, want) {
				t.Errorf("%s: the reports changed with the bytes they were parsed from", file)
			}
		}
	}
}

// The same report as UTF-8, GB18030, UTF-16 (both byte orders), a GBK web page and a Word file
// gives the same region, year, sections and targets; nothing from scripts, menus, footers,
// footnotes, comments or deleted revisions reaches the report.
func TestFormatsAgree(t *testing.T) {
	for name, text := range seedTexts(t) {
		want, err := Parse(name, []byte(text))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		variants := map[string][]byte{
			"gb18030.txt":  encodeWith(t, simplifiedchinese.GB18030, text),
			"utf16le.txt":  encodeWith(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), text),
			"utf16be.txt":  encodeWith(t, xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM), text),
			"gbk.html":     htmlPage(t, text),
			"page.txt":     htmlPage(t, text), // a web page saved under a text name
			"word.docx":    docxFile(t, text),
			"renamed.txt":  docxFile(t, text), // a Word file whose name lost its extension
			"blink.mhtml":  mhtmlFile(t, htmlPage(t, text), "", "quoted-printable"),
			"ie.mht":       mhtmlFile(t, htmlPage(t, text), "gb2312", "base64"),
			"utf8bom.html": append([]byte{0xEF, 0xBB, 0xBF}, []byte(strings.Replace(string(mustDecodeGBK(t, htmlPage(t, text))), "gb2312", "utf-8", 1))...),
		}
		for v, b := range variants {
			got, err := Parse(strings.TrimSuffix(name, ".txt")+"."+v, b)
			if err != nil {
				t.Errorf("%s as %s: %v", name, v, err)
				continue
			}
			if len(got) != len(want) {
				t.Errorf("%s as %s: %d reports, want %d", name, v, len(got), len(want))
				continue
			}
			wantFrom := map[string]string{"html": "web page", "mht": "web page", "mhtml": "web page", "page.txt": "web page", "docx": "Word", "renamed.txt": "Word"}
			for i := range want {
				checkReport(t, got[i])
				for suffix, from := range wantFrom {
					if strings.HasSuffix(v, suffix) && !strings.Contains(strings.Join(got[i].Warnings, ";"), "read from "+from) && !strings.Contains(strings.Join(got[i].Warnings, ";"), "read from a "+from) {
						t.Errorf("%s as %s: not read as %s: %v", name, v, from, got[i].Warnings)
					}
				}
				if g, w := essenceOf(got[i]), essenceOf(want[i]); !reflect.DeepEqual(g, w) {
					t.Errorf("%s as %s, report %d differs:\n got  %+v\n want %+v", name, v, i+1, g, w)
				}
				if strings.Contains(got[i].Body, "泄漏检查") || strings.Contains(got[i].Title, "泄漏检查") {
					t.Errorf("%s as %s: hidden text leaked into the report", name, v)
				}
			}
		}
	}
}

// mhtmlFile saves a page as one file, as Chrome (quoted-printable, charset in the page) or
// Internet Explorer (charset in the part header) do, with an image part after it.
func mhtmlFile(t testing.TB, page []byte, charset, transfer string) []byte {
	var b bytes.Buffer
	b.WriteString("From: <Saved by Blink>\r\nSubject: =?utf-8?Q?report?=\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc----\"\r\n\r\n")
	b.WriteString("------MultipartBoundary--abc----\r\nContent-Type: text/html")
	if charset != "" {
		b.WriteString("; charset=\"" + charset + "\"")
	}
	b.WriteString("\r\nContent-Transfer-Encoding: " + transfer + "\r\nContent-Location: http://www.example.gov.cn/a.html\r\n\r\n")
	if transfer == "base64" {
		enc := base64.StdEncoding.EncodeToString(page)
		for len(enc) > 76 {
			b.WriteString(enc[:76] + "\r\n")
			enc = enc[76:]
		}
		b.WriteString(enc + "\r\n")
	} else {
		w := quotedprintable.NewWriter(&b)
		w.Write(page)
		w.Close()
		b.WriteString("\r\n")
	}
	b.WriteString("------MultipartBoundary--abc----\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n------MultipartBoundary--abc------\r\n")
	return b.Bytes()
}

func mustDecodeGBK(t testing.TB, b []byte) []byte {
	out, err := simplifiedchinese.GBK.NewDecoder().Bytes(b)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func docxOf(t testing.TB, document, styles string) []byte {
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	parts := map[string]string{"word/document.xml": `<?xml version="1.0"?><w:document ` + ns + `><w:body>` + document + `</w:body></w:document>`}
	if styles != "" {
		parts["word/styles.xml"] = `<?xml version="1.0"?><w:styles ` + ns + `>` + styles + `</w:styles>`
	}
	return zipOf(t, parts)
}

func para(style, text string) string {
	if style != "" {
		style = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return `<w:p>` + style + `<w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

// Word heading styles count as part headings even without the words reports usually use, and a
// table row reads as one line.
func TestDocxHeadingsAndTables(t *testing.T) {
	long := strings.Repeat("我们坚持稳中求进工作总基调，统筹发展和安全，经济运行总体平稳。", 3)
	doc := para("Title", "高阳县2024年政府工作报告") + para("", "各位代表：") + para("", long) +
		para("2", "阔步迈上新征程") + para("", long) + para("", "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。") +
		para("2", "踔厉奋发开新局") + para("", long) +
		`<w:tbl><w:tr><w:tc>` + para("", "指标") + `</w:tc><w:tc>` + para("", "目标") + `</w:tc></w:tr>` +
		`<w:tr><w:tc>` + para("", "一般公共预算收入") + `</w:tc><w:tc>` + para("", "增长5%") + `</w:tc></w:tr></w:tbl>`
	styles := `<w:style w:styleId="Title"><w:name w:val="Title"/></w:style><w:style w:styleId="2"><w:name w:val="标题 1"/></w:style>`
	reps, err := Parse("x.docx", docxOf(t, doc, styles))
	if err != nil {
		t.Fatal(err)
	}
	r := reps[0]
	var titles []string
	for _, s := range r.Sections {
		titles = append(titles, s.Title)
	}
	if want := []string{"阔步迈上新征程", "踔厉奋发开新局"}; !reflect.DeepEqual(titles, want) {
		t.Errorf("sections %q, want %q", titles, want)
	}
	if !strings.Contains(r.Body, "指标 目标\n一般公共预算收入 增长5%") {
		t.Errorf("table rows not one line each:\n%s", r.Body)
	}
	if r.Region != "高阳县" || r.Year != 2024 {
		t.Errorf("region %q year %d", r.Region, r.Year)
	}
	// Without the styles the same lines are not headings: the hint comes from Word, not the words.
	reps, _ = Parse("x.docx", docxOf(t, doc, ""))
	if len(reps[0].Sections) != 0 {
		t.Errorf("unstyled: sections %v", reps[0].Sections)
	}
}

// Formats baogao cannot read get one line saying what the file is and what to do; the rest of
// the folder loads.
func TestUnsupportedFormats(t *testing.T) {
	ole := append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 600)...)
	word := append(append([]byte{}, ole...), utf16le("WordDocument")...)
	xlsx := zipOf(t, map[string]string{"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"})
	odt := zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.text"})
	plainZip := zipOf(t, map[string]string{"报告.txt": "各位代表"})
	textPDF := []byte("%PDF-1.7\n1 0 obj << /Type /Page /Resources << /Font << /F1 2 0 R >> >> >>\nendobj\n%%EOF")
	scanPDF := []byte("%PDF-1.4\n1 0 obj << /Type /XObject /Subtype /Image /Filter /DCTDecode >>\nstream\n\xFF\xD8\xFF\xE0garbage\nendstream\nendobj\n%%EOF")
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"old.doc", word, "unsupported format: legacy Word document (.doc); save it as .docx"},
		{"report.wps", ole, "unsupported format: WPS Office document (.wps)"},
		{"report.xls", ole, "legacy Excel workbook"},
		{"scan.png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "unsupported format: image (PNG)"},
		{"scan.jpg", []byte("\xFF\xD8\xFF\xE0\x00\x10JFIF"), "unsupported format: image (JPEG)"},
		{"photo.txt", []byte("\xFF\xD8\xFF\xE0\x00\x10JFIF"), "unsupported format: image (JPEG)"},
		{"reports.zip", plainZip, "unsupported format: zip archive; unpack it"},
		{"reports.rar", []byte("Rar!\x1A\x07\x01\x00"), "unsupported format: RAR archive; unpack it"},
		{"reports.7z", []byte("7z\xBC\xAF\x27\x1C\x00\x04"), "unsupported format: 7-Zip archive"},
		{"reports.tar.gz", []byte("\x1F\x8B\x08\x00\x00\x00"), "unsupported format: gzip archive"},
		{"table.xlsx", xlsx, "unsupported format: Excel workbook (.xlsx)"},
		{"report.odt", odt, "unsupported format: OpenDocument file"},
		{"report.rtf", []byte(`{\rtf1\ansi 政府工作报告}`), "unsupported format: RTF document"},
		{"report.pdf", textPDF, "reading a PDF needs pdftotext: install poppler-utils"},
		{"scan.pdf", scanPDF, "scanned PDF (pages are images, no text layer)"},
		{"broken.docx", []byte("PK\x03\x04broken"), "damaged zip file"},
		{"nodoc.docx", zipOf(t, map[string]string{"word/styles.xml": "<x/>"}), "unsupported format: zip archive"},
		{"empty.docx", docxOf(t, "<w:p/>", ""), "Word file has no text"},
		{"bad.docx", docxOf(t, "<w:p><w:r><w:t>各位代表</w:p>", ""), "damaged Word file (word/document.xml:"},
		{"empty.html", []byte("<html><body><script>var a='预期目标';</script><div class='nav'><a>首页</a></div></body></html>"), "web page has no article text"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.name, tt.data)
		if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %v, want one line containing %q", tt.name, err, tt.want)
		}
	}
}

// A zip entry that inflates past the limit is refused, also when its header claims to be small.
func TestDocxZipBomb(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateHeader(&zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>`))
	chunk := bytes.Repeat([]byte("增长"), 1<<16)
	for n := 0; n <= word.MaxXMLSize; n += len(chunk) {
		w.Write(chunk)
	}
	w.Write([]byte(`</w:t></w:r></w:p></w:body></w:document>`))
	zw.Close()
	b := buf.Bytes()
	if len(b) > MaxFileSize {
		t.Fatalf("bomb is %d bytes; it must fit under the file limit to test the inflate limit", len(b))
	}
	if _, err := Parse("bomb.docx", b); err == nil || !strings.Contains(err.Error(), "size limit") {
		t.Errorf("honest header: %v", err)
	}
	// Make the central directory claim 1 KB: the reader must still stop at the limit.
	zr, _ := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	f := zr.File[0]
	var lied bytes.Buffer
	zw = zip.NewWriter(&lied)
	raw, _ := f.OpenRaw()
	hdr := f.FileHeader
	hdr.UncompressedSize64 = 1024
	w, err = zw.CreateRaw(&hdr)
	if err != nil {
		t.Fatal(err)
	}
	io.Copy(w, raw)
	zw.Close()
	// archive/zip itself refuses to inflate past the declared size, so here the message is the zip's.
	if _, err := Parse("bomb.docx", lied.Bytes()); err == nil || !strings.Contains(err.Error(), "damaged Word file") {
		t.Errorf("lying header: %v", err)
	}
}

// The page's encoding: a stale meta tag on a page saved as UTF-8 does not win over the bytes;
// a GBK page without any declaration is still read.
func TestHTMLEncodings(t *testing.T) {
	body := "<p>各位代表：今年主要预期目标是地区生产总值增长6%左右。</p>"
	tests := []struct {
		name string
		data []byte
	}{
		{"utf8, meta says gb2312", []byte(`<html><head><meta charset="gb2312"></head><body>` + body + `</body></html>`)},
		{"gbk, meta charset", encodeWith(t, simplifiedchinese.GBK, `<html><head><meta charset="GBK"></head><body>`+body+`</body></html>`)},
		{"gbk, no declaration", encodeWith(t, simplifiedchinese.GBK, `<html><body>`+body+`</body></html>`)},
		{"utf-16", encodeWith(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), `<html><body>`+body+`</body></html>`)},
	}
	for _, tt := range tests {
		d, err := web.HTML(tt.data)
		if err != nil || !strings.Contains(d.Text, "地区生产总值增长6%左右") {
			t.Errorf("%s: %q, %v", tt.name, d.Text, err)
		}
	}
}

// Markup rules: paragraphs and <br> break lines, cells of a row share a line, a line break in the
// source between two Chinese characters is not a space, hidden blocks are dropped.
func TestHTMLText(t *testing.T) {
	page := `<html><body><div class="content">
<p>一、2023年工作回顾</p><p>全年地区生产总值
增长5.2%，<b>高于</b>预期。<br>第二行</p>
<table><tr><td>指标</td><td>目标</td></tr></table>
<div style="display: none">隐藏内容</div><pre>保留
换行</pre>
</div></body></html>`
	d, err := web.HTML([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	want := "一、2023年工作回顾\n全年地区生产总值增长5.2%，高于预期。\n第二行\n指标 目标\n保留\n换行"
	if d.Text != want {
		t.Errorf("got\n%s\nwant\n%s", d.Text, want)
	}
}

func FuzzHTML(f *testing.F) {
	for _, text := range seedTexts(f) {
		f.Add(htmlPage(f, string([]rune(text)[:1000])))
	}
	f.Add([]byte(strings.Repeat("<div>", 5000) + "各位代表"))
	f.Add([]byte(`<meta charset="big5"><p>\xa4\xa4</p>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := web.HTML(b)
		if err == nil && !utf8.ValidString(d.Text) {
			t.Errorf("invalid UTF-8 out")
		}
		Parse("fuzz.html", b)
	})
}

func FuzzDOCX(f *testing.F) {
	f.Add(`<w:p><w:r><w:t>各位代表：今年目标增长6%。</w:t></w:r></w:p>`)
	f.Add(`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:pPr><w:pStyle w:val="1"/></w:pPr></w:p>`)
	f.Add(`<mc:Fallback><w:t>x</w:t><w:p></w:p></mc:Fallback></w:tbl></w:tr><w:t>`)
	f.Fuzz(func(t *testing.T, document string) {
		b := docxOf(t, document, `<w:style w:styleId="1"><w:name w:val="heading 1"/></w:style>`)
		d, err := word.Text(b)
		if err == nil && !utf8.ValidString(d.Text) {
			t.Errorf("invalid UTF-8 out")
		}
		Parse("fuzz.docx", b)
	})
}

// The text of a web page or a Word file is judged as prose as parse folds it (the readers leave
// it to parse): private-use characters, what a font's glyphs become when the text is copied out,
// are refused as binary whatever the format, and the same text with a few of them is read.
func TestMarkupJudged(t *testing.T) {
	prose := strings.Repeat("各位代表：今年主要预期目标是地区生产总值增长6%左右。", 20)
	junk := strings.Repeat("\ue000\ue001\ue002", 200)
	for _, c := range []struct {
		name, text string
		refused    bool
	}{{"prose", prose + "\ue000", false}, {"private use", prose[:60] + junk, true}} {
		for _, f := range []struct {
			file string
			data []byte
		}{
			{"x.docx", docxOf(t, para("", c.text), "")},
			{"x.html", []byte("<html><body><p>" + c.text + "</p></body></html>")},
		} {
			_, err := Parse(f.file, f.data)
			if refused := err != nil && strings.Contains(err.Error(), "binary"); refused != c.refused {
				t.Errorf("%s %s: err %v, want refused %v", c.name, f.file, err, c.refused)
			}
		}
	}
}

// Text unpacked from a Word file meets the same limit as a text file on disk.
func TestDocxTextLimit(t *testing.T) {
	big := strings.Repeat("地区生产总值增长6%，", MaxFileSize/len("地区生产总值增长6%，")+100)
	_, err := Parse("big.docx", docxOf(t, para("", big), ""))
	if err == nil || !strings.Contains(err.Error(), "the limit is 16 MB") {
		t.Errorf("a Word paragraph past the text limit: err %v", err)
	}
}
