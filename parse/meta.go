package parse

import (
	"baogao/parse/extract"
	"baogao/parse/gazetteer"
	"baogao/parse/runes"
	"baogao/parse/rx"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

const levelSuffix = `(?:特别行政区|自治区|自治州|自治县|街道|省|市|区|县|镇|乡|旗|州|盟)`

var (
	placeName = `([\p{Han}xX×]{1,10}?` + levelSuffix + `)`
	// Ways a report names its own government, strongest first.
	titleName = rx.MustCompile(`^(?:\d{4}年度?)?` + placeName + `(?:\d{4}年度?)?(?:人民)?政府工作报告`)
	selfNames = []struct {
		re      *rx.Regexp
		lit     string // every match contains it: the pattern runs only around it
		governs bool   // it names the report's government or congress: a place even if the tables lack it
		// every match holds one of these: a window without any is not searched (a pattern that
		// begins with a class of characters is tried at every place of its window)
		guard *runes.Words
	}{
		{rx.MustCompile(`在` + placeName + `第[一二三四五六七八九十\d]+届人民代表大会`), "人民代表大会", true, sessionGuard},
		{rx.MustCompile(placeName + `人民政府(?:` + levelSuffix + `长|代理)`), "人民政府", true, headGuard},
		{rx.MustCompile(`代表` + placeName + `人民政府`), "人民政府", true, nil},
		{rx.MustCompile(`中共` + placeName + `委`), "中共", false, nil},
		{rx.MustCompile(placeName + `第[一二三四五六七八九十\d]+届人民代表大会`), "人民代表大会", true, sessionGuard},
		{rx.MustCompile(placeName + `行政公署`), "行政公署", true, nil},
	}
	// the literals of titleName and selfNames: a text without one matches none of them
	selfNameLits  = []string{"政府工作报告", "人民代表大会", "人民政府", "中共", "行政公署"}
	selfNameWords = runes.NewWords(selfNameLits)
	issuerName    = rx.MustCompile(`^` + placeName + `人民政府`)
	policyTitle   = rx.MustCompile(`^《` + placeName) // the rule titledPlace reads by hand
	ownLevel      = rx.MustCompile(`代表(省|市|区|县|镇|乡|街道|旗|州|盟)(?:人民)?政府|(省|市|区|县|镇|乡|旗|州|盟)人民政府(?:省|市|区|县|镇|乡|旗|州|盟)长|^(?:镇|乡|区|县|市|省|州)(?:\d{4}年)?政府工作报告`)
	// Frames in which a report speaks of its own place by its short name: "关心和支持道滘经济社会
	// 发展", "清醒地看到道滘发展还面临", "魅力荔湾".
	stemFrames = []struct {
		re   *rx.Regexp
		lits []string
		// every match holds one of these (nil: not asked): the words that open a frame are
		// common (支持, 健康), the words that close it are not
		guard *runes.Words
		// re's first submatch in a window that begins with one of lits, without the engine
		// (nil: re is run); FuzzStemFrames holds it to re
		stem func(w string) (string, bool)
	}{
		{rx.MustCompile(`^(?:关心|支持|参与)(?:和支持|、支持、参与)?([\p{Han}xX]{2,3}?)(?:经济社会|镇建设|区建设|县建设|市建设|建设发展|发展的)`), []string{"关心", "支持", "参与"},
			runes.NewWords([]string{"经济社会", "镇建设", "区建设", "县建设", "市建设", "建设发展", "发展的"}), nil},
		{rx.MustCompile(`^(?:看到|认识到)[，,]?(?:当前)?([\p{Han}xX]{2,3}?)(?:发展还|经济社会发展还|还面临)`), []string{"看到", "认识到"},
			runes.NewWords([]string{"发展还", "还面临"}), nil},
		{rx.MustCompile(`^(?:魅力|平安|美丽|幸福|绿美|和美|活力|宜居|健康|法治|品质)([\p{Han}xX]{2})(?:[”"」』建设，,。、；;]|$)`), []string{"魅力", "平安", "美丽", "幸福", "绿美", "和美", "活力", "宜居", "健康", "法治", "品质"}, nil, qualityStem},
	}
	stemWords, stemWordFrame = func() (*runes.Words, []int) {
		var words []string
		var frame []int
		for i, f := range stemFrames {
			for _, w := range f.lits {
				words = append(words, w)
				frame = append(frame, i)
			}
		}
		return runes.NewWords(words), frame
	}()
	stemStop = map[string]bool{"经济": true, "社会": true, "城市": true, "乡村": true, "我们": true, "发展": true, "产业": true, "全镇": true, "全区": true, "全市": true, "全县": true, "全省": true, "我镇": true, "我区": true, "我市": true, "我县": true, "我省": true, "政府": true, "人民": true, "群众": true, "企业": true, "各项": true, "中国": true, "家园": true, "生活": true, "环境": true, "城乡": true, "社区": true, "农村": true, "生态": true, "文化": true, "教育": true}
)

// window is the span around the n bytes at i that a pattern is run on, widened back to where a
// run of Han characters starts, so the pattern matches as it would on the whole line (findAll,
// findFirst).
func window(text string, i, n, back, fwd int) string {
	lo := max(0, i-back)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	for k := 0; lo > 0 && k < 16; k++ {
		r, w := utf8.DecodeLastRuneInString(text[:lo])
		if !nameRune(r) {
			break
		}
		lo -= w
	}
	hi := min(len(text), i+n+fwd)
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi++
	}
	return text[lo:hi]
}

