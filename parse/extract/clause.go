package extract

import (
	"baogao/parse/runes"
	"baogao/parse/rx"
	"strconv"
	"strings"
	"unicode/utf8"

	"baogao/model"
)

// clause is one piece of a goals sentence, cut at ，；; and at 、 after a figure.
type clause struct {
	text string
	off  int // byte offset in the body
}

// splitClauses cuts a sentence into clauses at ，,；; outside brackets, and at a 、 that follows a
// figure when no figure follows it (增长6%、力争7%; 增长7%左右、进出口增长3%), never inside a
// figure list (分别增长5%、6%、4.8%).
func splitClauses(sent string, base int) []clause {
	var out []clause
	depth, start := 0, 0
	emit := func(end, next int) {
		t := sent[start:end]
		lead := len(t) - len(strings.TrimLeft(t, " \u3000"))
		if s := strings.TrimSpace(t); s != "" {
			out = append(out, clause{s, base + start + lead})
		}
		start = next
	}
	for i, r := range sent {
		switch r {
		case '（', '(', '【', '[':
			depth++
		case '）', ')', '】', ']':
			depth = max(0, depth-1)
		case '，', ',', '；', ';':
			if depth == 0 {
				emit(i, i+utf8.RuneLen(r))
			}
		case '、':
			// 保持稳定增长、力争达到3%: a stretch after a goal is a clause of its own.
			if depth == 0 && (afterFigure(sent[:i]) && !beforeFigure(sent[i+len("、"):]) || hasAnyPrefix(sent[i+len("、"):], stretchWords...)) {
				emit(i, i+len("、"))
			}
		}
	}
	emit(len(sent), len(sent))
	return out
}

var (
	figureEnd   = rx.MustCompile(`\d(?:` + alternation(units) + `)?(?:` + alternation(postQualifiers) + `)?$`)
	figureStart = rx.MustCompile(`^(?:` + alternation(preQualifiers) + `)?\d`)
)

func afterFigure(s string) bool  { return figureEnd.MatchString(s[max(0, len(s)-24):]) }
func beforeFigure(s string) bool { return figureStart.MatchString(s[:min(len(s), 16)]) }

// reading is what one clause says: indicators, or figures that add to the clause before it
// (a continuation: 达到240亿元，同比增长21%; 确保增长6.5%、力争7%), or a bare name whose
// predicate the next clause gives (城镇新增就业人数，城镇登记失业率…完成…目标).
type reading struct {
	items    []model.Indicator
	cont     *continuation
	subject  []string // a bare subject waiting for its predicate
	unread   bool     // it holds a figure or names an indicator, and the grammar could not read it
	wordOnly bool     // the items have no figure
}

// continuation is a clause with a figure but no name.
type continuation struct {
	n       number
	growth  bool // the verb is one of change (增长, 下降): a per cent is the growth
	sign    float64
	stretch bool
}

// keep a figure that opens a clause and is followed by a name: "500万元以上固定资产投资提质增量"
// names its scope, not a goal.
func scopeFigure(cl string, n number) bool {
	return n.start == 0 && (n.post == "以上" || n.post == "以下") && n.end < len(cl) && hasHan(cl[n.end:min(len(cl), n.end+3)])
}

// 保8争9: growth 8, stretch 9.
var baoZhengRe = rx.MustCompile(`保(\d+(?:\.\d+)?)%?争(\d+(?:\.\d+)?)%?`)

// Comparisons that make a figure relative to another body: 增速高于全省0.5个百分点左右.
var comparisons = []string{"高于", "低于", "快于", "慢于", "超过", "领先", "超出"}

