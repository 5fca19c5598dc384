package extract

import (
	"strings"
	"testing"
	"unicode/utf8"

	"baogao/model"
)

// One table per construction of the goals' language; each example comes from a real report
// (the name after it), and each construction is seen in more than one.
func TestClauseConstructions(t *testing.T) {
	read := func(sent string) string {
		var got []string
		x := &extractor{body: sent}
		items, unread := x.sentence(0, sent)
		for _, it := range items {
			got = append(got, show(it))
		}
		if len(unread) > 0 {
			got = append(got, "unread: "+strings.Join(unread, "|"))
		}
		return strings.Join(got, "; ")
	}
	tests := []struct{ name, sent, want string }{
		// coordination: A、B分别增长x和y; A、B均…; modifiers that share a head
		{"分别 (六盘水, 吉安)", "城镇和农村居民人均可支配收入分别增长6.5%左右和8.5%左右", "城镇居民人均可支配收入 g=6.5 v=- q=左右 s=-; 农村居民人均可支配收入 g=8.5 v=- q=左右 s=-"},
		{"、 modifiers (毕节, 铜陵)", "城镇、农村常住居民人均可支配收入分别增长6.5%、8.5%左右", "城镇居民人均可支配收入 g=6.5 v=- q= s=-; 农村居民人均可支配收入 g=8.5 v=- q=左右 s=-"},
		{"均 (亳州, 厦门)", "规模以上工业增加值、社会消费品零售总额、进出口总额均增长8%以上", "规模以上工业增加值 g=8 v=- q=以上 s=-; 社会消费品零售总额 g=8 v=- q=以上 s=-; 进出口总额 g=8 v=- q=以上 s=-"},
		{"城乡…均 (河北 2019, 海拉尔 2016)", "城乡居民人均可支配收入均增长7%左右", "城镇居民人均可支配收入 g=7 v=- q=左右 s=-; 农村居民人均可支配收入 g=7 v=- q=左右 s=-"},
		{"三次产业 (南宁, 安顺)", "其中一、二、三产增加值分别增长5%、6%、4.8%", "第一产业增加值 g=5 v=- q= s=-; 第二产业增加值 g=6 v=- q= s=-; 第三产业增加值 g=4.8 v=- q= s=-"},
		{"pollutants with figures (保定 2009)", "主要污染物化学需氧量和二氧化硫排放量分别减少8%和4%", "化学需氧量排放量 g=-8 v=- q= s=-; 二氧化硫排放量 g=-4 v=- q= s=-"},
		{"without figures (广东 2023, 广州)", "空气质量优良天数比率和地表水水质优良率均完成国家下达任务", "空气质量优良天数比率 g=- v=- q= s=-; 地表水水质优良率 g=- v=- q= s=-"},
		{"a list before 等指标 (徐州, 永州)", "城镇新增就业人数、节能减排完成省定任务", "城镇新增就业 g=- v=- q= s=-; 节能减排 g=- v=- q= s=-"},
		// a level and a growth in one clause
		{"达到…同比增长 (海拉尔 2012)", "地区生产总值达到240亿元，同比增长21%", "地区生产总值 g=21 v=240亿元 q= s=-"},
		{"增长…达到 (海拉尔 2014)", "地方财政总收入增长16%，达到28.8亿元", "地方财政总收入 g=16 v=28.8亿元 q= s=-"},
		// stretch
		{"确保…力争 (攀枝花)", "地区生产总值确保增长6.5%、力争7%以上", "地区生产总值 g=6.5 v=- q= s=7"},
		{"不低于…力争超 (seed)", "地区生产总值增长不低于5.5%,力争超6%", "地区生产总值 g=5.5 v=- q=不低于 s=6"},
		// ranges
		{"range", "地区生产总值增长5.0%—5.5%", "地区生产总值 g=5 v=- q= s=5.5"},
		{"保8争9", "地区生产总值保8争9", "地区生产总值 g=8 v=- q= s=9"},
		{"增长保8争9", "地区生产总值增长保8争9", "地区生产总值 g=8 v=- q= s=9"},
		// relative
		{"relative (广安)", "农村居民人均可支配收入增长高于城镇1个百分点以上", "农村居民人均可支配收入 g=- v=- q=高于城镇1个百分点以上 s=-"},
		// cleaning and aliases
		{"scope and frame (保定 2009)", "城镇固定资产投资增长22%", "固定资产投资 g=22 v=- q= s=-"},
		{"可比 (保定 2009)", "地方一般预算收入可比增长13%以上", "一般公共预算收入 g=13 v=- q=以上 s=-"},
		{"比上年 (河北 2009)", "生产总值比上年增长9%", "地区生产总值 g=9 v=- q= s=-"},
		{"涨幅在 (河北 2009)", "居民消费价格总水平涨幅在4%左右", "居民消费价格涨幅 g=- v=4% q=左右 s=-"},
		{"万元生产总值综合能耗 (保定 2009, 河北 2019)", "万元生产总值综合能耗下降4.8%", "单位GDP能耗 g=-4.8 v=- q= s=-"},
		{"units longest first (广东 2025)", "粮食产量1285万吨", "粮食产量 g=- v=1285万吨 q= s=-"},
		{"pacing (四川 2026, 广元)", "居民收入增长和经济增长基本同步", "居民人均可支配收入 g=- v=- q=基本同步 s=-"},
		{"a subject waiting for its predicate (海拉尔 2019)", "城镇新增就业人数，城镇登记失业率、节能减排、安全生产等约束性指标完成呼伦贝尔市确定的目标", "城镇新增就业 g=- v=- q= s=-; 城镇调查失业率 g=- v=- q= s=-; 节能减排 g=- v=- q= s=-; 安全生产 g=- v=- q= s=-"},
		{"slogan with a figure", "必须认真落实“1+1+9”工作部署", ""},
		{"a Latin name (岳阳, 滨州, 赣州)", "GDP增长7%左右", "地区生产总值 g=7 v=- q=左右 s=-"},
		{"a list a summary noun closes (保定 2022, 保定 2023)", "能耗及污染物排放等约束性指标完成省定任务", "能耗及污染物排放等约束性指标 g=- v=- q= s=-"},
		{"a bare head takes the first name's modifier (梧州)", "规上工业总产值、增加值分别增长15%、12%", "规模以上工业总产值 g=15 v=- q= s=-; 规模以上工业增加值 g=12 v=- q= s=-"},
		{"the goal after a colon (a city report)", "更加注重彰显高质量发展的指标：高新技术产业产值占规上工业总产值比重达56.2%以上", "高新技术产业产值占规上工业总产值比重 g=- v=56.2% q=以上 s=-"},
		// relative goals without a figure (亳州, 六安)
		{"增速高于全省 (亳州)", "一般公共预算收入增速高于全省平均水平", "一般公共预算收入 g=- v=- q=高于全省平均水平 s=-"},
		{"modifiers and a measure word (六安)", "城镇、农村常住居民人均可支配收入增幅高于全省平均", "城镇居民人均可支配收入 g=- v=- q=高于全省平均 s=-; 农村居民人均可支配收入 g=- v=- q=高于全省平均 s=-"},
		{"a rate noun in a list (亳州, 宣城)", "单位GDP能耗降低率、生态环境质量指标完成省下达年度目标任务", "单位GDP能耗 g=- v=- q= s=-; 生态环境质量指标 g=- v=- q= s=-"},
		{"a stretch after a goal by words (南京)", "固定资产投资保持稳定增长、力争达到3%", "固定资产投资 g=- v=- q= s=3"},
	}
	for _, tt := range tests {
		if got := read(tt.sent); got != tt.want {
			t.Errorf("%s: %q\n got  %s\n want %s", tt.name, tt.sent, got, tt.want)
		}
	}
}

