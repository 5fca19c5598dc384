// Package parse turns a file's bytes into reports, and nothing else: no file system, no unsafe
// but runes/alias.go's two read-only uses, bytes in and values out (Parse). It sniffs the format
// by content (format.go: text, web pages, MHTML, Word .docx; PDF, legacy Office, images and
// archives refused with one line each), decodes (UTF-8, UTF-16, GB18030/GBK), strips what
// scrapers and document sites add (noise.go, clean.go), rejoins pages and fragments, splits
// bundles (one report per copy), and finds each report's title, region (with the gazetteer),
// years, date, speaker, sections (sections.go) and indicators (extract).
package parse

import (
	"baogao/parse/runes"
	"baogao/parse/rx"
	"errors"
	"fmt"
	"hash/fnv"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"baogao/model"
	"baogao/msg"
	"baogao/parse/extract"
	"baogao/parse/pdf"
	"baogao/parse/text"
	"baogao/parse/web"
	"baogao/parse/word"
)

// MaxFileSize bounds what one file may hold (see package text).
const MaxFileSize = text.MaxFileSize

// Parse reads one file's bytes into the reports it holds. name is used for ids and messages.
func Parse(name string, data []byte) ([]model.Report, error) {
	if len(data) > MaxFileSize {
		return nil, msg.E("parse.too-large", float64(len(data))/(1<<20), MaxFileSize>>20)
	}
	var d text.Text
	var err error
	var lines []string // d.Text folded into lines, when decoding did it
	var buf string     // what the lines are spans of (foldOwn)
	switch f := sniff(name, data); f.format {
	case fmtUnsupported:
		return nil, errors.New(f.why) // an English message of the table (sniff)
	case fmtPDF:
		return nil, pdf.Error(data)
	case fmtHTML:
		d, err = web.HTML(data)
		d.From = msg.EN.T("from.html")
	case fmtMHTML:
		d, err = web.MHTML(data)
		d.From = msg.EN.T("from.mhtml")
	case fmtDOCX:
		d, err = word.Text(data)
		d.From = msg.EN.T("from.docx")
	default:
		// the check of the text and its fold into lines are one pass (foldOwn): of the bytes as
		// UTF-8, or of the text decoded from another encoding (the last call's is d.Text).
		// The lines keep nothing of what they were read from, so the bytes are read as they
		// stand; d.Text, which may be them, is read below for its length alone.
		d, err = text.DecodeShared(data, func(s string) (int, int, bool) {
			var total, odd int
			var valid bool
			buf, lines, total, odd, valid = foldOwn(s, true)
			return total, odd, valid
		})
	}
	if err != nil {
		return nil, err
	}
	if d.From != "" && len(d.Text) <= MaxFileSize { // past it, parseText says so
		// The text of a web page or a Word file is checked as prose and folded into lines in
		// one pass, as a text file's bytes are: its reader does not judge it (text.Judge).
		var total, odd int
		var valid bool
		buf, lines, total, odd, valid = foldOwn(d.Text, false)
		if !valid {
			// every count of runes below takes valid UTF-8, which the readers give (encoding/xml
			// and the Word scanner refuse other bytes): this keeps it so if one did not
			d.Text = runes.Valid(d.Text)
			lines, buf = normalizeLines(d.Text), ""
		}
		if d, err = text.Judge(d, total, odd); err != nil {
			return nil, err
		}
	}
	return parseText(name, d, lines, buf)
}

