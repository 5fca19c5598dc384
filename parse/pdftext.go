package parse

import (
	"baogao/parse/rx"
	"strings"

	"baogao/model"
	"baogao/msg"
	"baogao/parse/runes"
	"baogao/parse/text"
)

// IsPDF says the bytes are a PDF (the loader then asks pdftotext for its text, when it can).
func IsPDF(name string, b []byte) bool { return sniff(name, b).format == fmtPDF }

// PDFText parses the text pdftotext gave for a PDF file: its pages (parted by form feeds) lose
// their furniture — page numbers (— 9 —, -3-, 第3页), and a running header or footer that
// repeats at the top or the bottom of pages — then the text goes through the pipeline of every
// text (lines the page layout broke are joined there).
func PDFText(name, s string) ([]model.Report, error) {
	d, err := text.Check(text.Text{Text: joinWrapped(runes.Valid(stripPageFurniture(s))), Encoding: "utf-8"})
	if err != nil {
		return nil, err
	}
	d.From = msg.EN.T("from.pdf")
	return parseText(name, d, nil, "")
}

// joinWrapped joins the lines a PDF's page width broke: a line nine tenths as wide as the widest
// of the text or more (digits and Latin letters are narrower than half a character; a character
// a line may not begin with moves down) that does not end
// a sentence goes on in the next line, with nothing between — the break fell inside a word or a
// number (城镇居⏎民人均可支配收入, 达到2⏎8.8亿元). Widths are display cells, as the page set them.
func joinWrapped(s string) string {
	lines := strings.Split(s, "\n")
	cells := func(l string) int {
		n := 0
		for _, r := range l {
			if r >= 0x1100 {
				n += 2
			} else {
				n++
			}
		}
		return n
	}
	widest := 0
	for _, l := range lines {
		widest = max(widest, cells(strings.TrimSpace(l)))
	}
	if widest < 40 {
		return s
	}
	var b strings.Builder
	for i, l := range lines {
		b.WriteString(l)
		if i == len(lines)-1 {
			break
		}
		t := strings.TrimSpace(l)
		next := strings.TrimSpace(lines[i+1])
		if t != "" && next != "" && cells(t)*10 >= widest*9 && !strings.ContainsAny(lastRune(t), "。！？；：!?;:") {
			continue // the same paragraph goes on
		}
		b.WriteString("\n")
	}
	return b.String()
}

func lastRune(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return ""
	}
	return string(r[len(r)-1])
}

// pageNumberLine is a line that is only a page number, as PDFs print them.
var pageNumberLine = rx.MustCompile(`^[\s—–\-－·]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*/\s*\d{1,4})?[\s—–\-－·]*$`)

func stripPageFurniture(s string) string {
	pages := strings.Split(s, "\f")
	if len(pages) == 1 {
		return s
	}
	lines := make([][]string, len(pages))
	for i, p := range pages {
		lines[i] = strings.Split(p, "\n")
	}
	// edge is the first (or last) line of a page that is not blank
	edge := func(ls []string, last bool) (int, string) {
		for k := range ls {
			j := k
			if last {
				j = len(ls) - 1 - k
			}
			if t := strings.TrimSpace(ls[j]); t != "" {
				return j, t
			}
		}
		return -1, ""
	}
	numbers := func() {
		for _, ls := range lines {
			for _, last := range []bool{false, true} {
				for j, t := edge(ls, last); j >= 0 && pageNumberLine.MatchString(t); j, t = edge(ls, last) {
					ls[j] = ""
				}
			}
		}
	}
	numbers()
	// a line that opens (or closes) at least two pages, and half of them, is a running header
	// (or footer); page numbers may stand beside it
	for _, last := range []bool{false, true} {
		count := map[string]int{}
		for _, ls := range lines {
			if _, t := edge(ls, last); t != "" {
				count[t]++
			}
		}
		for _, ls := range lines {
			if j, t := edge(ls, last); j >= 0 && count[t] >= 2 && count[t]*2 >= len(pages) {
				ls[j] = ""
			}
		}
	}
	numbers()
	var b strings.Builder
	for i, ls := range lines {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(strings.Join(ls, "\n"))
	}
	return b.String()
}