// readClause reads one clause of a goals passage as subject + predicate + figures.
func readClause(cl string) reading {
	nums := readNumbers(cl)
	if len(nums) > 0 && scopeFigure(cl, nums[0]) {
		nums = nums[1:]
	}
	if m := baoZhengRe.FindStringSubmatchIndex(cl); m != nil {
		// 保8争9: growth 8 that it secures, 9 that it strives for.
		lo, err1 := strconv.ParseFloat(cl[m[2]:m[3]], 64)
		hi, err2 := strconv.ParseFloat(cl[m[4]:m[5]], 64)
		pre := stripFrames(strings.TrimSuffix(strings.TrimSpace(cl[:m[0]]), "增长"))
		if err1 != nil || err2 != nil || !hasHan(trimName(pre)) {
			return reading{unread: true}
		}
		var out []model.Indicator
		for _, nm := range splitSubject(pre, false) {
			out = append(out, model.Indicator{Name: canonical(nm), RawName: cleanName(nm), Growth: model.Float(lo), Stretch: model.Float(hi)})
		}
		return reading{items: out}
	}
	if len(nums) == 0 {
		return wordClause(cl)
	}
	first := nums[0]
	pre := strings.TrimRight(cl[:first.start], " \u3000")
	if i := strings.LastIndexAny(pre, "：:"); i >= 0 {
		_, w := utf8.DecodeRuneInString(pre[i:])
		pre = pre[i+w:] // 更加注重…的指标：高新技术产业产值占…比重达56.2%: the goal follows the colon
	}
	// A relative target: 农村居民人均可支配收入增长高于城镇1个百分点以上.
	if first.unit == "个百分点" {
		return relative(cl, first)
	}
	pre, lead := stripQualifier(pre)
	if first.pre == "" {
		first.pre = lead
	}
	if strings.HasSuffix(pre, "完成投资") && len(pre) > len("完成投资") {
		pre = strings.TrimSuffix(pre, "完成投资") + "投资完成" // 重点项目完成投资N亿元: the investment is the indicator
	}
	verb, sign, isGrowth := findVerb(pre)
	if strings.ContainsAny(pre, "“”\"") || first.unit == "" && verb == "" {
		// 落实“1+1+9”工作部署: a figure in a slogan's quotes, or a bare number with no verb, is no goal.
		return reading{}
	}
	pre = strings.TrimSuffix(pre, verb)
	framed := pre
	pre = stripFrames(pre)
	distributed := strings.Contains(cl, "分别")
	stretch := first.pre == "力争" || hasAny(framed[len(pre):], stretchWords) && !hasAny(framed, []string{"确保"})
	if _, known := model.CanonicalName(cleanName(pre)); !known && !hasHan(trimName(pre)) || trimName(pre) == "" {
		return reading{cont: &continuation{n: first, growth: isGrowth, sign: sign, stretch: stretch || hasAnyPrefix(strings.TrimSpace(cl), stretchWords...)}}
	}
	measuredAsGrowth := longestSuffix(pre, []string{"增速", "增幅", "增长率"}) != ""
	if measuredAsGrowth && !isGrowth {
		isGrowth, sign = true, 1
	}
	// Figures after the first that belong to the same verb: 分别增长9.5%和11%; 5%、6%、4.8%.
	figs := []number{first}
	var stretchFig *number
	for _, n := range nums[1:] {
		last := figs[len(figs)-1].end
		if stretchFig != nil {
			last = stretchFig.end
		}
		between := strings.TrimSpace(cl[last:n.start])
		if between == "和" || between == "、" || between == "及" {
			if n.pre == "力争" {
				stretchFig = &n
				continue
			}
			if stretchFig == nil {
				figs = append(figs, n)
				continue
			}
		}
		if hasAny(between, stretchWords) && stretchFig == nil {
			stretchFig = &n
			continue
		}
		break
	}
	names := splitSubject(pre, distributed)
	if len(names) == 1 && len(figs) > 1 {
		if ur := splitUrbanRural(names[0]); ur != nil && len(figs) == 2 {
			names = ur
		} else if strings.Contains(names[0], "三次产业") || strings.Contains(names[0], "三产") && len(figs) == 3 {
			names = []string{"第一产业增加值", "第二产业增加值", "第三产业增加值"}
		}
	} else if len(names) == 1 && len(figs) == 1 && strings.Contains(cl, "均") {
		if ur := splitUrbanRural(names[0]); ur != nil {
			names = ur
		}
	}
	var out []model.Indicator
	for i, nm := range names {
		f := figs[min(i, len(figs)-1)]
		in := figure(nm, isGrowth, sign, f)
		if stretchFig != nil && in.Growth != nil && stretchFig.unit == "%" {
			in.Stretch = model.Float(stretchFig.value)
		}
		if in.Qualifier == "" && strings.Contains(framed[len(pre):], "力争") && !stretch {
			in.Qualifier = "力争"
		}
		out = append(out, in)
	}
	return reading{items: out}
}

