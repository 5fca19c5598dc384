package loader

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"math"
	mathrand "math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"baogao/model"
	"baogao/msg"
	"baogao/parse"
	"baogao/xdg"
)

// Cache remembers what each file parsed into, so the second start of a large corpus reads no
// file it has read before: a file whose size and mtime are unchanged is taken from the cache
// without being opened, and a file whose bytes are unchanged (copied, touched, checked out
// again) is read and hashed but not parsed. Bodies are not kept — they are as large as the
// corpus — and are read again when a report is opened (ReadBody).
//
// The file is written whole to a temporary name and renamed, and carries checksums: a torn or
// corrupt cache, or part of one, is ignored and rebuilt, never trusted. It is only a cache;
// deleting it is safe.
//
// Opening does not wait for the entries: they are stored in the order the folders were last
// walked, in chunks decoded in that order on every core, and a lookup waits only for the chunk
// that holds its file — the first files of a large corpus are found while the rest decode.
type Cache struct {
	path     string
	identity string // the parser that wrote it: entries from another build are not used

	// token names the export file the entries' refs point into; export says this run reads
	// and writes fragments (see Options.Render).
	token   uint64
	export  bool
	exportB []byte // the export file, when export and its token matched
	badFrag atomic.Int64
	badPack atomic.Int64 // packed reports whose checksum failed (their files were parsed again)

	mu      sync.Mutex
	decoded *sync.Cond // signalled as each chunk is decoded
	pending int        // chunks not yet decoded
	entries int        // in the file, decoded or not
	damage  error      // a chunk that did not hold up, said once at the end
	// old is the cache's entries in the order they were written, the order of the last walk:
	// a file is first looked for at its own place in this walk, and the indexes by path and by
	// content are made only when that fails.
	old    []*cacheEntry
	byPath map[string]*cacheEntry
	byHash map[[16]byte]*cacheEntry
	used   []*cacheEntry // entries seen this run; only these are written back
	dirty  bool

	hits, rehashed, parsed int
}

type cacheEntry struct {
	path  string
	size  int64
	mtime int64
	hash  [16]byte
	seq   int // the file's place in this run's walk: entries are written in walk order
	// reports hold the fields a list shows; the rest of each report (sections, indicators,
	// warnings) stays encoded in heavy until a load asks for it, so opening the cache of a large
	// corpus decodes little and the rest is decoded on every core as files are claimed.
	reports []model.Report
	heavy   []string  // per report, its sections, indicators and warnings packed (see packHeavy); nil when reports are whole
	refs    []fragRef // per report, where its export fragment is in the export file
	frags   [][]byte  // per report, its export fragment when rendered in this run
	err     string
}

// fragRef is where a report's export fragment sits in the export file and its CRC-32C; n == 0
// is none.
type fragRef struct {
	off, n uint64
	sum    uint32
}

// cacheMagic changes whenever the encoding below changes.
const cacheMagic = "baogao-cache-7\n"

// CachePath is where the cache for a set of command-line paths lives: in baogao's cache folder,
// one file per set of absolute roots.
func CachePath(roots []string) (string, error) {
	dir, err := xdg.Cache()
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, r := range roots {
		if abs, err := filepath.Abs(r); err == nil {
			r = abs
		}
		h.Write([]byte(r + "\x00"))
	}
	return filepath.Join(dir, fmt.Sprintf("parse-%x.cache", h.Sum(nil)[:8])), nil
}

// parserIdentity names the running build (its executable's size and mtime), so rules changed in
// a new build never meet results of the old one.
func parserIdentity() string {
	exe, err := os.Executable()
	if err != nil {
		return "unknown"
	}
	st, err := os.Stat(exe)
	if err != nil {
		return "unknown"
	}
	// a PDF reads otherwise once pdftotext is installed (or removed): the cache must not keep
	// the refusal
	return fmt.Sprintf("%d:%d:pdftotext=%v", st.Size(), st.ModTime().UnixNano(), pdftotext() != "")
}

