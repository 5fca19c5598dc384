package match

import (
	"strings"
	"unicode"
)

// placeReadings are the readings place names give characters whose dictionary reading comes
// first otherwise: sorted by the dictionary's first reading 长安 would file under zhang, after
// 临淄. Only characters read one way in nearly every division name they occur in are here (六
// is lù in 六安 and liù in 六盘水, so it keeps the dictionary's order).
var placeReadings = map[rune]string{
	'长': "chang", // 长安, 长沙, 长春, 长治
	'重': "chong", // 重庆
	'厦': "xia",   // 厦门
	'都': "du",    // 成都, 都江堰, 都匀
	'藏': "zang",  // 西藏
	'什': "shi",   // 什邡
	'蚌': "beng",  // 蚌埠
	'番': "pan",   // 番禺
	'莘': "shen",  // 莘县, 莘庄
	'涡': "guo",   // 涡阳
	'单': "shan",  // 单县
	'曾': "zeng",  // 曾都
}

// SortKey is s as pinyin collation compares it: each Han character by its reading (the one
// place names give it), syllable by syllable, other characters as they are; equal keys are
// told apart by the text itself (see CompareChinese).
func (p *Readings) SortKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		rd, ok := placeReadings[r]
		if !ok && (r >= hanFirst && r <= hanLast || r > unicode.MaxLatin1 && unicode.Is(unicode.Han, r)) {
			if rs := p.of(r); len(rs) > 0 {
				rd, ok = rs[0], true
			}
		}
		if ok {
			// a space ends the syllable, so li (李) sorts before lin (临)
			b.WriteString(rd)
			b.WriteByte(' ')
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// CompareChinese orders two texts by their sort keys, then by the texts (two characters with
// one reading), so the order is total.
func CompareChinese(keyA, a, keyB, b string) int {
	if c := strings.Compare(keyA, keyB); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}
