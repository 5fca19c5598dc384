package loader

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"baogao/model"
	"baogao/parse"
)

func copySeeds(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(seedDir)); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "bad.png"), []byte("\x89PNG\r\n\x1a\n"), 0o644)
	return dir
}

// withoutBodies is a load as JSON with the bodies left out, to compare cached and parsed loads.
func withoutBodies(t *testing.T, res Result) string {
	t.Helper()
	for i := range res.Reports {
		if res.Reports[i].Hash != model.TextHash(res.Reports[i].Body) && res.Reports[i].Body != "" {
			t.Errorf("%s: hash does not match body", res.Reports[i].ID)
		}
		res.Reports[i].Body = ""
	}
	b, _ := json.Marshal(res)
	return string(b)
}

func loadCached(t *testing.T, cachePath string, dir string) (Result, [3]int) {
	t.Helper()
	c, err := OpenCache(cachePath)
	if err != nil {
		t.Logf("open: %v", err)
	}
	res := Load(Paths(dir), Options{Cache: c})
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	h, r, p := c.Stats()
	return res, [3]int{h, r, p}
}

// A second load takes every file from the cache and gives the same reports and errors; touched,
// renamed and edited files are recognised, re-read or re-parsed as they need.
func TestCache(t *testing.T) {
	dir := copySeeds(t)
	cachePath := filepath.Join(t.TempDir(), "c", "parse.cache")
	want := withoutBodies(t, Load(Paths(dir), Options{}))

	res, st := loadCached(t, cachePath, dir)
	if st != [3]int{0, 0, 6} || withoutBodies(t, res) != want {
		t.Fatalf("cold: stats %v", st)
	}
	res, st = loadCached(t, cachePath, dir)
	if st != [3]int{6, 0, 0} {
		t.Errorf("warm: stats %v", st)
	}
	if got := withoutBodies(t, res); got != want {
		t.Errorf("warm load differs:\n got  %.300s\n want %.300s", got, want)
	}
	// Packed, as a browser loads: the lists' fields at once, the rest when unpacked.
	c, _ := OpenCache(cachePath)
	packed := Load(Paths(dir), Options{Cache: c, Pack: true})
	for i := range packed.Reports {
		r := &packed.Reports[i]
		if r.Packed == "" || r.Indicators != nil || r.Sections != nil {
			t.Errorf("%s: not packed", r.ID)
		}
		if err := Unpack(r); err != nil || r.Packed != "" {
			t.Errorf("%s: Unpack: %v", r.ID, err)
		}
	}
	if got := withoutBodies(t, packed); got != want {
		t.Errorf("packed load, unpacked, differs:\n got  %.300s\n want %.300s", got, want)
	}
	for _, r := range res.Reports {
		if r.Body != "" {
			t.Errorf("%s: cached report carries its body", r.ID)
		}
		body, err := ReadBody(nil, &r)
		if err != nil || model.TextHash(body) != r.Hash {
			t.Errorf("%s: ReadBody: %v", r.ID, err)
		}
	}

	// Touched: same bytes, new mtime. Renamed: same bytes, new name. Edited: new bytes.
	f0 := filepath.Join(dir, "000_6d53da0f29ae9c0f.txt")
	later := time.Now().Add(time.Hour)
	os.Chtimes(f0, later, later)
	os.Rename(filepath.Join(dir, "001_10a2659bde270cd6.txt"), filepath.Join(dir, "renamed.txt"))
	f2 := filepath.Join(dir, "002_2c93a2445e1f5807.txt")
	b, _ := os.ReadFile(f2)
	os.WriteFile(f2, []byte(strings.Replace(string(b), "增长", "增加", 1)), 0o644)
	res, st = loadCached(t, cachePath, dir)
	if st != [3]int{3, 2, 1} {
		t.Errorf("after changes: stats %v, want 3 hits, 2 recognised, 1 parsed", st)
	}
	if got, want := withoutBodies(t, res), withoutBodies(t, Load(Paths(dir), Options{})); got != want {
		t.Errorf("after changes the cached load differs from a fresh one")
	}
	var stale model.Report
	for _, r := range res.Reports {
		if strings.HasPrefix(r.ID, "002_") {
			stale = r
		}
	}
	os.WriteFile(f2, b, 0o644)
	if _, err := ReadBody(nil, &stale); err == nil || !strings.Contains(err.Error(), "changed on disk") {
		t.Errorf("ReadBody of an edited file: %v", err)
	}
}