// OpenCache opens the cache at path and starts decoding it. A missing file is an empty cache; an
// unreadable or corrupt one is an empty cache too, with the reason returned for the caller to
// mention. A chunk found damaged later is left out and said by Damage.
func OpenCache(path string) (*Cache, error) {
	c := &Cache{path: path, identity: parserIdentity()}
	c.decoded = sync.NewCond(&c.mu)
	b, err := mapFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, msg.E("cache.unused", path, err)
	}
	h, err := decodeHeader(b, c.identity)
	if err != nil || h.spans == nil {
		if err != nil {
			err = msg.E("cache.unused", path, err)
		}
		return c, err
	}
	c.token, c.entries = h.token, h.entries
	c.pending = len(h.spans)
	go c.decodeChunks(unsafe.String(unsafe.SliceData(b), len(b)), h)
	return c, nil
}

// decodeChunks decodes the chunks on every core, publishing them in file order so lookups of
// the first files are answered first.
func (c *Cache) decodeChunks(s string, h cacheHeader) {
	spans := h.spans
	parts := make([][]*cacheEntry, len(spans))
	ready := make([]bool, len(spans))
	var next atomic.Int64
	var wg sync.WaitGroup
	// One core is left to the folder walk that runs meanwhile: until it ends no file can be
	// looked up, and the chunks are done before it on any corpus measured.
	for w := 0; w < min(max(1, runtime.GOMAXPROCS(0)-1), len(spans)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < len(spans); i = int(next.Add(1) - 1) {
				sp := spans[i]
				if hookDecode != nil {
					hookDecode()
				}
				entries, ok := decodeChunk(s, sp, h.heavy)
				c.mu.Lock()
				parts[i], ready[i] = entries, true
				if !ok {
					c.damage = errCorrupt
				}
				// publish every chunk up to the first not ready, in order
				for j := len(spans) - c.pending; j < len(spans) && ready[j]; j++ {
					c.old = append(c.old, parts[j]...)
					parts[j] = nil
					c.pending--
				}
				c.decoded.Broadcast()
				c.mu.Unlock()
			}
		}()
	}
	wg.Wait()
}

// settled waits until every chunk is decoded; c.mu is held.
func (c *Cache) settled() {
	for c.pending > 0 {
		c.decoded.Wait()
	}
}

// Damage says whether part of the cache did not hold up (and was left out).
func (c *Cache) Damage() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settled()
	if c.damage != nil {
		return msg.E("cache.partly", c.path, c.damage)
	}
	if n := c.badPack.Load(); n > 0 {
		return msg.E("cache.partly-reports", c.path, n)
	}
	if n := c.badFrag.Load(); n > 0 {
		return msg.E("cache.export-partly", c.exportPath(), n)
	}
	return nil
}

// Stats says how the last load used the cache: files taken as they were, files read and
// recognised by their bytes, files parsed.
func (c *Cache) Stats() (hits, rehashed, parsed int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settled()
	return c.hits, c.rehashed, c.parsed
}

// lookup is the entry for a file whose size and mtime are unchanged; seq is its place in the walk.
func (c *Cache) lookup(p string, size, mtime int64, seq int) *cacheEntry {
	return c.hit(c.entry(p, seq), size, mtime, seq)
}

// entry is the old entry under the path, of whatever size and mtime (nil: none).
func (c *Cache) entry(p string, seq int) *cacheEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.byPathAt(p, seq)
}

