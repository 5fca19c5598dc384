// Package gazetteer knows China's administrative divisions (统计用区划代码, 2023: provinces,
// prefectures, counties and townships, from data/, see data/README.md): which names are places,
// the official name a short one stands for (亳州 → 亳州市, 黔东南 → 黔东南苗族侗族自治州), each
// place's code and the province and prefecture it lies in, and how to choose between places of one
// name (eleven 长安镇) by the places a text mentions. It is pure: the tables are embedded and read
// once, on first use, so a command that never asks pays nothing at start.
package gazetteer

import (
	"baogao/parse/runes"
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
	provincesCSV string
	//go:embed data/cities.csv
	citiesCSV string
	//go:embed data/areas.csv
	areasCSV string
	//go:embed data/streets.csv
	streetsCSV string
)

// tables index the places by official name and by stem. A name borne by several places (eleven
// 长安镇) is a chain: the index holds the first, next[i] the one after place i (-1 ends it). The
// tables hold no pointers but the one string all their names are cut from: maps of strings and
// structs of five strings were 8 MB the collector read through at every cycle of a load, most of
// a parse's collecting.
type tables struct {
	arena  string  // every code and name of the tier; a span cuts one out
	places []place // by index
	byName index
	byStem index
	next   []int32  // next place of the same name
	nextS  []int32  // next place of the same stem
	lead   []uint64 // by leadHash: a bit for the first two characters of each stem
}

// span is a string of the arena.
type span struct{ at, n uint32 }

// place is a Place as spans of the arena.
type place struct{ code, name, stem, prov, pref span }

func (t *tables) str(s span) string { return t.arena[s.at : s.at+s.n] }

// place is place i as a Place; its strings are the arena's, not copies.
func (t *tables) place(i int32) Place {
	p := &t.places[i]
	return Place{Code: t.str(p.code), Name: t.str(p.name), Stem: t.str(p.stem), Province: t.str(p.prov), Prefecture: t.str(p.pref)}
}

// index maps a name (a span of the arena) to the first place of its chain: open addressing, by
// a hash of the name's bytes, probing on to the next slot.
type index struct {
	slots []slot // a power of two of them, at least twice the names
}

type slot struct {
	key   span
	first int32 // -1: empty
}

func newIndex(n int) index {
	size := 1
	for size < 2*n {
		size *= 2
	}
	x := index{slots: make([]slot, size)}
	for i := range x.slots {
		x.slots[i].first = -1
	}
	return x
}

