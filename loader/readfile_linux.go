//go:build linux

package loader

import (
	"io/fs"
	"syscall"
)

// readAll reads at most limit bytes of the file into b (grown as needed) and says the size and
// mtime the file had when opened (size -1 when unknown). On Linux it calls the system itself:
// os.Open makes each regular file ready for the runtime's poller (four fcntl and an epoll_ctl
// that fails), ten calls a file where five do, and a cold load of 10,000 reports spent more time
// in them than in reading the bytes.
func readAll(name string, b []byte, limit int) ([]byte, stamp, error) {
	var fd int
	var err error
	for {
		if fd, err = syscall.Open(name, syscall.O_RDONLY|syscall.O_CLOEXEC, 0); err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, stamp{size: -1}, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer syscall.Close(fd)
	at := stamp{size: -1}
	var st syscall.Stat_t
	if syscall.Fstat(fd, &st) == nil {
		at = stamp{st.Size, st.Mtim.Nano()}
	}
	b, err = fill(room(b, at.size, limit), limit, func(p []byte) (int, bool, error) {
		for {
			n, err := syscall.Read(fd, p)
			switch {
			case err == syscall.EINTR:
				continue
			case err != nil:
				return 0, false, &fs.PathError{Op: "read", Path: name, Err: err}
			}
			return n, n == 0, nil
		}
	})
	return b, at, err
}
