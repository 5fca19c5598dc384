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
	b, err = fill(room(b, at.size, limit), limit, func(p []byte) (int, bool, error) {
		n, err := f.Read(p)
		if err == io.EOF {
			return n, true, nil
		}
		return n, false, err
	})
	return b, at, err
}