// findVerb returns the verb pre ends with, longest first, and whether it is one of change.
func findVerb(pre string) (verb string, sign float64, growth bool) {
	best := longestSuffix(pre, growthVerbList)
	lv := longestSuffix(pre, levelVerbs)
	if len(lv) > len(best) {
		return lv, 1, false
	}
	if best != "" {
		return best, growthVerbs[best], true
	}
	return "", 1, false
}

// stripFrames removes the frame words that stand between a name and its verb (同比, 比上年, 可比,
// 均, 分别, 确保, 力争, 按可比价格计算), from the end, as often as they are stacked.
func stripFrames(pre string) string {
	for changed := true; changed; {
		changed = false
		pre = strings.TrimRight(pre, " ，,")
		if f := longestSuffix(pre, frameWords); f != "" {
			pre = strings.TrimSuffix(pre, f)
			changed = true
		}
		// "…增长与经济增长同步" never reaches here; "增长" before the figure's own verb does:
		// 涨幅控制在 → the verb took 控制在; 增速达到 keeps 增速 as the measure.
	}
	return pre
}

var qualifierWords = []string{"不低于", "不少于", "不高于", "不超过", "超过", "高于", "力争"}

func stripQualifier(pre string) (string, string) {
	if q := longestSuffix(pre, qualifierWords); q != "" {
		return strings.TrimSuffix(pre, q), q
	}
	return pre, ""
}

// relative reads a target set against another body's: 增速高于全省0.5个百分点左右 has no growth of
// its own; its words are the qualifier.
func relative(cl string, n number) reading {
	pre := cl[:n.start]
	at := -1
	for _, c := range comparisons {
		if i := strings.LastIndex(pre, c); i >= 0 && i > at {
			at = i
		}
	}
	if at <= 0 {
		return reading{unread: true}
	}
	name := stripFrames(strings.TrimSuffix(stripFrames(pre[:at]), "增长"))
	name = strings.TrimSuffix(strings.TrimSuffix(name, "增速"), "增幅")
	if !hasHan(trimName(name)) {
		return reading{unread: true}
	}
	var out []model.Indicator
	for _, nm := range splitSubject(name, false) {
		out = append(out, model.Indicator{Name: canonical(nm), RawName: nm, Qualifier: cl[at:n.end]})
	}
	return reading{items: out}
}

// figure builds an indicator from a name, its verb and a figure: growth for a change in per cent,
// value otherwise. Prices are a level whatever the verb (spec: 居民消费价格涨幅 is a value in %).
func figure(raw string, isGrowth bool, sign float64, n number) model.Indicator {
	name := canonical(raw)
	in := model.Indicator{Name: name, RawName: cleanName(raw)}
	switch {
	case name == "居民消费价格涨幅" && n.unit == "%":
		v := n.value
		if sign < 0 && isGrowth {
			v = -v
		}
		in.Value, in.Unit = model.Float(v), "%"
	case isGrowth && n.unit == "%":
		in.Growth = model.Float(sign * n.value)
		if n.upper != nil {
			in.Stretch = model.Float(sign * *n.upper)
		}
	default:
		in.Value = model.Float(n.value)
		in.Unit = n.unit
		if n.upper != nil {
			in.Stretch = model.Float(*n.upper)
		}
	}
	switch {
	case n.post != "":
		in.Qualifier = n.post
	case n.pre != "" && n.pre != "约" && n.pre != "近":
		in.Qualifier = n.pre
	}
	if in.Qualifier == "超" {
		in.Qualifier = "超过"
	}
	return in
}

