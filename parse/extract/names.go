package extract

import (
	"baogao/parse/runes"
	"baogao/parse/rx"
	"strings"
	"unicode/utf8"

	"baogao/model"
)

var spellings = model.Spellings()

// canonical maps a raw name onto the spec's canonical names, or keeps the report's own wording.
// The name is first cleaned of scope in front and of measure words behind (增幅, 降低率, 人数),
// and a known name followed only by a frame ("…扣除减税降费因素后", "（含…）") is still that name.
func canonical(raw string) string {
	raw = cleanName(raw)
	if n, ok := model.CanonicalName(raw); ok {
		return n
	}
	// Spellings the table need not list: 常住 (城乡常住居民人均可支配收入), an aside in brackets
	// (全社会研发（R&D）经费支出占GDP比重), the scope 全社会.
	for _, v := range []string{strings.Replace(raw, "常住", "", 1), bracketed.ReplaceAllString(raw, ""), strings.TrimPrefix(bracketed.ReplaceAllString(raw, ""), "全社会")} {
		if n, ok := model.CanonicalName(v); ok && v != raw {
			return n
		}
	}
	for _, sp := range spellings {
		if strings.HasPrefix(raw, sp) && fillerOK.MatchString(raw[len(sp):]) {
			n, _ := model.CanonicalName(sp)
			return n
		}
	}
	return raw
}

var bracketed = rx.MustCompile(`[(（][^()（）]*[)）]`)

// What may follow a known name and still leave it that name.
var fillerOK = rx.MustCompile(`^(?:[(（].*[)）])?$|^(?:[(（].*[)）])?(?:扣除|剔除)|^因素|^同口径|^可比|^同比|^按可比价|^总量|^增速|^预计|^分别`)

// cleanName strips scope and framing words from the front of a name and measure words from its end.
func cleanName(s string) string {
	s = trimName(s)
	for changed := true; changed; {
		changed = false
		if suf := longestSuffix(s, nameSuffixes); suf != "" && runes.Count(s) > runes.Count(suf)+1 {
			s = strings.TrimSuffix(s, suf)
			changed = true
		}
	}
	return trimMarks(s)
}

// trimName strips scope and framing words from the front of a name.
func trimName(s string) string {
	s = strings.TrimSpace(s)
	for changed := true; changed; {
		changed = false
		if r, _ := utf8.DecodeRuneInString(s); r < 1<<16 && namePrefixLeads[r/64]>>(r%64)&1 == 0 {
			break // no prefix begins so: most names begin with none
		}
		if p := longestPrefix(s, namePrefixes); p != "" && len(s) > len(p) {
			s = strings.TrimPrefix(s, p)
			changed = true
		}
	}
	return trimMarks(s)
}

// namePrefixLeads is the first characters of namePrefixes, by bit.
var namePrefixLeads = func() (t [1 << 16 / 64]uint64) {
	for _, p := range namePrefixes {
		r, _ := utf8.DecodeRuneInString(p)
		if r >= 1<<16 {
			panic(p) // a programming error: the prefixes are written in rules.go
		}
		t[r/64] |= 1 << (r % 64)
	}
	return t
}()

// trimMarks is strings.Trim(s, " ，,、") by the marks' bytes: most names have none at either end,
// which two comparisons a side tell (strings.Trim decodes a rune at each end and looks it up for
// a cut that is not all ASCII, and names are trimmed by the hundred in every report).
func trimMarks(s string) string {
	for len(s) > 0 {
		if s[0] == ' ' || s[0] == ',' {
			s = s[1:]
		} else if strings.HasPrefix(s, "，") || strings.HasPrefix(s, "、") {
			s = s[len("，"):]
		} else {
			break
		}
	}
	for len(s) > 0 {
		if c := s[len(s)-1]; c == ' ' || c == ',' {
			s = s[:len(s)-1]
		} else if strings.HasSuffix(s, "，") || strings.HasSuffix(s, "、") {
			s = s[:len(s)-len("，")]
		} else {
			break
		}
	}
	return s
}