// findAll runs re on the windows around the n-byte literal at each of at (the places of the
// literal in text, in order) and returns every submatch. A window that holds none of guard's
// words (which every match holds) is skipped; nil skips none.
func findAll(re *rx.Regexp, text string, at []int, n int, guard *runes.Words) [][]string {
	var out [][]string
	for _, i := range at {
		if w := window(text, i, n, 48, 48); guard == nil || guard.Any(w) {
			out = append(out, re.FindAllStringSubmatch(w, -1)...)
		}
	}
	return out
}

// findFirst is the first submatch findAll would return: it stops at the first window that has
// one, where findAll read every window of the body. Where may says false of the text around an
// occurrence of lit (a span that holds its window), the window is neither made nor searched (nil:
// every window is).
func findFirst(re *rx.Regexp, text, lit string, may func(near string) bool) []string {
	const back, fwd = 48, 48
	for i := range runes.Indexes(text, lit) {
		// window's span at its widest: back to a rune's start, then back over 16 characters
		if may != nil && !may(text[max(0, i-back-utf8.UTFMax-16*utf8.UTFMax):min(len(text), i+len(lit)+fwd+utf8.UTFMax)]) {
			continue
		}
		if m := re.FindStringSubmatch(window(text, i, len(lit), back, fwd)); m != nil {
			return m
		}
	}
	return nil
}

// mayOwnLevel is false for a text in which ownLevel cannot match: each of its ways holds 代表,
// 人民政府 or 政府工作报告. A report says 政府 hundreds of times, and one that never says which
// government it is had a window made and the pattern run at every one.
func mayOwnLevel(near string) bool {
	return runes.Contains(near, "代表") || runes.Contains(near, "人民政府") || runes.Contains(near, "政府工作报告")
}

// Words that look like place names but name a kind of place ("2018年乡镇政府工作报告范文").
var genericPlace = map[string]bool{"乡镇": true, "城区": true, "地区": true, "市区": true, "县区": true, "各区": true, "各县": true, "各市": true, "全市": true, "全区": true, "全县": true, "全镇": true, "全省": true, "本市": true, "本区": true, "本县": true, "本镇": true, "我市": true, "我区": true, "我县": true, "我镇": true, "我省": true, "该市": true, "该区": true, "该县": true, "该镇": true, "街道": true, "社区": true, "新区": true, "园区": true, "景区": true, "片区": true, "辖区": true, "山区": true, "县市": true, "市县": true, "区县": true, "省市": true, "市州": true}

func anonymized(s string) bool { return strings.ContainsAny(s, "xX×") }