// parseText reads a text into reports; lines is the text folded (normalizeLines), or nil, and
// buf what they are spans of when foldOwn made them ("" else).
func parseText(name string, d text.Text, lines []string, buf string) ([]model.Report, error) {
	// One limit for text however it arrived: a Word file or a saved page may unpack to more text
	// than any file on disk is allowed to hold.
	if len(d.Text) > MaxFileSize {
		return nil, msg.E("parse.too-much-text", float64(len(d.Text))/(1<<20), MaxFileSize>>20)
	}
	var warnings []string
	if d.From != "" {
		warnings = append(warnings, msg.EN.T("warn.read-from", d.From))
	}
	if d.Encoding != "utf-8" {
		warnings = append(warnings, msg.EN.T("warn.decoded", strings.ToUpper(d.Encoding)))
	}
	if d.Dropped > 0 {
		warnings = append(warnings, msg.EN.T("warn.dropped-bytes", d.Dropped))
	}
	if lines == nil {
		lines = normalizeLines(d.Text)
	}
	lines, h, fileTitles, w := stripNoise(lines)
	warnings = append(warnings, w...)
	lines, pages := joinPages(lines)
	if pages > 0 {
		warnings = append(warnings, msg.EN.T("warn.page-markers", pages))
	}
	hints := map[string]bool{}
	for t := range d.Headings {
		hints[normalize(t)] = true
	}
	lines, frags := joinFragments(lines, hints)
	if frags > 0 {
		warnings = append(warnings, msg.EN.T("warn.rejoined", frags))
	}
	parts, dropped, dups := splitBundle(lines)
	if dropped > 0 {
		warnings = append(warnings, msg.EN.T("warn.text-before", dropped))
	}
	if dups > 0 {
		warnings = append(warnings, msg.EN.T("warn.repeated", dups))
	}
	if len(parts) == 0 {
		return nil, msg.E("parse.only-boilerplate")
	}
	var reports []model.Report
	for i, p := range parts {
		r := buildReport(p.lines, buf, h, fileTitles, len(parts) > 1, hints)
		r.ID = ReportID(name, i+1)
		r.Source = name
		r.Part = i + 1
		r.Hash = model.TextHash(r.Body)
		r.Warnings = append(append([]string{}, warnings...), r.Warnings...)
		reports = append(reports, r)
	}
	for _, r := range reports {
		if looksLikeReport(&r) {
			return reports, nil
		}
	}
	return nil, msg.E("parse.not-a-report")
}

// looksLikeReport says a text is a work report at all: a notes.txt that says "hello world" is not
// one to list as (未知) ? 0 政府工作报告.
func looksLikeReport(r *model.Report) bool {
	return r.Year > 0 || r.Region != "" || len(r.Sections) > 0 || len(r.Indicators) > 0 ||
		strings.Contains(r.Body, "各位代表") || strings.Contains(r.Body, "政府工作") || strings.Contains(r.Body, "工作报告")
}

// ReportID names part n of a file: its name without folder and extension, and the part.
func ReportID(name string, n int) string {
	base := strings.TrimSuffix(path.Base(name), path.Ext(name))
	if !utf8.ValidString(base) {
		// the export writes invalid bytes as U+FFFD: two such names would share an id
		h := fnv.New32a()
		h.Write([]byte(name))
		base = fmt.Sprintf("%s-%08x", strings.ToValidUTF8(base, "\uFFFD"), h.Sum32())
	}
	return fmt.Sprintf("%s#%d", base, n)
}

// joinLines is strings.Join(lines, "\n"), taken from buf without a copy where the lines stand
// in it one after another with a line break between each: foldOwn writes the lines it keeps so,
// and a part whose stages took no line out of its middle and joined none is such a run (four
// reports in five of the generated corpus, every city report of 2024). The join was the parse's
// largest copy after the file's own.
func joinLines(lines []string, buf string) string {
	if len(lines) == 0 {
		return ""
	}
	first, ok := runes.SpanOf(buf, lines[0])
	if !ok {
		return strings.Join(lines, "\n")
	}
	end := first + len(lines[0])
	for _, l := range lines[1:] {
		if o, ok := runes.SpanOf(buf, l); !ok || o != end+1 || buf[end] != '\n' {
			return strings.Join(lines, "\n")
		}
		end += 1 + len(l)
	}
	return buf[first:end]
}

type part struct{ lines []string }

// bodyWords are the words stages look for in a whole body: the inline heading words of the
// section finder, then the extractor's trigger words. One pass finds both (a pass for each was
// two readings of every body).
var bodyWords = runes.NewWords(append(append([]string(nil), inlineKeywords...), extract.TriggerWords()...))

var (
	bundleMarker = rx.MustCompile(`篇(\d{1,2})$|^第([一二三四五六七八九十]{1,3})篇`)
	opening      = rx.MustCompile(`^各位代表(?:[、，,]\s?同志们)?[:：]`)
)