// knownPrefix returns the longest canonical spelling s begins with, when what follows it does not
// make it another noun (城乡居民收入比 is not 城乡居民收入; 居民消费价格合理回升 is 居民消费价格).
func knownPrefix(s string) string {
	for _, sp := range spellings {
		if !strings.HasPrefix(s, sp) {
			continue
		}
		rest := s[len(sp):]
		if hasAnyPrefix(rest, "比", "率", "倍差", "差距", "占", "比重", "结构", "强度", "密度", "中的", "总额", "总值", "额", "指数") && !hasAnyPrefix(rest, "比上年", "比去年", "比增") {
			continue
		}
		return sp
	}
	return ""
}

// isIndicator says a phrase names an indicator by itself: a known spelling, or a phrase that ends
// in an indicator noun (播种面积, 地表水水质优良率).
func isIndicator(s string) bool {
	if isPollutant(s) && longestPrefix(strings.TrimPrefix(s, "主要污染物"), pollutants) == strings.TrimPrefix(s, "主要污染物") {
		return false // 化学需氧量 is a substance; its 排放量 is the indicator
	}
	if _, ok := model.CanonicalName(cleanName(s)); ok {
		return true
	}
	for _, n := range indicatorNouns {
		if strings.HasSuffix(s, n) {
			return true
		}
	}
	return strings.HasSuffix(s, "率") || strings.HasSuffix(s, "量") || strings.HasSuffix(s, "数")
}

// splitSubject reads the subject of a clause as the names it coordinates:
//
//	A、B、C            → A, B, C (each an indicator: 规模以上工业增加值、社会消费品零售总额、进出口总额均增长8%以上)
//	城镇、农村X / 城镇和农村X → 城镇X, 农村X (modifiers sharing a head: 城镇、农村居民人均可支配收入)
//	A和B / A及B        → A, B when each names an indicator by itself (粮食产量和播种面积)
//	一、二、三产增加值     → 第一产业增加值, 第二产业增加值, 第三产业增加值
//	A、B等(约束性)指标    → A, B (the list the goal enumerates)
//
// distributed says figures are given to each name (分别), which lets a pollutant list split.
func splitSubject(s string, distributed bool) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if !strings.Contains(s, "、") && !strings.ContainsAny(s, "和及与") {
		return []string{s} // one name, as the reading below finds it, without its lists
	}
	// 城镇新增就业人数，城镇登记失业率、节能减排、安全生产等约束性指标: the goal's own list.
	listed := false
	if i := strings.LastIndex(s, "等"); i > 0 && strings.Contains(s[:i], "、") {
		tail := s[i+len("等"):]
		if strings.HasSuffix(tail, "指标") || strings.HasSuffix(tail, "目标") || strings.HasSuffix(tail, "任务") {
			s, listed = s[:i], true
		}
	}
	// 城镇、农村常住居民人均可支配收入增幅: the measure word belongs to every name of the list.
	for suf := longestSuffix(s, []string{"增幅", "增速", "比增"}); suf != "" && strings.Contains(s, "、"); suf = longestSuffix(s, []string{"增幅", "增速", "比增"}) {
		s = strings.TrimSuffix(s, suf)
	}
	parts := strings.Split(s, "、")
	var out []string
	for _, p := range parts {
		out = append(out, splitAnd(p)...)
	}
	if len(out) < 2 {
		return []string{s}
	}
	// A list of pollutants is one goal, unless each gets its own figure.
	if !distributed && !listed {
		np := 0
		for _, p := range out {
			if longestPrefix(trimName(p), pollutants) != "" || strings.HasPrefix(p, "主要污染物") {
				np++
			}
		}
		if np >= 2 {
			// 单位生产总值能耗和化学需氧量、二氧化硫…排放量: the known indicator names the goal.
			if first := cleanName(out[0]); knownPrefix(first) == first {
				return out[:1]
			}
			return []string{s}
		}
	}
	// 一、二、三产增加值 / 第一、第二、第三产业增加值 / 一产、二产、三产.
	if ind := industries(out); ind != nil {
		return ind
	}
	return shareHeads(out)
}

// splitAnd splits "A和B" / "A及B" when both sides are indicators, or when the left is a modifier
// the right's head completes (城镇和农村居民人均可支配收入); else it is one name (水和大气环境质量).
func splitAnd(p string) []string {
	for _, conj := range []string{"和", "及", "与"} {
		i := strings.Index(p, conj)
		if i <= 0 {
			continue
		}
		l, r := p[:i], p[i+len(conj):]
		if r == "" {
			continue
		}
		if summarises(r) {
			return []string{p} // 能耗及排放等约束性指标: one goal that its list only illustrates
		}
		if isIndicator(l) && (isIndicator(r) || isPollutant(r)) || headOf(r, l) != "" {
			return append([]string{l}, splitAnd(r)...)
		}
	}
	return []string{p}
}