// trimPlace drops words a greedy match may carry in front of a name.
func trimPlace(s string) string {
	for changed := true; changed; {
		changed = false
		for _, p := range []string{"我代表", "代表", "现在", "受", "在", "向", "中共", "各位", "全", "今年", "年"} {
			if strings.HasPrefix(s, p) && runes.Count(s)-runes.Count(p) >= 2 {
				s = strings.TrimPrefix(s, p)
				changed = true
			}
		}
	}
	return s
}

// levelOf maps a place name's suffix onto the export's levels.
func levelOf(name string) string {
	switch {
	case strings.HasSuffix(name, "街道"):
		return "街道"
	case strings.HasSuffix(name, "自治区"), strings.HasSuffix(name, "特别行政区"), strings.HasSuffix(name, "省"):
		return "省"
	case strings.HasSuffix(name, "自治州"), strings.HasSuffix(name, "市"), strings.HasSuffix(name, "州"), strings.HasSuffix(name, "盟"):
		return "市"
	case strings.HasSuffix(name, "区"):
		return "区"
	case strings.HasSuffix(name, "县"), strings.HasSuffix(name, "旗"):
		return "县"
	case strings.HasSuffix(name, "镇"):
		return "镇"
	case strings.HasSuffix(name, "乡"):
		return "乡"
	}
	return ""
}

// region is the place a report speaks for, with what the gazetteer knows of it.
type region struct {
	name, level                string
	code, province, prefecture string
}

// official completes a name the report gives itself from the division tables: the official name
// (黔东南州 → 黔东南苗族侗族自治州), its code when the text decides between places of that name
// (eleven 长安镇), and the divisions it lies in. ok is false when the tables know no such place.
func official(name, body string) (region, bool) {
	ps := gazetteer.Complete(name)
	if len(ps) == 0 {
		return region{name: name, level: levelOf(name)}, false
	}
	p, decided := gazetteer.Choose(ps, body)
	if !decided {
		// undecided: keep the name when every candidate bears it, and leave the code empty
		same := true
		for _, q := range ps[1:] {
			same = same && q.Name == ps[0].Name
		}
		if !same {
			return region{name: name, level: levelOf(name)}, true
		}
		return region{name: ps[0].Name, level: levelOf(ps[0].Name)}, true
	}
	return region{name: p.Name, level: levelOf(p.Name), code: p.Code, province: p.Province, prefecture: p.Prefecture}, true
}

var (
	sessionGuard = runes.NewWords([]string{"届人民代表大会"})
	// 人民政府 and what follows it in the second pattern: 人民政府代理, 人民政府县长 …
	headGuard = func() *runes.Words {
		ws := []string{"人民政府代理"}
		for _, s := range strings.Split(strings.Trim(levelSuffix, "(?:)"), "|") {
			ws = append(ws, "人民政府"+s+"长")
		}
		return runes.NewWords(ws)
	}()
)

// openingRegion is the first of the opening's lines that try names a place in, given the places
// of selfNameWords in it. Most reports name it in their first lines, which are tried one by one;
// past openingLines the literals are found in the rest in one pass, and only the lines that hold
// one are tried (where the opening names no place the tables know, a pass for each of its lines
// was most of finding the region).
func openingRegion(opening string, try func(ln string, at [][]int) (region, bool)) (region, bool) {
	ls := 0
	for ls < len(opening) && ls < openingLines {
		le := len(opening)
		if i := strings.IndexByte(opening[ls:], '\n'); i >= 0 {
			le = ls + i
		}
		if r, ok := try(opening[ls:le], selfNameWords.Places(opening[ls:le])); ok {
			return r, true
		}
		ls = le + 1
	}
	if ls > len(opening) {
		return region{}, false
	}
	rest := opening[ls:]
	at := selfNameWords.Places(rest)
	if at == nil {
		return region{}, false // no line past openingLines can name one
	}
	type place struct{ lit, at int }
	var places []place
	for k, offs := range at {
		for _, o := range offs {
			places = append(places, place{k, o})
		}
	}
	slices.SortFunc(places, func(a, b place) int { return a.at - b.at })
	for i := 0; i < len(places); {
		from := strings.LastIndexByte(rest[:places[i].at], '\n') + 1
		to := len(rest)
		if j := strings.IndexByte(rest[places[i].at:], '\n'); j >= 0 {
			to = places[i].at + j
		}
		lineAt := make([][]int, len(at))
		for ; i < len(places) && places[i].at < to; i++ {
			lineAt[places[i].lit] = append(lineAt[places[i].lit], places[i].at-from)
		}
		if r, ok := try(rest[from:to], lineAt); ok {
			return r, true
		}
	}
	return region{}, false
}