// The review's figures: one table per construction, each seen in more than one report.
func TestActualConstructions(t *testing.T) {
	tests := []struct{ name, review, want string }{
		{"value and growth (海拉尔 2012, 保定)", "一、2023年工作回顾\n地区生产总值完成198.5亿元，同比增长22.3%。", "地区生产总值 g=22.3 v=198.5亿元 q= s=-"},
		{"按可比价计算 (海拉尔 2019)", "一、2023年工作回顾\n全年地区生产总值完成192.3亿元，按可比价计算，同比增长6.0%。", "地区生产总值 g=6 v=192.3亿元 q= s=-"},
		{"增速达到 (海拉尔 2019)", "一、2023年工作回顾\n规模以上工业增加值增速达到11.1%。", "规模以上工业增加值 g=11.1 v=- q= s=-"},
		{"distributed growths (高阳 2015, 保定 2009)", "一、2023年工作回顾\n城镇居民人均可支配收入1.99万元，农村居民人均可支配收入1.26万元，分别增长8.8%和10.8%。",
			"城镇居民人均可支配收入 g=8.8 v=1.99万元 q= s=-; 农村居民人均可支配收入 g=10.8 v=1.26万元 q= s=-"},
		{"counted nouns are not the figure (广东 2021, 亳州)", "一、2023年工作回顾\n新增进出口实绩企业81家。外商直接投资项目1.3万个。", ""},
		{"年均 is another period (保定 2021)", "一、2023年工作回顾\n生产总值年均增长6.3%。", ""},
		{"a five-year review turns to the year (广东 2021, 广东 2023)", "一、“十三五”时期发展成就和2023年主要工作\n五年来城镇新增就业700万人。\n2023年是收官之年。全省城镇新增就业134万人。", "城镇新增就业 g=- v=134万人 q= s=-"},
	}
	for _, tt := range tests {
		body := tt.review
		secs := []model.Section{{Title: strings.SplitN(body, "\n", 2)[0], Level: 1, Start: 0, End: utf8.RuneCountInString(body)}}
		res := Indicators(Input{Body: body, Sections: secs, Year: 2024, ReviewYear: 2023})
		var got []string
		for _, in := range res.Indicators {
			got = append(got, show(in))
		}
		if strings.Join(got, "; ") != tt.want {
			t.Errorf("%s:\n got  %s\n want %s", tt.name, strings.Join(got, "; "), tt.want)
		}
	}
}

// The grammar reads whatever a goals passage holds: it must not panic, and what it returns must be
// valid text pointing inside the sentence.
func FuzzSentence(f *testing.F) {
	for _, s := range []string{"城镇、农村常住居民人均可支配收入分别增长6.5%、8.5%左右", "地区生产总值达到240亿元，同比增长21%", "增长5.0%—5.5%", "保8争9", "：、，；", "5%、、力争"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, sent string) {
		if !utf8.ValidString(sent) {
			return
		}
		x := &extractor{body: sent}
		items, unread := x.sentence(0, sent)
		n := utf8.RuneCountInString(sent)
		for _, it := range items {
			if !utf8.ValidString(it.Name) || it.Start < 0 || it.End > n || it.Start > it.End {
				t.Fatalf("%q: bad item %+v", sent, it)
			}
		}
		for _, u := range unread {
			if !strings.Contains(sent, u) {
				t.Fatalf("%q: unread %q is not in the sentence", sent, u)
			}
		}
	})
}
