package model

import "testing"

func growth(g float64, q string) Indicator { return Indicator{Growth: Float(g), Qualifier: q} }

// The met rule, one row per reading of a qualifier.
func TestJudge(t *testing.T) {
	ranged := growth(5, "")
	ranged.Stretch = Float(5.5)
	striving := growth(8, "")
	striving.Stretch = Float(9) // 保8争9
	level := Indicator{Value: Float(1000), Unit: "亿元", Qualifier: "左右"}
	for _, c := range []struct {
		why            string
		name           string
		target, actual Indicator
		want           Verdict
	}{
		{"a plain figure is a floor", "地区生产总值", growth(6.5, ""), growth(6.5, ""), Met},
		{"below a plain figure", "地区生产总值", growth(6.5, ""), growth(6.4, ""), Missed},
		{"左右 reaches half a point below", "地区生产总值", growth(7, "左右"), growth(6.5, ""), Met},
		{"左右 no further", "地区生产总值", growth(7, "左右"), growth(6.4, ""), Missed},
		{"以上 is a floor", "地区生产总值", growth(8, "以上"), growth(7.9, ""), Missed},
		{"不低于 is a floor", "地区生产总值", growth(5.5, "不低于"), growth(5.5, ""), Met},
		{"以内 is a ceiling", "人口自然增长率", growth(7.6, "以内"), growth(7.7, ""), Missed},
		{"控制在…以内 under it", "人口自然增长率", growth(7.6, "控制在以内"), growth(7, ""), Met},
		{"prices: 3% 左右 is a ceiling", "居民消费价格涨幅", growth(3, "左右"), growth(3.4, ""), Met},
		{"prices above its reach", "居民消费价格涨幅", growth(3, "左右"), growth(3.6, ""), Missed},
		{"energy per GDP: a larger fall meets a fall", "单位GDP能耗", growth(-3, ""), growth(-3.5, ""), Met},
		{"a range is met at its lower bound", "地区生产总值", ranged, growth(5.2, ""), Met},
		{"and its top is the stretch", "地区生产总值", ranged, growth(5.6, ""), StretchMet},
		{"保8争9 reached 9", "地区生产总值", striving, growth(9, ""), StretchMet},
		{"a level in another magnitude of one unit", "地区生产总值", level, Indicator{Value: Float(995.5e4), Unit: "万元"}, Met},
		{"a level short by more than 1%", "地区生产总值", level, Indicator{Value: Float(980), Unit: "亿元"}, Missed},
		{"levels in different units", "实际利用外资", Indicator{Value: Float(5), Unit: "亿元"}, Indicator{Value: Float(5), Unit: "亿美元"}, Unjudged},
		{"基本同步 has no figure", "居民人均可支配收入", Indicator{Qualifier: "与经济增长基本同步"}, growth(6, ""), Unjudged},
		{"a target relative to another body", "地区生产总值", Indicator{Qualifier: "高于全省0.5个百分点左右"}, growth(6, ""), Unjudged},
		{"an actual without the target's figure", "地区生产总值", growth(6, ""), Indicator{Value: Float(800), Unit: "亿元"}, VerdictNone},
	} {
		if got := Judge(c.name, c.target, c.actual); got != c.want {
			t.Errorf("%s: %v", c.why, got)
		}
	}
}

// A five-year review's figures are no year's actual (examples from 保定市 2021, 广东省 2021 and
// 高阳县 2017).
func TestSingleYear(t *testing.T) {
	r := &Report{ReviewYear: 2020, Sections: []Section{
		{Title: "“十三五”时期经济社会发展回顾", Start: 0, End: 100},
		{Title: "“十三五”时期发展成就和2020年主要工作", Start: 100, End: 200},
		{Title: "过去五年主要工作", Start: 200, End: 300},
		{Title: "一、过去一年工作回顾", Start: 300, End: 400},
	}}
	for _, c := range []struct {
		at   int
		text string
		want bool
	}{
		{10, "全市生产总值增长7.2%", false},
		{110, "地区生产总值增长2.3%", true},
		{110, "五年来地区生产总值年均增长6%", false},
		{210, "固定资产投资增长10%", false},
		{310, "地区生产总值完成198.5亿元，同比增长22.3%", true},
		{310, "全年累计完成投资155亿元", true},
	} {
		if got := SingleYear(r, Indicator{Text: c.text, Start: c.at}); got != c.want {
			t.Errorf("at %d %q: %v", c.at, c.text, got)
		}
	}
}

// The pairing rule: year Y's target from the report of plan year Y, its actual from the report
// whose review year is Y; of two copies of one year the first.
func TestTrackPairs(t *testing.T) {
	target := Indicator{Name: "地区生产总值", Kind: Target, Growth: Float(8), Qualifier: "以上", Text: "增长8%以上"}
	actual := Indicator{Name: "地区生产总值", Kind: Actual, Growth: Float(3.8), Text: "增长3.8%", Start: 5}
	reports := []Report{
		{Year: 2022, ReviewYear: 2021, Indicators: []Indicator{target}},
		{Year: 2023, ReviewYear: 2022, Indicators: []Indicator{actual}},
		{Year: 2023, ReviewYear: 2022}, // a copy of 2023's, later: not used
	}
	tl := Track(reports)
	if len(tl.Years) != 3 || tl.Years[0] != 2021 || tl.Years[2] != 2023 {
		t.Fatalf("years %v", tl.Years)
	}
	if len(tl.Rows) != 1 {
		t.Fatalf("rows %+v", tl.Rows)
	}
	c := tl.Rows[0].Cells[1] // 2022
	if c.Target == nil || c.TargetOf != 0 || c.Actual == nil || c.ActualOf != 1 || c.Verdict != Missed {
		t.Errorf("2022: %+v", c)
	}
	if c := tl.Rows[0].Cells[2]; c.Target != nil || c.Actual != nil {
		t.Errorf("2023 has no target set in these reports and no review of it: %+v", c)
	}
}