// openingLines is how far into the opening its lines are tried one by one (openingRegion).
const openingLines = 1024

// findRegion returns the place the report names as its own. A name is a place only when the
// division tables know it, or when the report names its government or congress by it (人民政府,
// 人民代表大会: names change, and a 2012 county may be a district now). It never guesses from places
// mentioned in passing; a name replaced by xx stays unknown.
func findRegion(head []string, body string) region {
	if opening := body[:cutAt(body, 3000)]; runes.Contains(opening, nationalMark) && hasAnyWord(opening, nationalWords) {
		return region{name: "全国", level: "国"}
	}
	accept := func(m []string) (string, bool) {
		name := lastUnit(trimPlace(m[1]))
		return name, runes.Count(name) >= 2 && levelOf(name) != "" && !strings.HasPrefix(name, "人民") && !genericPlace[name]
	}
	// a report names the same places line after line (中共某某县委): each is looked up once
	type lookup struct {
		r     region
		known bool
	}
	seen := map[string]lookup{}
	found := func(name string, governs bool) (region, bool) {
		if anonymized(name) {
			return region{level: levelOf(name)}, true
		}
		l, ok := seen[name]
		if !ok {
			l.r, l.known = official(name, body)
			seen[name] = l
		}
		return l.r, l.known || governs
	}
	// at: the places of the patterns' literals in s, by literal (selfNameWords.Places)
	tryAt := func(s string, at [][]int) (region, bool) {
		if at == nil {
			return region{}, false // no pattern below can match
		}
		if len(s) <= 240 && len(at[0]) > 0 { // 政府工作报告
			if m := titleName.FindStringSubmatch(s); m != nil {
				if name, ok := accept(m); ok {
					if r, ok := found(name, false); ok {
						return r, true
					}
				}
			}
		}
		for _, sn := range selfNames {
			for _, m := range findAll(sn.re, s, at[slices.Index(selfNameLits, sn.lit)], len(sn.lit), sn.guard) {
				if name, ok := accept(m); ok {
					if r, ok := found(name, sn.governs); ok {
						return r, true
					}
				}
			}
		}
		return region{}, false
	}
	for _, h := range head {
		if r, ok := tryAt(h, selfNameWords.Places(h)); ok {
			return r
		}
		if m := issuerName.FindStringSubmatch(h); m != nil {
			if name := lastUnit(trimPlace(m[1])); runes.Count(name) >= 2 && !anonymized(name) {
				r, _ := official(name, body)
				return r
			}
		}
	}
	// A report names itself in its opening (the session line, the address, the first paragraph of
	// the review: 在中共临淄区委的坚强领导下); past that, the places it names are others'.
	if r, ok := openingRegion(body[:cutAt(body, 12000)], tryAt); ok {
		return r
	}
	// The report calls its government only "区人民政府": learn the level, then the name from how
	// the report speaks of itself.
	word := ""
	for _, t := range append(append([]string(nil), head...), body) {
		if m := findFirst(ownLevel, t, "政府", mayOwnLevel); m != nil {
			word = m[1] + m[2]
			if word == "" {
				r, _ := utf8.DecodeRuneInString(m[0])
				word = string(r)
			}
			break
		}
	}
	level := levelOf(word)
	if level == "" {
		return region{}
	}
	suffix := word
	counts := map[string]int{}
	// every frame at every one of its words, in one pass over the body (a count does not
	// depend on the order they are found in)
	stemWords.Each(body, func(at, k int) bool {
		f := stemFrames[stemWordFrame[k]]
		w := body[at : at+cutAt(body[at:], 60)]
		if f.guard != nil && !f.guard.Any(w) {
			return true
		}
		if f.stem != nil {
			if stem, ok := f.stem(w); ok && !stemStop[stem] {
				counts[stem]++
			}
		} else if m := f.re.FindStringSubmatch(w); m != nil && !stemStop[m[1]] {
			counts[m[1]]++
		}
		return true
	})
	for i := range runes.Indexes(body, "《") {
		if name, ok := titledPlace(body[i : i+cutAt(body[i:], 60)]); ok && strings.HasSuffix(name, suffix) {
			counts[strings.TrimSuffix(name, suffix)] += 2
		}
	}
	type cand struct {
		stem string
		n    int
	}
	var cs []cand
	for s, n := range counts {
		cs = append(cs, cand{s, n})
	}
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].n != cs[j].n {
			return cs[i].n > cs[j].n
		}
		return cs[i].stem < cs[j].stem
	})
	for _, c := range cs {
		if anonymized(c.stem) {
			return region{level: level}
		}
		if strings.ContainsAny(c.stem[:3], "全我本该各") || genericPlace[c.stem+suffix] {
			continue // 全乡经济社会发展还面临…: the report speaking of itself, not by name
		}
		if runes.Count(c.stem) >= 2 && runes.OccursAtLeast(body, c.stem, 3) {
			if r, ok := official(c.stem+suffix, body); ok {
				return r
			}
		}
	}
	if strings.Contains(body, "xx") || strings.Contains(body, "XX") {
		return region{level: level} // the name was replaced: never guess another place
	}
	// A city report that says only 我代表市人民政府 speaks of its place by its short name throughout
	// (亳州, 六盘水, 甘孜): the most mentioned place of that level, when it clearly leads.
	// Prefectures first: county-level cities' names are often words (合作, 安宁, 东方).
	towns := suffix == "镇" || suffix == "乡" || suffix == "街道"
	mentions := gazetteer.Mention(body, towns)
	ms := mentions.Of(func(p gazetteer.Place) bool { return ofLevel(p, suffix) && (suffix != "市" || p.Rank() == 2) })
	if len(ms) == 0 || ms[0].N < 5 {
		ms = mentions.Of(func(p gazetteer.Place) bool { return ofLevel(p, suffix) })
	}
	if len(ms) > 0 && ms[0].N >= 5 && (len(ms) == 1 || ms[0].N >= 2*ms[1].N) {
		if p, ok := gazetteer.Choose(ms[0].Places, body); ok {
			return region{name: p.Name, level: levelOf(p.Name), code: p.Code, province: p.Province, prefecture: p.Prefecture}
		}
		same := true
		for _, q := range ms[0].Places[1:] {
			same = same && q.Name == ms[0].Places[0].Name
		}
		if same {
			return region{name: ms[0].Places[0].Name, level: level}
		}
	}
	return region{level: level}
}

