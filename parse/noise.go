package parse

import (
	"baogao/msg"
	"baogao/parse/runes"
	"baogao/parse/rx"
	"strings"
	"unicode/utf8"
)

// header is what scrapers put above a report: labelled fields that describe it but are not its text.
type header struct {
	title, issuer, date, speaker, source string
}

var (
	// Labelled metadata lines written by scrapers and CMS pages (标题：… 发文单位：… 正文：).
	headerLine = rx.MustCompile(`^(标题|发文单位|发文机关|发文时间|发布时间|发布日期|成文日期|报告人|来源URL|来源网址|原文链接|来源|信息来源|文章来源|正文|时间|作者|浏览次数|字号)\s*[:：]\s*(.*)$`)

	// Site chrome, by phrase: each was seen on document-sharing or government sites and none
	// occurs in the prose of a work report. Plain substrings, so checking a line is cheap.
	noisePhrases = []string{"由会员分享", "可在线阅读", "免费预览已结束", "请下载后查看全文", "继续阅读", "展开>>", "回到顶部", "返回顶部",
		"客服QQ", "微信小程序", "微信公众号", "账号登录", "扫码快捷下载", "文档侵权举报", "本文档内容版权", "本文档由用户上传", "本站不保证",
		"您访问的链接即将离开", "网站标识码", "公网安备", "ICP备", "版权所有", "如PPT文件的首页", "部分文档作品中含有"}
	noiseExact = map[string]bool{"下载": true, "打印": true, "全屏": true, "收藏": true, "加大": true, "还原": true, "减小": true, "放大": true, "缩小": true,
		"】": true, "放弃": true, "是否继续": true, "是否继续？": true, "是否继续?": true, "分享": true, "分享到": true, "分享到：": true, "关闭": true,
		"默认": true, "大": true, "中": true, "小": true, "©": true, "客服": true, "客服电话": true, "客服电话：": true, "客服:": true, "客服：": true, "展开": true}
	noisePrefixes = []string{"下一篇", "上一篇", "【字号", "主办：", "主办:", "承办：", "承办:", "- 关 键 词", "- 关键词", "- 配套讲稿", "- 特殊限制", "（责任编辑", "(责任编辑"}
	noiseRe       = rx.MustCompile(`请在.{0,10}上搜索|还剩.{0,6}页|本文档共\d*页|记者.{0,12}\s摄$`)
	// Lines after which nothing belongs to the report until another report begins.
	tailLine = rx.MustCompile(`^(下载声明|- 配套讲稿|配套讲稿|链接地址|相关报道|相关链接|相关阅读|相关文章|责任编辑|（责任编辑|\(责任编辑|扫一扫在手机打开|【打印】|【关闭】)`)

	// A file name or a listing entry standing in for a title: "…报告(20230216).docx",
	// "…报告.docx简介:", "…报告-42篇(第61/122页)".
	fileTitle = rx.MustCompile(`\.(docx?|pdf|wps|txt)》?\s*(简介[:：]?)?$|第\d+/\d+页\)?$`)

	phoneLine   = rx.MustCompile(`^[\d\s\-+()（）:：]{5,}$`)
	reportStart = rx.MustCompile(`^各位代表[:：,，、]|^[^\s-]{0,24}政府工作报告[^\s]{0,16}$|篇\d+$`)
)

