// Package loader reads a corpus: it walks the folders given (or an fs.FS), reads each file within
// a size limit, parses it (package parse) on every core, names reports uniquely, and gives the
// result whole (Load*) or in batches a browser shows as they come (Stream*); a body dropped to
// save memory is read back on demand (ReadBody). The parse cache (cache.go) keeps what each
// file parsed into, so a second start opens no unchanged file; it is mapped and checksummed,
// and all of the package's unsafe is there.
package loader

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"baogao/model"
	"baogao/msg"
	"baogao/parse"

	"github.com/zeebo/xxh3"
)

// FileError is a file that could not be read as a report, and why.
type FileError struct {
	Source string `json:"source"`
	Err    string `json:"error"`
}

func (e FileError) Error() string { return model.SafeName(e.Source) + ": " + e.Err }

// Result is what a load produced: the reports in a stable order, and one error per bad file.
type Result struct {
	Reports []model.Report
	Errors  []FileError
	Notices []string `json:"-"` // about the load itself (the cache), not about a file
	// Rendered holds, when Options.Render was set, what it gave for each of Reports.
	Rendered [][]byte `json:"-"`
}

type job struct {
	name string
	path string // on disk, for the cache; "" for files in fsys
	fsys fs.FS
	seq  int // place in the walk
}

func (j job) read(buf *[]byte) ([]byte, stamp, error) {
	if j.fsys != nil {
		b, err := fs.ReadFile(j.fsys, j.name)
		return b, stamp{size: -1}, err
	}
	return readInto(j.path, buf)
}

// stamp is what the parse cache knows an unchanged file by before reading it: size and mtime
// (in nanoseconds) as the system gives them.
type stamp struct{ size, mtime int64 }

// Options tune a load for its use.
type Options struct {
	// Cache, when set, is consulted before reading a file and filled with what was parsed.
	Cache *Cache
	// CacheFile, when Cache is nil, names a cache for Load or Stream to open itself, while the
	// folders are walked and the browser draws its first frame; it is saved at the end.
	CacheFile string
	// DropBodies frees each report's text once it is parsed (Hash keeps it findable): export
	// and targets never show a body, and a browser reads one again with ReadBody when opened.
	DropBodies bool
	// Render, when set with a cache, is run on each report parsed and its result kept in the
	// cache beside it (Result.Rendered): the export's JSON, so a warm export copies it instead
	// of writing it again. Reports are then returned packed, as with Pack.
	Render func(*model.Report) []byte
	// Pack leaves the sections, indicators and warnings of reports taken from the cache packed
	// (model.Report.Packed) for the caller to Unpack when it shows them.
	Pack bool
	// Confine follows no symbolic link that leads out of the folders given (serve: a link in the
	// corpus must not serve the host key or /etc/shadow to every user).
	Confine bool
	// Exclude names files and folders never read as reports, wherever they are found (serve: its
	// host key, authorized_keys and review state).
	Exclude []string
	// Bodies, when set, keeps the text of each report parsed (see Bodies): a search reads the
	// texts from there, however the load dropped them.
	Bodies *Bodies
}

// Unpack fills in the sections, indicators and warnings of a report a load left packed.
func Unpack(r *model.Report) error {
	if r.Packed == "" {
		return nil
	}
	err := decodeHeavy(r.Packed, r)
	r.Packed = ""
	if err != nil {
		return fmt.Errorf("%s: %v", model.SafeName(r.Source), err)
	}
	return nil
}

// Source is where a load reads reports: files and folders on disk (Paths), or the folder Root of
// an fs.FS (the sample embedded in the binary, os.DirFS in tests).
type Source struct {
	Paths []string
	FS    fs.FS
	Root  string
}

// Paths is the files and folders given on the command line. Folders are walked recursively in
// name order; hidden entries are skipped; a symlink that leads back into a folder already being
// walked is reported once and not followed again.
func Paths(paths ...string) Source { return Source{Paths: paths} }

// FS is the folder root of fsys: read the same way from bytes to reports, never cached.
func FS(fsys fs.FS, root string) Source { return Source{FS: fsys, Root: root} }