// nameHash is FNV-1a of a name's bytes.
func nameHash(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

// find is the first place named key, and whether there is one.
func (x *index) find(arena, key string) (int32, bool) {
	mask := uint32(len(x.slots) - 1)
	for h := nameHash(key) & mask; ; h = (h + 1) & mask {
		sl := &x.slots[h]
		if sl.first < 0 {
			return -1, false
		}
		if int(sl.key.n) == len(key) && arena[sl.key.at:sl.key.at+sl.key.n] == key {
			return sl.first, true
		}
	}
}

// add makes place i the first of key's chain if key has none, and returns the chain's first.
func (x *index) add(arena string, key span, i int32) int32 {
	mask := uint32(len(x.slots) - 1)
	k := arena[key.at : key.at+key.n]
	for h := nameHash(k) & mask; ; h = (h + 1) & mask {
		sl := &x.slots[h]
		if sl.first < 0 {
			*sl = slot{key, i}
			return i
		}
		if sl.key.n == key.n && arena[sl.key.at:sl.key.at+sl.key.n] == k {
			return sl.first
		}
	}
}

var (
	upperOnce, townOnce sync.Once
	upper, towns        tables
)

// upperTier holds provinces, prefectures and counties (3,300 rows); townTier the 41,000
// townships, built only when a township's name is looked up: most reports never need them.
func upperTier() *tables {
	upperOnce.Do(func() { upper = build(false) })
	return &upper
}

func townTier() *tables {
	townOnce.Do(func() { towns = build(true) })
	return &towns
}

// tiers returns the tables a name may be found in: slices of arrays filled once (a slice made for
// each name looked up was most of a lookup's cost); the townships' only when asked for.
func tiers(name string) []*tables {
	if strings.HasSuffix(name, "镇") || strings.HasSuffix(name, "乡") || strings.HasSuffix(name, "街道") || !strings.ContainsAny(name, "省市区县州盟旗") {
		bothOnce.Do(func() { both = [2]*tables{upperTier(), townTier()} })
		return both[:]
	}
	upperOnlyOnce.Do(func() { upperOnly = [1]*tables{upperTier()} })
	return upperOnly[:]
}

var (
	bothOnce, upperOnlyOnce sync.Once
	both                    [2]*tables
	upperOnly               [1]*tables
)

// placeholders are rows of the tables that are no place: 市辖区 stands for a city's districts.
var placeholders = map[string]bool{"市辖区": true, "县": true, "省直辖县级行政区划": true, "自治区直辖县级行政区划": true}

func build(withTowns bool) tables {
	n := 3500
	if withTowns {
		n = 45000
	}
	var arena strings.Builder
	put := func(v string) span {
		sp := span{uint32(arena.Len()), uint32(len(v))}
		arena.WriteString(v)
		return sp
	}
	type row struct {
		p    place
		name string
	}
	placed := make([]row, 0, n)
	type named struct {
		sp   span
		name string
	}
	names := make(map[string]named, 4000) // code → name of provinces, prefectures and counties, for parents
	add := func(code, name, prov, pref string) {
		if placeholders[name] {
			names[code] = named{}
			return
		}
		nm := put(name)
		if len(code) <= 6 {
			names[code] = named{nm, name}
		}
		if pref != "" && names[pref].name == name && len(code) == 6 {
			return // 东莞市 and 中山市 have no county level: the table repeats the city as its own county
		}
		p := place{code: put(code), name: nm, prov: names[prov].sp, pref: names[pref].sp}
		if st := Stem(name); strings.HasPrefix(name, st) {
			p.stem = span{nm.at, uint32(len(st))} // a stem is its name less a suffix: no copy
		} else {
			p.stem = put(st)
		}
		if names[pref].name == name {
			p.pref = span{}
		}
		placed = append(placed, row{p, name})
	}
	var c [5]string
	rows(provincesCSV, c[:2], func() { add(c[0], c[1], "", "") })
	rows(citiesCSV, c[:3], func() { add(c[0], c[1], c[2], "") })
	// A county of a city with no county level (东莞) has the city as its county: its towns' areaCode is
	// the city's own code followed by 00.
	rows(areasCSV, c[:4], func() { add(c[0], c[1], c[3], c[2]) })
	if withTowns {
		// the town tier holds only townships; the upper rows above gave their parents' names
		placed = placed[:0]
		rows(streetsCSV, c[:5], func() { add(c[0], c[1], c[3], c[4]) })
	}
	t := tables{arena: arena.String(), places: make([]place, len(placed)), byName: newIndex(len(placed)), byStem: newIndex(len(placed)),
		next: make([]int32, len(placed)), nextS: make([]int32, len(placed)), lead: make([]uint64, 1<<leadBits/64)}
	for k, r := range placed {
		i := int32(k)
		t.places[i], t.next[i], t.nextS[i] = r.p, -1, -1
		if first := t.byName.add(t.arena, r.p.name, i); first != i {
			for t.next[first] >= 0 {
				first = t.next[first]
			}
			t.next[first] = i
		}
		stem := t.str(r.p.stem)
		if stem != r.name && utf8.RuneCountInString(stem) >= 2 {
			if first := t.byStem.add(t.arena, r.p.stem, i); first != i {
				for t.nextS[first] >= 0 {
					first = t.nextS[first]
				}
				t.nextS[first] = i
			}
			_, w1 := utf8.DecodeRuneInString(stem)
			_, w2 := utf8.DecodeRuneInString(stem[w1:])
			h := leadHash(stem[:w1+w2])
			t.lead[h/64] |= 1 << (h % 64)
		}
	}
	return t
}

// rows fills cells with each row's cells after the header (names are quoted, codes are not) and
// calls f; the cells are slices of csv.
func rows(csv string, cells []string, f func()) {
	_, csv, _ = strings.Cut(csv, "\n")
	for csv != "" {
		var line string
		line, csv, _ = strings.Cut(csv, "\n")
		line = strings.TrimSuffix(line, "\r")
		for i := range cells {
			var cell string
			cell, line, _ = strings.Cut(line, ",")
			cells[i] = strings.Trim(cell, `"`)
		}
		f()
	}
}

// chain returns the places from index i along a chain.
func (t *tables) chain(i int32, ok bool, next []int32) []Place {
	var out []Place
	for ; ok && i >= 0; i = next[i] {
		out = append(out, t.place(i))
	}
	return out
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
	for changed := strings.Contains(s, "族") || strings.Contains(s, "蒙古") || strings.Contains(s, "维吾尔") || strings.Contains(s, "哈萨克") || strings.Contains(s, "柯尔克孜") || strings.Contains(s, "塔吉克"); changed; {
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
func Known(name string) bool { return len(Named(name)) > 0 }

// Named returns the divisions whose official name is name.
func Named(name string) []Place {
	var out []Place
	for _, t := range tiers(name) {
		i, ok := t.byName.find(t.arena, name)
		out = append(out, t.chain(i, ok, t.next)...)
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
	stem, suf := Stem(name), ""
	if stem != name {
		suf = strings.TrimPrefix(name, stem)
	}
	var out []Place
	for _, t := range tiers(name) {
		i, ok := t.byStem.find(t.arena, stem)
		for _, p := range t.chain(i, ok, t.nextS) {
			if suf == "" || agrees(suf, p.Name) {
				out = append(out, p)
			}
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
	// A report names its province and prefecture near the top (the session line, the first
	// paragraphs); counting in the first 40 KB keeps a choice among eleven places cheap.
	if len(text) > 40000 {
		text = text[:40000]
	}
	count := parentCounts(ps, text)
	var ss []scored
	for _, p := range ps {
		n := 0
		for _, parent := range []string{p.Province, p.Prefecture} {
			if s := Stem(parent); parent != "" && utf8.RuneCountInString(s) >= 2 {
				n += count[s]
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

// parentCounts is runes.Occurrences of each stem of the candidates' provinces and prefectures in
// text, each searched for once: a town name that many places bear (白水镇, 建设镇: dozens, most
// in a few provinces) had the text searched twice for each place.
func parentCounts(ps []Place, text string) map[string]int {
	count := map[string]int{}
	for _, p := range ps {
		for _, parent := range []string{p.Province, p.Prefecture} {
			if s := Stem(parent); parent != "" && utf8.RuneCountInString(s) >= 2 {
				if _, ok := count[s]; !ok {
					count[s] = runes.Occurrences(text, s)
				}
			}
		}
	}
	return count
}

// Mentions are the stems of places a text mentions, with how often, in one tier of the tables.
type Mentions struct {
	t      *tables
	counts map[string]int
}

// Mention counts the stems of places (townships when withTowns, else the levels above) in text:
// at each Chinese character, the longest stem that begins there. The text is scanned once, and
// the stems are looked up only where the two characters there begin one (a bit says so): a
// lookup of every length at every character was most of the time of a report that names
// itself by its level only.
func Mention(text string, withTowns bool) Mentions { return mention(text, withTowns, true) }

// mention is Mention; without byLeads it looks up every length at every character (the test's
// reference for the bitset).
func mention(text string, withTowns, byLeads bool) Mentions {
	t := upperTier()
	if withTowns {
		t = townTier()
	}
	counts := map[string]int{}
	for i := 0; i < len(text); {
		r, ok := runes.Three(text, i)
		w := 3
		if !ok {
			r, w = utf8.DecodeRuneInString(text[i:])
		}
		if r < 0x4e00 || r > 0x9fff || i+w >= len(text) {
			i += w
			continue
		}
		w2 := 3
		if _, ok := runes.Three(text, i+w); !ok {
			_, w2 = utf8.DecodeRuneInString(text[i+w:])
		}
		if byLeads && !t.leads(text[i:i+w+w2]) {
			i += w
			continue
		}
		// stems are 2 to 8 characters; try each length at this position
		j, hit := i+w, ""
		for n := 1; n < 8 && j < len(text); n++ {
			_, w2 := utf8.DecodeRuneInString(text[j:])
			j += w2
			if _, ok := t.byStem.find(t.arena, text[i:j]); ok {
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
	return Mentions{t, counts}
}

// Of returns the stems whose places accept admits, with the places each may stand for, most
// mentioned first: the candidates for the place a report speaks of when it calls itself only
// 市人民政府.
func (m Mentions) Of(accept func(Place) bool) []Counted {
	var out []Counted
	for stem, n := range m.counts {
		var ps []Place
		i, ok := m.t.byStem.find(m.t.arena, stem)
		for _, p := range m.t.chain(i, ok, m.t.nextS) {
			if accept == nil || accept(p) {
				ps = append(ps, p)
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

// Mentioned is Mention(text, withTowns).Of(accept).
func Mentioned(text string, withTowns bool, accept func(Place) bool) []Counted {
	return Mention(text, withTowns).Of(accept)
}

// leads says whether some stem may begin with pair, the first two characters at a place of a
// text: never false when one does.
func (t *tables) leads(pair string) bool {
	h := leadHash(pair)
	return t.lead[h/64]&(1<<(h%64)) != 0
}

// leadHash spreads the bytes of two characters (at most eight) over leadBits bits: packed into a
// word and multiplied once. It is asked at every character of a text Mention reads, where
// nameHash's multiplication a byte, each waiting on the last, was most of the reading.
func leadHash(pair string) uint32 {
	var v uint64
	for i := 0; i < len(pair) && i < 8; i++ {
		v = v<<8 | uint64(pair[i])
	}
	return uint32((v * 0x9E3779B97F4A7C15) >> (64 - leadBits))
}

// leadBits makes the bitset of stem beginnings 128 KB: 41,000 stems set about one bit in 25.
const leadBits = 20

// Counted is a stem a text mentions, how often, and the places it may stand for.
type Counted struct {
	Stem   string
	N      int
	Places []Place
}