// splitBundle cuts a file holding several reports into one part each: at "…篇1", "…篇2" markers
// when a site numbers them, else at each address to the deputies (各位代表：). A part that
// repeats an earlier one word for word (some pages carry the body twice) is dropped.
func splitBundle(lines []string) (parts []part, dropped, dups int) {
	var cuts []int
	want := 1
	for i, ln := range lines {
		if len(ln) > 120 || !strings.Contains(ln, "篇") {
			continue
		}
		if m := bundleMarker.FindStringSubmatch(ln); m != nil && runes.AtMost(ln, 41) <= 40 {
			n := atoi(m[1])
			if m[2] != "" {
				n = cnValue(m[2])
			}
			if n == want {
				cuts = append(cuts, i)
				want++
			}
		}
	}
	if len(cuts) < 2 {
		cuts = cuts[:0]
		for i, ln := range lines {
			if opening.MatchString(ln) {
				cuts = append(cuts, coverStart(lines, i))
			}
		}
		if len(cuts) < 2 {
			return []part{{nonEmpty(lines)}}, 0, 0
		}
		cuts[0] = 0 // everything above the first address is that report's cover
	} else {
		dropped = len(nonEmpty(lines[:cuts[0]]))
	}
	var sets []map[uint64]bool
	for k, c := range cuts {
		end := len(lines)
		if k+1 < len(cuts) {
			end = cuts[k+1]
		}
		ls := nonEmpty(lines[c:end])
		if len(ls) == 0 {
			continue
		}
		set := sentenceSet(ls)
		if j := sameReport(sets, set); j >= 0 {
			// A page that carries the body twice (a full copy and a cut one, or the copy under a
			// news item's links) is one report: keep the first, with its cover, unless it is the
			// cut one.
			dups++
			if len(strings.Join(ls, "")) > len(strings.Join(parts[j].lines, ""))*5/4 {
				parts[j].lines = ls
				sets[j] = set
			}
			continue
		}
		sets = append(sets, set)
		parts = append(parts, part{ls})
	}
	return parts, dropped, dups
}

// coverStart walks back from an address to the deputies over the title lines above it.
func coverStart(lines []string, i int) int {
	start := i
	for k := i - 1; k >= 0 && i-k <= 6; k-- {
		if lines[k] == "" {
			continue
		}
		if runes.AtMost(lines[k], 41) > 40 || endsSentence(lines[k]) && !strings.HasSuffix(lines[k], "）") {
			break
		}
		start = k
	}
	return start
}

// sentenceSet is the set of a part's sentences of eight Han characters or more, by hash of their
// Han characters alone, so spacing, punctuation and line breaks do not tell two copies apart.
func sentenceSet(lines []string) map[uint64]bool {
	set := map[uint64]bool{}
	for _, ln := range lines {
		h, n := uint64(sentenceSeed), 0
		for i := 0; i < len(ln); {
			r, ok := runes.Three(ln, i)
			if !ok {
				_, w := utf8.DecodeRuneInString(ln[i:])
				i += w
				continue
			}
			switch {
			case r >= 0x4e00 && r <= 0x9fff:
				h = sentenceStep(h, r)
				n++
			case r == '。' || r == '！' || r == '？' || r == '；':
				if n >= 8 {
					set[h] = true
				}
				h, n = sentenceSeed, 0
			case r == '：': // what stands before a colon is an address or a heading
				h, n = sentenceSeed, 0
			}
			i += 3
		}
		// a line that ends without a mark is a title or heading, which copies of different
		// reports share (政府工作报告, 一、2023年工作回顾): only sentences count
	}
	return set
}

// sentenceSeed and sentenceStep hash a sentence's Han characters, one multiplication a character
// (FNV-1a by bytes took three, in a chain: most of the time spent here). The set lives for one
// parse, so the hash need not be any standard one.
const sentenceSeed = 14695981039346656037

func sentenceStep(h uint64, r rune) uint64 { return (h ^ uint64(r)) * 0x9E3779B97F4A7C15 }

// sameReport returns the index of an earlier part that set repeats, or -1: most (80 %) of the
// smaller part's sentences stand in the larger one.
func sameReport(sets []map[uint64]bool, set map[uint64]bool) int {
	for j, other := range sets {
		small, large := set, other
		if len(small) > len(large) {
			small, large = large, small
		}
		if len(small) == 0 {
			continue
		}
		in := 0
		for k := range small {
			if large[k] {
				in++
			}
		}
		if in*5 >= len(small)*4 {
			return j
		}
	}
	return -1
}

