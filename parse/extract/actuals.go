package extract

import (
	"baogao/parse/runes"
	"baogao/parse/rx"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"baogao/model"
)

// nameIndex finds known names in text. It replaces a regexp alternation of ~150 names, which
// RE2 runs as a slow NFA: the names of three characters and more are one runes.Words, which skips
// through the text, and the few shorter (GDP, 固投) are searched for each.
type nameIndex struct {
	long  *runes.Words // longest first, so the first word found at a place is the longest there
	short []string
	all   []string
	canon *map[string]string // canonical of each name, worked out at the first need
	once  *sync.Once
}

// canonical is canonical(raw) for a name the index found, looked up: a review names the same
// few dozen indicators in every report.
func (idx nameIndex) canonical(raw string) string {
	idx.once.Do(func() {
		m := make(map[string]string, len(idx.all))
		for _, n := range idx.all {
			m[n] = canonical(n)
		}
		*idx.canon = m
	})
	if c, ok := (*idx.canon)[raw]; ok {
		return c
	}
	return canonical(raw)
}

var names = func() nameIndex {
	all := append(append([]string{}, spellings...), reportedNames...)
	sort.SliceStable(all, func(i, j int) bool { return len(all[i]) > len(all[j]) })
	var long, short []string
	for _, s := range all {
		// three characters and more: the one name of two (固投) and GDP are searched for alone,
		// and the skipping set moves by up to eight bytes where it moved by five
		if len(s) >= 9 {
			long = append(long, s)
		} else {
			short = append(short, s)
		}
	}
	return nameIndex{long: runes.NewWords(long), short: short, all: all, canon: new(map[string]string), once: new(sync.Once)}
}()

// find returns the byte spans of non-overlapping known names in s, leftmost and longest.
func (idx nameIndex) find(s string) [][2]int {
	var found [][2]int // the longest name at each place a name begins, by place
	last := -1
	idx.long.Each(s, func(at, k int) bool {
		if at != last {
			found = append(found, [2]int{at, at + len(idx.long.Word(k))})
			last = at
		}
		return true
	})
	if len(idx.short) > 0 {
		for _, w := range idx.short {
			for i := range runes.Indexes(s, w) {
				found = append(found, [2]int{i, i + len(w)})
			}
		}
		sort.SliceStable(found, func(a, b int) bool {
			if found[a][0] != found[b][0] {
				return found[a][0] < found[b][0]
			}
			return found[a][1] > found[b][1]
		})
	}
	var out [][2]int
	end := 0
	for _, f := range found {
		if f[0] >= end {
			out = append(out, f)
			end = f[1]
		}
	}
	return out
}

var (
	growthAfter = rx.MustCompile(`^[、，,]?\s?(?:其中)?(?:按可比价格?计算[，,]?)?(?:预计)?(?:同比|可比|同口径|按可比价格计算|比上年)?(?:分别)?(负增长|增长|下降|减少|降低)`)
	nameSuffix  = rx.MustCompile(`^(?:总额|总值|额)`)
)

// growthAfterVerbs are the words one of which ends every match of growthAfter (负增长 holds 增长).
var growthAfterVerbs = []string{"增长", "下降", "减少", "降低"}

// growthAfterIndex is growthAfter.FindStringSubmatchIndex (ok: it matched), read by hand
// (growthAfterPieces), and only where one of its verbs stands within the most bytes a match
// spans: every match ends with one, and most figures are followed by none (the pattern ran
// after every figure of every review, and on those followed by a growth the engine's
// backtracking was a quarter of reading the review's figures).
func growthAfterIndex(tail string) (m [4]int, ok bool) {
	n := growthAfter.Window()
	if n == 0 {
		n = len(tail) // a pattern made unbounded: the whole tail
	}
	w := tail[:min(len(tail), n)]
	if !hasAny(w, growthAfterVerbs) {
		return m, false
	}
	if at := matchPieces(tail, 0, growthAfterPieces); at >= 0 {
		verb := longestPrefix(tail[at:], growthAfterLast)
		return [4]int{0, at + len(verb), at, at + len(verb)}, true
	}
	return m, false
}

// growthAfterPieces are growthAfter's parts before its verb, each optional, with its choices in
// the order the pattern tries them (a greedy ? tries its text first): FuzzGrowthGuard and
// TestGrowthAfterPieces hold them to the pattern.
var growthAfterPieces = [][]string{
	{"、", "，", ","},
	{"\t", "\n", "\f", "\r", " "}, // \s
	{"其中"},
	{"按可比价格计算，", "按可比价格计算,", "按可比价格计算", "按可比价计算，", "按可比价计算,", "按可比价计算"},
	{"预计"},
	{"同比", "可比", "同口径", "按可比价格计算", "比上年"},
	{"分别"},
}

// growthAfterLast are the verbs that end a match, the longest first where one holds another
// (负增长 before 增长: the pattern's alternation lists it first).
var growthAfterLast = []string{"负增长", "增长", "下降", "减少", "降低"}

