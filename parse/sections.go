package parse

import (
	"baogao/parse/runes"
	"baogao/parse/rx"
	"sort"
	"strings"
	"unicode/utf8"

	"baogao/model"
)

const cnNum = `[一二三四五六七八九十]{1,3}`

// The three ways a heading is numbered: 一、 or 第一部分, （一）, 一是. The patterns say what each
// is; the parser reads them by hand (ordinal), and a test holds each reading to its pattern.
var (
	numberedHeading = rx.MustCompile(`^第?(` + cnNum + `)(?:、|部分\s?)`)
	parenHeading    = rx.MustCompile(`^[(（](` + cnNum + `)[)）]`)
	shiHeading      = rx.MustCompile(`^(` + cnNum + `)是`)

	numbered = ordinal{open: []string{"第"}, optional: true, close: []string{"、", "部分"}}
	paren    = ordinal{open: []string{"(", "（"}, close: []string{")", "）"}}
	shi      = ordinal{close: []string{"是"}}
)

// ordinal is a heading's number as one of those patterns reads it, without the engine: one of
// open (or none, where it is optional or there is none to have), one to three numerals, one of
// close. A report's lines begin with （一） and 一是 by the hundred, and the engine ran at each.
type ordinal struct {
	open     []string
	optional bool
	close    []string
}

// numeral is the numerals of the ordinal that begins s (the pattern's first submatch), if one does.
func (o ordinal) numeral(s string) (string, bool) {
	if len(o.open) > 0 {
		k := 0
		for _, p := range o.open {
			if strings.HasPrefix(s, p) {
				k = len(p)
				break
			}
		}
		if k == 0 && !o.optional {
			return "", false
		}
		s = s[k:]
	}
	n := 0
	for n < 9 && len(s) >= n+3 && strings.Contains(cnNumerals, s[n:n+3]) && utf8.RuneStart(s[n]) {
		n += 3
	}
	if n == 0 {
		return "", false
	}
	for _, c := range o.close {
		if strings.HasPrefix(s[n:], c) {
			return s[:n], true
		}
	}
	return "", false
}

// MatchString says an ordinal begins s.
func (o ordinal) MatchString(s string) bool {
	_, ok := o.numeral(s)
	return ok
}

// cnNumerals are cnNum's characters.
const cnNumerals = "一二三四五六七八九十"

var (
	// Words that make a short line a part heading of a work report.
	headingKeyword = rx.MustCompile(`工作回顾|工作安排|主要工作|主要任务|目标任务|工作重点|重点工作|发展目标|总体要求|自身建设|作风建设|政府建设|奋斗目标|工作部署|主要目标|工作总结`)

	// A part heading standing inside run-on text: "…提出意见。2022年工作回顾刚刚过去的…".
	inlineHeading = rx.MustCompile(`(?:^|[。！？!?]\s?|\s)((?:` + cnNum + `、|第` + cnNum + `部分\s?)?(?:(?:20|19)\d\d年(?:政府)?(?:工作回顾|主要工作安排|工作安排|主要工作|工作主要任务|主要任务|目标任务和工作重点|工作任务|工作总体要求)|全面加强政府自身建设|切实加强政府自身建设|加强政府自身建设))`)
	titleSpaced   = rx.MustCompile(`^政\s?府\s?工\s?作\s?报\s?告$`)
	datedLine     = rx.MustCompile(`^\d{4}年\d{1,2}月\d{1,2}日在`)
)

// looksStructural says a line is a heading, a title or part of a report's cover, so the
// fragment mender must not glue it to its neighbours.
func looksStructural(ln string) bool {
	switch {
	case numbered.MatchString(ln), paren.MatchString(ln), strings.HasPrefix(ln, "各位代表"), isDatedLine(ln):
		return true
	case len(ln) > 120: // longer than any title or heading (40 runes)
		return false
	}
	n := runes.AtMost(ln, 41) // compared with 40 and 30
	return n <= 40 && isTitleLine(ln) || n <= 30 && hasHeadingKeyword(ln)
}

// isDatedLine matches the session line under a title: "——2023年1月21日在…会议上".
func isDatedLine(ln string) bool {
	return strings.HasPrefix(ln, "—") || strings.HasPrefix(ln, "―") || strings.HasPrefix(ln, "-") || strings.HasSuffix(ln, "会议上") || datedLine.MatchString(ln)
}

