package extract

import (
	"baogao/parse/runes"
	"sort"
	"strings"
	"unicode/utf8"

	"baogao/model"
)

// findTriggers returns the spans of triggerRe matches. It looks for the literal words first: the
// regexp has no literal prefix and would crawl through every byte of every report. The words are
// found in one pass that skips through the body (runes.Words: the caller's, with words of its
// own, or this package's) and taken word by word, as a search for each in turn finds them (none
// overlaps itself: a test checks); byWord holds their byte offsets by the word's index.
func findTriggers(body string, byWord [][]int) [][2]int {
	var out [][2]int
	seen := map[int]bool{}
	for k, at := range byWord {
		w := triggerWords[k]
		for _, i := range at {
			if needsVerb[k] && !strings.HasPrefix(body[i+len(w):], "是") && !strings.HasPrefix(body[i+len(w):], "为") {
				continue // 主要目标, 主要指标, 发展目标 announce goals only as 主要目标是/为
			}
			lo := max(0, i-40)
			for lo > 0 && !utf8.RuneStart(body[lo]) {
				lo--
			}
			hi := min(len(body), i+len(w)+20)
			for hi < len(body) && !utf8.RuneStart(body[hi]) {
				hi++
			}
			for _, loc := range triggerRe.FindAllStringIndex(body[lo:hi], -1) {
				if lo+loc[1] > i && lo+loc[0] <= i && !seen[lo+loc[1]] {
					seen[lo+loc[1]] = true
					out = append(out, [2]int{lo + loc[0], lo + loc[1]})
				}
			}
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a][0] < out[b][0] })
	return out
}

// needsVerb marks the trigger words that triggerRe holds only followed by 是 or 为 (主要目标是：,
// 发展目标为): the pattern is not tried around one that stands otherwise (发展目标 and 主要目标 are
// everywhere in a report; TestTriggersNeedVerb holds the list to the pattern).
var needsVerb = func() []bool {
	n := make([]bool, len(triggerWords))
	for k, w := range triggerWords {
		n[k] = w == "主要目标" || w == "主要指标" || w == "发展目标"
	}
	return n
}()

// fiveYear says a trigger at b announces the five-year plan's goals: its own sentence or its part
// heading speaks of 五年, 十四五, 到2025年.
func (x *extractor) fiveYear(b int) bool {
	from := strings.LastIndexAny(x.body[:b], "。\n")
	if hasAny(x.body[from+1:b], fiveYearWords) {
		return true
	}
	if s := x.topAt(x.runeAt(b)); s != nil {
		t := model.BareTitle(s.Title)
		return hasAny(t, fiveYearWords) || strings.Contains(t, "今后") && !(x.year > 0 && strings.Contains(t, itoa(x.year)))
	}
	return false
}

// targets reads the goals passage of the plan year: the first trigger outside the review and the
// five-year plan whose passage yields goals; failing that, any trigger's. It returns the goals and
// the clauses it could not read.
func (x *extractor) targets(review [][2]int) ([]model.Indicator, []string) {
	triggers := x.triggers
	var first, rest [][2]int
	for _, t := range triggers {
		if inSpans(review, t[0]) || x.fiveYear(t[0]) {
			rest = append(rest, t)
		} else {
			first = append(first, t)
		}
	}
	x.cur = cursor{}
	for _, group := range [][][2]int{first, rest} {
		for _, t := range group {
			if got, unread := x.passage(t[1]); len(got) > 0 {
				return got, unread
			}
		}
		if len(first) > 0 {
			// goals were announced where they belong and none could be read: the review's or the
			// five-year plan's would be wrong.
			break
		}
	}
	return nil, nil
}

// passage reads the goals after a trigger, sentence by sentence, until the work plan begins.
func (x *extractor) passage(start int) ([]model.Indicator, []string) {
	var out []model.Indicator
	var unread []string
	pos := start
	listGoesOn := false
	for n := 0; n < 14 && pos < len(x.body); n++ {
		end := sentenceEnd(x.body, pos)
		sent := x.body[pos:end]
		trimmed := strings.TrimSpace(sent)
		if trimmed != "" {
			if hasAnyPrefix(trimmed, stopPhrases...) || isOrdinal(trimmed) || runes.AtMost(trimmed, 401) > 400 {
				break
			}
			if !strings.ContainsAny(trimmed, "0123456789") && !hasAny(trimmed, indicatorNouns) {
				break
			}
			// After the first sentence the goals go on only with figures or known names; what
			// follows them is how the year's work will be done.
			if n > 0 && !hasNumber(trimmed) && knownPrefix(trimName(trimmed)) == "" && !listGoesOn {
				// A short sentence naming one more goal ("能耗及排放等约束性指标完成省定任务") still
				// belongs; anything longer is the plan's prose.
				if runes.AtMost(trimmed, 41) > 40 || strings.ContainsAny(trimmed, "，,；;") || len(wordClause(trimmed).items) == 0 {
					break
				}
			}
			got, un := x.sentence(pos, sent)
			if len(got) == 0 && n > 0 {
				break
			}
			out = append(out, got...)
			unread = append(unread, un...)
		}
		// One goal per line, each ending in "；": the list goes on to the next line.
		listGoesOn = end < len(x.body) && x.body[end] == '\n' && (strings.HasSuffix(trimmed, "；") || strings.HasSuffix(trimmed, ";"))
		pos = end + len("。")
		if end < len(x.body) && x.body[end] == '\n' {
			pos = end + 1
		}
	}
	return out, unread
}

