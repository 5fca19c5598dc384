package parse

import (
	"baogao/parse/rx"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"baogao/model"
	"baogao/parse/runes"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"一行\r\n二行\r\n", "一行\n二行\n"},
		{"一行\r二行", "一行\n二行"},
		{"\u3000\u3000一、2013年工作回顾", "一、2013年工作回顾"},
		{"\u00a0\u00a0增长６．５％", "增长6.5%"},
		{"海拉尔区人民政府区长\u3000\u3000杜联合", "海拉尔区人民政府区长 杜联合"},
		{"政 府 工 作 报 告", "政 府 工 作 报 告"},
		{"零\u200b宽", "零宽"},
	}
	for _, tt := range tests {
		if got := normalize(tt.in); got != tt.want {
			t.Errorf("normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStripNoise(t *testing.T) {
	report := "各位代表：现在我代表镇人民政府向大会报告工作，请予审议。"
	tests := []struct {
		name  string
		lines []string
		kept  int // lines of report text left
	}{
		{"docsite banner", []string{"《长安镇2023年政府工作报告(20230216).docx》由会员分享,可在线阅读,更多相关《长安镇2023年政府工作报告(20230216).docx(19页珍藏版)》请在课桌文档上搜索。", report}, 1},
		{"file name as title", []string{"长安镇2023年政府工作报告(20230216).docx", report}, 1},
		{"free preview", []string{"免费预览已结束 ,请下载后查看全文", "还剩-页可免费阅读, 继续阅读", report}, 1},
		{"download notice to the end", []string{report, "下载声明:", "1、本文档共11页,其中可免费阅读10页。", "客服QQ:", "2505027264"}, 1},
		{"expand and back to top", []string{report, "展开>>", "回到顶部"}, 1},
		{"next article", []string{report, "下一篇:乡镇便民服务中心迎州检自查报告"}, 1},
		{"time and source line", []string{"时间:2024-12-12 18:39:01 来源:网友投稿", report}, 1},
		{"link address", []string{report, "链接地址:https://www.desk33.com/p-247963.html"}, 1},
		{"keywords block", []string{report, "- 配套讲稿:", "如PPT文件的首页显示word图标,表示该PPT已包含配套word讲稿。", "- 关 键 词:", "- 长安 2023 政府工作报告 20230216"}, 1},
		{"site footer", []string{report, "冀ICP备06016263号-1", "网站标识码：1300000013", "版权所有：河北省人民政府"}, 1},
		{"nav buttons", []string{"下载", "打印", "全屏", "收藏", "【字号：", "加大", "还原", "减小", "】", report}, 1},
		{"prose mentioning downloads stays", []string{"推动电子商务发展，全年下载量和访问量大幅增长，客服体系更加完善。"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kept, _, _, w := stripNoise(tt.lines)
			if n := len(nonEmpty(kept)); n != tt.kept {
				t.Fatalf("kept %d lines %q, want %d", n, kept, tt.kept)
			}
			if tt.kept == len(tt.lines) && len(w) > 0 {
				t.Errorf("warned %v on clean text", w)
			}
		})
	}
}

func TestStripNoiseHeader(t *testing.T) {
	_, h, _, w := stripNoise([]string{"标题：高阳县2018年政府工作报告", "发文单位：高阳县人民政府", "发文时间：2018-01-31", "报告人：高阳县人民政府县长 闫向阳", "正文：", "各位代表："})
	if h.title != "高阳县2018年政府工作报告" || h.issuer != "高阳县人民政府" || h.date != "2018-01-31" || !strings.Contains(h.speaker, "闫向阳") {
		t.Errorf("header = %+v", h)
	}
	if len(w) != 1 || !strings.Contains(w[0], "5 lines") {
		t.Errorf("warnings = %v", w)
	}
}

func TestJoinPages(t *testing.T) {
	pages := []string{
		"1、长安镇2023年政府工作报告各位代表:现在,我代表长安镇人民政府,向大会报告政府工作,请各位代表予以审议,并请列席大会的各位同志提出意见。一年来,我们迈出",
		"2、了新的步伐。一年来,我们筑牢防线,疫情防控平稳转段。面对多轮突发疫情,我们以快制快、果断处置,最大程度保护人民生命安全和身体健康。在此,我代表镇人民政府,向疫情防控中所",
		"3、有奉献者、参与者和配合者致以崇高的敬意!一年来,我们承压奋进,经济形势稳中向好。面对需求收缩、供给冲击、预期转弱的多重压力,我们采取有力有效措施稳增长,全力保障重大",
		"4、项目建设。",
	}
	got, n := joinPages(pages)
	if n != 4 || len(got) != 1 {
		t.Fatalf("joinPages: %d markers, %d lines: %q", n, len(got), got)
	}
	for _, want := range []string{"我们迈出了新的步伐", "疫情防控中所有奉献者", "全力保障重大项目建设"} {
		if !strings.Contains(got[0], want) {
			t.Errorf("sentence not rejoined: %q", want)
		}
	}

	// A real numbered list: every item is a finished sentence.
	list := []string{"1、加快推进重点项目建设，确保全年完成投资任务，推动一批重大项目尽快竣工投产见效。", "2、持续优化营商环境，深化放管服改革，提升政务服务效能，让企业办事更加便捷高效。", "3、着力保障和改善民生，办好十件民生实事，不断增强人民群众的获得感幸福感安全感。"}
	if got, n := joinPages(list); n != 0 || len(got) != 3 {
		t.Errorf("a numbered list was taken for page markers: %q", got)
	}
}

func TestJoinFragments(t *testing.T) {
	in := []string{
		"（三）重大战略成效显著。坚决贯彻习近平总书记在深入推进京津冀协同发展、高标准高质量推进雄安新区建设座谈会上的",
		"重要讲话",
		"精神，聚焦承接北京非首都功能疏解，项目和政策两手抓。",
		"科技支撑更加有力。享受研发费用加计扣除政策企业数量居",
		"全国第一",
		"，企业工业设备上云率继续保持",
		"全国第一",
		"。",
		"阔步迈上新征程",
		"二、2024年目标任务和主要工作",
	}
	got, n := joinFragments(in, nil)
	want := []string{
		"（三）重大战略成效显著。坚决贯彻习近平总书记在深入推进京津冀协同发展、高标准高质量推进雄安新区建设座谈会上的重要讲话精神，聚焦承接北京非首都功能疏解，项目和政策两手抓。",
		"科技支撑更加有力。享受研发费用加计扣除政策企业数量居全国第一，企业工业设备上云率继续保持全国第一。",
		"阔步迈上新征程",
		"二、2024年目标任务和主要工作",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("joinFragments (%d joins):\n%s\nwant:\n%s", n, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func titles(secs []model.Section) []string {
	var out []string
	for _, s := range secs {
		t := fmt.Sprintf("%d:%s", s.Level, s.Title)
		var kids []string
		for _, c := range s.Children {
			kids = append(kids, c.Title)
		}
		if len(kids) > 0 {
			t += "[" + strings.Join(kids, "|") + "]"
		}
		out = append(out, t)
	}
	return out
}

func TestFindSections(t *testing.T) {
	para := "这是一段足够长的正文内容，用来模拟报告中的段落，里面没有任何标题。"
	tests := []struct {
		name string
		body string
		want string
	}{
		{"numbered parts with (一) below",
			"各位代表：\n一、2022年工作回顾\n" + para + "\n（一）经济保持较快发展\n" + para + "\n（二）民生持续改善\n" + para + "\n二、2023年工作安排\n" + para + "\n三、全面加强政府自身建设\n" + para,
			"1:一、2022年工作回顾[（一）经济保持较快发展|（二）民生持续改善] 1:二、2023年工作安排 1:三、全面加强政府自身建设"},
		{"unnumbered parts with 一、 below",
			"各位代表：\n2023年工作回顾\n" + para + "\n一、坚持强平台、增质效，发展动能更足\n" + para + "\n二、坚持兴城市、提能级，人居环境更优\n" + para + "\n2024年政府主要工作安排\n" + para + "\n全面加强政府自身建设\n" + para,
			"1:2023年工作回顾[一、坚持强平台、增质效，发展动能更足|二、坚持兴城市、提能级，人居环境更优] 1:2024年政府主要工作安排 1:全面加强政府自身建设"},
		{"一是 form",
			"各位代表：\n一、2024年工作回顾\n一是协同发展走深走实、成效明显。" + para + "\n二是产业升级步伐加快、提质增效。" + para + "\n二、2025年主要任务\n" + para,
			"1:一、2024年工作回顾[一是协同发展走深走实、成效明显|二是产业升级步伐加快、提质增效] 1:二、2025年主要任务"},
		{"inline headings in run-on text",
			"长安镇2023年政府工作报告各位代表:现在,我代表长安镇人民政府,向大会报告政府工作,请各位代表予以审议。2022年工作回顾刚刚过去的2022年,是党的二十大胜利召开之年。" + para + para + "2023年工作安排今年是全面贯彻落实党的二十大精神的开局之年。" + para + "今年的重点工作主要有:(一)坚持推动创新发展,全面构建现代化产业体系。" + para + "(二)坚持推动协调发展。" + para,
			"1:2022年工作回顾 1:2023年工作安排[(一)坚持推动创新发展,全面构建现代化产业体系|(二)坚持推动协调发展]"},
		{"plain heading between keyword parts",
			"各位代表：\n2022年政府工作回顾\n" + para + para + "\n阔步迈上新征程\n" + para + para + "\n2023年主要工作\n" + para,
			"1:2022年政府工作回顾 1:阔步迈上新征程 1:2023年主要工作"},
		{"第一部分 headings inline",
			"各位代表：现在我代表区人民政府报告工作。第一部分 2011年工作回顾过去一年成绩显著。" + para + para + "对此，我们要直面问题挑战，采取有力措施加以解决。第二部分 2012年政府工作主要任务2011年是全面贯彻落实的一年。" + para + para,
			"1:第一部分 2011年工作回顾 1:第二部分 2012年政府工作主要任务"},
		{"a list restarting at 一 inside a part is not a part",
			"各位代表：\n一、2022年工作回顾\n" + para + "\n二、2023年工作安排\n" + para + "\n一、这是一个列表项而不是新的部分\n" + para,
			"1:一、2022年工作回顾 1:二、2023年工作安排"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			secs := findSections(tt.body, nil)
			if got := strings.Join(titles(secs), " "); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			n := len([]rune(tt.body))
			var check func([]model.Section, int, int)
			check = func(ss []model.Section, lo, hi int) {
				for _, s := range ss {
					if s.Start < lo || s.End > hi || s.Start >= s.End {
						t.Errorf("section %q [%d,%d) outside [%d,%d)", s.Title, s.Start, s.End, lo, hi)
					}
					if got := string([]rune(tt.body)[s.Start:]); !strings.HasPrefix(got, s.Title) {
						t.Errorf("section %q does not start at its offset: %q", s.Title, got[:min(len(got), 30)])
					}
					check(s.Children, s.Start, s.End)
				}
			}
			check(secs, 0, n)
		})
	}
}

func TestSplitBundle(t *testing.T) {
	rep := func(name string) []string {
		return []string{"各位代表：", "现在，我代表" + name + "人民政府向大会报告工作。", "一、2023年工作回顾", "过去一年" + name + "发展很好。"}
	}
	var marked []string
	marked = append(marked, "2023年政府工作报告多篇4篇", "供销社落实意识形态工作责任制情况报告参考")
	for i, n := range []string{"甲区", "乙区", "丙区"} {
		marked = append(marked, fmt.Sprintf("2023年政府工作报告多篇篇%d", i+1))
		marked = append(marked, rep(n)...)
	}
	parts, dropped, dups := splitBundle(marked)
	if len(parts) != 3 || dropped != 2 || dups != 0 {
		t.Errorf("marked bundle: %d parts, %d dropped, %d dups", len(parts), dropped, dups)
	}

	unmarked := append(append([]string{"甲镇2023年政府工作报告"}, rep("甲镇")...), append([]string{"乙镇2023年政府工作报告"}, rep("乙镇")...)...)
	parts, _, _ = splitBundle(unmarked)
	if len(parts) != 2 || parts[1].lines[0] != "乙镇2023年政府工作报告" {
		t.Errorf("unmarked bundle: %d parts %q", len(parts), parts)
	}

	// Two different reports that both open with 各位代表、同志们 are two reports.
	comrades := func(name string) []string {
		return []string{"各位代表、同志们:", "现在，我代表" + name + "人民政府向大会报告工作。", "过去一年" + name + "发展很好。"}
	}
	cm := append(append([]string{"2018年乡镇政府工作报告范文篇1"}, comrades("甲镇")...), append([]string{"2018年乡镇政府工作报告范文篇2"}, comrades("乙镇")...)...)
	if parts, _, dups = splitBundle(cm); len(parts) != 2 || dups != 0 {
		t.Errorf("各位代表、同志们 bundle: %d parts, %d dups", len(parts), dups)
	}

	twice := append(append([]string{}, rep("甲镇")...), rep("甲镇")...)
	parts, _, dups = splitBundle(twice)
	if len(parts) != 1 || dups != 1 {
		t.Errorf("repeated body: %d parts, %d dups", len(parts), dups)
	}
}

func TestFindRegion(t *testing.T) {
	tests := []struct {
		name        string
		head        []string
		body        string
		region, lvl string
	}{
		{"title", []string{"长安镇2023年政府工作报告"}, "各位代表：", "长安镇", "镇"},
		{"title with year first", []string{"2024年高埗镇政府工作报告各位代表、同志们:"}, "", "高埗镇", "镇"},
		{"province", []string{"2024年河北省政府工作报告"}, "", "河北省", "省"},
		{"speaker line", nil, "政 府 工 作 报 告\n海拉尔区人民政府区长 杜联合\n各位代表：", "海拉尔区", "区"},
		{"session line", nil, "2023年3月31日在京东镇第六届人民代表大会第二次会议上\n各位代表：", "京东镇", "镇"},
		{"party committee", nil, "各位代表：\n现在，我代表区人民政府向大会报告工作。一年来，区人民政府在中共临淄区委的坚强领导下", "临淄区", "区"},
		{"short name only", nil, "现在,我代表区人民政府向大会报告。制定《荔湾区促进工业经济高质量发展实施办法》。魅力荔湾近悦远来。荔湾英才计划。平安荔湾建设。", "荔湾区", "区"},
		{"short name in frames", nil, "我代表镇人民政府向大会报告工作。向关心和支持道滘经济社会发展的各界人士表示感谢！我们清醒地看到道滘发展还面临不少困难。推动道滘破局起势。", "道滘镇", "镇"},
		{"name replaced by xx", nil, "我代表区人民政府向大会报告工作。高水平建设“吴越名城·幸福xx”。完成《xx区国土空间分区规划》编制。", "", "区"},
		{"places in passing are not the region", nil, "我代表镇人民政府向大会报告工作。深化与深圳市、广州市的合作，学习佛山市经验。", "", "镇"},
		{"nothing", nil, "各位代表：现在我向大会报告工作。", "", ""},
		{"a word before 市 is no place", nil, "我代表市人民政府报告工作。建设国际消费中心城市，打造消费市场。", "", "市"},
		{"short name completed", nil, "在黔东南州第十五届人民代表大会第四次会议上\n各位代表：", "黔东南苗族侗族自治州", "市"},
		{"city named by the prefecture it mentions", nil, "我代表市人民政府向大会报告工作。亳州发展。亳州建设。亳州之变。亳州人民。合作共赢。亳州新貌。", "亳州市", "市"},
		{"national report", nil, "各位代表：\n现在，我代表国务院，向大会报告政府工作。", "全国", "国"},
		{"a kind of place is not a place", []string{"2018年乡镇政府工作报告范文篇1"}, "我代表乡人民政府报告。我们也清醒地认识到，全乡经济社会发展还面临许多困难。全乡全乡全乡", "", "乡"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg := findRegion(tt.head, tt.body)
			r, l := reg.name, reg.level
			if r != tt.region || l != tt.lvl {
				t.Errorf("findRegion = %q %q, want %q %q", r, l, tt.region, tt.lvl)
			}
		})
	}
}

func TestFindYearsDateSpeaker(t *testing.T) {
	y, rv := findYears([]string{"长安镇2023年政府工作报告"}, "2022年工作回顾", nil)
	if y != 2023 || rv != 2022 {
		t.Errorf("years = %d %d", y, rv)
	}
	y, rv = findYears(nil, "一、工作回顾\n二、2026年工作安排", []string{"一、工作回顾", "二、2026年工作安排"})
	if y != 2026 || rv != 2025 {
		t.Errorf("years without review heading year = %d %d", y, rv)
	}
	if d := findDate(header{}, "——2024年1月21日在河北省第十四届人民代表大会第二次会议上"); d != "2024-01-21" {
		t.Errorf("date = %q", d)
	}
	if d := findDate(header{date: "2018-01-31"}, "各位代表："); d != "2018-01-31" {
		t.Errorf("header date = %q", d)
	}
	for _, tt := range []struct {
		h     header
		lines []string
		want  string
	}{
		{header{}, []string{"政府工作报告", "镇人民政府镇长 魏 翔", "各位代表:"}, "魏翔"},
		{header{speaker: "高阳县人民政府县长 闫向阳"}, nil, "闫向阳"},
		{header{}, []string{"——2025年1月21日在保定市第十六届人民代表大会第六次会议上", "闫继红", "各位代表："}, "闫继红"},
		{header{}, []string{"省长 胡玉亭", "各位代表："}, "胡玉亭"},
		{header{}, []string{"各位代表：", "现在我代表市人民政府报告工作。"}, ""},
	} {
		if got := findSpeaker(tt.h, tt.lines); got != tt.want {
			t.Errorf("findSpeaker(%v) = %q, want %q", tt.lines, got, tt.want)
		}
	}
}

// windows yields the windows findFirst searches around each occurrence of lit, in order.
func windows(text, lit string, back, fwd int, yield func(w string) bool) {
	for from := 0; ; {
		i := runes.Index(text[from:], lit)
		if i < 0 {
			return
		}
		i += from
		from = i + len(lit)
		if !yield(window(text, i, len(lit), back, fwd)) {
			return
		}
	}
}

// TestSelfNameGuards: a window the guard skips holds no match of its pattern, on the seed
// reports and on the constructions the patterns read.
func TestSelfNameGuards(t *testing.T) {
	texts := []string{"在长安镇第十七届人民代表大会第三次会议上", "海拉尔区人民政府区长", "县人民政府代理县长张三", "黔东南州人民政府州长", "中共临淄区委", "宜宾市第五届人民代表大会"}
	files, _ := filepath.Glob(filepath.Join(seedDir, "*.txt"))
	for _, p := range files {
		b, _ := os.ReadFile(p)
		texts = append(texts, string(b))
	}
	for _, sn := range selfNames {
		if sn.guard == nil {
			continue
		}
		matched := 0
		for _, s := range texts {
			windows(s, sn.lit, 48, 48, func(w string) bool {
				if sn.re.MatchString(w) {
					matched++
					if !sn.guard.Any(w) {
						t.Errorf("%s: %q matches but the guard skips it", sn.re, w)
					}
				}
				return true
			})
		}
		if matched == 0 {
			t.Errorf("%s: no window matched: the test proves nothing", sn.re)
		}
	}
}

// TestSelfNameWords: each pattern's literal is one of the one pass's words, and none of them
// overlaps itself (ByWord finds what a search for each word in turn finds).
func TestSelfNameWords(t *testing.T) {
	for _, sn := range selfNames {
		if !slices.Contains(selfNameLits, sn.lit) {
			t.Errorf("%s: %s is not among the words", sn.re, sn.lit)
		}
	}
	if o := selfNameWords.SelfOverlapping(); len(o) > 0 {
		t.Errorf("self-overlapping: %q", o)
	}
}

// cnValueByMap is cnValue as it was written first.
func cnValueByMap(s string) int {
	digits := map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	r := []rune(s)
	switch {
	case len(r) == 1 && r[0] == '十':
		return 10
	case len(r) == 1:
		return digits[r[0]]
	case len(r) == 2 && r[0] == '十':
		return 10 + digits[r[1]]
	case len(r) == 2 && r[1] == '十':
		return digits[r[0]] * 10
	case len(r) == 3 && r[1] == '十':
		return digits[r[0]]*10 + digits[r[2]]
	}
	return 0
}

func FuzzCnValue(f *testing.F) {
	for _, s := range []string{"一", "十", "十二", "二十", "三十五", "九十九", "x", "十x", "一二三四", "", "百"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := cnValue(s), cnValueByMap(s); got != want {
			t.Fatalf("cnValue(%q) = %d, want %d", s, got, want)
		}
	})
}

// FuzzStemFrames: a frame read by hand finds what its pattern finds, in a window that begins
// with any of the frame's words.
func FuzzStemFrames(f *testing.F) {
	for _, s := range []string{"荔湾", "荔湾”", "道滘建设", "xx，", "X", "荔", "荔湾区", "𠀀𠀁。", "荔\xff", "ab", "荔湾；更多", "\u3007\u3007、"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, fr := range stemFrames {
			if fr.stem == nil {
				continue
			}
			for _, lit := range fr.lits {
				w := lit + s
				var want string
				m := fr.re.FindStringSubmatch(w)
				if m != nil {
					want = m[1]
				}
				if got, ok := fr.stem(w); ok != (m != nil) || got != want {
					t.Fatalf("%q: %q %v, the pattern finds %q %v", w, got, ok, want, m != nil)
				}
			}
		}
	})
}

// FuzzTitledPlace: the place of a cited title read by hand is policyTitle's.
func FuzzTitledPlace(f *testing.F) {
	for _, s := range []string{"东莞市人民政府关于", "广东省", "新疆维吾尔自治区", "香港特别行政区", "xx县", "×市", "市", "长安镇镇", "内蒙古自治区阿拉善盟", "一二三四五六七八九十县", "一二三四五六七八九十一县", "a市", "道滘\xff镇", "𠀀镇"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		w := "《" + runes.Valid(s) // as a body is
		w = w[:cutAt(w, 60)]
		var want string
		m := policyTitle.FindStringSubmatch(w)
		if m != nil {
			want = m[1]
		}
		if got, ok := titledPlace(w); ok != (m != nil) || got != want {
			t.Fatalf("%q: %q %v, the pattern finds %q %v", w, got, ok, want, m != nil)
		}
	})
}