// hit is e, counted as used by the walk's seq-th file, when the file's size and mtime are e's;
// nil when they are not (or e is nil). An entry's size and mtime do not change once decoded.
func (c *Cache) hit(e *cacheEntry, size, mtime int64, seq int) *cacheEntry {
	if e == nil || e.size != size || e.mtime != mtime {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	e.seq = seq
	c.used = append(c.used, e)
	c.hits++
	return e
}

// byPathAt is the old entry under the path, waiting for the chunk that holds the walk's seq-th
// file; c.mu is held.
func (c *Cache) byPathAt(p string, seq int) *cacheEntry {
	for seq >= len(c.old) && c.pending > 0 {
		c.decoded.Wait()
	}
	if seq < len(c.old) && c.old[seq].path == p {
		return c.old[seq]
	}
	c.settled()
	return c.pathIndex()[p]
}

// firstFiles gives the outcomes of the first n files of the last walk that are unchanged on
// disk, and their paths: what a warm start can show before the folders are walked again. It
// stops at a changed file, so what it gives is the start of this walk too unless files were
// added among them; deleted files are passed over.
//
// The cache of a set of folders is shared by every spelling of them (c5k, ./c5k, /tmp/c5k): a
// file is offered only when its path is spelled as this walk will spell it (spelled), or the
// walk would not know it for one it had shown and list it again.
func (c *Cache) firstFiles(n int, opt Options, spelled func(string) bool) (outs []outcome, paths []string) {
	c.mu.Lock()
	for len(c.old) < n && c.pending > 0 {
		c.decoded.Wait()
	}
	first := append([]*cacheEntry(nil), c.old[:min(n, len(c.old))]...)
	c.mu.Unlock()
	for seq, e := range first {
		if !spelled(e.path) {
			break
		}
		st, err := os.Stat(e.path)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil || !st.Mode().IsRegular() || c.lookup(e.path, st.Size(), st.ModTime().UnixNano(), seq) == nil {
			break
		}
		o, ok := c.outcome(e, e.path, opt)
		if !ok {
			break // damaged: parsed in its turn
		}
		outs, paths = append(outs, o), append(paths, e.path)
	}
	return outs, paths
}

// size is how many files the cache knows: a first guess at how many a walk will find.
func (c *Cache) size() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.entries
}

// pathIndex and hashIndex are the old entries by path and by content, made when first needed;
// c.mu is held and every chunk decoded.
func (c *Cache) pathIndex() map[string]*cacheEntry {
	if c.byPath == nil {
		c.byPath = make(map[string]*cacheEntry, len(c.old))
		for _, e := range c.old {
			c.byPath[e.path] = e
		}
	}
	return c.byPath
}

func (c *Cache) hashIndex() map[[16]byte]*cacheEntry {
	if c.byHash == nil {
		c.byHash = make(map[[16]byte]*cacheEntry, len(c.old))
		for _, e := range c.old {
			c.byHash[e.hash] = e
		}
	}
	return c.byHash
}

// lookupBytes is the entry for a file with these bytes, whatever its name or mtime was; the
// entry is re-filed under its new path and stat.
func (c *Cache) lookupBytes(p string, size, mtime int64, h [16]byte, seq int) *cacheEntry {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settled()
	e := c.hashIndex()[h]
	if e == nil || e.size != size {
		return nil
	}
	ne := &cacheEntry{path: p, size: size, mtime: mtime, hash: h, seq: seq, err: e.err, reports: renamed(e.reports, p), heavy: e.heavy, refs: e.refs, frags: e.frags}
	c.used = append(c.used, ne)
	c.hashIndex()[h] = ne
	c.rehashed++
	c.dirty = true
	return ne
}

// store keeps what a file parsed into; a copy of it later in the walk is then found by its bytes.
func (c *Cache) store(e *cacheEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settled()
	c.used = append(c.used, e)
	c.hashIndex()[e.hash] = e
	c.parsed++
	c.dirty = true
}

// renamed gives cached reports of a file that now has another name the ids and sources Parse
// would give them.
func renamed(reps []model.Report, name string) []model.Report {
	out := make([]model.Report, len(reps))
	for i, r := range reps {
		r.Source = name
		r.ID = parse.ReportID(name, r.Part)
		out[i] = r
	}
	return out
}

