//go:build !linux

package loader

import (
	"io"
	"os"
)

// readAll reads at most limit bytes of the file into b (grown as needed) and says the size the
// file had when opened (-1 when unknown).
func readAll(name string, b []byte, limit int) ([]byte, int64, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, -1, err
	}
	defer f.Close()
	size := int64(-1)
	if st, err := f.Stat(); err == nil {
		size = st.Size()
	}
	b = room(b, size, limit)
	for len(b) < limit {
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
		n, err := f.Read(b[len(b):min(cap(b), limit)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, size, nil
		}
		if err != nil {
			return nil, size, err
		}
	}
	return b, size, nil
}
