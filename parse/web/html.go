// Package web reads the article text of a saved web page (HTML, and MHTML: a page saved as one
// file) with the HTML5 parser: the page's furniture (navigation, share bars, scripts) dropped, the
// article's paragraphs kept as lines, the charset the page declares honoured.
package web

import (
	"baogao/msg"
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/encoding/htmlindex"

	"baogao/parse/text"
)

// htmlText reads a saved web page: the article's text with one line per paragraph, and the page
// heading above it. Navigation, scripts, styles, forms and footers never reach the report.
// The text is not yet judged as prose (text.Judge: parse counts it as it folds it).
func HTML(b []byte) (text.Text, error) { return htmlTextAs(b, "") }

// htmlTextAs reads a page whose charset a container (an MHTML part header) may already declare.
func htmlTextAs(b []byte, declared string) (text.Text, error) {
	d, err := decodeHTML(b, declared)
	if err != nil {
		return text.Text{}, err
	}
	doc, err := html.Parse(strings.NewReader(d.Text))
	if err != nil { // the parser recovers from any markup; only a reader error lands here
		return text.Text{}, msg.E("web.unreadable", err)
	}
	var title string
	var body *html.Node
	walk(doc, func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.Title && title == "" {
			title = collapse(textOf(n, false))
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Body && body == nil {
			body = n
		}
		return true
	})
	if body == nil {
		body = doc
	}
	count := letterCounts(body)
	pruneJunk(body, count, count[body], 0)
	article := articleNode(body, letterCounts(body))
	var sb strings.Builder
	if h := headingBefore(body, article); h != "" {
		sb.WriteString(h + "\n")
	} else if t := pageTitle(title); t != "" && !strings.Contains(textOf(article, false), t) {
		sb.WriteString(t + "\n")
	}
	render(&sb, article, false)
	d.Text = tidyLines(sb.String())
	if strings.TrimSpace(d.Text) == "" {
		return text.Text{}, msg.E("web.no-article")
	}
	return d, nil // judged as prose by the caller, which reads it whole anyway (text.Judge)
}

// decodeHTML picks the page's encoding: a BOM first, then bytes that are valid UTF-8 (whatever
// the page claims — pages re-saved by a browser keep a stale meta tag), then the charset the page
// declares, then the same detection as plain text. GBK and GB2312 pages are read as GB18030,
// which contains both.
func decodeHTML(b []byte, declared string) (text.Text, error) {
	if bytes.HasPrefix(b, []byte{0xFF, 0xFE}) || bytes.HasPrefix(b, []byte{0xFE, 0xFF}) || bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) || utf8.Valid(b) {
		return text.Decode(b)
	}
	label := declared
	if label == "" {
		label = metaCharset(b)
	}
	enc, err := htmlindex.Get(label)
	if label == "" || err != nil {
		return text.Decode(b)
	}
	name, _ := htmlindex.Name(enc)
	switch name {
	case "gbk", "gb18030", "utf-8", "windows-1252": // windows-1252 is what a missing charset defaults to
		return text.Decode(b)
	}
	return text.DecodeWith(b, enc, name)
}

// metaCharset finds <meta charset> or <meta http-equiv="Content-Type" content="…charset=…"> in
// the head, with the tokenizer rather than a pattern over markup.
func metaCharset(b []byte) string {
	z := html.NewTokenizer(bytes.NewReader(b[:min(len(b), 16<<10)]))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return ""
			case "meta":
				var charset, content string
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					switch strings.ToLower(string(k)) {
					case "charset":
						charset = string(v)
					case "content":
						content = string(v)
					}
				}
				if charset != "" {
					return strings.TrimSpace(charset)
				}
				low := strings.ToLower(content)
				if i := strings.Index(low, "charset="); i >= 0 {
					return strings.Trim(strings.TrimSpace(low[i+len("charset="):]), `"';`)
				}
			}
		}
	}
}

// maxDepth bounds how deep the reader follows nested elements. Real pages nest a few dozen
// levels; a file of a million unclosed tags would otherwise exhaust the stack.
const maxDepth = 512

// walk visits n and its descendants in document order; f returns false to skip the children.
func walk(n *html.Node, f func(*html.Node) bool) { walkDepth(n, f, 0) }

func walkDepth(n *html.Node, f func(*html.Node) bool, depth int) {
	if depth > maxDepth || !f(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkDepth(c, f, depth+1)
	}
}

// dropped elements never hold article text a reader would want.
var dropped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Head: true,
	atom.Nav: true, atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Iframe: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Input: true, atom.Object: true,
	atom.Embed: true, atom.Svg: true, atom.Canvas: true, atom.Menu: true, atom.Link: true, atom.Meta: true,
}

// junkNames are class and id words that government and news sites give their page furniture.
var junkNames = []string{"nav", "menu", "footer", "foot", "share", "bdshare", "jiathis", "fenxiang",
	"breadcrumb", "crumb", "position", "location", "sidebar", "side", "copyright", "related", "comment",
	"toolbar", "print", "login", "search", "qrcode", "ewm", "links", "friendlink", "header", "banner", "topbar"}

func isJunkName(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "id":
			for _, w := range strings.FieldsFunc(strings.ToLower(a.Val), func(r rune) bool { return !unicode.IsLetter(r) }) {
				for _, j := range junkNames {
					if w == j {
						return true
					}
				}
			}
		case "style":
			if s := strings.ReplaceAll(strings.ToLower(a.Val), " ", ""); strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		case "hidden", "aria-hidden":
			if a.Key == "hidden" || a.Val == "true" {
				return true
			}
		}
	}
	return false
}

