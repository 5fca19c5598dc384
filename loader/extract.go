package loader

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"baogao/model"
)

var (
	// Where the plan year's expected goals are announced.
	targetTrigger = regexp.MustCompile(`(?:主要)?预期(?:性)?目标(?:是|为|建议为|确定为|如下)?\s*[:：]|主要预期目标(?:是|为)|(?:经济社会发展|全[镇区市县省乡]发展|今年发展)的?主要目标(?:是|为)\s*[:：]?|主要指标(?:是|为)\s*[:：]`)
	// Sentences that end the goals and start the work plan.
	targetStop = regexp.MustCompile(`^(?:为实现|为完成|实现上述|围绕上述|围绕这些|完成上述|做好今年|今年的?重点|重点(?:做好|抓好)|今年(?:政府)?(?:要|将)?重点|我们(?:要|将)|[(（][一二三四五六七八九十][)）]|[一二三四五六七八九十]、|一是|第一)`)
	// Nouns that make a clause without a figure a goal rather than a slogan.
	indicatorNoun = regexp.MustCompile(`指标|收入|投资|总额|总值|产值|增加值|浓度|能耗|排放|养老金|外资|内外资|消费品|就业|价格|失业率|收入比|税收|财政|生产总值|GDP|研发|人口|出口|进口|零售|环境质量|目标任务`)

	growthVerbs = []string{"负增长", "增长", "下降", "降低", "减少", "提高", "提升", "上升", "增加", "回落"}
	valueVerbs  = []string{"控制在", "保持在", "稳定在", "提高到", "提升到", "增加到", "下降到", "降低到", "达到", "达", "突破", "超过", "实现", "完成", "为", "总量达到", "总量", "超"}
	// Words in front of a name that scope or frame it but are not part of it.
	namePrefixes = []string{"其中", "同时", "力争", "确保", "预计", "全面完成", "完成", "实现", "全年", "今年", "年度", "年内", "区本级", "县本级", "市本级", "镇本级", "全省", "全市", "全区", "全县", "全镇", "全乡", "当年", "年末", "年底", "和", "及", "并", "以及"}
	// Where a goal without a figure stops naming and starts saying what happens to it.
	predicates = []string{"增长", "下降", "稳步", "保持", "持续", "平稳", "促稳", "提质", "达到", "完成", "进入", "实现", "稳定", "与", "控制", "明显", "逐步", "有所", "不断", "进一步", "年度", "同步", "持平", "快于", "高于", "低于", "好于", "继续", "大幅", "较快", "显著", "争取"}
	fillerOK   = regexp.MustCompile(`^(?:[(（].*[)）])?$|扣除|因素|同口径|可比|同比|按可比价|总量|增速|预计|分别`)
	listNoun   = regexp.MustCompile(`增加值|产值|收入|投资|总额|总值|消费|就业|外资|零售|出口|进出口|税收|利润`)
	clauseSep  = regexp.MustCompile(`[，,；;]`)
)

// extractor reads indicators out of one report's body.
type extractor struct {
	body string
	secs []model.Section
	cur  cursor
}

// cursor converts byte offsets to rune offsets walking forward from the last answer, so a scan
// that asks in increasing order costs one pass over the body, not one per question.
type cursor struct{ b, r int }

func (x *extractor) runeAt(b int) int {
	if b < x.cur.b {
		x.cur = cursor{}
	}
	x.cur.r += utf8.RuneCountInString(x.body[x.cur.b:b])
	x.cur.b = b
	return x.cur.r
}

// extractIndicators returns the review year's actual figures and the plan year's targets.
func extractIndicators(body string, secs []model.Section) []model.Indicator {
	x := &extractor{body: body, secs: secs}
	review := x.reviewSpans()
	var out []model.Indicator
	for _, sp := range review {
		out = append(out, x.actuals(sp[0], sp[1])...)
	}
	out = append(out, x.targets(review)...)
	return out
}

// reviewSpans returns the byte spans of the part that reviews the past year.
func (x *extractor) reviewSpans() [][2]int {
	var spans [][2]int
	for _, s := range x.secs {
		if strings.Contains(s.Title, "回顾") || strings.Contains(s.Title, "总结") {
			spans = append(spans, [2]int{byteOffset(x.body, s.Start), byteOffset(x.body, s.End)})
		}
	}
	if len(spans) > 0 {
		return spans
	}
	end := len(x.body)
	if len(x.secs) > 0 {
		end = byteOffset(x.body, x.secs[0].Start)
	}
	if locs := findTriggers(x.body); len(locs) > 0 && locs[0][0] < end {
		end = locs[0][0]
	}
	return [][2]int{{0, end}}
}