// Whose the object is: 上级下达的, 国家下达的, 省定的 … are not part of its name.
var issuedBy = rx.MustCompile(`^(?:[\p{Han}]{0,6}?(?:下达|确定|要求|规定)的?)`)

// wordClause reads a goal stated without a figure (固定资产投资保持增长态势; 居民收入增长和经济增长
// 基本同步; 空气质量优良天数比率和地表水水质优良率均完成国家下达任务); a clause that names no
// indicator is a slogan and yields nothing.
func wordClause(cl string) reading {
	if !hasAny(cl, indicatorNouns) || strings.ContainsAny(cl, "“”\"「」") || strings.Contains(cl, "上述") {
		return reading{}
	}
	qual := ""
	s := cl
	if i := strings.LastIndexAny(s, "：:"); i >= 0 {
		_, w := utf8.DecodeRuneInString(s[i:])
		s = s[i+w:] // 更加注重彰显高质量发展的指标：高新技术产业产值占…比重: the goal is what the colon introduces
	}
	if strings.HasPrefix(s, "力争") {
		qual = "力争"
	}
	// The object after a verb that opens the clause.
	verbFirst := false
	if i := strings.Index(s, "完成"); i >= 0 && (i == 0 || hasAnyPrefix(s, "按照", "根据", "确保", "全面", "力争", "坚决")) && i < len(s)-len("完成") {
		obj := s[i+len("完成"):]
		obj = issuedBy.ReplaceAllString(obj, "")
		if hasAny(obj, indicatorNouns) || strings.HasSuffix(obj, "任务") {
			s, verbFirst = obj, true
		}
	}
	s = trimName(s)
	for _, v := range []string{"提高", "提升", "推动", "加快", "保持", "上级下达的"} {
		s = strings.TrimPrefix(s, v)
	}
	name := s
	cut := len(name)
	if k := knownPrefix(name); k != "" && !coordinatedAfter(name[len(k):]) {
		cut = len(k)
		// 城乡居民人均可支配收入与经济增长同步: the known name ends where its predicate starts.
		// A predicate right after it, or a conjunction that brings what it keeps pace with
		// (城乡居民人均可支配收入和经济增长基本同步), leaves the name as it is.
		rest := name[cut:]
		pacing := hasAnyPrefix(rest, "和", "与", "同") && hasAny(rest, []string{"同步", "持平"})
		if p := predicateAt(rest); p > 0 && !startsWithPredicate(rest) && !pacing {
			cut += p
		}
	} else if p := predicateAt(name); p >= 0 && !verbFirst {
		cut = p // an object after 完成 is a noun phrase: 环境质量改善目标 keeps its 改善
	}
	if verbFirst {
		// 完成节能减排年度目标任务: the goal is 节能减排; its 年度目标任务 is how it is set.
		for _, suf := range []string{"年度目标任务", "目标任务", "年度任务"} {
			if t := strings.TrimSuffix(name[:cut], suf); t != name[:cut] && hasAny(t, indicatorNouns) {
				cut = len(t)
				break
			}
		}
	}
	bare := cut == len(name) && !verbFirst // no predicate at all: a subject waiting for one
	name = name[:cut]
	if i := strings.LastIndex(name, "的"); i >= 0 {
		name = name[i+len("的"):]
	}
	name = strings.TrimSuffix(strings.TrimSuffix(name, "增长"), "增速")
	name = strings.TrimSuffix(name, "均")
	if runes.Count(name) < 2 || !hasAny(name+cl[min(len(cl), cut):], indicatorNouns) {
		return reading{unread: hasAny(cl, indicatorNouns) && runes.Count(cl) <= 40}
	}
	switch {
	case relativeAt(cl) >= 0:
		qual = cl[relativeAt(cl):] // 增速高于全省平均水平: relative to another body, kept as said
	case strings.Contains(cl, "基本同步"):
		qual = "基本同步"
	case strings.Contains(cl, "同步"):
		qual = "同步"
	case strings.Contains(cl, "持平"):
		if m := evenWith.FindString(cl); m != "" {
			qual = m
		} else {
			qual = "持平"
		}
	}
	names := splitSubject(name, false)
	if bare {
		for _, nm := range names {
			if !isIndicator(nm) {
				return reading{}
			}
		}
		return reading{subject: names}
	}
	var out []model.Indicator
	for _, nm := range names {
		out = append(out, model.Indicator{Name: wordName(nm), RawName: cleanName(nm), Qualifier: qual})
	}
	return reading{items: out, wordOnly: true}
}