// Save writes the entries of the files seen in this run (files no longer there are forgotten).
// Nothing is written when nothing changed.
func (c *Cache) Save() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.settled()
	if !c.dirty && len(c.used) == len(c.old) { // every old entry used, none added
		return nil
	}
	// One entry per path, the last one seen (a file named twice on the command line is seen
	// twice; a damaged entry is followed by the file parsed again), in walk order, so the first
	// files a browser shows sit in the first chunk decoded.
	entries := make([]*cacheEntry, 0, len(c.used))
	seen := make(map[string]bool, len(c.used))
	for i := len(c.used) - 1; i >= 0; i-- {
		if e := c.used[i]; !seen[e.path] {
			seen[e.path] = true
			entries = append(entries, e)
		}
	}
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].seq < entries[j].seq })
	if err := os.MkdirAll(filepath.Dir(c.path), 0o700); err != nil {
		return err
	}
	// The export file is written first and names itself with a new token: a cache whose
	// token does not match (a crash between the two renames) has its fragments ignored.
	// A run that did not read it (a browser) leaves it and the entries' refs as they were.
	if c.export {
		token := mathrand.Uint64() | 1
		if err := writeAtomic(c.exportPath(), func(w *bufio.Writer) error { return c.encodeExport(w, entries, token) }); err != nil {
			return err
		}
		c.token, c.exportB = token, nil // the old mapping stays valid; it is no longer ours to read
	}
	parts := encodeCache(entries, c.identity, c.token)
	if err := writeAtomic(c.path, func(w *bufio.Writer) error {
		for _, p := range parts {
			w.Write(p)
		}
		writeHeavy(w, entries)
		return nil
	}); err != nil {
		return err
	}
	c.old, c.entries, c.byPath, c.byHash, c.used, c.dirty = entries, len(entries), nil, nil, nil, false
	return nil
}

// writeAtomic writes a file under a temporary name and renames it over the old one.
func writeAtomic(path string, write func(*bufio.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".parse-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	bw := bufio.NewWriterSize(tmp, 1<<16)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// The export file keeps, for each cached report, the JSON the export prints for it (everything
// but its id, source and review, which depend on how the folder was named and on the reviews):
// a warm export copies bytes instead of rendering a national corpus again. Layout: magic, the
// token the cache names it by, the fragments; each fragment's CRC-32C is in the cache beside
// its place, checked when it is used.
const exportMagic = "baogao-export-2\n"

func (c *Cache) exportPath() string { return strings.TrimSuffix(c.path, ".cache") + ".export" }

// useExport makes this run read and write export fragments. A missing, damaged or stale export
// file only means the fragments are rendered again.
func (c *Cache) useExport() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.export {
		return nil
	}
	c.export = true
	if c.token == 0 {
		return nil
	}
	b, err := mapFile(c.exportPath())
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return msg.E("cache.export-unused", c.exportPath(), err)
	case len(b) < len(exportMagic)+8 || !bytes.HasPrefix(b, []byte(exportMagic)):
		return msg.E("cache.export-unused", c.exportPath(), errCorrupt)
	case binary.LittleEndian.Uint64(b[len(exportMagic):]) != c.token:
		return nil // written for another state of the cache
	}
	c.exportB = b
	return nil
}

// frag is report i's export fragment: rendered in this run, or read from the export file when
// it is there and its checksum holds.
func (c *Cache) frag(e *cacheEntry, i int) []byte {
	if i < len(e.frags) && len(e.frags[i]) > 0 {
		return e.frags[i]
	}
	if i >= len(e.refs) || c.exportB == nil {
		return nil
	}
	r := e.refs[i]
	if r.n == 0 || r.off < uint64(len(exportMagic)+8) || r.off+r.n > uint64(len(c.exportB)) || r.off+r.n < r.off {
		return nil
	}
	f := c.exportB[r.off : r.off+r.n : r.off+r.n]
	if crc32.Checksum(f, crcTable) != r.sum {
		c.badFrag.Add(1)
		return nil
	}
	return f
}