// walk lists the source's files; confine and exclude are Options' (paths only).
func (s Source) walk(confine bool, exclude []string) ([]job, []FileError) {
	if s.FS != nil {
		return walkFS(s.FS, s.Root)
	}
	return walkPaths(s.Paths, confine, exclude)
}

// Load reads every report of src, in a stable order, with one error per file that could not be
// read.
func Load(src Source, o Options) Result {
	wait := o.openCache()
	var res Result
	var jobs []job
	jobs, res.Errors = src.walk(o.Confine, o.Exclude) // not o: the cache is being opened into it
	if n := wait(); n != "" {
		res.Notices = append(res.Notices, n)
	}
	res = merge(res, parseAll(jobs, o))
	if n := o.saveCache(); n != "" {
		res.Notices = append(res.Notices, n)
	}
	return res
}

// walkFS lists the files under root in fsys, hidden entries skipped.
func walkFS(fsys fs.FS, root string) (jobs []job, errs []FileError) {
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			errs = append(errs, FileError{p, describe(err)})
		case p != root && strings.HasPrefix(d.Name(), "."):
			if d.IsDir() {
				return fs.SkipDir
			}
		case !d.IsDir():
			jobs = append(jobs, job{name: p, fsys: fsys, seq: len(jobs)})
		}
		return nil
	})
	if err != nil {
		errs = append(errs, FileError{root, describe(err)})
	}
	return jobs, errs
}

func (o *Options) openCache() (wait func() string) {
	if o.Cache == nil && o.CacheFile == "" {
		return func() string { return "" }
	}
	done := make(chan string, 1)
	go func() {
		defer close(done)
		var notes []string
		if o.Cache == nil {
			c, err := OpenCache(o.CacheFile)
			o.Cache = c
			if err != nil {
				notes = append(notes, msg.EN.T("cache.rebuilding", err))
			}
		}
		if o.Render != nil {
			if err := o.Cache.useExport(); err != nil {
				notes = append(notes, msg.EN.T("cache.rebuilding", err))
			}
		}
		done <- strings.Join(notes, "; ")
	}()
	return func() string { return <-done }
}

// saveCache writes a cache the load opened itself (one passed in is the caller's to save), and
// says why when it could not.
func (o *Options) saveCache() string {
	if err := o.Bodies.Flush(); err != nil {
		return msg.EN.T("cache.bodies-unsaved", err)
	}
	if o.CacheFile == "" || o.Cache == nil {
		return ""
	}
	var notes []string
	if err := o.Cache.Damage(); err != nil {
		notes = append(notes, msg.EN.T("cache.rebuilding", err))
	}
	if err := o.Cache.Save(); err != nil {
		notes = append(notes, msg.EN.T("cache.not-saved", err))
	}
	return strings.Join(notes, "; ")
}

// walkPaths lists the files under the command-line paths, in order, and what could not be read.
func walkPaths(paths []string, confine bool, excluded []string) (jobs []job, errs []FileError) {
	var roots, exclude []string
	if confine {
		for _, p := range paths {
			roots = append(roots, realPath(p))
		}
	}
	for _, e := range excluded {
		if e != "" { // "" would be the working folder: everything
			exclude = append(exclude, realPath(e))
		}
	}
	for _, p := range paths {
		w := walker{seen: map[string]bool{}, roots: roots, exclude: exclude}
		w.walk(p, true)
		for _, j := range w.jobs {
			if len(exclude) > 0 && (within(realPath(j.path), exclude) || within(absPath(j.path), exclude)) {
				errs = append(errs, FileError{j.path, msg.EN.T("load.server-file")})
				continue
			}
			j.seq = len(jobs)
			jobs = append(jobs, j)
		}
		errs = append(errs, w.errs...)
	}
	return jobs, errs
}

// walkSpells says whether the walk of these command-line paths can give p as a file's path:
// the path of a file named itself, or one under a named folder joined as the walk joins it.
func walkSpells(paths []string) func(string) bool {
	prefixes := make([]string, len(paths))
	for i, root := range paths {
		prefixes[i] = strings.TrimSuffix(filepath.Join(root, "x"), "x")
	}
	return func(p string) bool {
		for i, root := range paths {
			if p == root || strings.HasPrefix(p, prefixes[i]) {
				return true
			}
		}
		return false
	}
}