var triggerWords = []string{"预期目标", "预期性目标", "主要目标", "主要指标"}

// findTriggers returns the spans of targetTrigger matches. It looks for the literal words first:
// the regexp has no literal prefix and would crawl through every byte of every report.
func findTriggers(body string) [][2]int {
	var out [][2]int
	for _, w := range triggerWords {
		for from := 0; ; {
			i := strings.Index(body[from:], w)
			if i < 0 {
				break
			}
			i += from
			lo := max(0, i-40)
			for lo > 0 && !utf8.RuneStart(body[lo]) {
				lo--
			}
			hi := min(len(body), i+len(w)+20)
			for hi < len(body) && !utf8.RuneStart(body[hi]) {
				hi++
			}
			if loc := targetTrigger.FindStringIndex(body[lo:hi]); loc != nil && lo+loc[1] > i {
				out = append(out, [2]int{lo + loc[0], lo + loc[1]})
			}
			from = i + len(w)
		}
	}
	sort.Slice(out, func(a, b int) bool { return out[a][0] < out[b][0] })
	return out
}

func inSpans(spans [][2]int, b int) bool {
	for _, sp := range spans {
		if b >= sp[0] && b < sp[1] {
			return true
		}
	}
	return false
}

// targets reads the goals announced after "主要预期目标是：" — the first such passage outside
// the review — clause by clause.
func (x *extractor) targets(review [][2]int) []model.Indicator {
	start := -1
	triggers := findTriggers(x.body)
	for _, loc := range triggers {
		if !inSpans(review, loc[0]) {
			start = loc[1]
			break
		}
	}
	// No plan part was recognised: "主要预期目标是：" is specific enough to stand on its own.
	if start < 0 && len(triggers) > 0 {
		start = triggers[0][1]
	}
	if start < 0 {
		return nil
	}
	var out []model.Indicator
	pos := start
	listGoesOn := false
	for n := 0; n < 12 && pos < len(x.body); n++ {
		end := sentenceEnd(x.body, pos)
		sent := x.body[pos:end]
		trimmed := strings.TrimSpace(sent)
		if trimmed != "" {
			if targetStop.MatchString(trimmed) || utf8.RuneCountInString(trimmed) > 400 {
				break
			}
			if !strings.ContainsAny(trimmed, "0123456789") && !indicatorNoun.MatchString(trimmed) {
				break
			}
			// After the first sentence the goals go on only with figures or known names; what
			// follows them is how the year's work will be done.
			if n > 0 && len(readNumbers(trimmed)) == 0 && !startsWithName(trimmed) && !listGoesOn {
				// A short sentence naming one more goal ("能耗及排放等约束性指标完成省定任务") still
				// belongs; anything longer is the plan's prose.
				if utf8.RuneCountInString(trimmed) > 40 || clauseSep.MatchString(trimmed) || len(wordTarget(trimmed)) == 0 {
					break
				}
			}
			got := x.sentenceTargets(pos, sent)
			if len(got) == 0 && n > 0 {
				break
			}
			out = append(out, got...)
		}
		// One goal per line, each ending in "；": the list goes on to the next line.
		listGoesOn = end < len(x.body) && x.body[end] == '\n' && strings.HasSuffix(trimmed, "；") || strings.HasSuffix(trimmed, ";")
		pos = end + len("。")
		if end < len(x.body) && x.body[end] == '\n' {
			pos = end + 1
		}
	}
	return out
}

func startsWithName(s string) bool {
	s = trimName(s)
	for _, sp := range spellings {
		if strings.HasPrefix(s, sp) {
			return true
		}
	}
	return false
}

// sentenceEnd finds the end of the sentence starting at pos: a full stop or a line break, but not
// the OCR mark in "7.8％。以内", which belongs to its figure.
func sentenceEnd(s string, pos int) int {
	for {
		i := strings.IndexAny(s[pos:], "。\n")
		if i < 0 {
			return len(s)
		}
		e := pos + i
		if s[e] == '.' || s[e] != '\n' && strings.HasSuffix(s[:e], "%") && hasAnyPrefix(s[e+len("。"):], "以内", "左右", "以下") {
			pos = e + len("。")
			continue
		}
		return e
	}
}