// setFrags keeps the fragments rendered for an entry that had none.
func (c *Cache) setFrags(e *cacheEntry, frags [][]byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e.frags = frags
	c.dirty = true
}

// encodeExport writes the export file and points the entries' refs into it.
func (c *Cache) encodeExport(w *bufio.Writer, entries []*cacheEntry, token uint64) error {
	w.WriteString(exportMagic)
	w.Write(binary.LittleEndian.AppendUint64(nil, token))
	off := uint64(len(exportMagic) + 8)
	for _, e := range entries {
		refs := make([]fragRef, len(e.reports))
		for i := range refs {
			if f := c.frag(e, i); f != nil {
				refs[i] = fragRef{off, uint64(len(f)), crc32.Checksum(f, crcTable)}
				if _, err := w.Write(f); err != nil {
					return err
				}
				off += uint64(len(f))
			}
		}
		e.refs, e.frags = refs, nil
	}
	return nil
}

// The encoding: a header — magic, identity, token, and for each chunk its offset, length and
// CRC-32C, then the header's own CRC-32C — and the chunks of entries. Numbers are varints;
// strings are a length and bytes. Decoding slices every string out of the file as mapped, so a
// hundred thousand reports cost no copy of their text.

type encoder struct{ b []byte }

func (e *encoder) uint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) int(v int)     { e.b = binary.AppendVarint(e.b, int64(v)) }
func (e *encoder) str(s string)  { e.uint(uint64(len(s))); e.b = append(e.b, s...) }
func (e *encoder) float(f *float64) {
	if f == nil {
		e.b = append(e.b, 0)
		return
	}
	e.b = append(e.b, 1)
	e.b = binary.LittleEndian.AppendUint64(e.b, math.Float64bits(*f))
}

// cacheChunks is how many independently decodable runs the entries are written in, so that a
// large cache decodes on every core and its first files are found before the rest is decoded.
const cacheChunks = 64

type chunkSpan struct {
	off, n int
	sum    uint32
}

// encodeCache gives the header and the chunks, to be written one after the other, and then the
// entries' packed reports (writeHeavy): a load reads the chunks, which are small, and a report's
// sections and indicators only when it is shown.
func encodeCache(entries []*cacheEntry, identity string, token uint64) [][]byte {
	per := (len(entries) + cacheChunks - 1) / cacheChunks
	var chunks [][]byte
	heavyOff := 0
	for c := 0; per > 0 && c*per < len(entries); c++ {
		ce := &encoder{}
		part := entries[c*per : min(len(entries), (c+1)*per)]
		ce.uint(uint64(len(part)))
		for _, en := range part {
			ce.entry(en, &heavyOff)
		}
		chunks = append(chunks, ce.b)
	}
	// Offsets are absolute, so the header's own length must be known first: lay it out with
	// offsets relative to its end, then once more with them shifted by its length (varints
	// may grow, so repeat until it no longer changes).
	header := func(base int) []byte {
		h := &encoder{b: []byte(cacheMagic)}
		h.str(identity)
		h.b = binary.LittleEndian.AppendUint64(h.b, token)
		h.uint(uint64(len(entries)))
		h.uint(uint64(len(chunks)))
		off := base
		for _, ch := range chunks {
			h.uint(uint64(off))
			h.uint(uint64(len(ch)))
			h.b = binary.LittleEndian.AppendUint32(h.b, crc32.Checksum(ch, crcTable))
			off += len(ch)
		}
		h.uint(uint64(off)) // the packed reports start here
		h.uint(uint64(heavyOff))
		return binary.LittleEndian.AppendUint32(h.b, crc32.Checksum(h.b, crcTable))
	}
	h := header(0)
	for n := -1; n != len(h); {
		n = len(h)
		h = header(n)
	}
	return append([][]byte{h}, chunks...)
}