// realPath is p with every symbolic link resolved, absolute; p itself when it cannot be resolved.
func realPath(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		p = r
	}
	return absPath(p)
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// within says p is one of the folders or files in set, or lies under one.
func within(p string, set []string) bool {
	for _, s := range set {
		if p == s || strings.HasPrefix(p, strings.TrimSuffix(s, string(os.PathSeparator))+string(os.PathSeparator)) {
			return true
		}
	}
	return false
}

type walker struct {
	seen    map[string]bool
	jobs    []job
	errs    []FileError
	roots   []string // when confined: the only places a link may lead
	exclude []string
}

func (w *walker) walk(p string, top bool) {
	info, err := os.Stat(p)
	if err != nil {
		if _, lerr := os.Lstat(p); lerr == nil && !top {
			w.errs = append(w.errs, FileError{p, msg.EN.T("load.broken-link")})
			return
		}
		w.errs = append(w.errs, FileError{p, describe(err)})
		return
	}
	// Entries that are not plain files or folders (links, mostly) come here: a link must not
	// lead out of the served folders.
	if !top && len(w.roots) > 0 && !within(realPath(p), w.roots) {
		w.errs = append(w.errs, FileError{p, msg.EN.T("load.link-out")})
		return
	}
	if !info.IsDir() {
		if !info.Mode().IsRegular() {
			w.errs = append(w.errs, FileError{p, msg.EN.T("load.not-regular")})
			return
		}
		w.jobs = append(w.jobs, job{name: p, path: p})
		return
	}
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		w.errs = append(w.errs, FileError{p, describe(err)})
		return
	}
	if abs, err := filepath.Abs(real); err == nil {
		real = abs
	}
	if w.seen[real] {
		w.errs = append(w.errs, FileError{p, msg.EN.T("load.link-loop")})
		return
	}
	w.seen[real] = true
	defer delete(w.seen, real) // a folder reached twice by different paths is fine; a cycle is not
	entries, err := readDir(p)
	if err != nil {
		w.errs = append(w.errs, FileError{p, describe(err)})
		return
	}
	// filepath.Join(p, name) for every name, without cleaning the same folder path each time.
	prefix := strings.TrimSuffix(filepath.Join(p, "x"), "x")
	// Every path of the folder in one string: one allocation, not one per file.
	var all strings.Builder
	for _, e := range entries {
		all.Grow(len(prefix) + len(e.name))
	}
	for _, e := range entries {
		all.WriteString(prefix)
		all.WriteString(e.name)
	}
	paths, at := all.String(), 0
	var names map[string]bool // lower-cased, made when a folder has subfolders to judge
	w.jobs = slices.Grow(w.jobs, len(entries))
	for _, e := range entries {
		name := paths[at : at+len(prefix)+len(e.name)]
		at += len(name)
		if strings.HasPrefix(e.name, ".") {
			continue
		}
		if e.typ.IsDir() {
			if names == nil {
				names = make(map[string]bool, len(entries))
				for _, e := range entries {
					names[strings.ToLower(e.name)] = true
				}
			}
			if isPageAssets(e.name, names) {
				continue
			}
		}
		if e.typ.IsRegular() { // the common case needs no stat of its own: a corpus is mostly files
			w.jobs = append(w.jobs, job{name: name, path: name})
			continue
		}
		w.walk(name, false)
	}
}

type dirEntry struct {
	name string
	typ  fs.FileMode
}

// sortEntries sorts by name, a large folder's two halves on two cores and then merged.
func sortEntries(es []dirEntry) {
	byName := func(a, b dirEntry) int { return strings.Compare(a.name, b.name) }
	if len(es) < 4096 || runtime.GOMAXPROCS(0) < 2 {
		slices.SortFunc(es, byName)
		return
	}
	h := len(es) / 2
	done := make(chan struct{})
	go func() { slices.SortFunc(es[:h], byName); close(done) }()
	slices.SortFunc(es[h:], byName)
	<-done
	merged := make([]dirEntry, 0, len(es))
	a, b := es[:h], es[h:]
	for len(a) > 0 && len(b) > 0 {
		if a[0].name < b[0].name {
			merged, a = append(merged, a[0]), a[1:]
		} else {
			merged, b = append(merged, b[0]), b[1:]
		}
	}
	merged = append(append(merged, a...), b...)
	copy(es, merged)
}