// summarises says a name ends in the summary noun of a list: 排放等约束性指标, 环境保护等任务.
func summarises(s string) bool {
	i := strings.LastIndex(s, "等")
	if i < 0 {
		return false
	}
	tail := s[i+len("等"):]
	return strings.HasSuffix(tail, "指标") || strings.HasSuffix(tail, "目标") || strings.HasSuffix(tail, "任务")
}

// headOf returns the head the right name shares with a modifier on the left: for 农村居民人均可支配收入
// and 城镇, 居民人均可支配收入; "" when left already names an indicator or none fits.
func headOf(right, left string) string {
	left = strings.TrimPrefix(left, "主要污染物")
	if left == "" || isIndicator(left) || runes.Count(left) > 6 {
		return ""
	}
	for _, h := range sharedHeads {
		if strings.HasSuffix(right, h) && right != h {
			return h
		}
	}
	return ""
}

// shareHeads completes modifiers with the head of the last name: 城镇 + 农村常住居民人均可支配收入
// → 城镇常住居民人均可支配收入; 城镇常住居民 + 农村居民人均可支配收入 → 城镇常住居民人均可支配收入.
func shareHeads(parts []string) []string {
	last := parts[len(parts)-1]
	out := make([]string, len(parts))
	copy(out, parts)
	// 规上工业总产值、增加值: a bare head after the first name takes the first name's modifier.
	if h := longestSuffix(parts[0], bareHeads); h != "" && len(parts[0]) > len(h) {
		mod := strings.TrimSuffix(parts[0], h)
		shared := false
		for i := 1; i < len(parts); i++ {
			if longestPrefix(parts[i], bareHeads) == parts[i] {
				out[i], shared = mod+parts[i], true
			}
		}
		if shared {
			return out
		}
	}
	for i := 0; i < len(parts)-1; i++ {
		p := parts[i]
		// only a short modifier takes the head (城镇, 农村, 大气); 能耗双控 is a goal of its own
		if !isPollutant(p) && (isIndicator(p) || hasAny(p, indicatorNouns) || runes.Count(p) > 4) {
			continue
		}
		best := ""
		for _, h := range sharedHeads {
			if !strings.HasSuffix(last, h) || last == h {
				continue
			}
			c := overlapJoin(p, h)
			if _, ok := model.CanonicalName(c); ok {
				best = c
				break
			}
			if best == "" {
				best = c
			}
		}
		if best != "" {
			out[i] = strings.TrimPrefix(best, "主要污染物")
		}
	}
	return out
}

// overlapJoin joins a modifier and a head without repeating what they share: 城镇常住居民 +
// 居民人均可支配收入 → 城镇常住居民人均可支配收入.
func overlapJoin(mod, head string) string {
	for k := min(len(mod), len(head)); k > 0; k-- {
		if strings.HasSuffix(mod, head[:k]) && utf8.ValidString(head[:k]) {
			return mod + head[k:]
		}
	}
	return mod + head
}

var industryNames = map[string]string{"一": "第一产业增加值", "二": "第二产业增加值", "三": "第三产业增加值"}

// industries reads a list of the three industries, or returns nil.
func industries(parts []string) []string {
	var out []string
	for _, p := range parts {
		m := industryRe.FindStringSubmatch(trimName(p))
		if m == nil {
			return nil
		}
		out = append(out, industryNames[m[1]])
	}
	return out
}

// splitUrbanRural expands one name that covers town and country (城乡居民人均可支配收入) into the two
// indicators when the figures are given to each (分别增长7%和8%, 均增长7%).
func splitUrbanRural(raw string) []string {
	if !strings.Contains(raw, "城乡") || !strings.HasSuffix(raw, "收入") {
		return nil
	}
	var out []string
	for _, side := range []string{"城镇", "农村"} {
		out = append(out, canonical(strings.Replace(raw, "城乡", side, 1)))
	}
	return out
}

// isPollutant says a name begins with a pollutant (化学需氧量, 二氧化硫排放量).
func isPollutant(s string) bool {
	return longestPrefix(strings.TrimPrefix(s, "主要污染物"), pollutants) != ""
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}