// writeHeavy writes the packed reports, in the order encodeCache numbered them.
func writeHeavy(w *bufio.Writer, entries []*cacheEntry) {
	for _, en := range entries {
		for i := range en.reports {
			w.WriteString(en.packed(i))
		}
	}
}

func (en *cacheEntry) packed(i int) string {
	if en.heavy != nil {
		return en.heavy[i]
	}
	return packHeavy(&en.reports[i])
}

func (e *encoder) entry(en *cacheEntry, heavyOff *int) {
	e.str(en.path)
	e.int(int(en.size))
	e.uint(uint64(en.mtime))
	e.b = append(e.b, en.hash[:]...)
	e.str(en.err)
	e.uint(uint64(len(en.reports)))
	for i := range en.reports {
		e.report(&en.reports[i])
		n := len(en.packed(i))
		e.uint(uint64(*heavyOff))
		e.uint(uint64(n))
		*heavyOff += n
		var ref fragRef
		if i < len(en.refs) {
			ref = en.refs[i]
		}
		e.uint(ref.off)
		e.uint(ref.n)
		e.b = binary.LittleEndian.AppendUint32(e.b, ref.sum)
	}
}

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// report writes the fields a list needs; packHeavy the rest.
func (e *encoder) report(r *model.Report) {
	for _, s := range []string{r.ID, r.Source, r.Title, r.Region, r.Level, r.RegionCode, r.Province, r.Prefecture, r.Date, r.Speaker, r.Hash} {
		e.str(s)
	}
	e.int(r.Part)
	e.int(r.Year)
	e.int(r.ReviewYear)
	e.int(r.Chars)
}

// packHeavy encodes a report's sections, indicators and warnings behind their CRC-32C, which
// unpacking checks: they are read long after the chunk that points to them was checked.
func packHeavy(r *model.Report) string {
	e := &encoder{b: make([]byte, 4, 512)}
	e.uint(uint64(len(r.Warnings)))
	for _, w := range r.Warnings {
		e.str(w)
	}
	e.sections(r.Sections)
	e.uint(uint64(len(r.Indicators)))
	for _, in := range r.Indicators {
		for _, s := range []string{in.Name, in.RawName, string(in.Kind), in.Unit, in.Qualifier, in.Text, in.Section} {
			e.str(s)
		}
		e.float(in.Value)
		e.float(in.Growth)
		e.float(in.Stretch)
		e.int(in.Start)
		e.int(in.End)
	}
	binary.LittleEndian.PutUint32(e.b, crc32.Checksum(e.b[4:], crcTable))
	return string(e.b)
}

func (e *encoder) sections(ss []model.Section) {
	e.uint(uint64(len(ss)))
	for _, s := range ss {
		e.str(s.Title)
		e.int(s.Level)
		e.int(s.Start)
		e.int(s.End)
		e.sections(s.Children)
	}
}

var errCorrupt = msg.E("cache.corrupt")

type decoder struct {
	s   string
	off int
	err error
}

// rest is the undecoded bytes, viewed without a copy (the varint readers only read them).
func (d *decoder) rest() []byte {
	return unsafe.Slice(unsafe.StringData(d.s[d.off:]), len(d.s)-d.off)
}

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.rest())
	if n <= 0 {
		d.err = errCorrupt
		return 0
	}
	d.off += n
	return v
}

func (d *decoder) int() int {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.rest())
	if n <= 0 {
		d.err = errCorrupt
		return 0
	}
	d.off += n
	return int(v)
}

// count reads a length and refuses one larger than the bytes left could hold.
func (d *decoder) count() int {
	n := d.uint()
	if n > uint64(len(d.s)-d.off) {
		d.err = errCorrupt
		return 0
	}
	return int(n)
}

func (d *decoder) str() string {
	n := d.count()
	if d.err != nil {
		return ""
	}
	s := d.s[d.off : d.off+n]
	d.off += n
	return s
}