type line struct {
	text  string
	start int // rune offset of the line in the body
	n     int // its length in runes
}

// runeCursor converts byte offsets in one text to rune offsets, walking on from the last answer:
// asked in increasing order it costs one pass over the text, not one per question (a run-on page
// of 15 MB with thousands of headings and numbered parts was quadratic).
type runeCursor struct {
	text string
	b, r int
}

func (c *runeCursor) at(b int) int {
	if b < c.b {
		c.b, c.r = 0, 0
	}
	c.r += runes.Count(c.text[c.b:b])
	c.b = b
	return c.r
}

func splitLines(body string) []line {
	// sized once: the body's line breaks are counted by the runtime's vector search, and the
	// lines and their slice were the two largest allocations of the section pass
	out := make([]line, 0, strings.Count(body, "\n")+1)
	off := 0
	for {
		i := strings.IndexByte(body, '\n')
		t := body
		if i >= 0 {
			t = body[:i]
		}
		n := runes.Count(t)
		out = append(out, line{t, off, n})
		off += n + 1
		if i < 0 {
			return out
		}
		body = body[i+1:]
	}
}

// headingTitle is the heading part of a line: the whole line when it is short, else up to the
// first full stop (many reports run the heading into its first paragraph).
func headingTitle(t string) string {
	t = t[:cutAt(t, 240)] // a heading is at most 40 characters; never scan a whole run-on page
	// Run-on text: "一、2023年工作回顾2023年是…" — the heading ends with its keyword.
	if runes.AtMost(t, 26) > 25 {
		if loc := headingKeywordIndex(t); loc != nil && runes.Count(t[:loc[1]]) <= 25 {
			r, _ := utf8.DecodeRuneInString(t[loc[1]:])
			if !strings.ContainsRune("，,。：:；;、和与的", r) {
				return t[:loc[1]]
			}
		}
	}
	if i := runes.IndexAny(t, "。；;"); i >= 0 {
		t = t[:i]
	} else if runes.AtMost(t, 41) > 40 {
		if i := runes.IndexAny(t, "：:"); i >= 0 {
			t = t[:i]
		}
	}
	if runes.AtMost(t, 41) > 40 {
		t = t[:runes.Offset(t, 40)] // the text is valid UTF-8: the first 40 runes, uncopied
	}
	return strings.TrimRight(t, "，,：: ")
}

func isKeywordHeading(t string) bool {
	if len(t) > 4*30 {
		return false // more than 30 characters, uncounted
	}
	n := runes.Count(t)
	return n >= 4 && n <= 30 && hasHeadingKeyword(t) && !strings.ContainsAny(t, "。；;！!？?") &&
		!endsSentence(t) && !isTitleLine(t) && !numbered.MatchString(t) && !paren.MatchString(t)
}

func isHintHeading(t string, hints map[string]bool) bool {
	if !hints[t] {
		return false
	}
	n := runes.Count(t)
	return n >= 2 && n <= 40 && !isTitleLine(t) && !numbered.MatchString(t) &&
		!paren.MatchString(t) && !shi.MatchString(t) && !isDatedLine(t)
}

type heading struct {
	title string
	start int
}

// findSections builds the section tree. Reports number their parts in two ways: "一、2022年工作回顾"
// with "(一)…" below, or an unnumbered "2022年工作回顾" with "一、…" below; a report is read in the
// way its own part headings show. Run-on text gets its part headings from inside the paragraphs.
// hints are lines a Word file styles as headings: an unnumbered one counts like a keyword heading.
func findSections(body string, hints map[string]bool) []model.Section {
	return findSectionsAt(splitLines(body), hints, inlineWords.ByWord(body))
}