// isPageAssets says a folder holds the images, scripts and styles a browser saved beside a web
// page ("报告.html" and "报告_files"): reading them would bury the user in errors about files
// that were never reports.
func isPageAssets(dir string, names map[string]bool) bool {
	low := strings.ToLower(dir)
	for _, suffix := range []string{"_files", ".files", "_archivos", "-files"} {
		if stem, ok := strings.CutSuffix(low, suffix); ok {
			for _, ext := range []string{".html", ".htm", ".shtml", ".mhtml", ".xhtml"} {
				if names[stem+ext] {
					return true
				}
			}
		}
	}
	return false
}

func readLimited(name string) ([]byte, error) {
	b, _, err := readInto(name, nil)
	return b, err
}

// readInto is readLimited into *buf when buf is not nil, which it keeps for the next file: a
// worker parses one file at a time and keeps nothing of its bytes (parse copies what it keeps),
// and memory fresh from the runtime for each file cost more than reading it (10,000 reports:
// 130–240 ms to read into new buffers, 40–55 ms into one).
func readInto(name string, buf *[]byte) ([]byte, stamp, error) {
	var b []byte
	if buf != nil {
		b = (*buf)[:0]
	}
	b, at, err := readAll(name, b, parse.MaxFileSize+1)
	if buf != nil && b != nil && cap(b) <= keptBuffer {
		*buf = b
	}
	if err != nil {
		return nil, at, err
	}
	if len(b) > parse.MaxFileSize {
		return nil, at, msg.E("parse.too-large", float64(max(at.size, int64(len(b))))/(1<<20), parse.MaxFileSize>>20)
	}
	return b, at, nil
}

// fill reads with read into b until the end (read says eof) or limit bytes, growing b only when
// it is full: the one loop of both readAll.
func fill(b []byte, limit int, read func([]byte) (n int, eof bool, err error)) ([]byte, error) {
	for len(b) < limit {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, eof, err := read(b[len(b):min(cap(b), limit)])
		b = b[:len(b)+n]
		if err != nil {
			return nil, err
		}
		if eof {
			break
		}
	}
	return b, nil
}

// room is b with room for a file of size bytes and the read that finds its end (one byte more:
// a buffer exactly full is grown, copying the file, to learn that nothing follows).
func room(b []byte, size int64, limit int) []byte {
	if size > 0 && size < int64(limit) && cap(b) < int(size)+1 {
		return make([]byte, 0, size+1)
	}
	return b
}

// contentHash names a file's bytes in the cache, so a file copied, touched or checked out again
// is found without being parsed. It is XXH3-128, not SHA-256: a cold load hashes every byte of
// the corpus, and SHA-256 (1.6 GB/s here with the CPU's instructions) was a twentieth of a cold
// export where XXH3 (15 GB/s) is a two-hundredth. The cache is the user's own and only ever
// saves a parse: what a collision could mislead is a file the user could as well have edited.
// Reviews are keyed by the text's SHA-256 (model.TextHash), which this does not touch.
func contentHash(b []byte) [16]byte { return xxh3.Hash128(b).Bytes() }

// keptBuffer is the largest read buffer a worker keeps: a report is tens of kilobytes, and a
// worker that read one large file should not hold its size for the rest of the load.
const keptBuffer = 1 << 20

type outcome struct {
	reports []model.Report
	frags   [][]byte // Options.Render of each report, when set
	err     *FileError
}

// parseAll parses files on every core and returns the outcomes in input order.
func parseAll(jobs []job, o Options) []outcome {
	out, blocks := parseBlocks(jobs, o)
	for _, b := range blocks {
		<-b.done
	}
	return out
}

