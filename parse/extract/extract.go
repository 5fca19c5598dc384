// Package extract reads the figures of a work report out of its cleaned text: the review year's
// actual figures and the plan year's targets, each with its name mapped onto the canonical table
// (docs/indicators.md), its numbers, qualifier and stretch, and the span of text it came from. It
// also says which clauses of a goals passage it could not read. The language it knows (trigger
// phrases, verbs with their sign, qualifiers, units, scope words) lives in rules.go; the grammar
// of a clause in clause.go, of names in names.go. It is pure: text in, values out. CutAt and
// ByteOffset, which cut text without splitting a character, are shared with the loader.
package extract

import (
	"baogao/parse/runes"
	"strings"
	"unicode/utf8"

	"baogao/model"
)

// Input is what extraction needs to know of a report besides its text.
type Input struct {
	Body       string
	Sections   []model.Section
	Year       int // the plan year, 0 when unknown
	ReviewYear int
	Offsets    *runes.Offsets // of Body, when the caller has counted it already; nil: counted here
	// Triggers are the byte offsets in Body of each of TriggerWords, by the word's index, when
	// the caller's one pass over the body found them with its own words; nil: found here
	Triggers [][]int
}

// Result is what was read: indicators in document order (actuals, then targets) and the clauses
// of the goals passage the grammar could not read, for a user to check by hand.
type Result struct {
	Indicators []model.Indicator
	Unread     []string
}

// Indicators reads a report's actual figures and targets.
func Indicators(in Input) Result {
	x := &extractor{body: in.Body, secs: in.Sections, year: in.Year, review: in.ReviewYear, offs: in.Offsets}
	at := in.Triggers
	if at == nil {
		at = triggers.ByWord(in.Body)
	}
	x.triggers = findTriggers(in.Body, at)
	spans := x.reviewSpans()
	var res Result
	for _, sp := range spans {
		res.Indicators = append(res.Indicators, x.reviewActuals(sp[0], sp[1])...)
	}
	t, unread := x.targets(spans)
	res.Indicators = append(res.Indicators, t...)
	res.Unread = unread
	return res
}

// extractor reads indicators out of one report's body.
type extractor struct {
	body         string
	secs         []model.Section
	year, review int
	cur          cursor
	offs         *runes.Offsets    // for a jump back or far ahead, built at the first
	bare         map[string]string // section titles without their ordinals, as asked for
	triggers     [][2]int          // the spans of triggerRe, in order
}

// cursor converts byte offsets to rune offsets walking forward from the last answer, so a scan
// that asks in increasing order costs one pass over the body, not one per question. A question
// behind it, or far ahead, is answered by the body's offsets table (each pass of the extractor
// starting again from the top counted the body once more).
type cursor struct{ b, r int }

// byteAt is the byte offset of rune offset r of the body, by its offsets table.
func (x *extractor) byteAt(r int) int {
	if x.offs == nil {
		x.offs = runes.NewOffsets(x.body)
	}
	return x.offs.Byte(r)
}

func (x *extractor) runeAt(b int) int {
	if b < x.cur.b || b-x.cur.b > 1024 {
		if x.offs == nil {
			x.offs = runes.NewOffsets(x.body)
		}
		x.cur = cursor{b, x.offs.At(b)}
		return x.cur.r
	}
	x.cur.r += runes.Count(x.body[x.cur.b:b])
	x.cur.b = b
	return x.cur.r
}

func (x *extractor) sectionAt(off int) string {
	in := model.InnermostSection(x.secs, off)
	if in == nil {
		return ""
	}
	t := in.Title
	if b, ok := x.bare[t]; ok {
		return b
	}
	if x.bare == nil {
		x.bare = map[string]string{}
	}
	x.bare[t] = model.BareTitle(t)
	return x.bare[t]
}

// topAt returns the top-level section holding rune offset off, or nil.
func (x *extractor) topAt(off int) *model.Section {
	for i := range x.secs {
		if off >= x.secs[i].Start && off < x.secs[i].End {
			return &x.secs[i]
		}
	}
	return nil
}

// Words of a part heading that reviews the past (2023年工作回顾, 过去五年主要工作, “十三五”时期发展成就
// 和2020年主要工作, 一年来的工作).
var reviewTitle = []string{"回顾", "总结", "过去", "成就", "一年来", "上年", "去年"}

