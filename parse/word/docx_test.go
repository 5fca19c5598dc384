package word

import (
	"archive/zip"
	"bytes"
	"maps"
	"slices"
	"strings"
	"testing"
)

// docx is a Word file of the given parts, each the body of its root element.
func docx(t *testing.T, document, styles string) []byte {
	t.Helper()
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	parts := [][2]string{{"word/document.xml", `<?xml version="1.0"?><w:document ` + ns + `><w:body>` + document + `</w:body></w:document>`}}
	if styles != "" {
		parts = append(parts, [2]string{"word/styles.xml", styles})
	}
	for _, p := range parts {
		w, err := zw.Create(p[0])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(p[1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func styledPara(style, outline, text string) string {
	ppr := ""
	if style != "" {
		ppr += `<w:pStyle w:val="` + style + `"/>`
	}
	if outline != "" {
		ppr += `<w:outlineLvl w:val="` + outline + `"/>`
	}
	return `<w:p><w:pPr>` + ppr + `</w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

// A paragraph is a heading by its outline level, or by a style styles.xml says is a heading;
// styles.xml is read only when a paragraph names a style, so a damaged one that no paragraph
// needs does not keep the document from being read.
func TestHeadingStyles(t *testing.T) {
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	styles := `<?xml version="1.0"?><w:styles ` + ns + `>` +
		`<w:style w:styleId="1"><w:name w:val="heading 1"/></w:style>` +
		`<w:style w:styleId="a3"><w:name w:val="Normal (Web)"/></w:style>` +
		`<w:style w:styleId="x"><w:name w:val="Body"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>`
	doc := styledPara("1", "", "一、工作回顾") + styledPara("a3", "", "各位代表：") + styledPara("x", "", "二、目标任务") +
		styledPara("", "1", "三、政府建设") + styledPara("", "", "今年的主要预期目标是：") + styledPara("a3", "", "") +
		styledPara("nowhere", "", "谢谢大家")
	for _, c := range []struct {
		name, doc, styles string
		want              []string // the hints; nil: an error
	}{
		{"styles named", doc, styles, []string{"一、工作回顾", "三、政府建设", "二、目标任务"}},
		{"no styles part", doc, "", []string{"三、政府建设"}},
		{"damaged styles, named", doc, "<w:styles", nil},
		{"damaged styles, none named", styledPara("", "1", "三、政府建设") + styledPara("", "", "各位代表："), "<w:styles", []string{"三、政府建设"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := Text(docx(t, c.doc, c.styles))
			if c.want == nil {
				if err == nil || !strings.Contains(err.Error(), "word/styles.xml") {
					t.Fatalf("error %v, want one naming word/styles.xml", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := slices.Sorted(maps.Keys(d.Headings))
			if want := slices.Sorted(slices.Values(c.want)); !slices.Equal(got, want) {
				t.Errorf("headings %q, want %q", got, want)
			}
		})
	}
}