// stripNoise removes site chrome and scraper headers, line by line, and says how much it removed.
// It keeps anything it is unsure of: a line is removed only when a pattern names it.
func stripNoise(lines []string) (kept []string, h header, titles []string, warnings []string) {
	var noise, meta int
	kept = make([]string, 0, len(lines))
	prevNoise := false
	inTail := false
	for _, ln := range lines {
		if ln == "" {
			kept = append(kept, ln)
			continue
		}
		if inTail {
			// the length first: the pattern's last alternative (篇\d+$) reads a line to its end
			if runes.AtMost(ln, 200) < 200 && mayStartReport(ln) && reportStart.MatchString(ln) && !isNoise(ln) {
				inTail = false
			} else {
				noise++
				continue
			}
		}
		if m := headerMatch(ln); m != nil {
			meta++
			v := strings.TrimSpace(m[2])
			switch m[1] {
			case "标题":
				h.title = v
			case "发文单位", "发文机关":
				h.issuer = v
			case "发文时间", "成文日期":
				h.date = v
			case "报告人", "作者":
				h.speaker = v
			case "来源URL", "来源网址", "原文链接":
				h.source = v
			}
			continue
		}
		if tailLine.MatchString(ln) {
			inTail = true
			noise++
			continue
		}
		n := runes.AtMost(ln, 160)
		if n < 80 && mayBeFileTitle(ln) && fileTitle.MatchString(ln) {
			titles = append(titles, ln)
			noise++
			prevNoise = true
			continue
		}
		// A noise phrase glued to report text (…请在课桌文档上搜索。1、长安镇…) would take the
		// report with it: only short lines are chrome.
		if n < 160 && (isNoise(ln) || prevNoise && phoneLine.MatchString(ln)) {
			noise++
			prevNoise = true
			continue
		}
		prevNoise = false
		kept = append(kept, ln)
	}
	if noise > 0 {
		warnings = append(warnings, msg.EN.T("warn.boilerplate", noise))
	}
	if meta > 0 {
		warnings = append(warnings, msg.EN.T("warn.scraper-header", meta))
	}
	return kept, h, titles, warnings
}

// mayBeFileTitle says ln holds a word every match of fileTitle holds: .doc, .pdf, .wps, .txt or
// 页, looked for by their bytes (a set of words read the line a character at a time: they are
// too short to skip by).
func mayBeFileTitle(ln string) bool {
	if strings.Contains(ln, "页") {
		return true
	}
	if strings.IndexByte(ln, '.') < 0 {
		return false
	}
	return strings.Contains(ln, ".doc") || strings.Contains(ln, ".pdf") || strings.Contains(ln, ".wps") || strings.Contains(ln, ".txt")
}

// mayStartReport says whether ln holds what each of reportStart's alternatives holds (各位代表 at
// its start, 政府工作报告, 篇 and a digit at its end): a line without is no match.
func mayStartReport(ln string) bool {
	return strings.HasPrefix(ln, "各位代表") || strings.Contains(ln, "政府工作报告") ||
		len(ln) > 0 && ln[len(ln)-1] >= '0' && ln[len(ln)-1] <= '9' && strings.Contains(ln, "篇")
}

func isNoise(ln string) bool {
	if len(ln) <= noiseExactLen && noiseExact[ln] { // a line is hashed whole to be looked up
		return true
	}
	// the phrases and the words each of the regexp's alternatives begins with, in one pass
	phrase, lead := false, false
	noiseWords.Each(ln, func(_, k int) bool {
		if k < len(noisePhrases) {
			phrase = true
			return false
		}
		lead = true
		return true
	})
	if phrase {
		return true
	}
	for _, p := range noisePrefixes {
		if strings.HasPrefix(ln, p) {
			return true
		}
	}
	if lead { // none of them in the line: no match
		return noiseRe.MatchString(ln)
	}
	return false
}

// noiseExactLen is the length of the longest line noiseExact holds.
var noiseExactLen = func() int {
	n := 0
	for ln := range noiseExact {
		n = max(n, len(ln))
	}
	return n
}()

// noiseWords are noisePhrases, then noiseRe's first words.
var noiseWords = runes.NewWords(append(append([]string(nil), noisePhrases...), "请在", "还剩", "本文档共", "记者"))

// pageMark reads a page marker at the start of a line, "N、" with one to four digits: its number
// and width in bytes, or a width of 0.
func pageMark(ln string) (n, width int) {
	k := 0
	for k < len(ln) && k <= 4 && ln[k] >= '0' && ln[k] <= '9' {
		n = n*10 + int(ln[k]-'0')
		k++
	}
	if k == 0 || k > 4 || !strings.HasPrefix(ln[k:], "、") {
		return 0, 0
	}
	return n, k + len("、")
}