// block is a run of jobs handed to one worker; done is closed when its outcomes are in.
type block struct {
	lo, hi int
	done   chan struct{}
}

// parseBlocks starts parsing on every core. Jobs go out in runs, not one by one: a warm load
// of a large corpus takes each file from the cache in microseconds, and a hand-over per file
// cost more than the file. The first runs are short so the first reports are ready soon.
func parseBlocks(jobs []job, o Options) ([]outcome, []block) {
	out := make([]outcome, len(jobs))
	var blocks []block
	for lo := 0; lo < len(jobs); {
		n := 64
		if lo < 64 {
			n = 4
		}
		hi := min(len(jobs), lo+n)
		blocks = append(blocks, block{lo, hi, make(chan struct{})})
		lo = hi
	}
	var next atomic.Int64
	for w := 0; w < min(runtime.GOMAXPROCS(0), max(1, len(blocks))); w++ {
		go func() {
			var buf []byte
			for b := int(next.Add(1) - 1); b < len(blocks); b = int(next.Add(1) - 1) {
				for i := blocks[b].lo; i < blocks[b].hi; i++ {
					out[i] = parseOne(jobs[i], o, &buf)
				}
				close(blocks[b].done)
			}
		}()
	}
	return out, blocks
}

// parseOne reads and parses one file; buf is the worker's read buffer (readInto).
func parseOne(j job, opt Options, buf *[]byte) (o outcome) {
	defer func() {
		// One pathological file must not take the others down with it.
		if r := recover(); r != nil {
			o = outcome{err: &FileError{j.name, msg.EN.T("load.internal", r)}}
		}
	}()
	c := opt.Cache
	var size, mtime int64
	stated := false
	// a file the cache has no entry under its path (every file of a first open) is not stated
	// first: what the cache keeps of it comes from the open file
	var old *cacheEntry
	if c != nil && j.path != "" {
		old = c.entry(j.path, j.seq)
	}
	if old != nil {
		st, err := os.Stat(j.path)
		if err != nil {
			return outcome{err: &FileError{j.name, describe(err)}}
		}
		size, mtime, stated = st.Size(), st.ModTime().UnixNano(), true
		if e := c.hit(old, size, mtime, j.seq); e != nil {
			if o, ok := c.outcome(e, j.name, opt); ok {
				return o
			}
		}
	}
	b, at, err := j.read(buf)
	if err != nil {
		return outcome{err: &FileError{j.name, describe(err)}}
	}
	if !stated {
		size, mtime = at.size, at.mtime
	}
	var h [16]byte
	if c != nil && j.path != "" {
		h = contentHash(b)
		if e := c.lookupBytes(j.path, size, mtime, h, j.seq); e != nil {
			if o, ok := c.outcome(e, j.name, opt); ok {
				return o
			}
		}
	}
	reps, err := parseFile(j.name, b, j.path)
	if opt.Bodies != nil && err == nil {
		for i := range reps {
			opt.Bodies.Put(reps[i].Hash, reps[i].Body)
		}
	}
	var frags [][]byte
	if opt.Render != nil && err == nil {
		frags = make([][]byte, len(reps))
		for i := range reps {
			frags[i] = opt.Render(&reps[i])
		}
	}
	// what is packed below is copied into its encoding, and needs no copy of its own first
	packed := c != nil && j.path != "" && frags != nil
	if opt.DropBodies || c != nil {
		for i := range reps {
			detach(&reps[i], !packed)
		}
	}
	if c != nil && j.path != "" {
		e := &cacheEntry{path: j.path, size: size, mtime: mtime, hash: h, seq: j.seq, reports: make([]model.Report, len(reps)), frags: frags}
		if frags != nil {
			// The caller prints the renderings: keep the rest encoded (smaller than the
			// structs), and hand back reports as light as those a warm load gives.
			e.heavy = make([]string, len(reps))
			for i := range reps {
				e.heavy[i] = packHeavy(&reps[i])
				reps[i].Sections, reps[i].Indicators, reps[i].Warnings = nil, nil, nil
				reps[i].Packed = e.heavy[i]
			}
		}
		for i, r := range reps {
			r.Body = ""
			e.reports[i] = r
		}
		if err != nil {
			e.err = describe(err)
		}
		c.store(e)
	}
	if err != nil {
		return outcome{err: &FileError{j.name, describe(err)}}
	}
	if opt.DropBodies {
		for i := range reps {
			reps[i].Body = ""
		}
	}
	return outcome{reports: reps, frags: frags}
}