// findSectionsAt is findSections given the body's lines (splitLines) and where each of
// inlineKeywords stands in the body, by the keyword's index (the body's one pass over its words
// found them).
func findSectionsAt(lines []line, hints map[string]bool, inlineAt [][]int) []model.Section {
	total := 0
	if len(lines) > 0 {
		total = lines[len(lines)-1].start + lines[len(lines)-1].n
	}

	numbered := numberedChain(lines)
	numberedKw := false
	for _, h := range numbered {
		if hasHeadingKeyword(h.title) || strings.Contains(h.title, "回顾") || strings.Contains(h.title, "安排") {
			numberedKw = true
		}
	}
	var unnumbered []heading
	for i, l := range lines {
		if (isKeywordHeading(l.text) || isHintHeading(l.text, hints)) && !strings.HasPrefix(l.text, "——") && !isCover(lines, i) {
			unnumbered = append(unnumbered, heading{l.text, l.start})
		}
	}
	var top []heading
	numberedMode := len(numbered) > 0 && (numberedKw || len(unnumbered) == 0)
	if numberedMode {
		top = numbered
	} else if len(unnumbered) > 0 {
		top = unnumbered
		top = append(top, plainHeadings(lines, unnumbered[0].start)...)
	}
	top = mergeHeadings(top, inlineHeadings(inlineAt, lines, top))
	if len(top) == 0 {
		return nil
	}
	secs := make([]model.Section, len(top))
	for i, h := range top {
		end := total
		if i+1 < len(top) {
			end = top[i+1].start
		}
		secs[i] = model.Section{Title: h.title, Level: 1, Start: h.start, End: end, Children: []model.Section{}}
	}
	for i := range secs {
		secs[i].Children = subsections(lines, secs[i], numberedMode)
	}
	return secs
}

// isCover reports whether line i sits above the address to the deputies (各位代表), where titles
// and session names live rather than part headings.
func isCover(lines []line, i int) bool {
	for _, l := range lines[i+1:] {
		if strings.HasPrefix(l.text, "各位代表") {
			for _, p := range lines[:i] {
				if strings.HasPrefix(p.text, "各位代表") {
					return false
				}
			}
			return true
		}
	}
	return false
}

// numberedChain finds 一、二、三、… line headings in sequence; a list that restarts at 一 inside a
// part is not a new part.
func numberedChain(lines []line) []heading {
	var out []heading
	want := 1
	for _, l := range lines {
		num, ok := numbered.numeral(l.text)
		if !ok {
			continue
		}
		if cnValue(num) == want {
			out = append(out, heading{headingTitle(l.text), l.start})
			want++
		}
	}
	return out
}

// plainHeadings finds unnumbered part headings without keywords ("阔步迈上新征程"): a short line
// with no punctuation between finished paragraphs, in a report that already uses such headings.
func plainHeadings(lines []line, after int) []heading {
	var out []heading
	for i, l := range lines {
		n := runes.AtMost(l.text, 17) // compared with 4 and 16
		if l.start <= after || n < 4 || n > 16 || i == 0 || i+1 >= len(lines) {
			continue
		}
		if strings.ContainsAny(l.text, "，,。；;：:！!？?、“”\"（）()——") || hasHeadingKeyword(l.text) || numbered.MatchString(l.text) || shi.MatchString(l.text) {
			continue
		}
		prev, next := lines[i-1].text, lines[i+1].text
		if endsSentence(prev) && runes.AtMost(prev, 31) > 30 && runes.AtMost(next, 41) > 40 {
			out = append(out, heading{l.text, l.start})
		}
	}
	return out
}

var (
	inlineKeywords = []string{"工作回顾", "工作安排", "主要工作", "主要任务", "目标任务和工作重点", "工作任务", "自身建设"}
	inlineWords    = runes.NewWords(inlineKeywords)
)

