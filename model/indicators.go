package model

import (
	"sort"
	"strings"
)

// Canonical is one row of docs/indicators.md: the name every view shows, the spellings
// reports use for it, and its usual unit.
type Canonical struct {
	Name    string
	Aliases []string
	Unit    string
}

// Canonicals is the table from docs/indicators.md, extended with spellings seen since (the spec
// says extend it, never shrink it). Order matters only for display (the targets comparison).
var Canonicals = []Canonical{
	{"地区生产总值", []string{"GDP", "生产总值", "国内生产总值", "全区生产总值", "全镇生产总值", "全市生产总值", "全县生产总值", "全省生产总值", "地区GDP", "全省地区生产总值"}, "亿元"},
	{"规模以上工业增加值", []string{"规上工业增加值", "规模工业增加值", "全部规上工业增加值", "规模以上工业企业增加值"}, "亿元"},
	{"规模以上工业总产值", []string{"规上工业总产值", "规模工业总产值", "规上工业产值", "规模以上工业产值"}, "亿元"},
	{"固定资产投资", []string{"固定资产投资总额", "全社会固定资产投资", "500万元以上固定资产投资", "固投", "固定资产投资额", "全社会固定资产投资额", "全社会固定资产投资总额", "城镇固定资产投资", "规上固定资产投资"}, "亿元"},
	{"工业投资", []string{"工业投资总额"}, "亿元"},
	{"社会消费品零售总额", []string{"社消零", "社会消费品零售额", "社零额", "社零总额"}, "亿元"},
	{"进出口总额", []string{"外贸进出口总额", "外贸进出口", "进出口", "进出口总值", "外贸进出口总值", "货物进出口总额", "进出口额", "货物进出口", "商品进出口总值", "外贸自营进出口总额"}, "亿元"},
	{"出口总额", []string{"外贸出口总额", "出口额", "外贸出口", "出口总值", "出口创汇"}, "亿元"},
	{"一般公共预算收入", []string{"地方一般公共预算收入", "一般预算收入", "公共财政预算收入", "财政一般预算收入", "地方公共财政预算收入", "一般公共财政预算收入", "地方一般预算收入", "一般公共预算地方收入"}, "亿元"},
	{"居民人均可支配收入", []string{"城乡居民人均可支配收入", "全体居民人均可支配收入", "城乡居民收入", "全体居民收入", "居民收入", "居民可支配收入"}, "元"},
	{"城镇居民人均可支配收入", []string{"城镇常住居民人均可支配收入", "城市居民收入", "城镇居民收入", "城市居民人均可支配收入", "城镇人均可支配收入", "城镇居民可支配收入"}, "元"},
	{"农村居民人均可支配收入", []string{"农村常住居民人均可支配收入", "农民人均可支配收入", "农民人均纯收入", "农村人均可支配收入", "农村居民收入", "农民收入", "农村居民人均纯收入", "农村居民可支配收入"}, "元"},
	{"实际利用外资", []string{"实际使用外资", "利用外资", "实际使用外资金额", "实际利用外资金额", "外商直接投资", "实际使用外商直接投资"}, "亿元"},
	{"合同利用外资", []string{"合同外资"}, "亿元"},
	{"研发经费投入强度", []string{"研发经费投入占GDP比重", "R&D经费支出占GDP比重", "全社会研发投入占比", "科技研发投入占比", "研发经费投入占地区生产总值比重", "研究与试验发展经费投入强度", "研发投入强度", "研发经费支出占GDP比重", "全社会研发经费投入强度", "研发经费投入占地区生产总值的比重"}, "%"},
	{"城镇新增就业", []string{"新增城镇就业", "新增就业", "城镇新增就业人数"}, "人"},
	{"城镇调查失业率", []string{"城镇登记失业率", "调查失业率"}, "%"},
	{"居民消费价格涨幅", []string{"CPI涨幅", "居民消费价格指数", "居民消费价格指数涨幅", "居民消费价格", "居民消费价格总水平", "居民消费价格总水平涨幅", "居民消费价格指数增幅"}, "%"},
	{"单位GDP能耗", []string{"万元GDP能耗", "单位地区生产总值能耗", "单位生产总值能耗", "单位GDP能源消耗", "万元生产总值综合能耗", "万元生产总值能耗", "单位国内生产总值能耗", "能耗强度", "万元GDP综合能耗", "单位地区生产总值能源消耗"}, "%"},
	{"高新技术企业", []string{"国家高新技术企业", "国家级高新技术企业"}, "家"},
	{"高新技术产业产值", []string{"高新技术产业总产值"}, "亿元"},
	{"批发零售业销售额", []string{"批零业商品销售总额", "商品销售总额"}, "亿元"},
	{"民生支出占比", []string{"民生支出占一般公共预算支出比例", "民生支出占财政支出比重", "民生支出占一般公共预算支出比重"}, "%"},
}

// KeyTargets are the columns of the targets comparison, in display order.
var KeyTargets = []string{"地区生产总值", "规模以上工业增加值", "固定资产投资", "社会消费品零售总额", "进出口总额", "一般公共预算收入", "居民人均可支配收入"}

var aliasIndex = func() map[string]string {
	m := map[string]string{}
	for _, c := range Canonicals {
		m[c.Name] = c.Name
		for _, a := range c.Aliases {
			m[a] = c.Name
		}
	}
	return m
}()

// CanonicalName maps a report's spelling to the canonical name; ok is false for names outside the
// table, which must keep the report's own wording.
func CanonicalName(raw string) (string, bool) {
	n, ok := aliasIndex[raw]
	return n, ok
}

// Spellings returns every canonical name and alias, longest first, so a scanner that takes the
// first hit at a position takes the most specific one (城镇居民人均可支配收入 before 居民人均可支配收入).
func Spellings() []string {
	out := make([]string, 0, len(aliasIndex))
	for k := range aliasIndex {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		li, lj := len([]rune(out[i])), len([]rune(out[j]))
		if li != lj {
			return li > lj
		}
		return out[i] < out[j]
	})
	return out
}

// UsualUnit returns the table's usual unit for a canonical name ("" when unknown).
func UsualUnit(name string) string {
	for _, c := range Canonicals {
		if c.Name == name {
			return strings.SplitN(c.Unit, " ", 2)[0]
		}
	}
	return ""
}