// detach copies the strings a report shares with its body (titles, indicator sentences), so that
// dropping the body frees it: a substring keeps the whole text alive. Without heavy it leaves the
// sections and indicators, which the caller packs (packHeavy) and drops.
func detach(r *model.Report, heavy bool) {
	for _, p := range []*string{&r.Title, &r.Region, &r.Speaker, &r.Date} {
		*p = strings.Clone(*p)
	}
	if !heavy {
		return
	}
	var secs func([]model.Section)
	secs = func(ss []model.Section) {
		for i := range ss {
			ss[i].Title = strings.Clone(ss[i].Title)
			secs(ss[i].Children)
		}
	}
	secs(r.Sections)
	for i := range r.Indicators {
		in := &r.Indicators[i]
		for _, p := range []*string{&in.Name, &in.RawName, &in.Unit, &in.Qualifier, &in.Text, &in.Section} {
			*p = strings.Clone(*p)
		}
	}
}

// outcome is what a cached entry gives a load: the reports, packed when asked, and with
// Options.Render their renderings (rendered now when the cache had none). ok is false when the
// entry's encoding does not hold up, and the file must be parsed again.
func (c *Cache) outcome(e *cacheEntry, name string, opt Options) (o outcome, ok bool) {
	if e.err != "" {
		return outcome{err: &FileError{name, e.err}}, true
	}
	o.reports = append([]model.Report(nil), e.reports...)
	render := opt.Render
	if render != nil {
		o.frags = make([][]byte, len(o.reports))
	}
	missing := false
	for i := range o.reports {
		r := &o.reports[i]
		if e.heavy != nil {
			r.Packed = e.heavy[i]
		}
		if render != nil {
			if f := c.frag(e, i); f != nil {
				o.frags[i] = f
				continue
			}
			if Unpack(r) != nil {
				c.badPack.Add(1)
				return outcome{}, false
			}
			o.frags[i] = render(r)
			missing = true
		}
		if !opt.Pack && Unpack(r) != nil {
			c.badPack.Add(1)
			return outcome{}, false
		}
	}
	if missing {
		c.setFrags(e, append([][]byte(nil), o.frags...))
	}
	return o, true
}

func merge(res Result, outs []outcome) Result {
	ids := map[string]int{}
	for _, o := range outs {
		if o.err != nil {
			res.Errors = append(res.Errors, *o.err)
			continue
		}
		for i, r := range o.reports {
			r.ID = uniqueID(ids, &r)
			res.Reports = append(res.Reports, r)
			if o.frags != nil {
				res.Rendered = append(res.Rendered, o.frags[i])
			}
		}
	}
	sort.SliceStable(res.Errors, func(i, j int) bool { return res.Errors[i].Source < res.Errors[j].Source })
	return res
}

// uniqueID is r's id, prefixed with its folder when an earlier report took it: two folders may
// hold files of the same name, and ids must be unique and stable.
func uniqueID(ids map[string]int, r *model.Report) string {
	id := r.ID
	if ids[id] > 0 {
		id = path.Join(filepath.ToSlash(filepath.Dir(r.Source)), id)
	}
	ids[id]++
	return id
}

// describe turns an error into the short reason a user reads after the file name.
func describe(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return msg.EN.T("load.no-such-file")
	case errors.Is(err, fs.ErrPermission):
		return msg.EN.T("load.permission")
	}
	return err.Error()
}

// Batch is progress of a streamed load: the reports and errors since the last batch.
type Batch struct {
	Reports     []model.Report
	Errors      []FileError
	Done, Total int // files
	Final       bool
	Notice      string // something the user should know about the load itself (the cache)
}

