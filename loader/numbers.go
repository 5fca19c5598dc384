package loader

import (
	"regexp"
	"strconv"
	"strings"
)

// number is one figure as written: the value, its unit and the hedge words around it.
type number struct {
	value     float64
	unit      string
	pre, post string // qualifier before (不低于) and after (左右) the figure
	start     int    // byte offsets in the text the number was read from
	end       int
}

// A figure: optional hedge, digits, unit, optional hedge. "%o" and "%。" are how OCR reads ‰ and
// a stray mark after %; they are repaired in readNumbers, never read as a new sentence.
var numberRe = regexp.MustCompile(`(不低于|不少于|不高于|不超过|超过|高于|低于|力争|约|近|超)?(\d+(?:\.\d+)?)\s?(%o|%。|%|‰|亿美元|万美元|美元|亿元|万元|元|万人次|万人|人次|人|万户|户|家|个|亿|万|公里|万吨|吨|亩|万亩|平方米|万平方米|项|所|座|套|件|倍)?(左右|以上|以内|以下|上下)?`)

// readNumbers finds the figures in s that can be read safely. A number glued to Latin letters
// (40L4亿元, IOOO栋, ViVO) is an OCR slip or a name, and is dropped rather than guessed.
func readNumbers(s string) []number {
	var out []number
	for _, m := range numberRe.FindAllStringSubmatchIndex(s, -1) {
		ds, de := m[4], m[5]
		if ds > 0 {
			c := s[ds-1]
			if isASCIIAlnum(c) || c == '.' || c == '-' || c == '/' {
				continue
			}
		}
		if m[6] < 0 && de < len(s) && isASCIIAlnum(s[de]) {
			continue
		}
		v, err := strconv.ParseFloat(s[ds:de], 64)
		if err != nil {
			continue
		}
		n := number{value: v, start: m[0], end: m[1]}
		if m[2] >= 0 {
			n.pre = s[m[2]:m[3]]
		}
		if m[6] >= 0 {
			n.unit = s[m[6]:m[7]]
		}
		if m[8] >= 0 {
			n.post = s[m[8]:m[9]]
		}
		if n.unit == "%o" || n.unit == "%。" {
			// "7.8％。以内": a full stop cannot stand between a figure and its hedge, so the mark
			// is what OCR made of ‰. Otherwise ("13.5%o全力…", "增长6%。以上…") the % stands alone
			// and what follows is the next sentence.
			if (n.post == "以内" || n.post == "左右" || n.post == "以下") && (m[1] == len(s) || strings.ContainsAny(s[m[1]:min(len(s), m[1]+3)], "，,；;。、")) {
				n.unit = "‰"
			} else {
				n.unit, n.post, n.end = "%", "", m[6]+1
			}
		}
		// Years and dates are not figures: 2023年, 3月.
		if n.unit == "" && de < len(s) && strings.ContainsAny(s[de:min(len(s), de+3)], "年月日") {
			continue
		}
		out = append(out, n)
	}
	return out
}

func isASCIIAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