// Words of a part heading that plans ahead (2024年工作安排, 今后五年的目标任务, 总体要求).
var planTitle = []string{"安排", "任务", "目标", "要求", "部署", "今后", "今年", "思路", "重点工作"}

// reviewSpans returns the byte spans of the parts that review the past: the top-level sections
// whose heading says so (or whose heading names the review year and no plan), before the first
// part that plans ahead. Without headings, the text before the first goals passage.
func (x *extractor) reviewSpans() [][2]int {
	var spans [][2]int
	for _, s := range x.secs {
		t := model.BareTitle(s.Title)
		plans := hasAny(t, planTitle) && !strings.Contains(t, "主要工作") || x.year > 0 && strings.Contains(t, itoa(x.year)+"年")
		reviews := hasAny(t, reviewTitle) || x.review > 0 && strings.Contains(t, itoa(x.review)+"年")
		if reviews && (!plans || hasAny(t, []string{"回顾", "总结", "成就"})) {
			spans = append(spans, [2]int{x.byteAt(s.Start), x.byteAt(s.End)})
		}
	}
	if len(spans) > 0 {
		return spans
	}
	// No heading reviews: the review is what stands before the first part that plans ahead (a
	// report whose parts are its achievements: 一、社会大局和谐稳定 … 六、…, then the plan).
	end := len(x.body)
	for _, s := range x.secs {
		t := model.BareTitle(s.Title)
		if hasAny(t, planTitle) && !strings.Contains(t, "主要工作") || x.year > 0 && strings.Contains(t, itoa(x.year)+"年") {
			end = x.byteAt(s.Start)
			break
		}
	}
	if locs := x.triggers; len(locs) > 0 && locs[0][0] < end {
		end = locs[0][0]
	}
	return [][2]int{{0, end}}
}

// reviewActuals reads the actuals of one review part. A part that reviews five years (过去五年,
// “十三五”时期发展成就和2020年主要工作) gives five-year totals first and the review year's figures
// after the sentence that turns to it (2020年是…, 过去一年, 一年来, 去年): those are read first
// and win; the five-year part adds only what the year's part does not name.
func (x *extractor) reviewActuals(from, to int) []model.Indicator {
	s := x.topAt(x.runeAt(from))
	x.cur = cursor{}
	at := -1
	if s != nil && hasAny(model.BareTitle(s.Title), fiveYearWords) {
		at = x.yearTurn(from, to)
	}
	if at < 0 {
		return x.actuals(from, to)
	}
	year := x.actuals(at, to)
	x.cur = cursor{}
	seen := map[string]bool{}
	for _, in := range year {
		seen[in.Name] = true
	}
	var five []model.Indicator
	for _, in := range x.actuals(from, at) {
		if !seen[in.Name] {
			five = append(five, in)
		}
	}
	return append(five, year...)
}

// yearTurn returns the byte offset of the first sentence in [from, to) that turns to the review
// year, or -1.
func (x *extractor) yearTurn(from, to int) int {
	marks := []string{"过去一年", "一年来", "去年"}
	if x.review > 0 {
		marks = append(marks, itoa(x.review)+"年")
	}
	best := -1
	for _, m := range marks {
		for off := from; off < to; {
			i := strings.Index(x.body[off:to], m)
			if i < 0 {
				break
			}
			i += off
			prev, _ := utf8.DecodeLastRuneInString(x.body[:i])
			if i == 0 || prev == '\n' || prev == '。' || prev == '！' {
				if best < 0 || i < best {
					best = i
				}
				break
			}
			off = i + len(m)
		}
	}
	return best
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

func inSpans(spans [][2]int, b int) bool {
	for _, sp := range spans {
		if b >= sp[0] && b < sp[1] {
			return true
		}
	}
	return false
}

// ByteOffset is the byte offset of rune offset n in s (len(s) past its end).
func ByteOffset(s string, n int) int { return runes.Offset(s, n) }

// CutAt returns a byte length of at most n that does not split a character.
func CutAt(s string, n int) int {
	if n >= len(s) {
		return len(s)
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return n
}

func byteOffset(s string, runes int) int { return ByteOffset(s, runes) }
func cutAt(s string, n int) int          { return CutAt(s, n) }