// joinPages undoes a document site's pagination: it writes "N、" at the start of every page,
// cutting sentences in half (seed 000 has 19). A run of such lines numbered 1, 2, 3 … whose
// predecessors mostly stop mid-sentence is pagination, not a list; the markers go and each page
// is glued back onto the one before.
func joinPages(lines []string) ([]string, int) {
	type mark struct{ line, n, width int }
	var marks []mark
	for i, ln := range lines {
		if n, w := pageMark(ln); w > 0 {
			marks = append(marks, mark{i, n, w})
		}
	}
	remove := map[int]int{} // line index → marker width in bytes
	for i := 0; i < len(marks); {
		j := i + 1
		for j < len(marks) && marks[j].n == marks[j-1].n+1 {
			j++
		}
		run := marks[i:j]
		i = j
		if len(run) < 3 {
			continue
		}
		cut, long := 0, 0
		for k, m := range run {
			if runes.AtMost(lines[m.line], 60) >= 60 {
				long++
			}
			if k > 0 && !endsSentence(prevText(lines, m.line)) {
				cut++
			}
		}
		if cut*2 < len(run)-1 || long*2 < len(run) {
			continue
		}
		for _, m := range run {
			remove[m.line] = m.width
		}
	}
	if len(remove) == 0 {
		return lines, 0
	}
	var out []string
	// The line pages are glued onto is written once, when it is whole, from its pieces: adding
	// each page to it copied the run-on text so far once per page, and a builder grew it as many
	// times.
	var glued []string
	open := -1 // the line of out being glued from glued, or -1
	flush := func() {
		if open >= 0 {
			out[open] = strings.Join(glued, "")
			glued = glued[:0]
			open = -1
		}
	}
	for i, ln := range lines {
		w, ok := remove[i]
		if !ok {
			out = append(out, ln)
			continue
		}
		ln = ln[w:]
		// Glue onto the previous page unless this is the first one.
		if _, prevMarked := remove[prevIndex(lines, i)]; prevMarked && len(out) > 0 {
			k := len(out) - 1
			for k > 0 && out[k] == "" {
				k--
			}
			if k != open {
				flush()
				glued = append(glued, out[k])
				open = k
			}
			out = out[:k+1]
			glued = append(glued, ln)
			continue
		}
		out = append(out, ln)
	}
	flush()
	return out, len(remove)
}

func prevIndex(lines []string, i int) int {
	for k := i - 1; k >= 0; k-- {
		if lines[k] != "" {
			return k
		}
	}
	return -1
}

func prevText(lines []string, i int) string {
	if k := prevIndex(lines, i); k >= 0 {
		return lines[k]
	}
	return ""
}

// endsSentence reports whether a line ends where a sentence or a heading may end.
func endsSentence(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune("。！？!?；;：:…”」』）)", r)
}

// joinFragments mends text copied out of web pages, where every bold or linked span became a line
// of its own ("…座谈会上的" / "重要讲话" / "精神，聚焦…"). A short line inside an unfinished
// sentence, or a line that starts with a comma, belongs to the line before it. Lines the document
// styles as headings (keep) are never glued.
func joinFragments(lines []string, keep map[string]bool) ([]string, int) {
	var out []string
	joined := 0
	glueNext := false
	for _, ln := range lines {
		if len(out) == 0 || ln == "" {
			out = append(out, ln)
			glueNext = false
			continue
		}
		prev := out[len(out)-1]
		r, _ := utf8.DecodeRuneInString(ln)
		n := runes.AtMost(ln, 13) // compared with 12
		var join bool
		switch {
		case prev == "", keep[ln], keep[prev]:
		case glueNext:
			join = !looksStructural(ln)
		case strings.ContainsRune("，,、。；;：:！!？?）)”」』", r):
			join = !endsSentence(prev)
		case n <= 12:
			// A long line that opens with "（三）" is a paragraph, not a heading to keep apart.
			pn := runes.AtMost(prev, 41) // compared with 12 and 40
			join = !endsSentence(prev) && !endsSentence(ln) && !looksStructural(ln) && pn > 12 && !(pn <= 40 && looksStructural(prev))
		}
		if !join {
			out = append(out, ln)
			glueNext = false
			continue
		}
		out[len(out)-1] = prev + ln
		joined++
		// The fragment itself stops mid-sentence: the next line continues it too.
		glueNext = n <= 12 && !endsSentence(ln)
	}
	return out, joined
}

// headerMatch is a scraper's header line (标题：…), which is short: a long line is text, and the
// regexp's (.*)$ would read all of it first.
func headerMatch(ln string) []string {
	if len(ln) >= 600 {
		return nil
	}
	return headerLine.FindStringSubmatch(ln)
}