// levelSuffixes are levelSuffix's words, in its order.
var levelSuffixes = strings.Split(strings.Trim(levelSuffix, "(?:)"), "|")

// titledPlace is policyTitle's submatch in w, which begins with 《, read by hand: the fewest
// characters of a name that a level word ends (《东莞市…: 东莞市), as the lazy pattern takes them.
// A report cites many documents, and the engine ran at each.
func titledPlace(w string) (string, bool) {
	s := w[len("《"):]
	for p, k := 0, 0; k < 10; k++ {
		r, n := utf8.DecodeRuneInString(s[p:])
		if !nameRune(r) {
			return "", false
		}
		p += n
		for _, suf := range levelSuffixes {
			if strings.HasPrefix(s[p:], suf) {
				return s[:p+len(suf)], true
			}
		}
	}
	return "", false
}

// nameRune is placeName's class of characters ([\p{Han}xX×]: a name, or the marks a scraper
// put in its place), the common ideographs first.
func nameRune(r rune) bool {
	return r >= 0x4e00 && r <= 0x9fff || r == 'x' || r == 'X' || r == '×' || unicode.Is(unicode.Han, r)
}

// qualityStem is the third stem frame (魅力荔湾, 平安道滘”) read by hand: its words are common
// (健康, 法治), and the engine ran at each of them to find the two characters and the mark after.
// w begins with one of the frame's words, all of two characters.
func qualityStem(w string) (string, bool) {
	const word = len("魅力")
	p := word
	for range 2 {
		r, n := utf8.DecodeRuneInString(w[p:])
		if r == '×' || !nameRune(r) { // the frame's class is placeName's without ×
			return "", false
		}
		p += n
	}
	if r, _ := utf8.DecodeRuneInString(w[p:]); p < len(w) && !strings.ContainsRune(`”"」』建设，,。、；;`, r) {
		return "", false
	}
	return w[word:p], true
}