// The opening is searched for nationalMark before the national words: each must hold it.
func TestNationalMark(t *testing.T) {
	for _, w := range nationalWords {
		if !strings.Contains(w, nationalMark) {
			t.Errorf("%q does not hold %q: findRegion would never look for it", w, nationalMark)
		}
	}
}

// FuzzGuards: the literal checks before reportStart and titleJunk never skip a line the pattern
// would have matched.
func FuzzGuards(f *testing.F) {
	for _, s := range []string{"各位代表：", "2023年政府工作报告", "政府工作报告篇12", "x.docx》y", "（20230216）", "报告-42篇(第61/122页)", "报告.docx简介：", "各位代表", "篇3", "一、工作回顾", "关心和支持道滘经济社会发展", "支持长安镇建设", "清醒地看到，当前道滘发展还面临", "认识到荔湾还面临", "我代表县人民政府", "代表镇政府", "区人民政府区长", "镇2023年政府工作报告", "市政府工作报告", "在中共临淄区委的坚强领导下", "代表东莞市人民政府", "临淄区第十八届人民代表大会"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if reportStart.MatchString(s) && !mayStartReport(s) {
			t.Fatalf("reportStart matches %q, the guard skips it", s)
		}
		if titleJunk.MatchString(s) && !mayHoldJunk(s) {
			t.Fatalf("titleJunk matches %q, the guard skips it", s)
		}
		if fileTitle.MatchString(s) && !mayBeFileTitle(s) {
			t.Fatalf("fileTitle matches %q, the guard skips it", s)
		}
		if speakerRe.MatchString(s) && !strings.Contains(s, "长") {
			t.Fatalf("speakerRe matches %q, which findSpeaker does not give it (no 长)", s)
		}
		if ownLevel.MatchString(s) && !mayOwnLevel(s) {
			t.Fatalf("ownLevel matches %q, the guard skips it", s)
		}
		// findRegion tries only the opening's lines that hold one of selfNameLits
		if !selfNameWords.Any(s) {
			if titleName.MatchString(s) {
				t.Fatalf("titleName matches %q, which holds none of selfNameLits", s)
			}
			for _, sn := range selfNames {
				if sn.re.MatchString(s) {
					t.Fatalf("%s matches %q, which holds none of selfNameLits", sn.re, s)
				}
			}
		}
		for _, f := range stemFrames {
			if f.guard != nil && f.re.MatchString(s) && !f.guard.Any(s) {
				t.Fatalf("%s matches %q, the guard skips it", f.re, s)
			}
		}
	})
}