func nonEmpty(lines []string) []string {
	var out []string
	for _, ln := range lines {
		if ln != "" {
			out = append(out, ln)
		}
	}
	return out
}

// layout is the body's lines, which the sections are found in, and its offsets (its length in
// runes, and the extractor's offsets), in one count; n is about how many lines it has.
func layout(body string, n int) ([]line, *runes.Offsets) {
	ls := make([]line, 0, n)
	start := 0
	offs := runes.NewOffsetsByLine(body, func(t string, n int) {
		ls = append(ls, line{t, start, n})
		start += n + 1
	})
	return ls, offs
}

// buildReport finds one report's metadata, sections and indicators.
// hints are lines the document's own styles mark as headings (Word); nil for plain text.
func buildReport(lines []string, buf string, h header, fileTitles []string, bundled bool, hints map[string]bool) model.Report {
	body := joinLines(lines, buf)
	bodyLines, offs := layout(body, len(lines))
	r := model.Report{Body: body, Chars: offs.At(len(body))}
	// the words two stages look for in the whole body, found in one pass
	at := bodyWords.ByWord(body)
	r.Sections = findSectionsAt(bodyLines, hints, at[:len(inlineKeywords)])
	if r.Sections == nil {
		r.Sections = []model.Section{}
		r.Warnings = append(r.Warnings, msg.EN.T("warn.no-headings"))
	}

	// What names the report: scraper header and file titles for a single report; for a bundle
	// only the part's own lines, since the file's title speaks for all of them.
	var head, titles []string
	if !bundled {
		head = append(head, h.title)
		for _, t := range fileTitles {
			head = append(head, cleanTitle(t))
		}
		if h.issuer != "" {
			head = append(head, h.issuer)
		}
	}
	for i, ln := range lines {
		if i >= 12 {
			break
		}
		// A bundle's "…多篇篇2" names the collection, not this report.
		if len(ln) <= 4*60 && isTitleLine(ln) && runes.Count(ln) <= 60 && !(bundled && bundleMarker.MatchString(ln)) {
			head = append(head, ln)
		}
	}
	for _, t := range head {
		if t != "" {
			titles = append(titles, t)
		}
	}
	reg := findRegion(titles, body)
	r.Region, r.Level, r.RegionCode, r.Province, r.Prefecture = reg.name, reg.level, reg.code, reg.province, reg.prefecture
	var secTitles []string
	for _, s := range r.Sections {
		secTitles = append(secTitles, s.Title)
	}
	r.Year, r.ReviewYear = findYears(titles, body, secTitles)
	r.Date = findDate(h, body)
	r.Speaker = findSpeaker(h, lines)
	r.Title = reportTitle(titles, r, bundled)
	res := extract.Indicators(extract.Input{Body: body, Sections: r.Sections, Year: r.Year, ReviewYear: r.ReviewYear, Offsets: offs, Triggers: at[len(inlineKeywords):]})
	r.Indicators = res.Indicators
	if len(res.Unread) > 0 {
		// toml's Undecoded: what the goals passage says that the grammar could not read, so a user
		// knows what to check by hand.
		r.Warnings = append(r.Warnings, msg.EN.T("warn.unread", len(res.Unread), strings.Join(res.Unread, " | ")))
	}
	if r.Indicators == nil {
		r.Indicators = []model.Indicator{}
	}
	if !slices.ContainsFunc(r.Indicators, func(in model.Indicator) bool { return in.Kind == model.Target }) {
		r.Warnings = append(r.Warnings, msg.EN.T("warn.no-targets"))
	}
	if r.Warnings == nil {
		r.Warnings = []string{}
	}
	return r
}

// reportTitle prefers a title the document gives itself; otherwise it composes one from what
// is known, so every report in a list has a readable name.
func reportTitle(titles []string, r model.Report, bundled bool) string {
	if !bundled {
		for _, t := range titles {
			if c := cleanTitle(t); c != "" && !strings.HasPrefix(c, "政府工作报告") && (r.Region == "" || strings.Contains(c, r.Region)) && runes.Count(c) <= 30 {
				return c
			}
		}
	}
	t := "政府工作报告"
	if r.Year > 0 {
		t = fmt.Sprintf("%d年%s", r.Year, t)
	}
	if r.Level == "国" {
		return t + "（国务院）" // the national report is the State Council's
	}
	return r.Region + t
}