// A damaged cache is reported, ignored and rebuilt; the load is the same as without one.
func TestCacheCorrupt(t *testing.T) {
	dir := copySeeds(t)
	want := withoutBodies(t, Load(Paths(dir), Options{}))
	cachePath := filepath.Join(t.TempDir(), "parse.cache")
	loadCached(t, cachePath, dir)
	good, _ := os.ReadFile(cachePath)
	flip := func(at int) []byte { b := append([]byte{}, good...); b[at] ^= 0x40; return b }
	damage := map[string][]byte{
		"flipped byte in an entry":   flip(len(good) / 2),
		"flipped byte in the header": flip(len(cacheMagic) + 1 + len(parserIdentity()) + 2), // the token
		"flipped last byte":          flip(len(good) - 1),
		"truncated":                  good[:len(good)/3],
		"empty":                      {},
		"other file":                 []byte("{\"version\":1}"),
	}
	for name, b := range damage {
		os.WriteFile(cachePath, b, 0o644)
		c, err := OpenCache(cachePath)
		res := Load(Paths(dir), Options{Cache: c})
		if err == nil {
			err = c.Damage() // found in a chunk as it decodes, or in a report as it is unpacked
		}
		if err == nil || !strings.Contains(err.Error(), cachePath) {
			t.Errorf("%s: open error %v", name, err)
		}
		if _, _, p := c.Stats(); p == 0 || withoutBodies(t, res) != want {
			t.Errorf("%s: parsed %d, or the load differs", name, p)
		}
		if err := c.Save(); err != nil {
			t.Fatal(err)
		}
		c, err = OpenCache(cachePath)
		Load(Paths(dir), Options{Cache: c})
		if _, _, p := c.Stats(); err != nil || c.Damage() != nil || p != 0 {
			t.Errorf("%s: not rebuilt: %v %v, %d parsed again", name, err, c.Damage(), p)
		}
	}
	// Written by another build: not used, and not an error worth telling.
	b := bytes.Join(encodeCache(nil, "another build", 0), nil)
	os.WriteFile(cachePath, b, 0o644)
	if c, err := OpenCache(cachePath); err != nil || c.Damage() != nil || len(c.old) != 0 {
		t.Errorf("other build: %v, %d entries", err, len(c.old))
	}
}

// A cache whose checksum passes but whose structure is damaged is refused, never a panic.
func FuzzCacheDecode(f *testing.F) {
	seed, _ := os.ReadFile(filepath.Join(seedDir, "001_10a2659bde270cd6.txt"))
	reps, _ := parse.Parse("a.txt", seed)
	entries := []*cacheEntry{{path: "a.txt", size: 1, mtime: 2, reports: reps}}
	var heavy bytes.Buffer
	w := bufio.NewWriter(&heavy)
	writeHeavy(w, entries)
	w.Flush()
	f.Add(append(bytes.Join(encodeCache(entries, "x", 7), nil), heavy.Bytes()...))
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) <= len(cacheMagic) {
			return
		}
		h, err := decodeHeader(b, "x")
		if err != nil {
			return
		}
		for _, sp := range h.spans {
			// past the checksum, as damage that happens to keep it would be
			entries, ok := decodeEntries(string(b[sp.off:sp.off+sp.n]), string(b[h.heavy[0]:h.heavy[1]]))
			for _, e := range entries {
				for i := range e.reports {
					decodeHeavy(e.heavy[i], &e.reports[i])
				}
			}
			if !ok && entries != nil {
				t.Error("entries returned from a chunk that did not hold up")
			}
		}
	})
}