// TestOrdinalsEveryWay reads every text of up to five of the patterns' pieces and a few others,
// as FuzzOrdinals does.
func TestOrdinalsEveryWay(t *testing.T) {
	pieces := []string{"第", "(", "（", ")", "）", "、", "部分", "是", "一", "十", "四", "x", " "}
	var walk func(s string, n int)
	walk = func(s string, n int) {
		for _, c := range []struct {
			o  ordinal
			re *rx.Regexp
		}{{numbered, numberedHeading}, {paren, parenHeading}, {shi, shiHeading}} {
			m := c.re.FindStringSubmatch(s)
			if num, ok := c.o.numeral(s); ok != (m != nil) || ok && num != m[1] {
				t.Fatalf("%q: %q %v, the pattern %q", s, num, ok, m)
			}
		}
		if n > 0 {
			for _, p := range pieces {
				walk(s+p, n-1)
			}
		}
	}
	walk("", 5)
}

// FuzzOrdinals: each ordinal read by hand is its pattern's first submatch, and matches where
// the pattern does.
func FuzzOrdinals(f *testing.F) {
	for _, s := range []string{"一、", "第二部分", "第十一部分 ", "（三）", "(四)", "（十一）", "五是", "一二三四、", "第、", "（）",
		"十是", "第一", "\xe4\xb8", "一\xe4", "（一", "二十是", "一二三四是"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range []struct {
			o  ordinal
			re *rx.Regexp
		}{{numbered, numberedHeading}, {paren, parenHeading}, {shi, shiHeading}} {
			m := c.re.FindStringSubmatch(s)
			num, ok := c.o.numeral(s)
			if ok != (m != nil) || ok && num != m[1] || c.o.MatchString(s) != ok {
				t.Fatalf("%q: %q %v, the pattern %q", s, num, ok, m)
			}
		}
	})
}