// isOrdinal says a sentence opens a numbered part of the plan: （一）, 一、.
func isOrdinal(s string) bool {
	r, w := utf8.DecodeRuneInString(s)
	if r == '(' || r == '（' {
		r2, _ := utf8.DecodeRuneInString(s[w:])
		return strings.ContainsRune("一二三四五六七八九十", r2)
	}
	if strings.ContainsRune("一二三四五六七八九十", r) {
		return strings.HasPrefix(s[w:], "、")
	}
	return false
}

// sentenceEnd finds the end of the sentence starting at pos: a full stop or a line break, but not
// the OCR mark in "7.8％。以内", which belongs to its figure.
func sentenceEnd(s string, pos int) int {
	for {
		i := runes.IndexAny(s[pos:], "。\n")
		if i < 0 {
			return len(s)
		}
		e := pos + i
		if s[e] != '\n' && strings.HasSuffix(s[:e], "%") && hasAnyPrefix(s[e+len("。"):], "以内", "左右", "以下") {
			pos = e + len("。")
			continue
		}
		return e
	}
}

// sentence reads the clauses of one sentence of the goals passage; base is its byte offset.
func (x *extractor) sentence(base int, sent string) ([]model.Indicator, []string) {
	var out []model.Indicator
	var unread []string
	var last []int // indexes in out of the previous clause's indicators
	var waiting []string
	waitOff := -1
	for _, cl := range splitClauses(sent, base) {
		rd := readClause(cl.text)
		if rd.subject != nil {
			waiting = append(waiting, rd.subject...)
			if waitOff < 0 {
				waitOff = cl.off
			}
			continue
		}
		if rd.cont != nil && len(last) > 0 {
			applied := false
			for _, k := range last {
				if applyContinuation(&out[k], *rd.cont) {
					applied = true
					out[k].Text = x.body[x.byteAt(out[k].Start) : cl.off+len(cl.text)]
					out[k].End = x.runeAt(cl.off + len(cl.text))
				}
			}
			if !applied {
				unread = append(unread, cl.text)
			}
			continue
		}
		if rd.cont != nil || rd.unread {
			unread = append(unread, cl.text)
			continue
		}
		if len(rd.items) == 0 {
			continue
		}
		from := cl.off
		if len(waiting) > 0 && rd.wordOnly {
			// 城镇新增就业人数，城镇登记失业率…完成…目标: the predicate is the waiting names' too.
			var pre []model.Indicator
			for _, nm := range waiting {
				pre = append(pre, model.Indicator{Name: wordName(nm), RawName: cleanName(nm), Qualifier: rd.items[0].Qualifier})
			}
			rd.items = append(pre, rd.items...)
			from = waitOff
		} else if len(waiting) > 0 {
			unread = append(unread, x.body[waitOff:cl.off])
		}
		waiting, waitOff = nil, -1
		last = last[:0]
		for _, it := range rd.items {
			it.Kind = model.Target
			it.Text = x.body[from : cl.off+len(cl.text)]
			it.Start = x.runeAt(from)
			it.End = it.Start + runes.Count(it.Text)
			it.Section = x.sectionAt(it.Start)
			last = append(last, len(out))
			out = append(out, it)
		}
	}
	if len(waiting) > 0 {
		// A sentence that only names goals (1 per line lists): each is a goal by name.
		for _, nm := range waiting {
			it := model.Indicator{Name: wordName(nm), RawName: cleanName(nm), Kind: model.Target}
			it.Text = strings.TrimSpace(x.body[waitOff : base+len(sent)])
			it.Start = x.runeAt(waitOff)
			it.End = it.Start + runes.Count(it.Text)
			it.Section = x.sectionAt(it.Start)
			out = append(out, it)
		}
	}
	return out, unread
}