func (d *decoder) float(slab *[]float64) *float64 {
	if d.err != nil || d.off >= len(d.s) {
		d.err = errCorrupt
		return nil
	}
	flag := d.s[d.off]
	d.off++
	if flag == 0 {
		return nil
	}
	if d.off+8 > len(d.s) {
		d.err = errCorrupt
		return nil
	}
	*slab = append(*slab, math.Float64frombits(binary.LittleEndian.Uint64(d.rest())))
	d.off += 8
	return &(*slab)[len(*slab)-1]
}

type cacheHeader struct {
	token   uint64
	entries int
	spans   []chunkSpan // nil when the cache was written by another build
	heavy   [2]int      // where the packed reports are
}

// decodeHeader checks the header and that every chunk it names lies inside b.
func decodeHeader(b []byte, identity string) (cacheHeader, error) {
	var h cacheHeader
	if len(b) < len(cacheMagic)+4 || !bytes.HasPrefix(b, []byte(cacheMagic)) {
		return h, msg.E("cache.other-version")
	}
	d := &decoder{s: unsafe.String(unsafe.SliceData(b), len(b)), off: len(cacheMagic)}
	if id := d.str(); id != identity || d.err != nil {
		return h, d.err // written by another build: start afresh, quietly
	}
	if d.off+8 > len(d.s) {
		return h, errCorrupt
	}
	h.token = binary.LittleEndian.Uint64(d.rest())
	d.off += 8
	h.entries = d.count()
	n := d.count()
	spans := make([]chunkSpan, 0, n)
	for i := 0; i < n && d.err == nil; i++ {
		off, size := d.count(), d.count()
		if d.err != nil || d.off+4 > len(d.s) {
			return h, errCorrupt
		}
		spans = append(spans, chunkSpan{off, size, binary.LittleEndian.Uint32(d.rest())})
		d.off += 4
	}
	h.heavy[0] = d.count()
	h.heavy[1] = h.heavy[0] + d.count()
	if d.err != nil || d.off+4 > len(d.s) || crc32.Checksum(b[:d.off], crcTable) != binary.LittleEndian.Uint32(d.rest()) {
		return h, errCorrupt
	}
	for _, sp := range spans {
		if sp.off < d.off+4 || sp.off+sp.n > len(b) {
			return h, errCorrupt
		}
	}
	if h.heavy[0] < d.off+4 || h.heavy[1] > len(b) {
		return h, errCorrupt
	}
	h.spans = spans
	return h, nil
}

// decodeChunk reads the entries of one chunk of s; ok is false when its bytes do not hold what
// they claim.
func decodeChunk(s string, sp chunkSpan, heavy [2]int) (entries []*cacheEntry, ok bool) {
	chunk := s[sp.off : sp.off+sp.n]
	if crc32.Checksum(unsafe.Slice(unsafe.StringData(chunk), len(chunk)), crcTable) != sp.sum {
		return nil, false
	}
	return decodeEntries(chunk, s[heavy[0]:heavy[1]])
}

// minEncoded is fewer bytes than any entry or report takes encoded.
const minEncoded = 16