// ofLevel says a place is of the kind a report's own level word names: 市 a prefecture-level or
// county-level city, 州 an (autonomous) prefecture, 区 a district, 县 a county, 镇 a town.
func ofLevel(p gazetteer.Place, word string) bool {
	switch word {
	case "市":
		return strings.HasSuffix(p.Name, "市") && p.Rank() >= 2 && p.Rank() <= 3
	case "州":
		return strings.HasSuffix(p.Name, "州") && p.Rank() == 2
	case "盟":
		return strings.HasSuffix(p.Name, "盟")
	case "省":
		return p.Rank() == 1
	case "区":
		return strings.HasSuffix(p.Name, "区") && p.Rank() == 3
	case "县":
		return strings.HasSuffix(p.Name, "县") && p.Rank() == 3
	case "旗":
		return strings.HasSuffix(p.Name, "旗")
	}
	return strings.HasSuffix(p.Name, word) && p.Rank() == 4
}

func hasAnyWord(s string, words []string) bool {
	for _, w := range words {
		if runes.Contains(s, w) {
			return true
		}
	}
	return false
}

// Reports that name the whole country's government: the national report.
var nationalWords = []string{"国务院总理", "代表国务院", "我代表国务院"}

// nationalMark is in every national word: an opening without it (nearly every report's) is
// searched once, not once a word.
const nationalMark = "国务院"

// lastUnit keeps the smallest unit of a compound name: 东莞市长安镇 → 长安镇.
func lastUnit(name string) string {
	r := []rune(name)
	for i := len(r) - 2; i >= 2; i-- {
		switch r[i] {
		case '省', '市', '县':
			if len(r)-i-1 >= 2 {
				return string(r[i+1:])
			}
		}
	}
	return name
}

var (
	titleYear = rx.MustCompile(`((?:19|20)\d\d)年度?.{0,12}?工作报告`)
	planYear  = newYearPhrase(`((?:19|20)\d\d)年(?:政府)?(?:主要)?(?:工作安排|工作任务|主要工作|重点工作|发展目标|工作总体要求|目标任务|主要任务|主要目标|经济社会发展的?主要预期目标|全[镇区市县省乡]经济社会发展的?主要预期目标|[^，。\n]{0,10}奋斗目标)`)
	// The review's first sentence names the year it reviews: 2023年，在自治区党委…; 2023年是…之年.
	reviewOpens = rx.MustCompile(`(?:^|\n)\s*((?:19|20)\d\d)年(?:，|,|是)`)
	reviewYear  = newYearPhrase(`((?:19|20)\d\d)年(?:政府)?工作回顾`)
	deliveredOn = newYearPhrase(`((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日(?:在|，在)`)
	isoDate     = rx.MustCompile(`^((?:19|20)\d\d)[-年/.](\d{1,2})[-月/.](\d{1,2})`)
	speakerRe   = rx.MustCompile(`(?:省|市|区|县|镇|乡|州|旗|盟)长\s*([\p{Han}](?:\s?[\p{Han}]){1,3})$`)
	nameLine    = rx.MustCompile(`^[\p{Han}]{2,4}$`)
)

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// yearPhrase is a regexp that begins with a year and 年 ((19|20)dd年…), with its anchored twin:
// a regexp that begins with a character class has no literal to look for and tries every place
// of a body, so the places are found first — each 年 after four digits — and the twin is tried
// there, when what follows 年 can begin the rest of the phrase (工作回顾 cannot begin with 的, and
// a body names years far more often than its review). The leftmost of those that matches is the
// regexp's own leftmost match.
type yearPhrase struct{ re, at, rest *rx.Regexp }