// pruneJunk removes page furniture. A block named like furniture that holds most of the page's
// text is the article under an unlucky class name, and stays.
func pruneJunk(n *html.Node, count map[*html.Node]int, total, depth int) {
	if depth > maxDepth {
		return
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.CommentNode || c.Type == html.ElementNode && (dropped[c.DataAtom] || isJunkName(c) && count[c]*2 <= total) {
			n.RemoveChild(c)
		} else {
			pruneJunk(c, count, total, depth+1)
		}
		c = next
	}
}

// letterCounts counts the letters and digits under every node in one pass, leaving out link
// text, since menus and lists of related articles are mostly links.
func letterCounts(root *html.Node) map[*html.Node]int {
	count := map[*html.Node]int{}
	var visit func(n *html.Node, depth int) int
	visit = func(n *html.Node, depth int) int {
		k := 0
		switch {
		case depth > maxDepth, n.Type == html.ElementNode && (dropped[n.DataAtom] || n.DataAtom == atom.A):
		case n.Type == html.TextNode:
			for _, r := range n.Data {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					k++
				}
			}
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				k += visit(c, depth+1)
			}
		}
		count[n] = k
		return k
	}
	visit(root, 0)
	return count
}

// articleNode is the deepest element that still holds nearly all of the page's prose: the
// article container on a typical page, the body itself when the text is spread out.
func articleNode(body *html.Node, count map[*html.Node]int) *html.Node {
	n := body
	for depth := 0; depth < maxDepth; depth++ {
		total := count[n]
		var best *html.Node
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (best == nil || count[c] > count[best]) {
				best = c
			}
		}
		if total == 0 || best == nil || count[best]*10 < total*8 || isParagraph(best) {
			return n
		}
		n = best
	}
	return n
}

func isParagraph(n *html.Node) bool {
	switch n.DataAtom {
	case atom.P, atom.Pre, atom.Li, atom.Td, atom.Th, atom.Span, atom.Font, atom.Strong, atom.B:
		return true
	}
	return false
}

// headingBefore is the article's heading when the page puts it outside the article container:
// the last h1–h3 before it in document order.
func headingBefore(body, article *html.Node) string {
	var last string
	done := false
	walk(body, func(n *html.Node) bool {
		if done || n == article {
			done = true
			return false
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.H1, atom.H2, atom.H3:
				if t := collapse(textOf(n, false)); t != "" {
					last = t
				}
				return false
			}
		}
		return true
	})
	return last
}

// pageTitle drops the site name that follows the article's title in <title>.
func pageTitle(t string) string {
	for _, sep := range []string{"_", " - ", "－", "|", "｜", "—"} {
		if i := strings.Index(t, sep); i > 0 {
			t = t[:i]
		}
	}
	return strings.TrimSpace(t)
}

var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Tr: true, atom.Table: true,
	atom.Section: true, atom.Article: true, atom.Blockquote: true, atom.Pre: true, atom.Dd: true,
	atom.Dt: true, atom.Dl: true, atom.Center: true, atom.Hr: true, atom.Address: true, atom.Figure: true,
	atom.Figcaption: true, atom.Header: true, atom.Main: true, atom.Caption: true, atom.Tbody: true,
}

// render writes n's text: a line break around every block, a space between table cells, spaces
// collapsed as a browser would, and none where a source line break fell between two Chinese
// characters.
func render(sb *strings.Builder, n *html.Node, pre bool) { renderDepth(sb, n, pre, 0) }

func renderDepth(sb *strings.Builder, n *html.Node, pre bool, depth int) {
	if depth > maxDepth {
		return
	}
	switch n.Type {
	case html.TextNode:
		if pre {
			sb.WriteString(n.Data)
		} else {
			sb.WriteString(collapseHTMLSpace(n.Data))
		}
		return
	case html.ElementNode:
		if dropped[n.DataAtom] {
			return
		}
		switch n.DataAtom {
		case atom.Br:
			sb.WriteByte('\n')
			return
		case atom.Td, atom.Th:
			sb.WriteByte(' ')
		case atom.Img:
			return
		}
	}
	block := n.Type == html.ElementNode && blocks[n.DataAtom]
	if block {
		sb.WriteByte('\n')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		renderDepth(sb, c, pre || n.DataAtom == atom.Pre, depth+1)
	}
	if block {
		sb.WriteByte('\n')
	}
}

func textOf(n *html.Node, pre bool) string {
	var sb strings.Builder
	render(&sb, n, pre)
	return sb.String()
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

func isHTMLSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' }

func collapseHTMLSpace(s string) string {
	var sb strings.Builder
	sb.Grow(len(s))
	var prev rune
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isHTMLSpace(r) {
			sb.WriteRune(r)
			prev = r
			i += n
			continue
		}
		j, newline := i, false
		for j < len(s) && isHTMLSpace(rune(s[j])) {
			newline = newline || s[j] == '\n'
			j++
		}
		next, _ := utf8.DecodeRuneInString(s[j:])
		if !(newline && isWide(prev) && isWide(next)) {
			sb.WriteByte(' ')
		}
		i = j
	}
	return sb.String()
}

func isWide(r rune) bool {
	return r >= 0x2E80 && r <= 0x9FFF || r >= 0xFF00 && r <= 0xFFEF || r >= 0x3000 && r <= 0x303F
}

// tidyLines trims every line and drops empty ones: the page's paragraphs become lines, as in
// the scraped text the rest of the loader reads.
func tidyLines(s string) string {
	var out []string
	for _, ln := range strings.Split(s, "\n") {
		if ln = strings.TrimFunc(ln, func(r rune) bool { return isHTMLSpace(r) || r == '\u00a0' }); ln != "" {
			out = append(out, ln)
		}
	}
	return strings.Join(out, "\n")
}
