package server

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"sync"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// TestServeLoad is the load script of `serve` (scripts/serve-load runs it): N concurrent
// interactive sessions each send K keystrokes; it prints errors, the p50/p99 time from a
// keystroke to the frame that shows it, and heap per added session. Figures, not assertions:
// it only runs when BAOGAO_LOAD is set.
func TestServeLoad(t *testing.T) {
	if os.Getenv("BAOGAO_LOAD") == "" {
		t.Skip("set BAOGAO_LOAD=1 (or run scripts/serve-load) to run the load test")
	}
	const sessions, keystrokes = 50, 200
	ts := startServer(t, func(c *serveConfig) { c.maxSessions = sessions + 21 }) // connections stay open until the end: each holds a slot
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapInuse
	}
	before := heap()
	type sess struct {
		s   *gossh.Session
		in  io.Writer
		out *syncBuffer
	}
	var all []sess
	for i := 0; i < sessions; i++ {
		s, in, out := openTUI(t, ts)
		waitOutput(t, out, "8/8")
		all = append(all, sess{s, in, out})
	}
	perSession := float64(heap()-before) / sessions / (1 << 20)

	var mu sync.Mutex
	var lat []time.Duration
	errs := 0
	var wg sync.WaitGroup
	keys := []string{"j", "k", "j", "j", "k", "G", "g"}
	for _, s := range all {
		wg.Add(1)
		go func(s sess) {
			defer wg.Done()
			for k := 0; k < keystrokes; k++ {
				n := s.out.Len()
				start := time.Now()
				if _, err := s.in.Write([]byte(keys[k%len(keys)])); err != nil {
					mu.Lock()
					errs++
					mu.Unlock()
					return
				}
				// the frame that shows it: the first output after the keystroke
				for s.out.Len() == n {
					if time.Since(start) > 5*time.Second {
						mu.Lock()
						errs++
						mu.Unlock()
						break
					}
					time.Sleep(200 * time.Microsecond)
				}
				mu.Lock()
				lat = append(lat, time.Since(start))
				mu.Unlock()
			}
		}(s)
	}
	wg.Wait()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) time.Duration { return lat[int(float64(len(lat)-1)*p)] }
	fmt.Printf("serve load: %d sessions x %d keystrokes: errors %d, keystroke->frame p50 %v p99 %v, heap per added session %.2f MB\n",
		sessions, keystrokes, errs, pct(0.5).Round(10*time.Microsecond), pct(0.99).Round(10*time.Microsecond), perSession)
	for _, s := range all {
		s.in.Write([]byte("q"))
	}

	// Memory per session has a ceiling: the largest screen the server draws.
	for _, size := range [][2]int{{120, 40}, {1500, 2000}} {
		const n = 10
		time.Sleep(300 * time.Millisecond)
		before := heap()
		var open []sess
		for range n {
			s, in, out := openTUISized(t, ts, size[0], size[1])
			waitOutput(t, out, "8/8")
			in.Write([]byte("j"))
			open = append(open, sess{s, in, out})
		}
		time.Sleep(300 * time.Millisecond)
		per := float64(heap()-before) / n / (1 << 20)
		drawn := fmt.Sprintf("%dx%d", min(size[0], maxCols), min(size[1], maxRows))
		fmt.Printf("serve load: heap per session asking for %dx%d (drawn %s): %.2f MB\n", size[0], size[1], drawn, per)
		for _, s := range open {
			s.in.Write([]byte("q"))
		}
	}
}