// yearLead is how every yearPhrase begins.
const yearLead = `((?:19|20)\d\d)年`

func newYearPhrase(expr string) yearPhrase {
	if !strings.HasPrefix(expr, yearLead) {
		panic(expr) // a programming error: every phrase is written here
	}
	return yearPhrase{rx.MustCompile(expr), rx.MustCompile(`^(?:` + expr + `)`), rx.MustCompile(`^(?:` + expr[len(yearLead):] + `)`)}
}

func (y yearPhrase) FindStringSubmatch(s string) []string {
	if len(s) < 256 {
		return y.re.FindStringSubmatch(s) // a heading: no need
	}
	for i := range runes.Indexes(s, "年") {
		from := i + len("年")
		if i < 4 || !digit(s[i-1]) || !digit(s[i-2]) || !digit(s[i-3]) || !(s[i-4] == '1' && s[i-3] == '9' || s[i-4] == '2' && s[i-3] == '0') {
			continue
		}
		if !y.rest.May(s[from:]) {
			continue
		}
		if m := y.at.FindStringSubmatch(s[i-4:]); m != nil {
			return m
		}
	}
	return nil
}

// pastYearIn is the year of pastYear's first match in s, or 0, found from the literal 过去的 that
// every match holds (the regexp, with no literal to start from, tried every place of the body).
func pastYearIn(s string) int {
	for i := range runes.Indexes(s, "过去的") {
		i += len("过去的")
		if y := s[i:min(len(s), i+4)]; len(y) == 4 && digit(y[0]) && digit(y[1]) && digit(y[2]) && digit(y[3]) &&
			(y[:2] == "19" || y[:2] == "20") && strings.HasPrefix(s[i+4:], "年") {
			return atoi(y)
		}
	}
	return 0
}

func digit(c byte) bool { return c >= '0' && c <= '9' }

// findYears returns the plan year and the review year.
func findYears(titles []string, body string, secs []string) (year, review int) {
	for _, t := range titles {
		if m := titleYear.FindStringSubmatch(t); m != nil {
			year = atoi(m[1])
			break
		}
	}
	// A report is delivered to the congress early in the year it plans for: the session line under
	// its title (二〇一九年一月十四日在河北省第十三届人民代表大会…) outweighs a scraper's title.
	if y := sessionYear(body[:cutAt(body, 1200)]); y > 0 {
		year = y
	}
	// Part headings in order review, plan: the latest year a plan heading names is the plan year
	// (一、2023年主要工作 / 二、2024年主要目标和重点工作).
	headed := 0
	for _, s := range secs {
		if m := reviewYear.FindStringSubmatch(s); m != nil && review == 0 {
			review = atoi(m[1])
		}
		if m := planYear.FindStringSubmatch(s); m != nil {
			headed = max(headed, atoi(m[1]))
		}
	}
	if year == 0 {
		year = headed
	}
	if year == 0 {
		if m := planYear.FindStringSubmatch(body); m != nil {
			year = atoi(m[1])
		}
	}
	if year == 0 {
		if m := deliveredOn.FindStringSubmatch(body); m != nil {
			year = atoi(m[1])
		}
	}
	if year == 0 && review == 0 {
		if m := reviewOpens.FindStringSubmatch(body[:cutAt(body, 3000)]); m != nil {
			review = atoi(m[1])
		}
	}
	if review == 0 {
		if m := reviewYear.FindStringSubmatch(body); m != nil {
			review = atoi(m[1])
		} else if y := pastYearIn(body); y > 0 {
			review = y
		}
	}
	switch {
	case year == 0 && review > 0:
		year = review + 1
	case review == 0 && year > 0:
		review = year - 1
	}
	return year, review
}