// inlineHeadings finds part headings inside long lines. It looks for the keywords literally and
// runs the pattern only on the few characters before each, from the last sentence break. The
// keywords were found in one pass over the body (at: byte offsets by the keyword's index; lines
// are the body's lines, and no keyword holds a line break, so each place lies in one line; a
// pass over each line cost a set-up per line) and are taken line by line, keyword by keyword, in
// the order of the list (which decides between two readings of one place): none overlaps itself,
// so these are the places a search for each keyword in turn finds.
func inlineHeadings(at [][]int, lines []line, have []heading) []heading {
	var out []heading
	next := make([]int, len(at)) // for each keyword, its first place not yet taken
	end := 0                     // the byte offset in body after the line and its line break
	for _, l := range lines {
		lineAt := end
		end += len(l.text) + 1
		if len(l.text) < 180 {
			continue // a short line is a heading or not by the line rules
		}
		var seen map[int]bool
		cur := runeCursor{text: l.text}
		for k, kw := range inlineKeywords {
			for ; next[k] < len(at[k]) && at[k][next[k]] < end; next[k]++ {
				if at[k][next[k]] < lineAt {
					continue // in a short line before this one
				}
				i := at[k][next[k]] - lineAt
				from := i + len(kw)
				lo := max(0, i-48)
				for lo > 0 && !utf8.RuneStart(l.text[lo]) {
					lo--
				}
				b := strings.LastIndexAny(l.text[lo:i], "。！？!?")
				if b < 0 {
					b = strings.LastIndex(l.text[lo:i], " ")
				}
				if b >= 0 {
					lo += b
				} else if lo > 0 {
					continue
				}
				win := l.text[lo:from]
				m := inlineHeading.FindStringSubmatchIndex(win)
				if m == nil || m[3] != len(win) {
					continue
				}
				hs, he := lo+m[2], lo+m[3]
				after := l.text[he:]
				r, _ := utf8.DecodeRuneInString(after)
				if after == "" || strings.ContainsRune("，,。：:的和是为要中上如；;、", r) || seen[hs] {
					continue
				}
				if seen == nil {
					seen = map[int]bool{}
				}
				seen[hs] = true
				start := l.start + cur.at(hs)
				if headingAt(have, start) {
					continue
				}
				out = append(out, heading{l.text[hs:he], start})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

func headingAt(hs []heading, start int) bool {
	for _, h := range hs {
		if h.start == start {
			return true
		}
	}
	return false
}

// mergeHeadings adds inline headings whose kind of part the line headings do not already have.
func mergeHeadings(top, inline []heading) []heading {
	kind := func(t string) string {
		for _, k := range []string{"回顾", "安排", "自身建设"} {
			if strings.Contains(t, k) {
				return k
			}
		}
		if strings.Contains(t, "主要工作") || strings.Contains(t, "任务") {
			return "安排"
		}
		return t
	}
	seen := map[string]bool{}
	for _, h := range top {
		seen[kind(h.title)] = true
	}
	out := append([]heading(nil), top...)
	for _, h := range inline {
		if !seen[kind(h.title)] {
			seen[kind(h.title)] = true
			out = append(out, h)
		}
	}
	// keep document order
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].start < out[j-1].start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// subsections finds the second level inside one part: "(一)…" under a numbered part, "一、…" under
// an unnumbered one, and "一是…" where a part uses that form and nothing else.
func subsections(lines []line, sec model.Section, numberedMode bool) []model.Section {
	// the section's lines: lines are in order of their starts (every section looked through all
	// of a report's lines for its own, once for each pattern)
	from := sort.Search(len(lines), func(i int) bool { return lines[i].start > sec.Start })
	to := from + sort.Search(len(lines)-from, func(i int) bool { return lines[from+i].start >= sec.End })
	own := lines[from:to]
	pick := func(o ordinal, sequential bool) []heading {
		var hs []heading
		want := 1
		for _, l := range own {
			num, ok := o.numeral(l.text)
			if !ok {
				continue
			}
			if sequential && cnValue(num) != want {
				continue
			}
			want++
			hs = append(hs, heading{headingTitle(l.text), l.start})
		}
		return hs
	}
	var hs []heading
	if numberedMode {
		hs = pick(paren, false)
	} else {
		hs = pick(numbered, true)
		if len(hs) == 0 {
			hs = pick(paren, false)
		}
	}
	if len(hs) == 0 {
		if shis := pick(shi, true); len(shis) >= 2 {
			hs = shis
		}
	}
	if len(hs) == 0 {
		hs = inlineParen(lines, sec)
	}
	out := []model.Section{}
	for i, h := range hs {
		end := sec.End
		if i+1 < len(hs) {
			end = hs[i+1].start
		}
		out = append(out, model.Section{Title: h.title, Level: 2, Start: h.start, End: end, Children: []model.Section{}})
	}
	return out
}

// inlineParen finds "(一)…(二)…" subheadings inside run-on paragraphs, in order: an opening
// parenthesis after a sentence break (or at a line start) around a Chinese numeral.
func inlineParen(lines []line, sec model.Section) []heading {
	var hs []heading
	want := 1
	// the lines that overlap the section: the starts and the ends of lines are in order
	from := sort.Search(len(lines), func(i int) bool { return lines[i].start+lines[i].n > sec.Start })
	for _, l := range lines[from:] {
		if l.start >= sec.End {
			break
		}
		t := l.text
		cur := runeCursor{text: t}
		ps := parens{t: t}
		for i := 0; i < len(t); {
			j := ps.next(i)
			if j < 0 {
				break
			}
			i = j + 1
			if j > 0 {
				r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(t[:j], " "))
				if !strings.ContainsRune("。！？!?：:", r) {
					continue
				}
			}
			num, ok := paren.numeral(t[j:min(len(t), j+16)])
			if !ok || cnValue(num) != want {
				continue
			}
			start := l.start + cur.at(j)
			if start <= sec.Start || start >= sec.End {
				continue
			}
			want++
			hs = append(hs, heading{headingTitle(t[j:]), start})
		}
	}
	return hs
}

// headingKeywords are headingKeyword's words: a line holds one, or the regexp does not match.
var (
	headingKeywords = strings.Split(strings.Trim(headingKeyword.String(), "()"), "|")
	headingWords    = runes.NewWords(headingKeywords)
)

// hasHeadingKeyword is headingKeyword.MatchString by literals: the regexp is an alternation of
// words with no common first character, which the regexp engine tries at every place.
func hasHeadingKeyword(s string) bool { return headingWords.Any(s) }

// headingKeywordIndex is headingKeyword.FindStringIndex by literals: the words are of one length
// and none is another's prefix, so the leftmost word is the regexp's match.
func headingKeywordIndex(s string) []int {
	at, k := headingWords.First(s)
	if at < 0 {
		return nil
	}
	return []int{at, at + len(headingWords.Word(k))}
}

// isTitleLine says a line names the report: 政府工作报告 anywhere in it, or the line is those
// six characters spaced out (政 府 工 作 报 告). A literal first: a regexp of the two had no
// literal to look for, and ran at every place of a run-on page.
func isTitleLine(s string) bool {
	return runes.Contains(s, "政府工作报告") || strings.HasPrefix(s, "政") && titleSpaced.MatchString(s)
}

// parens walks the ( and （ of a text in order, each kind found with its own scan and each
// scan going on from where it stopped: linear however the two are mixed.
type parens struct {
	t        string
	a, b     int // next ( and （ at or after the cursor; -1: none left
	scannedA bool
	scannedB bool
}

// next is the offset of the first ( or （ at or after from, or -1.
func (p *parens) next(from int) int {
	if !p.scannedA || p.a >= 0 && p.a < from {
		p.a, p.scannedA = indexFrom(p.t, from, func(s string) int { return strings.IndexByte(s, '(') }), true
	}
	if !p.scannedB || p.b >= 0 && p.b < from {
		// by its last byte: the first, EF, begins every full-width mark of Chinese text
		p.b, p.scannedB = indexFrom(p.t, from, func(s string) int { return runes.Index(s, "（") }), true
	}
	switch {
	case p.a < 0:
		return p.b
	case p.b < 0 || p.a < p.b:
		return p.a
	}
	return p.b
}

func indexFrom(t string, from int, find func(string) int) int {
	if from > len(t) {
		return -1
	}
	if i := find(t[from:]); i >= 0 {
		return from + i
	}
	return -1
}

func cnValue(s string) int {
	// a numeral's value, 0 for any other rune (a map made for each call was most of its cost)
	digits := func(r rune) int {
		if i := strings.IndexRune("一二三四五六七八九", r); i >= 0 {
			return i/len("一") + 1
		}
		return 0
	}
	var buf [4]rune
	r := buf[:0]
	for _, c := range s {
		if len(r) == 4 {
			return 0 // longer than any numeral below
		}
		r = append(r, c)
	}
	switch {
	case len(r) == 1 && r[0] == '十':
		return 10
	case len(r) == 1:
		return digits(r[0])
	case len(r) == 2 && r[0] == '十':
		return 10 + digits(r[1])
	case len(r) == 2 && r[1] == '十':
		return digits(r[0]) * 10
	case len(r) == 3 && r[1] == '十':
		return digits(r[0])*10 + digits(r[2])
	}
	return 0
}