// matchPieces is where growthAfterLast's verb begins in the first reading of s from i through
// pieces (each one of its choices or nothing, tried in that order), or -1: a backtracking
// matcher of the one shape, without the engine.
func matchPieces(s string, i int, pieces [][]string) int {
	if len(pieces) == 0 {
		if longestPrefix(s[i:], growthAfterLast) != "" {
			return i
		}
		return -1
	}
	for _, c := range pieces[0] {
		if strings.HasPrefix(s[i:], c) {
			if at := matchPieces(s, i+len(c), pieces[1:]); at >= 0 {
				return at
			}
		}
	}
	return matchPieces(s, i, pieces[1:])
}

// Words before a figure that make it another period's: 年均增长 (a five-year average), 累计.
var otherPeriod = []string{"年均", "累计", "五年", "年平均"}

// actuals reads the past year's figures in [from, to): every known name followed closely by a
// figure. The first reading of a name wins; a later one in the same part may add the growth or
// value it lacked ("一般公共预算收入83.99亿元；……一般公共预算收入增长4.6%").
func (x *extractor) actuals(from, to int) []model.Indicator {
	var out []model.Indicator
	var starts []int // byte offset of each out[i]
	lastEnd := -1    // byte offset after the last new figure and the mark that follows it
	index := map[string]int{}
	text := x.body[from:to]
	for _, m := range names.find(text) {
		s, e := from+m[0], from+m[1]
		if !x.standsAlone(s, e) {
			continue
		}
		raw := x.body[s:e]
		items, extra, end := x.readFigures(raw, e, to)
		// 城镇居民人均可支配收入1.99万元，农村居民人均可支配收入1.26万元，分别增长8.8%和10.8%: the
		// growths before the last belong to the figures read just before, in order.
		for i, g := range extra {
			k := len(out) - len(extra) + i
			// only the figures read just before, in the same sentence
			if k >= 0 && out[k].Growth == nil && out[k].Value != nil && lastEnd > 0 && s-lastEnd <= 8 && s >= lastEnd {
				out[k].Growth = model.Float(g)
				out[k].Text = x.body[starts[k]:end]
				out[k].End = out[k].Start + runes.Count(out[k].Text)
			}
		}
		for _, it := range items {
			it.Kind = model.Actual
			it.Start = x.runeAt(s)
			it.End = it.Start + runes.Count(x.body[s:end])
			it.Text = x.body[s:end]
			it.Section = x.sectionAt(it.Start)
			k, seen := index[it.Name]
			if !seen {
				index[it.Name] = len(out)
				out = append(out, it)
				starts = append(starts, s)
				lastEnd = end + len("，")
				continue
			}
			have := &out[k]
			// a later mention adds what the first lacked when it is near (the same sentence or
			// the next), or in the same part of the review and not far from it
			if have.End+300 < it.Start && have.Section != it.Section {
				continue
			}
			switch {
			case have.Growth == nil && it.Growth != nil && it.Value == nil:
				have.Growth = it.Growth
			case have.Value == nil && it.Value != nil && have.Growth == nil:
				have.Value, have.Unit = it.Value, it.Unit
			default:
				continue
			}
			if have.End+300 >= it.Start {
				have.End = it.End
				have.Text = x.body[starts[k]:end]
			}
		}
	}
	return out
}

// standsAlone rejects a name that is part of a longer noun: 单位GDP能耗, 占GDP比重, 城乡居民收入比.
func (x *extractor) standsAlone(s, e int) bool {
	next, _ := utf8.DecodeRuneInString(x.body[e:])
	if strings.ContainsRune("比占率中", next) || strings.HasPrefix(x.body[e:], "能耗") {
		return false
	}
	before := x.body[max(0, s-6):s]
	return !strings.HasSuffix(before, "单位") && !strings.HasSuffix(before, "占") && !strings.HasSuffix(before, "万元")
}

var allVerbs = func() []string {
	v := append([]string{}, levelVerbs...)
	for g := range growthVerbs {
		v = append(v, g)
	}
	return sortLongestFirst(v)
}()