var (
	sessionLine = rx.MustCompile(`((?:19|20)\d\d|[〇零一二三四五六七八九]{4})年[0-9一二三四五六七八九十]{1,2}月[0-9一二三四五六七八九十]{1,3}日(?:在|，在)[^\n。]{0,30}人民代表大会`)
	cnDigit     = map[rune]int{'〇': 0, '零': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
)

// sessionYear returns the year of the session line (in Arabic or Chinese digits), or 0.
func sessionYear(s string) int {
	i := strings.Index(s, "人民代表大会")
	if i < 0 {
		return 0 // the pattern has no literal to skip ahead with: look only where the line can be
	}
	lo := max(0, i-120)
	for lo < i && !utf8.RuneStart(s[lo]) {
		lo++
	}
	m := sessionLine.FindStringSubmatch(s[lo : i+len("人民代表大会")])
	if m == nil {
		return 0
	}
	if y := atoi(m[1]); y > 0 {
		return y
	}
	y := 0
	for _, r := range m[1] {
		y = y*10 + cnDigit[r]
	}
	return y
}

// findDate returns when the report was delivered, as YYYY-MM-DD, or "".
func findDate(h header, body string) string {
	// The session line stands under the title, never deep in the text.
	if m := deliveredOn.FindStringSubmatch(body[:byteOffset(body, 600)]); m != nil {
		return fmt.Sprintf("%s-%02d-%02d", m[1], atoi(m[2]), atoi(m[3]))
	}
	if m := isoDate.FindStringSubmatch(h.date); m != nil {
		return fmt.Sprintf("%s-%02d-%02d", m[1], atoi(m[2]), atoi(m[3]))
	}
	return ""
}

// findSpeaker returns who delivered the report: "镇长 魏 翔" → 魏翔.
func findSpeaker(h header, lines []string) string {
	clean := func(s string) string { return strings.ReplaceAll(s, " ", "") }
	if m := speakerRe.FindStringSubmatch(strings.TrimSpace(h.speaker)); m != nil {
		return clean(m[1])
	}
	if f := strings.Fields(h.speaker); len(f) > 0 && nameLine.MatchString(f[len(f)-1]) {
		return f[len(f)-1]
	}
	for i, ln := range lines {
		if i > 60 {
			break
		}
		// every match holds 长 (市长, 县长): a line without it is not given to the engine, which
		// tried the pattern at each 市 or 区 of the first sixty lines
		if runes.AtMost(ln, 31) <= 30 && strings.Contains(ln, "长") {
			if m := speakerRe.FindStringSubmatch(ln); m != nil {
				return clean(m[1])
			}
		}
		// A bare name between the session line and the address to the deputies.
		if i > 0 && isDatedLine(lines[i-1]) && nameLine.MatchString(ln) {
			return ln
		}
		if strings.HasPrefix(ln, "各位代表") {
			break
		}
	}
	return ""
}

var titleJunk = rx.MustCompile(`\.(docx?|pdf|wps|txt)》?.*$|[(（]\d{6,8}[)）]|-\d+篇.*$|简介[:：]?$|篇\d+$`)

// mayHoldJunk says whether t holds what each of titleJunk's alternatives holds: without any,
// nothing to remove.
func mayHoldJunk(t string) bool {
	return strings.ContainsAny(t, ".(（-") || strings.Contains(t, "简介") || strings.Contains(t, "篇")
}

// cleanTitle turns a file name or listing entry into a title, "" when it is not one.
func cleanTitle(t string) string {
	for range 2 {
		if mayHoldJunk(t) {
			t = titleJunk.ReplaceAllString(t, "")
		}
		t = strings.TrimSpace(t)
	}
	if !strings.Contains(t, "工作报告") || runes.Count(t) > 40 {
		return ""
	}
	return t
}

// cutAt and byteOffset are the extractor's: one home for cutting text without splitting a character.
func cutAt(s string, n int) int          { return extract.CutAt(s, n) }
func byteOffset(s string, runes int) int { return extract.ByteOffset(s, runes) }
