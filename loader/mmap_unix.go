//go:build unix

package loader

import (
	"os"
	"syscall"
)

// mapFile maps a cache file read-only: a national corpus's cache is hundreds of megabytes, and
// mapping it costs neither a copy nor the wait for one before the first entries decode. The
// mapping is never undone, so strings sliced from it stay valid; files are replaced by rename,
// never rewritten in place, so a mapped file never changes under us.
func mapFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() == 0 {
		return nil, nil
	}
	if int64(int(st.Size())) != st.Size() {
		return nil, syscall.EFBIG
	}
	return syscall.Mmap(int(f.Fd()), 0, int(st.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
}