// relativeAt returns where a comparison with another body starts (高于全省平均水平, 不高于全省平均,
// 快于全国), or -1: the clause must name that body, so 高于 alone is no comparison.
func relativeAt(cl string) int {
	at := -1
	for _, c := range []string{"不高于", "不低于", "高于", "低于", "快于", "好于", "慢于"} {
		if i := strings.Index(cl, c); i > 0 && (at < 0 || i < at) && hasAny(cl[i:], []string{"全省", "全国", "全市", "全区", "全州", "平均", "国省", "城镇", "经济增长"}) {
			at = i
		}
	}
	return at
}

var evenWith = rx.MustCompile(`与[\p{Han}]{1,4}持平`)

// wordName maps a name read without a figure: a known spelling at its start names it
// (能耗强度控制目标任务 is 单位GDP能耗), else the report's own words.
func wordName(nm string) string {
	c := canonical(nm)
	if _, ok := model.CanonicalName(c); ok {
		return c
	}
	if k := knownPrefix(cleanName(nm)); k != "" && !hasAnyPrefix(cleanName(nm)[len(k):], "和", "及", "、") {
		n, _ := model.CanonicalName(k)
		return n
	}
	return c
}

// coordinatedAfter says the rest of a clause after a known name goes on to another name before
// any predicate (单位GDP能耗降低率、生态环境质量指标完成…).
func coordinatedAfter(rest string) bool {
	i := strings.Index(rest, "、")
	if i < 0 {
		return false
	}
	p := predicateFrom(rest, 0)
	return p < 0 || p > i
}

func startsWithPredicate(s string) bool { return longestPrefix(s, predicates) != "" }

// predicateAt returns the byte index of the first predicate word in s after its start, or -1.
func predicateAt(s string) int { return predicateFrom(s, 1) }

// predicateFrom returns the byte index of the first predicate word in s at or after byte from,
// or -1.
func predicateFrom(s string, from0 int) int {
	cut := -1
	for _, p := range predicates {
		for from := 0; from < len(s); {
			i := strings.Index(s[from:], p)
			if i < 0 {
				break
			}
			i += from
			// 降低率, 增长率 are nouns: the verb inside them is no predicate
			if strings.HasPrefix(s[i+len(p):], "率") {
				from = i + len(p)
				continue
			}
			if i >= from0 && (cut < 0 || i < cut) {
				cut = i
			}
			break
		}
	}
	return cut
}

// applyContinuation adds a name-less clause's figure to the clause before it.
func applyContinuation(in *model.Indicator, c continuation) bool {
	n := c.n
	switch {
	case c.stretch && n.unit == "%" && in.Growth != nil:
		in.Stretch = model.Float(n.value)
	case c.stretch && in.Value != nil && n.unit == in.Unit:
		in.Stretch = model.Float(n.value)
	case c.stretch && in.Value == nil && in.Growth == nil && n.unit == "%":
		in.Stretch = model.Float(n.value) // 固定资产投资保持稳定增长、力争达到3%
	case c.growth && n.unit == "%" && in.Growth == nil && in.Name != "居民消费价格涨幅":
		in.Growth = model.Float(c.sign * n.value)
		if in.Qualifier == "" {
			in.Qualifier = n.post
		}
	case !c.growth && n.unit != "" && n.unit != "%" && in.Value == nil:
		in.Value = model.Float(n.value)
		in.Unit = n.unit
	case !c.growth && n.unit == "%" && in.Value == nil && in.Growth == nil:
		in.Value, in.Unit = model.Float(n.value), "%"
	default:
		return false
	}
	return true
}