// A warm streamed load shows the first files from the cache before the walk ends; what it
// gives in the end is what a cold load gives, in the same order, whatever changed on disk.
func TestStreamWarmStart(t *testing.T) {
	dir := copySeeds(t)
	cachePath := filepath.Join(t.TempDir(), "parse.cache")
	stream := func() (ids []string, batches []Batch) {
		for b := range Stream(Paths(dir), Options{CacheFile: cachePath, DropBodies: true, Pack: true}) {
			batches = append(batches, b)
			for _, r := range b.Reports {
				ids = append(ids, r.ID+"@"+r.Hash)
			}
		}
		return ids, batches
	}
	cold := func() []string {
		var ids []string
		for _, r := range Load(Paths(dir), Options{}).Reports {
			ids = append(ids, r.ID+"@"+r.Hash)
		}
		return ids
	}
	stream() // fills the cache
	names, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	sort.Strings(names)
	first, _ := os.ReadFile(names[0])
	for _, change := range []struct {
		what string
		do   func()
	}{
		{"nothing changed", func() {}},
		{"first file edited", func() { os.WriteFile(names[0], append(first, "\n补充。"...), 0o644) }},
		{"second file deleted", func() { os.Remove(names[1]) }},
		{"a file added before the others", func() { os.WriteFile(filepath.Join(dir, "000_added.txt"), first, 0o644) }},
	} {
		change.do()
		want := cold()
		got, batches := stream()
		if change.what == "nothing changed" && (len(batches) < 2 || len(batches[0].Reports) == 0 || batches[0].Final) {
			t.Errorf("%s: no early batch (%d batches)", change.what, len(batches))
		}
		last := batches[len(batches)-1]
		if !last.Final || last.Done != last.Total {
			t.Errorf("%s: last batch %+v", change.what, last)
		}
		if change.what == "a file added before the others" {
			// shown after the files the cache listed first: the same reports, in another order
			sort.Strings(got)
			sort.Strings(want)
		}
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s:\n got  %v\n want %v", change.what, got, want)
		}
	}
}

// A warm start gives every report once, whichever arrives first (the walk or the cache's
// first files) and however the folder is spelled this time: the cache of c5k is the cache of
// /tmp/c5k, and a file it showed early under one spelling was listed again under the other.
func TestStreamWarmStartEachOnce(t *testing.T) {
	dir := copySeeds(t)
	t.Chdir(filepath.Dir(dir))
	rel := filepath.Base(dir)
	cachePath := filepath.Join(t.TempDir(), "parse.cache")
	stream := func(root string) (got map[string]int, n int) {
		got = map[string]int{}
		for b := range Stream(Paths(root), Options{CacheFile: cachePath, DropBodies: true, Pack: true}) {
			for _, r := range b.Reports {
				got[fmt.Sprintf("%s#%d@%s", filepath.Base(r.Source), r.Part, r.Hash)]++
				n++
			}
		}
		return got, n
	}
	want, wantN := stream(dir) // fills the cache
	if wantN < 5 {
		t.Fatalf("only %d reports in the seeds", wantN)
	}
	orders := []struct {
		what string
		set  func() (release func())
	}{
		{"as it comes", func() func() { return func() {} }},
		{"slow walk", func() func() {
			// the walk ends only once the cache's first files have been decoded and shown
			shown := make(chan struct{})
			var once sync.Once
			hookWalked = func() {
				select {
				case <-shown:
				case <-time.After(time.Minute): // a guard against a hang, not a measure
					t.Error("slow walk: no batch came before the walk ended")
				}
			}
			return func() { once.Do(func() { close(shown) }) }
		}},
		{"slow cache", func() func() {
			// no chunk is decoded before the walk has ended
			walked := make(chan struct{})
			hookWalked = func() { close(walked) }
			hookDecode = func() { <-walked }
			return func() {}
		}},
	}
	for _, root := range []string{dir, rel, "./" + rel + "/", dir} {
		for _, o := range orders {
			release := o.set()
			got, n := map[string]int{}, 0
			batches := 0
			for b := range Stream(Paths(root), Options{CacheFile: cachePath, DropBodies: true, Pack: true}) {
				batches++
				for _, r := range b.Reports {
					got[fmt.Sprintf("%s#%d@%s", filepath.Base(r.Source), r.Part, r.Hash)]++
					n++
				}
				release()
			}
			hookWalked, hookDecode = nil, nil
			if n != wantN || !maps.Equal(got, want) {
				t.Errorf("%s, %s: %d reports in %d batches, want %d each once; twice: %v", root, o.what, n, batches, wantN, twice(got))
			}
		}
	}
}

func twice(got map[string]int) []string {
	var out []string
	for k, c := range got {
		if c > 1 {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}
