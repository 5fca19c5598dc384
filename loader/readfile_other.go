//go:build !linux

package loader

import (
	"io"
	"os"
)

// readAll reads at most limit bytes of the file into b (grown as needed) and says the size and
// mtime the file had when opened (size -1 when unknown).
func readAll(name string, b []byte, limit int) ([]byte, stamp, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, stamp{size: -1}, err
	}
	defer f.Close()
	at := stamp{size: -1}
	if st, err := f.Stat(); err == nil {
		at = stamp{st.Size(), st.ModTime().UnixNano()}
	}
	b = room(b, at.size, limit)
	for len(b) < limit {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := f.Read(b[len(b):min(cap(b), limit)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, at, nil
		}
		if err != nil {
			return nil, at, err
		}
	}
	return b, at, nil
}