// TestOpeningRegionLineByLine: openingRegion tries the lines that hold a literal of the place
// patterns, with those places, in the order and up to the line that a try of every line in turn
// would, over the seed reports' openings and the same with their lines cut short and long.
func TestOpeningRegionLineByLine(t *testing.T) {
	type call struct {
		ln string
		at string
	}
	var openings []string
	for _, text := range seedTexts(t) {
		body := strings.Join(normalizeLines(text), "\n")
		for _, b := range []string{body, strings.ReplaceAll(body, "，", "，\n"), strings.ReplaceAll(body, "\n", "")} {
			openings = append(openings, b[:cutAt(b, 12000)])
		}
	}
	for _, opening := range openings {
		for stopAt := 0; stopAt < 6; stopAt++ { // the try that names a place: the n-th with a literal
			record := func(calls *[]call) func(string, [][]int) (region, bool) {
				return func(ln string, at [][]int) (region, bool) {
					if at == nil {
						return region{}, false
					}
					*calls = append(*calls, call{ln, fmt.Sprint(at)})
					return region{name: ln}, len(*calls) == stopAt
				}
			}
			var want, got []call
			try := record(&want)
			wr, wok := region{}, false
			for ln := range strings.SplitSeq(opening, "\n") {
				if r, ok := try(ln, selfNameWords.Places(ln)); ok {
					wr, wok = r, true
					break
				}
			}
			gr, gok := openingRegion(opening, record(&got))
			if gok != wok || gr != wr || !slices.Equal(got, want) {
				t.Fatalf("stop at %d: %v %q, line by line %v %q; tried %d lines, line by line %d", stopAt, gok, gr.name, wok, wr.name, len(got), len(want))
			}
		}
	}
}