// readFigures reads what follows a name: filler, a verb, figures. It returns the indicators, the
// growths a distributed list (分别增长p和q) gives to figures read before this one, and the byte
// offset where the reading ended.
func (x *extractor) readFigures(raw string, pos, limit int) ([]model.Indicator, []float64, int) {
	rest := x.body[pos:min(limit, pos+400)]
	if m := nameSuffix.FindString(rest); m != "" {
		rest = rest[len(m):]
		pos += len(m)
	}
	// Filler: a parenthesis, or a few words (扣除减税降费因素后, 完成, 实现).
	skip := 0
	measuredAsGrowth := false
	for n := 0; n < 3; n++ {
		r := rest[skip:]
		if strings.HasPrefix(r, "（") || strings.HasPrefix(r, "(") {
			closeAt := runes.IndexAny(r, "）)")
			if closeAt < 0 || closeAt > 200 {
				return nil, nil, pos
			}
			_, w := utf8.DecodeRuneInString(r[closeAt:])
			skip += closeAt + w
			continue
		}
		k := 0
		for _, c := range r {
			if c >= '0' && c <= '9' || !(c >= 0x4e00 && c <= 0x9fff) || k >= 14 {
				break
			}
			k++
		}
		words := r[:byteOffset(r, k)]
		if words == "" {
			break
		}
		// Stop where the words turn into a verb.
		cut := len(words)
		for _, v := range allVerbs {
			if i := strings.Index(words, v); i >= 0 && i < cut {
				cut = i
			}
		}
		if strings.ContainsAny(words[:cut], "和与及") || strings.Contains(words[:cut], "目标") || hasAny(words[:cut], otherPeriod) || hasAny(words[:cut], countedNouns) {
			return nil, nil, pos
		}
		if hasAny(words[:cut], []string{"增速", "增幅"}) {
			measuredAsGrowth = true
		}
		skip += cut
		if cut < len(words) {
			break
		}
	}
	rest = rest[skip:]
	verb := longestPrefix(rest, allVerbs)
	if verb == "增速" || verb == "增幅" {
		// 增速达到11.1%: the measure names a growth, the level verb after it only states it
		if lv := longestPrefix(rest[len(verb):], levelVerbs); lv != "" {
			measuredAsGrowth = true
			pos += len(verb)
			rest = rest[len(verb):]
			verb = lv
		}
	}
	after := strings.TrimLeft(rest[len(verb):], " \u3000")
	base := pos + skip + len(rest) - len(after)
	after = after[:cutAt(after, 120)] // the figure stands right after the verb
	if after == "" || !(after[0] >= '0' && after[0] <= '9') && longestPrefix(after, preQualifiers) == "" {
		return nil, nil, pos // no figure at the verb: skip the number scan, the costliest step here
	}
	if i := runes.IndexAny(after, "。；;"); i > 0 {
		after = after[:i]
	}
	// the first figure, and those joined to it by 和 or 、
	var figBuf [4]number // most readings are one figure, a few two or three: no allocation
	figs := figBuf[:0]
	for n := range numbersIn(after) {
		if len(figs) == 0 {
			figs = append(figs, n)
			continue
		}
		if sep := after[figs[len(figs)-1].end:n.start]; sep != "和" && sep != "、" {
			break
		}
		figs = append(figs, n)
	}
	if len(figs) == 0 || figs[0].start != 0 && figs[0].pre == "" {
		return nil, nil, pos
	}
	if figs[0].start != 0 && !strings.HasPrefix(after, figs[0].pre) {
		return nil, nil, pos
	}
	end := base + figs[len(figs)-1].end
	sign, isGrowth := growthVerbs[verb]
	if measuredAsGrowth && !isGrowth {
		sign, isGrowth = 1, true
	}
	var items []model.Indicator
	if figs[0].unit == "" {
		return nil, nil, pos
	}
	for _, f := range figs {
		in := model.Indicator{Name: names.canonical(raw), RawName: raw}
		if isGrowth && f.unit == "%" && in.Name != "居民消费价格涨幅" {
			in.Growth = model.Float(sign * f.value)
		} else {
			in.Value, in.Unit = model.Float(f.value), f.unit
		}
		items = append(items, in)
	}
	var extra []float64
	// A value may be followed by its growth: "253.7亿元，同比增长10.1%", "分别增长9%和9.8%".
	if !isGrowth {
		tail := x.body[end:min(limit, end+300)]
		// "7130万元(当年度因……减收近7600万元),同口径增长12.7%": the aside is skipped.
		if strings.HasPrefix(tail, "（") || strings.HasPrefix(tail, "(") {
			if c := runes.IndexAny(tail, "）)"); c > 0 && c < 240 {
				_, w := utf8.DecodeRuneInString(tail[c:])
				end += c + w
				tail = x.body[end:min(limit, end+200)]
			}
		}
		if m, ok := growthAfterIndex(tail); ok {
			var gsBuf [4]number
			gs := gsBuf[:0]
			for n := range numbersIn(tail[m[1] : m[1]+cutAt(tail[m[1]:], 80)]) {
				if len(gs) == 0 && n.start != 0 || n.unit != "%" {
					break
				}
				if len(gs) > 0 {
					sep := tail[m[1]+gs[len(gs)-1].end : m[1]+n.start]
					if sep != "和" && sep != "、" {
						break
					}
				}
				gs = append(gs, n)
			}
			if len(gs) > 0 {
				sign := growthVerbs[tail[m[2]:m[3]]]
				for i := range items {
					gi := gs[min(i, len(gs)-1)]
					items[i].Growth = model.Float(sign * gi.value)
				}
				if len(items) == 1 && len(gs) > 1 && strings.Contains(tail[:m[1]], "分别") {
					items[0].Growth = model.Float(sign * gs[len(gs)-1].value)
					for _, gi := range gs[:len(gs)-1] {
						extra = append(extra, sign*gi.value)
					}
				}
				end += m[1] + gs[len(gs)-1].end
			}
		}
	}
	// 城乡居民人均可支配收入…2.57万元和1.68万元: urban, then rural.
	if len(items) == 2 && items[0].Name == "居民人均可支配收入" {
		items[0].Name, items[1].Name = "城镇居民人均可支配收入", "农村居民人均可支配收入"
	} else if len(items) > 1 {
		items = items[:1]
	}
	return items, extra, end
}
