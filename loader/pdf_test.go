package loader

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"baogao/model"
)

// pdfOf writes a PDF with a text layer of a text file, as a report published as PDF would be:
// pango-view sets it in a CJK font, pdftotext reads it back.
func pdfOf(t *testing.T, txt, out string) {
	t.Helper()
	cmd := exec.Command("pango-view", "-q", "--font=WenQuanYi Micro Hei 10", "--width=480", "--wrap=char", "--output="+out, txt)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("pango-view %s: %v %s", txt, err, b)
	}
}

func needPDFTools(t *testing.T) {
	for _, tool := range []string{"pdftotext", "pango-view"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed: skipping the PDF tests (CI installs poppler-utils, pango1.0-tools and fonts-wqy-microhei)", tool)
		}
	}
	if out, _ := exec.Command("fc-list", ":lang=zh").Output(); len(out) == 0 {
		t.Skip("no Chinese font: skipping the PDF tests (CI installs fonts-wqy-microhei)")
	}
}

// what a report is, for comparing its versions: place, year, sections, targets
func shape(r model.Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %d/%d\n", r.Region, r.RegionCode, r.Year, r.ReviewYear)
	var walk func([]model.Section)
	walk = func(ss []model.Section) {
		for _, s := range ss {
			fmt.Fprintf(&b, "§%s\n", s.Title)
			walk(s.Children)
		}
	}
	walk(r.Sections)
	for _, in := range r.Targets() {
		fmt.Fprintf(&b, "%s %v %v %s %s %v\n", in.Name, num(in.Growth), num(in.Value), in.Unit, in.Qualifier, num(in.Stretch))
	}
	return b.String()
}

func num(f *float64) string {
	if f == nil {
		return "-"
	}
	return fmt.Sprint(*f)
}

// A PDF of each seed gives the same region, year, sections and targets as its text.
func TestPDFAsText(t *testing.T) {
	needPDFTools(t)
	dir := t.TempDir()
	seeds, _ := filepath.Glob("../testdata/seeds/*.txt")
	var pairs [][2]string
	for _, s := range seeds {
		if strings.Contains(s, ".gbk.") {
			continue // pango-view reads UTF-8
		}
		pdf := filepath.Join(dir, strings.TrimSuffix(filepath.Base(s), ".txt")+".pdf")
		pdfOf(t, s, pdf)
		pairs = append(pairs, [2]string{s, pdf})
	}
	for _, p := range pairs {
		txt := Load(Paths(p[0]), Options{})
		pdf := Load(Paths(p[1]), Options{})
		if len(pdf.Errors) > 0 || len(pdf.Reports) != len(txt.Reports) {
			t.Errorf("%s: %d reports from the PDF (errors %v), %d from the text", filepath.Base(p[1]), len(pdf.Reports), pdf.Errors, len(txt.Reports))
			continue
		}
		for i := range txt.Reports {
			if a, b := shape(txt.Reports[i]), shape(pdf.Reports[i]); a != b {
				t.Errorf("%s part %d differs from its text:\ntext:\n%s\npdf:\n%s", filepath.Base(p[1]), i+1, a, b)
			}
		}
	}
}

// A name that begins with - is a file, not a flag of pdftotext; a PDF without a text layer says
// so; the text read back (ReadBody) is the one loaded.
func TestPDFNamesAndBodies(t *testing.T) {
	needPDFTools(t)
	dir := t.TempDir()
	pdfOf(t, "../testdata/seeds/001_10a2659bde270cd6.txt", filepath.Join(dir, "-n.pdf"))
	wd, _ := os.Getwd()
	os.Chdir(dir)
	res := Load(Paths("-n.pdf"), Options{DropBodies: true})
	os.Chdir(wd)
	if len(res.Errors) > 0 || len(res.Reports) == 0 {
		t.Fatalf("-n.pdf: %v", res.Errors)
	}
	r := res.Reports[0]
	r.Source = filepath.Join(dir, "-n.pdf")
	body, err := ReadBody(nil, &r)
	if err != nil || len([]rune(body)) != r.Chars {
		t.Errorf("read back: %v, %d runes of %d", err, len([]rune(body)), r.Chars)
	}
	// a PDF of no text: a page of an image
	os.WriteFile(filepath.Join(dir, "scan.pdf"), []byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 100 100]/Resources<</XObject<<>>>>>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"), 0o644)
	scan := Load(Paths(filepath.Join(dir, "scan.pdf")), Options{})
	if len(scan.Errors) != 1 || !strings.Contains(scan.Errors[0].Err, "scanned PDF") {
		t.Errorf("a PDF without text: %v", scan.Errors)
	}
}

// docxOf is a Word file of text: a paragraph per line (the parse package tests the harder
// shapes of Word files).
func docxOf(t *testing.T, text string) []byte {
	var body strings.Builder
	for _, ln := range strings.Split(text, "\n") {
		body.WriteString("<w:p><w:r><w:t xml:space=\"preserve\">" + html.EscapeString(ln) + "</w:t></w:r></w:p>")
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, part := range map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
		"word/document.xml":   `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`,
	} {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(part))
	}
	zw.Close()
	return buf.Bytes()
}

// A folder mixing the .txt, .docx, .html and .pdf versions of each seed gives the same region,
// year, sections and targets for every version.
func TestMixedFormatsFolder(t *testing.T) {
	needPDFTools(t)
	dir := t.TempDir()
	seeds, _ := filepath.Glob("../testdata/seeds/*.txt")
	var names []string
	for _, s := range seeds {
		if strings.Contains(s, ".gbk.") {
			continue
		}
		b, _ := os.ReadFile(s)
		base := strings.TrimSuffix(filepath.Base(s), ".txt")
		names = append(names, base)
		os.WriteFile(filepath.Join(dir, base+".txt"), b, 0o644)
		os.WriteFile(filepath.Join(dir, base+".docx"), docxOf(t, string(b)), 0o644)
		var page strings.Builder
		page.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>政府工作报告</title></head><body><div class=\"article\">")
		for _, ln := range strings.Split(string(b), "\n") {
			page.WriteString("<p>" + html.EscapeString(ln) + "</p>\n")
		}
		page.WriteString("</div></body></html>")
		os.WriteFile(filepath.Join(dir, base+".html"), []byte(page.String()), 0o644)
		pdfOf(t, s, filepath.Join(dir, base+".pdf"))
	}
	res := Load(Paths(dir), Options{})
	if len(res.Errors) > 0 {
		t.Fatalf("errors: %v", res.Errors)
	}
	byFile := map[string][]string{}
	for _, r := range res.Reports {
		byFile[filepath.Base(r.Source)] = append(byFile[filepath.Base(r.Source)], shape(r))
	}
	for _, base := range names {
		want := strings.Join(byFile[base+".txt"], "\n")
		for _, ext := range []string{".docx", ".html", ".pdf"} {
			if got := strings.Join(byFile[base+ext], "\n"); got != want {
				t.Errorf("%s%s differs from its text:\ntext:\n%s\n%s:\n%s", base, ext, want, ext, got)
			}
		}
	}
}
