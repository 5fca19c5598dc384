package model

import (
	"strconv"
	"strings"
)

// preQualifiers stand before a figure (不低于5.5%); the others follow it (8%左右).
var preQualifiers = map[string]bool{"不低于": true, "不少于": true, "不高于": true, "不超过": true, "超过": true, "高于": true, "低于": true, "力争": true}

// FormatNumber prints a figure without trailing zeros: 6.50 → 6.5, 18.0 → 18.
func FormatNumber(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// Figure renders an indicator's number the way a report would say it: 增长6.5%, 下降2.6%,
// 增长不低于5.5%（力争6%）, 53.5亿元, 8%左右; a target without a number shows its qualifier or
// a dash.
func (in Indicator) Figure() string {
	var parts []string
	q := in.Qualifier
	wrap := func(s string) string {
		switch {
		case q == "":
			return s
		case preQualifiers[q]:
			return q + s
		default:
			return s + q
		}
	}
	if in.Growth != nil {
		g := *in.Growth
		verb := "增长"
		if g < 0 {
			verb, g = "下降", -g
		}
		parts = append(parts, verb+wrap(FormatNumber(g)+"%"))
		q = ""
	}
	if in.Value != nil {
		parts = append(parts, wrap(FormatNumber(*in.Value)+in.Unit))
	}
	s := strings.Join(parts, "，")
	if in.Stretch != nil {
		s += "（力争" + FormatNumber(*in.Stretch) + "%）"
	}
	if s == "" {
		if in.Qualifier != "" {
			return in.Qualifier
		}
		return "—"
	}
	return s
}

// Short renders a target compactly for a comparison column: 6.5, 8 左右, ≥5.5, 53.5亿元.
func (in Indicator) Short() string {
	var s string
	switch {
	case in.Growth != nil:
		s = FormatNumber(*in.Growth)
	case in.Value != nil:
		s = FormatNumber(*in.Value) + in.Unit
	default:
		if in.Qualifier != "" {
			return in.Qualifier
		}
		return "—"
	}
	switch in.Qualifier {
	case "":
	case "不低于", "不少于", "以上":
		s = "≥" + s
	case "不高于", "不超过", "以内", "以下":
		s = "≤" + s
	case "超过", "高于":
		s = ">" + s
	default:
		s += " " + in.Qualifier
	}
	if in.Stretch != nil {
		s += "（" + FormatNumber(*in.Stretch) + "）"
	}
	return s
}
