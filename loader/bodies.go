package loader

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"hash/crc32"
	"os"
	"sync"
	"unsafe"

	"baogao/model"
	"baogao/msg"
)

// Bodies keeps the text of every report parsed, beside the parse cache, so that a search reads
// every report's text at the speed of memory: the parse cache keeps no bodies (a browser would
// hold the whole corpus), and reading the files again means parsing them again.
//
// It is a log addressed by content: a record per text, keyed by its hash (model.TextHash),
// appended when a file is parsed, mapped into memory when read. A torn tail (a killed run) ends
// the log where the last whole record ends; a record whose checksum fails is not given out. A
// text no longer in any report stays until the log is rewritten (Compact). It is only a cache.
type Bodies struct {
	path string

	mu      sync.Mutex
	maps    [][]byte        // every mapping made; earlier ones stay valid for what was handed out
	data    []byte          // the latest mapping
	index   map[string]span // hash → record in data, or in the file past it (pending)
	checked map[string]bool // records whose checksum was verified
	f       *os.File        // for appending; nil until the first Put
	w       *bufio.Writer
	size    int64 // bytes in the file, written or buffered
	dirty   bool  // appended since the last mapping
	err     error // the first write error: the log is then only read
}

type span struct{ off, n int64 }

const (
	bodiesMagic = "BGTEXT1\n"
	hashLen     = 12              // model.TextHash: the first 12 bytes of the sha256
	recordHead  = 4 + hashLen + 4 // length, hash, crc32c
)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// OpenBodies opens the log at path (made on the first Put when it is not there). A log that
// cannot be read is started again.
func OpenBodies(path string) *Bodies {
	b := &Bodies{path: path, index: map[string]span{}, checked: map[string]bool{}}
	data, err := mapFile(path)
	if err != nil || len(data) < len(bodiesMagic) || !bytes.HasPrefix(data, []byte(bodiesMagic)) {
		return b
	}
	b.maps, b.data = append(b.maps, data), data
	off := int64(len(bodiesMagic))
	for off+recordHead <= int64(len(data)) {
		n := int64(binary.LittleEndian.Uint32(data[off:]))
		if off+recordHead+n > int64(len(data)) {
			break // a torn tail
		}
		b.index[hex.EncodeToString(data[off+4:off+4+hashLen])] = span{off, n}
		off += recordHead + n
	}
	b.size = off
	return b
}

// Put keeps a report's text under its hash, unless it is kept already.
func (b *Bodies) Put(hash, body string) {
	if b == nil || hash == "" {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.index[hash]; ok || b.err != nil {
		return
	}
	sum, err := hex.DecodeString(hash)
	if err != nil || len(sum) != hashLen {
		return
	}
	if b.f == nil {
		os.MkdirAll(dirOf(b.path), 0o700) // the cache's folder is made when it is saved, later
		f, err := os.OpenFile(b.path, os.O_RDWR|os.O_CREATE, 0o600)
		if err == nil {
			// what follows the last whole record (a torn tail, or a file of something else) goes
			err = f.Truncate(b.size)
			if b.size == 0 {
				_, err = f.WriteAt([]byte(bodiesMagic), 0)
				b.size = int64(len(bodiesMagic))
			}
		}
		if err == nil {
			_, err = f.Seek(b.size, 0)
		}
		if err != nil {
			b.err = err
			if f != nil {
				f.Close()
			}
			return
		}
		b.f, b.w = f, bufio.NewWriterSize(f, 1<<20)
	}
	var head [recordHead]byte
	binary.LittleEndian.PutUint32(head[:], uint32(len(body)))
	copy(head[4:], sum)
	binary.LittleEndian.PutUint32(head[4+hashLen:], crc32.Checksum(unsafe.Slice(unsafe.StringData(body), len(body)), castagnoli))
	b.w.Write(head[:])
	if _, err := b.w.WriteString(body); err != nil {
		b.err = err
		return
	}
	b.index[hash] = span{b.size, int64(len(body))}
	b.size += recordHead + int64(len(body))
	b.dirty = true
}

// Flush writes what Put buffered.
func (b *Bodies) Flush() error {
	if b == nil {
		return nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.w != nil && b.err == nil {
		b.err = b.w.Flush()
	}
	return b.err
}

// Get is the text kept under hash. The string points into the mapped file: it stays valid for
// the life of the process and must not be written.
func (b *Bodies) Get(hash string) (string, bool) {
	if b == nil || hash == "" {
		return "", false
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	s, ok := b.index[hash]
	if !ok {
		return "", false
	}
	if s.off+recordHead+s.n > int64(len(b.data)) {
		if !b.remap() || s.off+recordHead+s.n > int64(len(b.data)) {
			return "", false
		}
	}
	body := b.data[s.off+recordHead : s.off+recordHead+s.n]
	if !b.checked[hash] {
		if crc32.Checksum(body, castagnoli) != binary.LittleEndian.Uint32(b.data[s.off+4+hashLen:]) {
			delete(b.index, hash) // damaged: not given out, and written again by the next parse
			return "", false
		}
		b.checked[hash] = true
	}
	return unsafe.String(unsafe.SliceData(body), len(body)), true
}

// remap maps the file again to take in what was appended since.
func (b *Bodies) remap() bool {
	if b.w != nil {
		if err := b.w.Flush(); err != nil {
			b.err = err
			return false
		}
	}
	data, err := mapFile(b.path)
	if err != nil {
		return false
	}
	b.maps, b.data, b.dirty = append(b.maps, data), data, false
	return true
}

// Body is report r's text: in memory, or kept in bodies; ok is false when neither has it (the
// caller reads the file again).
func Body(bodies *Bodies, r *model.Report) (string, bool) {
	if r.Body != "" || r.Chars == 0 {
		return r.Body, true
	}
	return bodies.Get(r.Hash)
}

// Compact rewrites the log with the texts of live alone when more than half of it is texts of
// no report any more (files changed or removed since they were parsed).
func (b *Bodies) Compact(live []model.Report) error {
	if b == nil {
		return nil
	}
	keep := map[string]bool{}
	var liveBytes int64
	for i := range live {
		h := live[i].Hash
		b.mu.Lock()
		s, ok := b.index[h]
		b.mu.Unlock()
		if ok && !keep[h] {
			keep[h] = true
			liveBytes += recordHead + s.n
		}
	}
	b.mu.Lock()
	total := b.size
	b.mu.Unlock()
	if total < 1<<20 || liveBytes*2 >= total {
		return nil
	}
	if err := b.Flush(); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dirOf(b.path), ".bodies-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriterSize(tmp, 1<<20)
	w.WriteString(bodiesMagic)
	b.mu.Lock()
	if !b.remap() {
		b.mu.Unlock()
		tmp.Close()
		return msg.E("cache.bodies-remap")
	}
	index := map[string]span{}
	off := int64(len(bodiesMagic))
	for h := range keep {
		s := b.index[h]
		w.Write(b.data[s.off : s.off+recordHead+s.n])
		index[h] = span{off, s.n}
		off += recordHead + s.n
	}
	b.mu.Unlock()
	if err := errors.Join(w.Flush(), tmp.Sync(), tmp.Close()); err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.f != nil {
		b.f.Close()
		b.f, b.w = nil, nil
	}
	if err := os.Rename(tmp.Name(), b.path); err != nil {
		return err
	}
	b.index, b.size, b.checked = index, off, map[string]bool{}
	b.data = nil // offsets are the new file's: the next Get maps it
	return nil
}

func dirOf(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if os.IsPathSeparator(path[i]) {
			return path[:i]
		}
	}
	return "."
}
