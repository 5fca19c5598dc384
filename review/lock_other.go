//go:build !unix

package review

import (
	"os"
	"time"

	"baogao/msg"
)

// lockPath takes the lock at path where flock(2) does not exist: a marker file created
// exclusively. A process killed while holding it leaves it behind, so a marker older than
// staleAfter is taken to be such a leftover and replaced.
func lockPath(path string, wait bool) (release func(), err error) {
	const staleAfter = 30 * time.Second
	marker := path + ".held"
	deadline := time.Now().Add(10 * time.Second)
	for {
		f, err := os.OpenFile(marker, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err == nil {
			f.Close()
			return func() { os.Remove(marker) }, nil
		}
		if !os.IsExist(err) {
			return nil, err
		}
		if st, serr := os.Stat(marker); serr == nil && time.Since(st.ModTime()) > staleAfter {
			os.Remove(marker)
			continue
		}
		if !wait || time.Now().After(deadline) {
			return nil, msg.E("state.locked", path)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
