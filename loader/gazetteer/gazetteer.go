// Package gazetteer knows China's administrative divisions (统计用区划代码, 2023: provinces,
// prefectures, counties and townships, from data/, see data/README.md): which names are places,
// the official name a short one stands for (亳州 → 亳州市, 黔东南 → 黔东南苗族侗族自治州), each
// place's code and the province and prefecture it lies in, and how to choose between places of one
// name (eleven 长安镇) by the places a text mentions. It is pure: the tables are embedded and read
// once, on first use, so a command that never asks pays nothing at start.
package gazetteer

import (
	"bufio"
	"bytes"
	_ "embed"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// Place is one division.
type Place struct {
	Code       string // 2 digits a province, 4 a prefecture, 6 a county, 9 a township
	Name       string // the official name: 黔东南苗族侗族自治州
	Stem       string // the name without its suffix and ethnic words: 黔东南
	Province   string // the province it lies in; "" for a province
	Prefecture string // the prefecture it lies in; "" for a province or prefecture, and where the table has none
}

// Rank is how high in the hierarchy a place stands: 1 province, 2 prefecture, 3 county, 4 township.
func (p Place) Rank() int {
	switch len(p.Code) {
	case 2:
		return 1
	case 4:
		return 2
	case 6:
		return 3
	}
	return 4
}

var (
	//go:embed data/provinces.csv
	provincesCSV []byte
	//go:embed data/cities.csv
	citiesCSV []byte
	//go:embed data/areas.csv
	areasCSV []byte
	//go:embed data/streets.csv
	streetsCSV []byte
)

type tables struct {
	byName map[string][]int // official name → places
	byStem map[string][]int // stem → places
	places []Place
}

var (
	once sync.Once
	tab  tables
)

func get() *tables {
	once.Do(func() { tab = build() })
	return &tab
}

// placeholders are rows of the tables that are no place: 市辖区 stands for a city's districts.
var placeholders = map[string]bool{"市辖区": true, "县": true, "省直辖县级行政区划": true, "自治区直辖县级行政区划": true}

func build() tables {
	t := tables{byName: map[string][]int{}, byStem: map[string][]int{}}
	names := map[string]string{} // code → name, for parents
	add := func(code, name, prov, pref string) {
		if placeholders[name] {
			names[code] = ""
			return
		}
		names[code] = name
		if pref != "" && names[pref] == name && len(code) == 6 {
			return // 东莞市 and 中山市 have no county level: the table repeats the city as its own county
		}
		p := Place{Code: code, Name: name, Stem: Stem(name), Province: names[prov], Prefecture: names[pref]}
		if p.Prefecture == p.Name {
			p.Prefecture = ""
		}
		t.byName[name] = append(t.byName[name], len(t.places))
		if p.Stem != name && utf8.RuneCountInString(p.Stem) >= 2 {
			t.byStem[p.Stem] = append(t.byStem[p.Stem], len(t.places))
		}
		t.places = append(t.places, p)
	}
	rows(provincesCSV, func(c []string) { add(c[0], c[1], "", "") })
	rows(citiesCSV, func(c []string) { add(c[0], c[1], c[2], "") })
	// A county of a city with no county level (东莞) has the city as its county: its towns' areaCode is
	// the city's own code followed by 00.
	rows(areasCSV, func(c []string) { add(c[0], c[1], c[3], c[2]) })
	rows(streetsCSV, func(c []string) { add(c[0], c[1], c[3], c[4]) })
	return t
}

// rows calls f with the cells of every row after the header; names are quoted, codes are not.
func rows(csv []byte, f func([]string)) {
	sc := bufio.NewScanner(bytes.NewReader(csv))
	sc.Scan()
	for sc.Scan() {
		cells := strings.Split(sc.Text(), ",")
		for i := range cells {
			cells[i] = strings.Trim(cells[i], `"`)
		}
		f(cells)
	}
}

// Suffixes a division's name ends in, longest first: the level words of the tables.
var suffixes = []string{"特别行政区", "自治区", "自治州", "自治县", "自治旗", "林区", "特区", "地区", "街道", "省", "市", "区", "县", "旗", "州", "盟", "镇", "乡"}

// ethnic words stand between an autonomous division's stem and its suffix (黔东南苗族侗族自治州).
var ethnic = []string{"达斡尔族", "鄂温克族", "鄂伦春族", "柯尔克孜", "土家族", "布依族", "哈尼族", "景颇族", "傈僳族", "朝鲜族", "仡佬族", "纳西族", "拉祜族", "普米族", "独龙族", "撒拉族", "保安族", "东乡族", "裕固族", "毛南族", "仫佬族", "哈萨克", "蒙古族", "维吾尔", "锡伯族", "塔吉克", "蒙古", "藏族", "苗族", "侗族", "彝族", "傣族", "白族", "壮族", "回族", "羌族", "瑶族", "黎族", "畲族", "满族", "水族", "佤族", "怒族", "土族", "各族"}

// Stem is a name without its level suffix and ethnic words: 亳州市 → 亳州, 甘孜藏族自治州 → 甘孜,
// 长安镇 → 长安. A stem of one character is the name itself (沙县 stays 沙县).
func Stem(name string) string {
	s := name
	for _, suf := range suffixes {
		if strings.HasSuffix(s, suf) && utf8.RuneCountInString(s) > utf8.RuneCountInString(suf) {
			s = strings.TrimSuffix(s, suf)
			break
		}
	}
	for changed := true; changed; {
		changed = false
		for _, e := range ethnic {
			if strings.HasSuffix(s, e) && utf8.RuneCountInString(s)-utf8.RuneCountInString(e) >= 2 {
				s = strings.TrimSuffix(s, e)
				changed = true
			}
		}
	}
	if utf8.RuneCountInString(s) < 2 {
		return name
	}
	return s
}

// Known says whether name is the official name of some division.
func Known(name string) bool { return len(get().byName[name]) > 0 }

// Named returns the divisions whose official name is name.
func Named(name string) []Place {
	t := get()
	out := make([]Place, 0, len(t.byName[name]))
	for _, i := range t.byName[name] {
		out = append(out, t.places[i])
	}
	return out
}

// Complete returns the divisions a short or informal name stands for: the official name itself, or
// the places whose stem is the name's stem and whose suffix agrees with the name's (黔东南州 →
// 黔东南苗族侗族自治州, 亳州 → 亳州市); with no suffix on the name, every place of that stem.
func Complete(name string) []Place {
	if ps := Named(name); len(ps) > 0 {
		return ps
	}
	t := get()
	stem, suf := Stem(name), ""
	if stem != name {
		suf = strings.TrimPrefix(name, stem)
	}
	var out []Place
	for _, i := range t.byStem[stem] {
		p := t.places[i]
		if suf == "" || agrees(suf, p.Name) {
			out = append(out, p)
		}
	}
	return out
}

// agrees says an informal suffix may stand for an official name's: 州 for 自治州, 区 for 地区 or
// 自治区, 县 for 自治县.
func agrees(suf, official string) bool {
	switch suf {
	case "州":
		return strings.HasSuffix(official, "州")
	case "区":
		return strings.HasSuffix(official, "区")
	case "县":
		return strings.HasSuffix(official, "县")
	case "旗":
		return strings.HasSuffix(official, "旗")
	}
	return strings.HasSuffix(official, suf)
}

// Choose picks, among places of one name, the one the text is about: the one whose province and
// prefecture the text mentions most. ok is false when the text does not decide.
func Choose(ps []Place, text string) (Place, bool) {
	switch len(ps) {
	case 0:
		return Place{}, false
	case 1:
		return ps[0], true
	}
	type scored struct {
		p Place
		n int
	}
	var ss []scored
	for _, p := range ps {
		n := 0
		for _, parent := range []string{p.Province, p.Prefecture} {
			if s := Stem(parent); parent != "" && utf8.RuneCountInString(s) >= 2 {
				n += strings.Count(text, s)
			}
		}
		ss = append(ss, scored{p, n})
	}
	sort.SliceStable(ss, func(i, j int) bool { return ss[i].n > ss[j].n })
	if ss[0].n == 0 || ss[0].n == ss[1].n {
		return Place{}, false
	}
	return ss[0].p, true
}

// Mentioned returns the stems of places that accept admits which the text mentions, with how often
// and the places each may stand for, most mentioned first: the candidates for the place a report
// speaks of when it calls itself only 市人民政府. The text is scanned once.
func Mentioned(text string, accept func(Place) bool) []Counted {
	t := get()
	counts := map[string]int{}
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		if r < 0x4e00 || r > 0x9fff {
			i += w
			continue
		}
		// stems are 2 to 8 characters; try each length at this position
		j, hit := i+w, ""
		for n := 1; n < 8 && j < len(text); n++ {
			_, w2 := utf8.DecodeRuneInString(text[j:])
			j += w2
			if _, ok := t.byStem[text[i:j]]; ok {
				hit = text[i:j]
			}
		}
		if hit != "" {
			counts[hit]++
			i += len(hit)
			continue
		}
		i += w
	}
	var out []Counted
	for stem, n := range counts {
		var ps []Place
		for _, k := range t.byStem[stem] {
			if accept == nil || accept(t.places[k]) {
				ps = append(ps, t.places[k])
			}
		}
		if len(ps) > 0 {
			out = append(out, Counted{Stem: stem, N: n, Places: ps})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].N != out[j].N {
			return out[i].N > out[j].N
		}
		return out[i].Stem < out[j].Stem
	})
	return out
}

// Counted is a stem a text mentions, how often, and the places it may stand for.
type Counted struct {
	Stem   string
	N      int
	Places []Place
}