// hookWalked and hookDecode, nil but in tests, run when a walk ends and before each cache chunk
// is decoded: a test holds either back to force an order of arrival.
var hookWalked, hookDecode func()

// Stream loads like Load but sends what it has every few dozen files, in input order, so a
// browser can show the first reports while the rest parse. The channel is closed after the
// Final batch.
func Stream(src Source, o Options) <-chan Batch {
	out := make(chan Batch, 4)
	go func() {
		defer close(out)
		wait := o.openCache()
		type walked struct {
			jobs []job
			errs []FileError
		}
		walkDone := make(chan walked, 1)
		go func() {
			var w walked
			w.jobs, w.errs = src.walk(o.Confine, o.Exclude)
			if hookWalked != nil {
				hookWalked()
			}
			walkDone <- w
		}()
		notice := wait()
		ids := map[string]int{}
		addReports := func(b *Batch, o outcome) {
			if o.err != nil {
				b.Errors = append(b.Errors, *o.err)
			}
			for _, r := range o.reports {
				r.ID = uniqueID(ids, &r)
				b.Reports = append(b.Reports, r)
			}
		}
		// A warm start shows the files the last walk found first while this walk is still
		// reading the folders (a hundred thousand names take a fifth of a second).
		var shown map[string]bool
		if o.Cache != nil && src.FS == nil {
			early, earlyPaths := o.Cache.firstFiles(50, o, walkSpells(src.Paths))
			if len(early) > 0 {
				b := Batch{Notice: notice, Done: len(early), Total: o.Cache.size()}
				shown = map[string]bool{}
				for i, e := range early {
					addReports(&b, e)
					shown[earlyPaths[i]] = true
				}
				notice = ""
				out <- b
			}
		}
		w := <-walkDone
		jobs, walkErrs, total := w.jobs, w.errs, len(w.jobs)
		if shown != nil {
			rest := jobs[:0:0]
			for _, j := range jobs {
				if !shown[j.path] {
					rest = append(rest, j)
				}
			}
			jobs = rest
		}
		done := total - len(jobs)
		outs, blocks := parseBlocks(jobs, o)
		batch := Batch{Errors: walkErrs, Total: total, Notice: notice}
		first, sent := shown == nil, time.Now()
		for i := range jobs {
			if len(blocks) > 0 && i == blocks[0].lo {
				<-blocks[0].done
				blocks = blocks[1:]
			}
			addReports(&batch, outs[i])
			outs[i] = outcome{} // handed on: the batch holds it now
			batch.Done = done + i + 1
			// The first reports go out at once; after that a batch every tenth of a second is
			// plenty for a progress bar, and each batch costs the browser a refilter and a frame.
			if first && (len(batch.Reports) >= 50 || time.Since(sent) >= 20*time.Millisecond) || !first && time.Since(sent) >= 100*time.Millisecond {
				out <- batch
				batch = Batch{Done: batch.Done, Total: total}
				first, sent = false, time.Now()
			}
		}
		batch.Final = true
		batch.Done = total
		if n := o.saveCache(); n != "" {
			batch.Notice = n
		}
		out <- batch
	}()
	return out
}

// ReadBody reads a report's text again from its file (from fsys when the corpus came from one),
// for reports whose body was dropped or taken from the cache. The text must be the one that was
// loaded: a file edited since gives an error rather than offsets into other text.
func ReadBody(fsys fs.FS, r *model.Report) (string, error) {
	var b []byte
	var err error
	if fsys != nil {
		b, err = fs.ReadFile(fsys, r.Source)
	} else {
		b, err = readLimited(r.Source)
	}
	if err != nil {
		return "", fmt.Errorf("%s: %s", model.SafeName(r.Source), describe(err))
	}
	path := r.Source
	if fsys != nil {
		path = ""
	}
	reps, err := parseFile(r.Source, b, path)
	if err != nil {
		return "", fmt.Errorf("%s: %s", model.SafeName(r.Source), describe(err))
	}
	for _, p := range reps {
		if p.Part == r.Part && (r.Hash == "" || p.Hash == r.Hash) {
			return p.Body, nil
		}
	}
	return "", msg.E("load.changed", model.SafeName(r.Source))
}