// decodeEntries reads entries after their checksum passed; it still checks every length, since
// a checksum only guards against accidents.
func decodeEntries(s, packed string) (entries []*cacheEntry, ok bool) {
	d := &decoder{s: s}
	n := d.count()
	if n > len(s)/minEncoded { // damage claiming more entries than the bytes could hold
		return nil, false
	}
	// One allocation per chunk for the entries and for their reports (most files hold one),
	// not several per file.
	slab := make([]cacheEntry, n)
	reports, heavy, refs := make([]model.Report, 0, n), make([]string, 0, n), make([]fragRef, 0, n)
	entries = make([]*cacheEntry, 0, n)
	for i := 0; i < n && d.err == nil; i++ {
		e := &slab[i]
		e.path, e.size, e.mtime = d.str(), int64(d.int()), int64(d.uint())
		if d.off+16 > len(d.s) {
			return nil, false
		}
		copy(e.hash[:], d.s[d.off:d.off+16])
		d.off += 16
		e.err = d.str()
		n := d.count()
		if n > (len(d.s)-d.off)/minEncoded {
			return nil, false
		}
		if len(reports)+n > cap(reports) {
			reports, heavy, refs = make([]model.Report, 0, max(n, cap(reports))), make([]string, 0, max(n, cap(reports))), make([]fragRef, 0, max(n, cap(reports)))
		}
		k := len(reports)
		reports, heavy, refs = reports[:k+n], heavy[:k+n], refs[:k+n]
		e.reports, e.heavy, e.refs = reports[k:k+n:k+n], heavy[k:k+n:k+n], refs[k:k+n:k+n]
		for j := range e.reports {
			d.report(&e.reports[j])
			off, n := d.uint(), d.uint()
			if off > uint64(len(packed)) || n > uint64(len(packed))-off {
				return nil, false
			}
			e.heavy[j] = packed[off : off+n]
			e.refs[j] = fragRef{off: d.uint(), n: d.uint()}
			if d.err != nil || d.off+4 > len(d.s) {
				return nil, false
			}
			e.refs[j].sum = binary.LittleEndian.Uint32(d.rest())
			d.off += 4
		}
		entries = append(entries, e)
	}
	if d.err != nil || d.off != len(d.s) {
		return nil, false
	}
	return entries, true
}

func (d *decoder) report(r *model.Report) {
	for _, p := range []*string{&r.ID, &r.Source, &r.Title, &r.Region, &r.Level, &r.RegionCode, &r.Province, &r.Prefecture, &r.Date, &r.Speaker, &r.Hash} {
		*p = d.str()
	}
	r.Part, r.Year, r.ReviewYear, r.Chars = d.int(), d.int(), d.int(), d.int()
}

// decodeHeavy fills in the sections, indicators and warnings of a report decoded light.
func decodeHeavy(s string, r *model.Report) error {
	if len(s) < 4 || crc32.Checksum(unsafe.Slice(unsafe.StringData(s[4:]), len(s)-4), crcTable) != binary.LittleEndian.Uint32(unsafe.Slice(unsafe.StringData(s), 4)) {
		return errCorrupt
	}
	d := &decoder{s: s[4:]}
	r.Warnings = make([]string, d.count())
	for i := range r.Warnings {
		r.Warnings[i] = d.str()
	}
	r.Sections = d.sections(0)
	r.Indicators = make([]model.Indicator, d.count())
	slab := make([]float64, 0, 2*len(r.Indicators)) // never grows past this: no pointer moves
	for i := range r.Indicators {
		in := &r.Indicators[i]
		var kind string
		for _, p := range []*string{&in.Name, &in.RawName, &kind, &in.Unit, &in.Qualifier, &in.Text, &in.Section} {
			*p = d.str()
		}
		in.Kind = model.Kind(kind)
		if len(slab)+3 > cap(slab) {
			slab = make([]float64, 0, 3*(len(r.Indicators)-i))
		}
		in.Value, in.Growth, in.Stretch = d.float(&slab), d.float(&slab), d.float(&slab)
		in.Start, in.End = d.int(), d.int()
	}
	if d.err != nil || d.off != len(d.s) {
		return errCorrupt
	}
	return nil
}

func (d *decoder) sections(depth int) []model.Section {
	if depth > 8 { // reports have two levels; deeper is damage
		d.err = errCorrupt
		return nil
	}
	ss := make([]model.Section, d.count())
	for i := range ss {
		ss[i] = model.Section{Title: d.str(), Level: d.int(), Start: d.int(), End: d.int()}
		ss[i].Children = d.sections(depth + 1)
		if d.err != nil {
			return nil
		}
	}
	return ss
}
