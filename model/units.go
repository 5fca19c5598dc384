package model

import (
	"cmp"
	"strings"
)

// UnitScale splits a unit into the unit it counts in and the factor of its magnitude prefix:
// 亿元 is 1e8 元, 万吨 1e4 吨, so 5亿元 sorts above 500万元. A unit with no prefix is itself.
func UnitScale(unit string) (base string, factor float64) {
	if strings.HasPrefix(unit, "百分") { // 百分点 is a unit of its own, not a hundred 分点
		return unit, 1
	}
	for _, p := range []struct {
		prefix string
		f      float64
	}{{"万亿", 1e12}, {"亿", 1e8}, {"千万", 1e7}, {"百万", 1e6}, {"十万", 1e5}, {"万", 1e4}, {"千", 1e3}, {"百", 1e2}} {
		if rest, ok := strings.CutPrefix(unit, p.prefix); ok && rest != "" {
			return rest, p.f
		}
	}
	return unit, 1
}

// CompareQuantities orders two figures by their unit counted in, then by size in that unit.
func CompareQuantities(a float64, unitA string, b float64, unitB string) int {
	ba, fa := UnitScale(unitA)
	bb, fb := UnitScale(unitB)
	if c := strings.Compare(ba, bb); c != 0 {
		return c
	}
	return cmp.Compare(a*fa, b*fb)
}
