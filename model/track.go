package model

import (
	"cmp"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// A region over the years: the target a report set for its plan year beside the actual that the
// next year's report gave for that year in its review, and whether the target was met.
//
// The pairing rule: the target for year Y comes from the report whose plan year (Year) is Y; the
// actual for year Y from the report whose review year (ReviewYear) is Y. A figure of a review of
// several years (过去五年, “十三五”时期 …) or a yearly average over them (年均) is not one year's
// actual, and is left out.

// Verdict says whether a year's actual met its target.
type Verdict string

const (
	VerdictNone Verdict = ""         // the target or the actual is missing
	Met         Verdict = "met"      // the actual meets the target as its qualifier reads
	StretchMet  Verdict = "stretch"  // it meets the stretch goal (力争, the top of a range) too
	Missed      Verdict = "missed"   // it falls short
	Unjudged    Verdict = "unjudged" // both are there but do not compare (a target relative to another body, 基本同步, different units)
)

// lowerIsBetter are the indicators whose target is a ceiling: prices, unemployment, energy
// used per unit of output (a fall of 3% is met by a fall of 3.5%).
var lowerIsBetter = map[string]bool{"居民消费价格涨幅": true, "城镇调查失业率": true, "单位GDP能耗": true}

// Qualifiers by what they make of the figure: a floor, a ceiling, or an approximate level.
var (
	floorWords   = []string{"以上", "不低于", "不少于", "超过", "高于", "力争"}
	ceilingWords = []string{"以内", "以下", "不超过", "不高于", "低于", "控制在"}
)

// aboutGrowth is how far 左右 reaches around a growth rate: half a percentage point, the
// convention of the statistical bulletins that report 6.5% against "7%左右" as a miss.
const aboutGrowth = 0.5

// aboutLevel is how far 左右 reaches around a level (达到1000亿元左右): one per cent of it.
const aboutLevel = 0.01

// Judge says whether actual met target. Growth is compared with growth, else a level with a level
// in one unit; the qualifier decides the direction: a floor (以上, 不低于, a plain figure), a
// ceiling (以内, 不超过, and any target of an indicator where lower is better), 左右 within half a
// point (a level: one per cent). A range (5%—5.5%) is met at its lower bound; its top, like 力争's
// figure, is the stretch.
func Judge(name string, target, actual Indicator) Verdict {
	q := target.Qualifier
	if q != "" && !knownQualifier(q) {
		return Unjudged // 基本同步, 高于全省0.5个百分点, 与…持平: no figure of its own
	}
	var t, a float64
	slack := 0.0
	switch {
	case target.Growth != nil && actual.Growth != nil:
		t, a = *target.Growth, *actual.Growth
		slack = aboutGrowth
	case target.Growth == nil && target.Value != nil && actual.Value != nil:
		bt, ft := UnitScale(target.Unit)
		ba, fa := UnitScale(actual.Unit)
		if bt != ba {
			return Unjudged
		}
		t, a = *target.Value*ft, *actual.Value*fa
		slack = aboutLevel * t
		if slack < 0 {
			slack = -slack
		}
	case target.Growth == nil && target.Value == nil:
		return Unjudged
	default:
		return VerdictNone // the actual lacks the figure the target is given in
	}
	ceiling := lowerIsBetter[name] || hasAny(q, ceilingWords)
	about := strings.Contains(q, "左右")
	met := false
	switch {
	case ceiling && about:
		met = a <= t+slack
	case ceiling:
		met = a <= t
	case about:
		met = a >= t-slack
	default:
		met = a >= t
	}
	if !met {
		return Missed
	}
	if target.Stretch != nil && target.Growth != nil && actual.Growth != nil {
		if ceiling && *actual.Growth <= *target.Stretch || !ceiling && *actual.Growth >= *target.Stretch {
			return StretchMet
		}
	}
	return Met
}

func knownQualifier(q string) bool {
	rest := q
	for _, w := range append(append([]string{"左右"}, floorWords...), ceilingWords...) {
		rest = strings.ReplaceAll(rest, w, "")
	}
	return strings.TrimSpace(rest) == ""
}

func hasAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// severalYears marks a section about more than one year (过去五年工作回顾, “十三五”时期…), and
// severalYearsSentence a figure over several years (五年来…, 年均增长…, 十三五期间累计…). 累计
// alone is no mark: 全年累计完成投资 is one year's.
var (
	severalYears         = regexp.MustCompile(`[两三五]年|十[一二三四五六]五|时期|过去的?[两三五几]年`)
	severalYearsSentence = regexp.MustCompile(`年均|[两三五]年来|[两三五]年间|过去[两三五]年|十[一二三四五六]五(?:期间|时期|以来)|[两三五]年累计`)
)

// SingleYear says an actual of r speaks of r's review year alone: neither its sentence nor a
// section around it is about several years, unless that section names the review year itself
// (“十三五”时期发展成就和2020年主要工作 holds 2020's figures).
func SingleYear(r *Report, in Indicator) bool {
	if severalYearsSentence.MatchString(in.Text) {
		return false
	}
	year := strconv.Itoa(r.ReviewYear) + "年"
	for _, s := range SectionPath(r.Sections, in.Start) {
		if severalYears.MatchString(s.Title) && !strings.Contains(s.Title, year) {
			return false
		}
	}
	return true
}

// TrackCell is one indicator in one year: the target set for it, the actual reported for it,
// each with the index (among the reports given to Track) of the report it comes from, or -1.
type TrackCell struct {
	Year     int
	Target   *Indicator
	TargetOf int
	Actual   *Indicator
	ActualOf int
	Verdict  Verdict
}

// TrackRow is one indicator across the years of a timeline.
type TrackRow struct {
	Name  string
	Cells []TrackCell // one per Timeline.Years
}

// Timeline is one region's reports over the years.
type Timeline struct {
	Years []int
	Rows  []TrackRow
	// ByPlan and ByReview name, for each year, the report whose plan year or review year it is
	// (an index among the reports given; -1 when there is none).
	ByPlan, ByReview []int
}

// RegionKey groups the reports of one place: its division code when the gazetteer knew it, else
// its name and level.
func RegionKey(r *Report) string {
	if r.RegionCode != "" {
		return "code:" + r.RegionCode
	}
	if r.Region == "" {
		return ""
	}
	return "name:" + r.Region + "/" + r.Level
}

// Track lays out reports (one region's; their Sections and Indicators unpacked) as a timeline.
// Of two reports of one year the first given is used: a copy in another encoding has the same
// figures.
func Track(reports []Report) Timeline {
	yearSet := map[int]bool{}
	plan, review := map[int]int{}, map[int]int{}
	for i := range reports {
		r := &reports[i]
		if r.Year > 0 {
			yearSet[r.Year] = true
			if _, ok := plan[r.Year]; !ok {
				plan[r.Year] = i
			}
		}
		if r.ReviewYear > 0 {
			yearSet[r.ReviewYear] = true
			if _, ok := review[r.ReviewYear]; !ok {
				review[r.ReviewYear] = i
			}
		}
	}
	var tl Timeline
	for y := range yearSet {
		tl.Years = append(tl.Years, y)
	}
	slices.Sort(tl.Years)
	for _, y := range tl.Years {
		tl.ByPlan = append(tl.ByPlan, indexOr(plan, y))
		tl.ByReview = append(tl.ByReview, indexOr(review, y))
	}
	// the rows: every indicator given a target in some year, in the table's order
	seen := map[string]bool{}
	var names []string
	for _, i := range tl.ByPlan {
		if i < 0 {
			continue
		}
		for _, in := range reports[i].Targets() {
			if !seen[in.Name] {
				seen[in.Name] = true
				names = append(names, in.Name)
			}
		}
	}
	slices.SortStableFunc(names, func(a, b string) int { return cmp.Compare(tableRank(a), tableRank(b)) })
	for _, name := range names {
		row := TrackRow{Name: name}
		for k, y := range tl.Years {
			c := TrackCell{Year: y, TargetOf: -1, ActualOf: -1}
			if i := tl.ByPlan[k]; i >= 0 {
				for _, in := range reports[i].Targets() {
					if in.Name == name {
						c.Target, c.TargetOf = &in, i
						break
					}
				}
			}
			if i := tl.ByReview[k]; i >= 0 {
				c.Actual = yearActual(&reports[i], name, c.Target)
				if c.Actual != nil {
					c.ActualOf = i
				}
			}
			if c.Target != nil && c.Actual != nil {
				c.Verdict = Judge(name, *c.Target, *c.Actual)
			}
			row.Cells = append(row.Cells, c)
		}
		tl.Rows = append(tl.Rows, row)
	}
	return tl
}

func indexOr(m map[int]int, y int) int {
	if i, ok := m[y]; ok {
		return i
	}
	return -1
}

// yearActual is r's actual of name for its review year: the first of one year in document
// order that gives the figure the target is given in (growth, else a level).
func yearActual(r *Report, name string, target *Indicator) *Indicator {
	var first *Indicator
	for i := range r.Indicators {
		in := r.Indicators[i]
		if in.Kind != Actual || in.Name != name || !SingleYear(r, in) {
			continue
		}
		switch {
		case target == nil || target.Growth != nil && in.Growth != nil || target.Growth == nil && in.Value != nil:
			return &in
		case first == nil:
			first = &in
		}
	}
	return first
}

// tableRank orders canonical names as the indicator table does, others after them.
func tableRank(name string) int {
	for i, c := range Canonicals {
		if c.Name == name {
			return i
		}
	}
	return len(Canonicals)
}

// VerdictMark is how a verdict is shown in a cell: ✓ met, ★ the stretch too, ✗ missed, ? not
// comparable.
func VerdictMark(v Verdict) string {
	switch v {
	case Met:
		return "✓"
	case StretchMet:
		return "★"
	case Missed:
		return "✗"
	case Unjudged:
		return "?"
	}
	return ""
}

// Text is a cell as the track table and the timeline screen show it: target → actual
// and the mark; "·" for a side that is missing.
func (c TrackCell) Text() string {
	if c.Target == nil && c.Actual == nil {
		return ""
	}
	t, a := "·", "·"
	if c.Target != nil {
		t = c.Target.Short()
	}
	if c.Actual != nil {
		a = c.Actual.Short()
	}
	s := t + " → " + a
	if m := VerdictMark(c.Verdict); m != "" {
		s += " " + m
	}
	return s
}