func hasAnyPrefix(s string, ps ...string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// sentenceTargets reads the clauses of one sentence of the goals passage; base is its byte offset.
func (x *extractor) sentenceTargets(base int, sent string) []model.Indicator {
	var out []model.Indicator
	var starts []int // byte offset of each out[i]
	var last []int   // indexes in out of the previous clause's indicators
	cuts := clauseSep.FindAllStringIndex(sent, -1)
	prev := 0
	for i := 0; i <= len(cuts); i++ {
		end := len(sent)
		if i < len(cuts) {
			end = cuts[i][0]
		}
		cl := sent[prev:end]
		off := base + prev
		if i < len(cuts) {
			prev = cuts[i][1]
		}
		lead := len(cl) - len(strings.TrimLeft(cl, " "))
		cl = strings.TrimSpace(cl)
		off += lead
		if cl == "" {
			continue
		}
		items, cont := parseClause(cl)
		if cont != nil && len(last) > 0 {
			for _, k := range last {
				applyContinuation(&out[k], *cont)
				out[k].Text = x.body[byteOffset(x.body, out[k].Start) : off+len(cl)]
				out[k].End = x.runeAt(off + len(cl))
			}
			continue
		}
		if len(items) == 0 {
			continue
		}
		last = last[:0]
		for _, it := range items {
			it.Kind = model.Target
			it.Text = cl
			it.Start = x.runeAt(off)
			it.End = it.Start + utf8.RuneCountInString(cl)
			it.Section = x.sectionAt(it.Start)
			last = append(last, len(out))
			out = append(out, it)
			starts = append(starts, off)
		}
	}
	return out
}

// continuation is a clause with a figure but no name: it adds to the clause before it
// ("地区生产总值增长11%，达到282亿元"; "增长不低于5.5%，力争超6%").
type continuation struct {
	n       number
	stretch bool
}

func applyContinuation(in *model.Indicator, c continuation) {
	switch {
	case c.stretch && c.n.unit == "%" && in.Growth != nil:
		in.Stretch = model.Float(c.n.value)
	case c.n.unit != "" && c.n.unit != "%" && in.Value == nil:
		in.Value = model.Float(c.n.value)
		in.Unit = c.n.unit
	}
}

// parseClause reads one clause of the goals: a name, a verb, figures and hedges, or a named goal
// without a figure. A clause that is only a figure is returned as a continuation.
func parseClause(cl string) ([]model.Indicator, *continuation) {
	nums := readNumbers(cl)
	// "500万元以上固定资产投资提质增量": a figure that opens the clause and is followed by a
	// name is the name's scope, not a goal.
	if len(nums) > 0 && nums[0].start == 0 && (nums[0].post == "以上" || nums[0].post == "以下") && nums[0].end < len(cl) && hasHan(cl[nums[0].end:min(len(cl), nums[0].end+3)]) {
		nums = nums[1:]
	}
	if len(nums) == 0 {
		return wordTarget(cl), nil
	}
	first := nums[0]
	pre := cl[:first.start]
	verb := ""
	pre, lead := stripQualifier(pre)
	if first.pre == "" {
		first.pre = lead
	}
	for _, v := range append(append([]string{}, valueVerbs...), growthVerbs...) {
		if strings.HasSuffix(pre, v) && len(v) > len(verb) {
			verb = v
		}
	}
	pre = strings.TrimSuffix(pre, verb)
	pre = strings.TrimSuffix(pre, "分别")
	name := trimName(pre)
	if name == "" || !hasHan(name) {
		if first.pre == "力争" || strings.Contains(cl[:first.start], "力争") {
			return nil, &continuation{n: first, stretch: true}
		}
		return nil, &continuation{n: first}
	}
	names := splitNames(name, strings.Contains(cl, "分别"))
	// Figures after the first that belong to the same verb: "分别增长9.5%和11%".
	figs := []number{first}
	for _, n := range nums[1:] {
		between := cl[figs[len(figs)-1].end:n.start]
		if between == "和" || between == "、" || between == "，分别增长" || between == "，分别" {
			figs = append(figs, n)
		}
	}
	var out []model.Indicator
	for i, nm := range names {
		f := figs[min(i, len(figs)-1)]
		out = append(out, figure(nm, verb, f))
	}
	// 城乡居民人均可支配收入分别增长9.5%和11%: urban and rural, in that order.
	if len(names) == 1 && len(figs) == 2 && strings.Contains(cl, "分别") && out[0].Name == "居民人均可支配收入" {
		out = []model.Indicator{figure("城镇居民人均可支配收入", verb, figs[0]), figure("农村居民人均可支配收入", verb, figs[1])}
		out[0].RawName, out[1].RawName = names[0], names[0]
	}
	return out, nil
}

// figure builds an indicator from a name, its verb and a figure: growth for a change in per cent,
// value otherwise.
func figure(raw, verb string, n number) model.Indicator {
	name := canonical(raw)
	in := model.Indicator{Name: name, RawName: raw}
	isGrowth := false
	for _, v := range growthVerbs {
		if v == verb {
			isGrowth = true
		}
	}
	if isGrowth && n.unit == "%" {
		g := n.value
		if verb == "下降" || verb == "降低" || verb == "减少" || verb == "负增长" || verb == "回落" {
			g = -g
		}
		in.Growth = model.Float(g)
	} else {
		in.Value = model.Float(n.value)
		in.Unit = n.unit
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

var qualifierWords = []string{"不低于", "不少于", "不高于", "不超过", "超过", "高于", "力争"}

func stripQualifier(pre string) (string, string) {
	for _, q := range qualifierWords {
		if strings.HasSuffix(pre, q) {
			return strings.TrimSuffix(pre, q), q
		}
	}
	return pre, ""
}

// wordTarget reads a goal stated without a figure ("固定资产投资保持增长态势", "全面完成上级下达的
// 节能减排约束性指标"); a clause that names no indicator is a slogan and yields nothing.
func wordTarget(cl string) []model.Indicator {
	if !indicatorNoun.MatchString(cl) || strings.ContainsAny(cl, "：:“”\"「」") || strings.Contains(cl, "上述") {
		return nil
	}
	qual := ""
	s := cl
	if strings.HasPrefix(s, "力争") {
		qual = "力争"
	}
	s = trimName(s)
	for _, v := range []string{"提高", "提升", "推动", "加快", "保持", "上级下达的"} {
		s = strings.TrimPrefix(s, v)
	}
	name := s
	cut := len(name)
	for _, p := range predicates {
		if i := strings.Index(name, p); i > 0 && i < cut {
			cut = i
		}
	}
	name = name[:cut]
	if i := strings.LastIndex(name, "的"); i >= 0 {
		name = name[i+len("的"):]
	}
	name = strings.TrimSuffix(strings.TrimSuffix(name, "增长"), "增速")
	if utf8.RuneCountInString(name) < 2 || !indicatorNoun.MatchString(name+cl[cut:]) {
		return nil
	}
	switch {
	case strings.Contains(cl, "基本同步"):
		qual = "基本同步"
	case strings.Contains(cl, "同步"):
		qual = "同步"
	case strings.Contains(cl, "持平"):
		if m := regexp.MustCompile(`与[\p{Han}]{1,4}持平`).FindString(cl); m != "" {
			qual = m
		} else {
			qual = "持平"
		}
	}
	var out []model.Indicator
	for _, nm := range splitNames(name, true) {
		out = append(out, model.Indicator{Name: canonical(nm), RawName: nm, Qualifier: qual})
	}
	return out
}

// trimName strips scope and framing words from the front of a name.
func trimName(s string) string {
	s = strings.TrimSpace(s)
	for changed := true; changed; {
		changed = false
		for _, p := range namePrefixes {
			if strings.HasPrefix(s, p) && len(s) > len(p) {
				s = strings.TrimPrefix(s, p)
				changed = true
			}
		}
	}
	return strings.Trim(s, " ，,、")
}

// splitNames splits "城镇居民人均可支配收入和农民人均纯收入" into its indicators when every part
// is one; otherwise a list of pollutants after an indicator stays with the first, known name.
func splitNames(name string, list bool) []string {
	parts := regexp.MustCompile(`和|、|及`).Split(name, -1)
	if len(parts) < 2 || !list {
		return []string{name}
	}
	all := true
	for _, p := range parts {
		if !listNoun.MatchString(p) {
			all = false
		}
	}
	if all {
		return parts
	}
	if _, ok := model.CanonicalName(parts[0]); ok {
		return parts[:1]
	}
	return []string{name}
}

// canonical maps a raw name onto the spec's canonical names, or keeps the report's own wording.
// A known name followed only by a frame ("…扣除减税降费因素后") is still that name.
func canonical(raw string) string {
	raw = trimName(raw)
	if n, ok := model.CanonicalName(raw); ok {
		return n
	}
	for _, sp := range spellings {
		if strings.HasPrefix(raw, sp) && fillerOK.MatchString(raw[len(sp):]) {
			n, _ := model.CanonicalName(sp)
			return n
		}
	}
	return raw
}

var spellings = model.Spellings()

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}

func (x *extractor) sectionAt(off int) string {
	path := model.SectionPath(x.secs, off)
	if len(path) == 0 {
		return ""
	}
	return bareTitle(path[len(path)-1].Title)
}

func byteOffset(s string, runes int) int {
	for i := range s {
		if runes == 0 {
			return i
		}
		runes--
	}
	return len(s)
}

func runeOffset(s string, b int) int { return utf8.RuneCountInString(s[:b]) }
