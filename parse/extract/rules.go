package extract

import (
	"baogao/parse/runes"
	"baogao/parse/rx"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// The language of target passages, in one place. Every list names a construction of the reports'
// language; the examples beside each come from more than one report. The regexps below are built
// from these lists, so a new phrase is added here and nowhere else.

// Phrases that announce the plan year's expected goals (主要预期目标是：…; 预期目标建议为; 发展的主要目标是;
// 主要指标是). Each is a literal a scan looks for before the pattern around it is tried.
var (
	triggerWords = []string{"预期目标", "预期性目标", "主要目标", "主要指标", "发展目标"}
	triggers     = runes.NewWords(triggerWords)
)

// TriggerWords are the words Input.Triggers gives the places of, in its order.
func TriggerWords() []string { return append([]string(nil), triggerWords...) }

// What may stand after a trigger word before the goals begin: 是, 为, 建议为, 确定为, 如下, a colon.
const triggerTail = `(?:是|为|建议为|建议|确定为|如下|安排为)?\s*[:：]?`

// A trigger: the announcing phrase with what may stand before it (今年经济社会发展的主要目标是：).
var triggerRe = rx.MustCompile(`(?:主要)?预期(?:性)?目标` + triggerTail +
	`|(?:经济社会发展|全[镇区市县省乡州]发展|今年发展|发展)的?主要目标(?:是|为)\s*[:：]?` +
	`|主要指标(?:是|为)\s*[:：]|主要目标(?:是|为)\s*[:：]` +
	`|(?:今年|` + yearWord + `)(?:经济社会)?(?:的)?发展(?:主要)?目标(?:是|为)\s*[:：]?`)

const yearWord = `(?:19|20)\d\d年`

// Words that place a passage in the five-year plan rather than the plan year: its goals are not
// this year's targets (今后五年的目标任务, “十四五”时期的发展目标, 到2025年).
var fiveYearWords = []string{"五年", "十一五", "十二五", "十三五", "十四五", "十五五", "中长期", "年均", "到20"}

// Sentences that end the goals and start the work plan (为实现上述目标; 今年重点抓好; 一是…).
var stopPhrases = []string{"为实现", "为完成", "实现上述", "围绕上述", "围绕这些", "完成上述", "做好今年", "今年的重点", "今年重点", "重点做好", "重点抓好", "今年政府", "我们要", "我们将", "一是", "第一，", "第一是", "上述"}

// Verbs of change, with their sign: 增长6% is +6, 下降2.6% / 减少3% / 负增长0.5% are negative.
var growthVerbs = map[string]float64{
	"负增长": -1, "增长": 1, "增加": 1, "提高": 1, "提升": 1, "上升": 1, "上涨": 1, "增幅": 1, "增速": 1, "比增": 1,
	"下降": -1, "降低": -1, "减少": -1, "削减": -1, "回落": -1, "降幅": -1,
}

// growthVerbList is growthVerbs' words, for the verb at a clause's end (longestSuffix): a walk
// over the map at each clause was most of finding its verb.
var growthVerbList = slices.Sorted(maps.Keys(growthVerbs))

// Verbs of level: the figure after them is the indicator's value (达到240亿元, 控制在5.5%以内).
var levelVerbs = []string{"控制在", "保持在", "稳定在", "提高到", "提升到", "增加到", "下降到", "降低到", "达到", "达", "突破", "超过", "实现", "完成", "为", "总量达到", "迈上", "跨越", "超", "在"}

// Words between a subject and its verb that frame the figure but are not part of the name:
// 同比增长, 比上年增长, 可比增长, 按可比口径增长, 均增长, 分别增长, 确保增长, 力争增长.
var frameWords = []string{"按可比价格计算", "按可比价计算", "按可比口径", "按可比价", "按同口径", "同口径", "比上年", "比去年", "同比", "可比", "预计", "分别", "均", "确保", "力争", "争取", "要", "年均", "全年"}

// Qualifiers that stand before a figure (不低于5.5%) and after it (5%左右, 6%以上, 3%以内).
var (
	preQualifiers  = []string{"不低于", "不少于", "不高于", "不超过", "超过", "高于", "低于", "力争", "约", "近", "超"}
	postQualifiers = []string{"左右", "以上", "以内", "以下", "上下"}
)

// Words that make a figure a stretch goal: 增长不低于5.5%，力争超6%; 确保增长6.5%、力争7%; 保8争9.
var stretchWords = []string{"力争", "争取", "努力"}

// Units, longest first where one begins another (万吨 before 万, 万亿元 before 万).
var units = sortLongestFirst([]string{
	"%o", "%。", "%", "‰", "个百分点",
	"万亿美元", "亿美元", "万美元", "美元", "万亿元", "亿元", "万元", "元",
	"万人次", "人次", "万人", "人", "万户", "户", "万家", "家", "万个", "个",
	"万亿", "亿", "万", "亿斤", "万斤", "斤", "万吨", "吨", "万亩", "亩",
	"万平方米", "平方米", "平方公里", "公里", "万千瓦", "千瓦", "万标箱", "标箱", "万辆", "辆",
	"项", "所", "座", "套", "件", "倍", "天",
})

// Words in front of a name that scope or frame it but are not part of it (全市地区生产总值,
// 其中一产, 确定今年, 区本级固定资产投资, 省下达).
var namePrefixes = []string{"其中", "同时", "力争", "确保", "预计", "全面完成", "完成", "实现", "全年", "今年", "确定今年", "年度", "年内", "区本级", "县本级", "市本级", "镇本级", "州本级",
	"全省", "全市", "全区", "全县", "全镇", "全乡", "全州", "全盟", "全旗", "当年", "年末", "年底", "和", "及", "并", "以及", "推动", "实现", "努力", "争取"}

// Words after a name that say how it is measured, not what it is: 社会消费品零售总额增幅 is
// 社会消费品零售总额; PM2.5平均浓度下降率 is PM2.5平均浓度; 城镇新增就业人数 is 城镇新增就业.
var nameSuffixes = []string{"降低率", "下降率", "等", "增幅", "增速", "比增", "涨幅不", "总量", "规模", "人数", "稳中", "同比", "可比", "在", "均", "分别", "确保", "力争", "要", "年均"}

// Words where a goal without a figure stops naming its indicator and starts saying what happens
// to it (固定资产投资保持增长态势, 进出口总额稳量提质, 居民收入增长和经济增长基本同步).
var predicates = []string{"增长", "下降", "稳步", "稳中", "稳量", "稳规模", "稳定", "保持", "持续", "平稳", "促稳", "提质", "达到", "完成", "进入", "实现", "与", "控制", "明显", "逐步", "有所", "不断", "进一步", "同步", "持平", "快于", "高于", "低于", "好于", "继续", "大幅", "较快", "显著", "争取", "力争", "确保", "合理", "扭转", "回升", "位次", "达", "走在", "居全", "居于", "在省", "在合理", "符合", "优于", "不低于", "不超过", "提高", "提升", "降低", "减少", "缩小", "好转", "改善", "不折不扣", "全面", "普遍", "基本", "巩固", "位居", "预期", "走在"}

// Nouns that make a clause a goal rather than a slogan: a clause without a figure names a target
// only when it holds one of them (收入, 投资, 产量, 指标 …).
var indicatorNouns = []string{"指标", "收入", "投资", "总额", "总值", "产值", "增加值", "浓度", "能耗", "排放", "养老金", "外资", "内外资", "消费品", "就业", "价格", "失业率", "收入比", "税收", "财政", "生产总值", "GDP", "研发", "人口", "出口", "进口", "零售", "环境质量", "目标任务", "产量", "面积", "优良率", "比率", "覆盖率", "强度", "减排", "空气质量", "水质", "节能", "安全生产", "降碳", "能力"}

// Heads that end an indicator's name and that coordinated names share: 城镇、农村居民人均可支配收入
// is 城镇居民人均可支配收入 and 农村居民人均可支配收入; 化学需氧量和二氧化硫排放量 is 化学需氧量排放量 and
// 二氧化硫排放量; 一、二、三产增加值 are the three industries' value added.
var sharedHeads = sortLongestFirst([]string{"常住居民人均可支配收入", "居民人均可支配收入", "人均可支配收入", "排放量", "产业增加值", "增加值", "产值", "浓度", "排放", "环境质量"})

// Heads that stand alone after a first name and take its modifier: 规上工业总产值、增加值分别增长15%、12%
// are 规上工业总产值 and 规上工业增加值.
var bareHeads = sortLongestFirst([]string{"增加值", "总产值", "产值", "营业收入", "主营业务收入", "利润", "税收"})

// Pollutants: a list of them is one goal (化学需氧量、二氧化硫、氨氮、氮氧化物减排), never an
// indicator each, unless figures are given to each (化学需氧量和二氧化硫排放量分别减少8%和4%).
var pollutants = []string{"化学需氧量", "二氧化硫", "氨氮", "氮氧化物", "挥发性有机物", "总磷", "烟尘", "粉尘"}

// The three industries by the names reports give them: 一产, 第一产业, 一, 第一 (in a list).
var industryRe = rx.MustCompile(`^第?([一二三])(?:产业?|次产业)?(?:增加值)?$`)

// Names the review part reports often that are outside the canonical table; they keep their own
// wording (docs/indicators.md, "Names outside this table").
var reportedNames = []string{"地方财政总收入", "财政总收入", "全部财政收入", "地方财政收入", "全口径财政收入", "工业增加值", "实际利用内资", "实际到位内资", "粮食产量", "粮食总产量"}

// Nouns that, standing between a known name and its figure, make the figure count something else:
// 外商直接投资项目1.3万个 counts projects, 进出口实绩企业81家 counts firms.
var countedNouns = []string{"项目", "企业", "主体", "园区", "基地", "平台", "户数", "个数"}

func sortLongestFirst(s []string) []string {
	sort.SliceStable(s, func(i, j int) bool { return len(s[i]) > len(s[j]) })
	return s
}

// alternation builds a regexp alternation from a list, longest first, each quoted.
func alternation(words []string) string {
	ws := sortLongestFirst(append([]string(nil), words...))
	for i, w := range ws {
		ws[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(ws, "|")
}

// A figure: optional hedge, digits, unit, optional hedge. "%o" and "%。" are how OCR reads ‰ and
// a stray mark after %; they are repaired in readNumbers, never read as a new sentence.
var numberRe = rx.MustCompile(`(` + alternation(preQualifiers) + `)?(\d+(?:\.\d+)?)\s?(` + alternation(units) + `)?(` + alternation(postQualifiers) + `)?`)

func hasAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func hasAnyPrefix(s string, words ...string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// longestSuffix returns the longest word of words that s ends with.
func longestSuffix(s string, words []string) string {
	best := ""
	for _, w := range words {
		// the last bytes first: most words end otherwise, and the comparison is a call
		if len(w) > len(best) && len(w) <= len(s) && s[len(s)-1] == w[len(w)-1] && s[len(s)-len(w):] == w {
			best = w
		}
	}
	return best
}

// longestPrefix returns the longest word of words that s starts with.
func longestPrefix(s string, words []string) string {
	best := ""
	for _, w := range words {
		// the word's last byte first: that of a Chinese character tells more than its lead byte
		if len(w) > len(best) && len(w) <= len(s) && s[len(w)-1] == w[len(w)-1] && s[:len(w)] == w {
			best = w
		}
	}
	return best
}
